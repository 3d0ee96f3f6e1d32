/**
 * @module modules/taxonomy/taxonomy.repository
 */
import type { Db } from '../../db/database.js';
import type { CategoryRow, TagRow } from '../../db/schema.js';

export async function allCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().execute();
}

export async function insertCategory(db: Db, row: { parent_id: number | null; slug: string; name: string; description?: string; position?: number }): Promise<number> {
  const r = await db.insertInto('categories').values({ description: '', position: 0, ...row }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findTagBySlug(db: Db, slug: string): Promise<TagRow | undefined> {
  return db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertTag(db: Db, row: { slug: string; name: string; description?: string }): Promise<number> {
  const r = await db.insertInto('tags').values({ description: '', ...row }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
