/**
 * Static pages nest under a parent page (`/about/team/`): `parent_id` names the parent (a page;
 * emptied when the parent row goes), `menu_order` orders siblings (lower first, then the title).
 * Posts keep both at their defaults.
 */
import type { Migration } from './migration.js';

export const m0020PageParents: Migration = {
  name: '0020-page-parents',
  async up(db) {
    await db.schema
      .alterTable('posts')
      .addColumn('parent_id', 'integer', (c) => c.references('posts.id').onDelete('set null'))
      .execute();
    await db.schema
      .alterTable('posts')
      .addColumn('menu_order', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('posts_parent_idx').on('posts').column('parent_id').execute();
  },
};
