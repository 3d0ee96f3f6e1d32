/**
 * @module jobs/purge-log
 * The purge log (table `purge_log`): every page-cache purge is appended, and every instance
 * follows it (see purge-follower.ts). On PostgreSQL each append also NOTIFYs the new row's id
 * (payloads are limited to 8000 bytes, so listeners read the tags from the row).
 */
import type { Db, DbHandle } from '../db/database.js';

export const PURGE_CHANNEL = 'broadsheet_purge';

/** Tags to purge, or everything (imports, bulk seeding). */
export type PurgeTags = readonly string[] | 'all';

/** A purge listing more than this many characters of tags is logged as `all`. */
const MAX_TAGS_CHARS = 60_000;

export interface PurgeRow { id: number; tags: string; origin: string }

/**
 * Appends one purge and wakes the listeners. `origin` is the writer's instance id (it has purged
 * its own cache already and skips the row) or `cli:<command>:<pid>`.
 * @example await appendPurge(handle, ['post:12', 'home'], 'cli:import:4242')
 */
export async function appendPurge(handle: DbHandle, tags: PurgeTags, origin: string, now = new Date()): Promise<number> {
  const text = tags === 'all' ? 'all' : [...new Set(tags)].join(' ');
  const row = await handle.db.insertInto('purge_log')
    .values({ tags: text.length > MAX_TAGS_CHARS ? 'all' : text, origin, created_at: now.toISOString() })
    .returning('id').executeTakeFirstOrThrow();
  // A lost notification only delays the listeners until their next poll.
  await handle.dialect.signals?.notify(handle.db, PURGE_CHANNEL, String(row.id)).catch(() => {});
  return row.id;
}

/** Rows after `afterId`, oldest first (the primary key serves it). */
export async function purgesAfter(db: Db, afterId: number, limit: number): Promise<PurgeRow[]> {
  return db.selectFrom('purge_log').select(['id', 'tags', 'origin']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** The newest row's id (0 when empty): where a starting instance begins following. */
export async function lastPurgeId(db: Db): Promise<number> {
  const r = await db.selectFrom('purge_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** Deletes rows written before `before`; returns how many went. */
export async function prunePurgeLog(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('purge_log').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
