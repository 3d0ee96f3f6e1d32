/**
 * @module modules/article/pages.repository
 * The queries of static pages' nesting (migration 0020): every page as the page tree needs it.
 */
import type { Db } from '../../db/database.js';
import type { PageNode } from './page-tree.js';

/** Every page of any status (trash too: a trashed page still holds its children's paths until they move). */
export async function allPageNodes(db: Db): Promise<PageNode[]> {
  return db
    .selectFrom('posts')
    .select(['id', 'slug', 'title', 'parent_id', 'status', 'menu_order', 'updated_at'])
    .where('type', '=', 'page')
    .orderBy('id')
    .execute();
}
