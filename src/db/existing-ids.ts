/**
 * @module db/existing-ids
 * Which of some ids still name a row: what a form's references are checked against before a save
 * (sections, authors, images or tags chosen in one request may have been deleted in another).
 */
import type { Db } from './database.js';

export async function existingIds(db: Db, table: 'authors' | 'categories' | 'media' | 'tags' | 'people', ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}
