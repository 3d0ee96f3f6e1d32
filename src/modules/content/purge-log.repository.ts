/**
 * @module modules/content/purge-log.repository
 * The purge_log table that carries page-cache purges between instances (jobs/purge-log appends
 * and wakes listeners; jobs/purge-follower reads). The handle is always the first argument.
 */
import type { Db } from '../../db/database.js';

export interface PurgeRow {
  id: number;
  tags: string;
  origin: string;
}

/** Appends one row; returns its id. */
export async function insertPurge(db: Db, row: { tags: string; origin: string; created_at: string }): Promise<number> {
  return (await db.insertInto('purge_log').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Rows after `afterId`, oldest first (the primary key serves it). */
export async function purgesAfter(db: Db, afterId: number, limit: number): Promise<PurgeRow[]> {
  return db.selectFrom('purge_log').select(['id', 'tags', 'origin']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** The newest row's id (0 when empty): where a starting instance begins following. */
export async function lastPurgeId(db: Db): Promise<number> {
  const r = await db
    .selectFrom('purge_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** Deletes rows written before `before`; returns how many went. */
export async function prunePurgeLog(db: Db, before: Date): Promise<number> {
  const r = await db.deleteFrom('purge_log').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
