/**
 * @module modules/media/avif-queue
 * A small in-process queue for AVIF derivatives: an upload enqueues its media id and one worker
 * encodes one image at a time after the response has gone out. `onDone` runs when a row gained
 * AVIF files (the web layer re-renders and purges the pages that show it).
 */
import type { Db } from '../../db/database.js';
import { generateAvif } from './avif.service.js';

export interface AvifHooks {
  onDone?: (mediaId: number) => Promise<void> | void;
  onError?: (err: unknown, mediaId: number) => void;
}

export class AvifQueue {
  private readonly queue = new Set<number>();
  private running: Promise<void> | undefined;

  constructor(private readonly db: Db, private readonly mediaRoot: string, private readonly hooks: AvifHooks = {}) {}

  /** Queues an image (one already queued is not queued twice). */
  enqueue(mediaId: number): void {
    this.queue.add(mediaId);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the uploader's response go out first.
    await new Promise((r) => setImmediate(r));
    for (const id of this.queue) {
      this.queue.delete(id);
      try {
        if (await generateAvif(this.db, this.mediaRoot, id)) await this.hooks.onDone?.(id);
      } catch (err) {
        this.hooks.onError?.(err, id);
      }
    }
  }
}
