/**
 * @module modules/taxonomy/taxonomy.repository
 */
import type { Db } from '../../db/database.js';
import { runPrepared } from '../../db/prepared.js';
import type { CategoryRow, TagRow } from '../../db/schema.js';

export async function allCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().execute();
}

/** The categories change counter (see migration 0014); -1 when missing. */
export async function categoriesVersion(db: Db): Promise<number> {
  const rows = await runPrepared(db, 'categories-version', ['categories'], () => db.selectFrom('data_versions').select('version').where('name', '=', 'categories'));
  return rows[0]?.version ?? -1;
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
