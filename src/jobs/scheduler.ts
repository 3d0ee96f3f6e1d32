/**
 * @module jobs/scheduler
 * Scheduled publishing: one atomic UPDATE … WHERE status = 'scheduled' AND published_at <= now,
 * run by every instance on a timer. Idempotent and safe with many instances (each post flips once,
 * whoever runs the statement first), and independent of traffic or restarts.
 */
import type { Db } from '../db/database.js';
import { periodic, type Periodic } from './periodic.js';

/** Publishes every scheduled post whose time has come; returns the ids that went live. */
export async function publishDue(db: Db, now: Date): Promise<number[]> {
  const rows = await db.updateTable('posts')
    .set({ status: 'published' })
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export type Scheduler = Periodic<number[]>;

/** Starts the timer (and runs at once: posts due while the site was down go live); `onPublished` runs after each pass that published something. */
export function startScheduler(db: Db, opts: { intervalMs?: number; now?: () => Date; onPublished?: (ids: number[]) => void; onError?: (err: unknown) => void } = {}): Scheduler {
  const now = opts.now ?? (() => new Date());
  return periodic(async () => {
    const ids = await publishDue(db, now());
    if (ids.length) opts.onPublished?.(ids);
    return ids;
  }, { intervalMs: opts.intervalMs ?? 15_000, idle: () => [], onError: opts.onError });
}
