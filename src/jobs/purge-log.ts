/**
 * @module jobs/purge-log
 * The purge log (table `purge_log`): every page-cache purge is appended, and every instance
 * follows it (see purge-follower.ts). On PostgreSQL each append also NOTIFYs the new row's id
 * and origin (payloads are limited to 8000 bytes, so listeners read the tags from the row).
 */
import type { DbHandle } from '../db/database.js';
import { insertPurge } from '../modules/content/purge-log.repository.js';

export { lastPurgeId, prunePurgeLog, purgesAfter, type PurgeRow } from '../modules/content/purge-log.repository.js';

export const PURGE_CHANNEL = 'broadsheet_purge';

/** Tags to purge, or everything (imports, bulk seeding). */
export type PurgeTags = readonly string[] | 'all';

/** A purge listing more than this many characters of tags is logged as `all`. */
const MAX_TAGS_CHARS = 60_000;

/**
 * Appends one purge and wakes the listeners. `origin` is the writer's instance id (it has purged
 * its own cache already and skips the row) or `cli:<command>:<pid>`.
 * @example await appendPurge(handle, ['post:12', 'home'], 'cli:import:4242')
 */
export async function appendPurge(handle: DbHandle, tags: PurgeTags, origin: string, now = new Date()): Promise<number> {
  const text = tags === 'all' ? 'all' : [...new Set(tags)].join(' ');
  const id = await insertPurge(handle.db, { tags: text.length > MAX_TAGS_CHARS ? 'all' : text, origin, created_at: now.toISOString() });
  // A lost notification only delays the listeners until their next poll.
  // The payload says whose row it is: the writer's own follower need not read the log for it.
  await handle.dialect.signals?.notify(handle.db, PURGE_CHANNEL, `${id} ${origin}`).catch(() => {});
  return id;
}
