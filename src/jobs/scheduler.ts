/**
 * @module jobs/scheduler
 * Scheduled publishing: one atomic UPDATE … WHERE status = 'scheduled' AND published_at <= now,
 * run by every instance on a timer. Idempotent and safe with many instances (each post flips once,
 * whoever runs the statement first, with its revision and audit entry in the same transaction),
 * and independent of traffic or restarts. The use case is publishDueArticles in
 * modules/article/article-editing.service; this file runs it on a timer, and takes pinned
 * front-page stories off when their time runs out (modules/frontpage expirePins).
 */
import type { Db } from '../db/database.js';
import { publishDueArticles } from '../modules/article/article-editing.service.js';
import { expirePins } from '../modules/frontpage/frontpage.service.js';
import { periodic, type Periodic } from './periodic.js';

/** Publishes every scheduled post whose time has come; returns the ids that went live. */
export const publishDue = publishDueArticles;

export type Scheduler = Periodic<number[]>;

/** Starts the timer (and runs at once: posts due while the site was down go live); `onPublished` runs after each pass that published something. */
export function startScheduler(
  db: Db,
  opts: {
    intervalMs?: number;
    now?: () => Date;
    onPublished?: (ids: number[]) => void;
    /** Pinned stories whose time ran out were taken off these front pages (cache tags). */
    onExpired?: (tags: string[]) => void;
    onError?: (err: unknown) => void;
  } = {},
): Scheduler {
  const now = opts.now ?? (() => new Date());
  return periodic(
    async () => {
      const ids = await publishDue(db, now());
      if (ids.length) opts.onPublished?.(ids);
      // Pins past their expiry come off on the same beat (each is deleted once, by whichever instance runs first).
      const expired = await expirePins(db, now());
      if (expired.length) opts.onExpired?.(expired);
      return ids;
    },
    { intervalMs: opts.intervalMs ?? 15_000, idle: () => [], onError: opts.onError },
  );
}
