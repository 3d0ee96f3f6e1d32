/**
 * @module modules/taxonomy/category.repository
 * The category writes of the newsroom (create, rename, move, reorder, delete with a receiver) and
 * the lookups they need. Reads of the whole tree are in taxonomy.repository (allCategories).
 * The handle (db or trx) is always the first argument.
 */
import type { Db } from '../../db/database.js';
import type { CategoryRow } from '../../db/schema.js';

export async function categoryIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

export async function categoryExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export type CategoryChanges = Partial<Pick<CategoryRow, 'parent_id' | 'position' | 'name' | 'slug' | 'description' | 'names'>>;

export async function updateCategoryRow(db: Db, id: number, changes: CategoryChanges): Promise<void> {
  await db.updateTable('categories').set(changes).where('id', '=', id).execute();
}

export async function deleteCategoryRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('categories').where('id', '=', id).execute();
}

/** Posts filed under the category or having it as their primary section (each id once, unordered). */
export async function postIdsFiledUnder(db: Db, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('post_categories')
    .select('post_id')
    .where('category_id', '=', id)
    .union(db.selectFrom('posts').select('id as post_id').where('primary_category_id', '=', id))
    .execute();
  return [...new Set(rows.map((r) => r.post_id))];
}

/** Posts linked to the category (its post_categories rows). */
export async function postIdsLinkedTo(db: Db, id: number): Promise<number[]> {
  return (await db.selectFrom('post_categories').select('post_id').where('category_id', '=', id).execute()).map((r) => r.post_id);
}

export async function unlinkCategory(db: Db, id: number): Promise<void> {
  await db.deleteFrom('post_categories').where('category_id', '=', id).execute();
}

/** Posts whose primary section was `fromId` get `toId`. */
export async function movePrimaryCategory(db: Db, fromId: number, toId: number): Promise<void> {
  await db.updateTable('posts').set({ primary_category_id: toId }).where('primary_category_id', '=', fromId).execute();
}

/** The (post, category) links of these posts, unordered. */
export async function categoryLinksOfPosts(db: Db, postIds: number[]): Promise<{ post_id: number; category_id: number }[]> {
  return db.selectFrom('post_categories').select(['post_id', 'category_id']).where('post_id', 'in', postIds).execute();
}
