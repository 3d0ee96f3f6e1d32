/**
 * @module jobs/comment-ip-purge
 * Comments keep their IP hash for COMMENT_IP_RETENTION_DAYS (default 90), then lose it: a timer on
 * every instance runs one idempotent UPDATE (safe with many instances), and so does
 * `broadsheet comments purge-ips`.
 */
import type { Db } from '../db/database.js';
import { purgeIpHashes } from '../modules/comment/comment.repository.js';
import { periodic, type Periodic } from './periodic.js';

/**
 * Empties the IP hash of every comment created more than `days` days before `now`; 0 days: none.
 * @example await purgeOldIpHashes(db, new Date(), 90) // 12 (comments that lost their IP hash)
 */
export async function purgeOldIpHashes(db: Db, now: Date, days: number): Promise<number> {
  if (days <= 0) return 0;
  return purgeIpHashes(db, new Date(now.getTime() - days * 86_400_000).toISOString());
}

export type IpPurge = Periodic<number>;

/** Starts the hourly timer (and runs once now); 0 days: no timer. */
export function startIpPurge(
  db: Db,
  opts: { days: number; intervalMs?: number; now?: () => Date; onPurged?: (n: number) => void; onError?: (err: unknown) => void },
): IpPurge {
  const now = opts.now ?? (() => new Date());
  return periodic(
    async () => {
      const n = await purgeOldIpHashes(db, now(), opts.days);
      if (n > 0) opts.onPurged?.(n);
      return n;
    },
    { intervalMs: opts.intervalMs ?? 3_600_000, idle: () => 0, onError: opts.onError, start: opts.days > 0 },
  );
}
