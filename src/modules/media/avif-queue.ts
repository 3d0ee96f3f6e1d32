/**
 * @module modules/media/avif-queue
 * AVIF derivatives off the request path: an upload enqueues its media id and one worker encodes
 * one image at a time after the response has gone out. `onDone` runs when a row gained AVIF files
 * (the web layer re-renders and purges the pages that show it).
 */
import type { Db } from '../../db/database.js';
import { IdQueue } from '../../lib/id-queue.js';
import { generateAvif } from './avif.service.js';
import type { MediaPlace } from './media-store.js';

export interface AvifHooks {
  onDone?: (mediaId: number) => Promise<void> | void;
  onError?: (err: unknown, mediaId: number) => void;
}

export class AvifQueue extends IdQueue {
  constructor(db: Db, mediaRoot: MediaPlace, hooks: AvifHooks = {}) {
    super(async (id) => {
      if (await generateAvif(db, mediaRoot, id)) await hooks.onDone?.(id);
    }, hooks.onError);
  }
}
