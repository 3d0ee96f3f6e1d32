/**
 * @module jobs/related-refresh
 * Refreshes related-article lists off the request path: a write enqueues the post, and one worker
 * recomputes its list and its neighbours', one post at a time; a save that changed nothing the
 * lists depend on is skipped (see refreshRelatedAround).
 */
import type { Db } from '../db/database.js';
import type { FullText } from '../db/full-text.js';
import { IdQueue } from '../lib/id-queue.js';
import { refreshRelatedAround } from '../modules/related/related.service.js';

export class RelatedRefresher extends IdQueue {
  constructor(db: Db, fullText: FullText, onError: (err: unknown, postId: number) => void = () => {}, now: () => Date = () => new Date()) {
    // What each post's last refresh was computed from: a save that changed none of it is skipped.
    const refreshed = new Map<number, string>();
    super((id) => refreshRelatedAround(db, fullText, id, now(), refreshed), onError);
  }
}
