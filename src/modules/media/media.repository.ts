/**
 * @module modules/media/media.repository
 */
import type { Db } from '../../db/database.js';
import type { MediaRow } from '../../db/schema.js';
import type { Insertable } from 'kysely';
import type { MediaTable } from '../../db/schema.js';

export async function insertMedia(db: Db, row: Insertable<MediaTable>): Promise<number> {
  const r = await db.insertInto('media').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Loads several media rows in one query, keyed by id. */
export async function findMediaByIds(db: Db, ids: Iterable<number>): Promise<Map<number, MediaRow>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('media').selectAll().where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findMediaByPath(db: Db, path: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('path', '=', path).executeTakeFirst();
}
