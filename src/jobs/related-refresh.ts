/**
 * @module jobs/related-refresh
 * Refreshes related-article lists off the request path: a write enqueues the post, and one worker
 * recomputes its list and its neighbours', one post at a time.
 */
import type { Db } from '../db/database.js';
import type { FullText } from '../db/full-text.js';
import { refreshRelatedAround } from '../modules/related/related.service.js';

export class RelatedRefresher {
  private readonly queue = new Set<number>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly fullText: FullText,
    private readonly onError: (err: unknown, postId: number) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Queues a post (a post already queued is not queued twice). */
  enqueue(postId: number): void {
    this.queue.add(postId);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the writer's response go out first.
    await new Promise((r) => setImmediate(r));
    for (const id of this.queue) {
      this.queue.delete(id);
      try {
        await refreshRelatedAround(this.db, this.fullText, id, this.now());
      } catch (err) {
        this.onError(err, id);
      }
    }
  }
}
