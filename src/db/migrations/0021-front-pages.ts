/**
 * Front pages chosen by editors (/admin/front-page): pinned stories of the home page and of each
 * section front (a lead and ordered top stories, each until unpinned or until its expiry), and the
 * home page's section blocks ("World: the 4 latest").
 */
import type { Migration } from './migration.js';

export const m0021FrontPages: Migration = {
  name: '0021-front-pages',
  async up(db, d) {
    await db.schema
      .createTable('pins')
      .addColumn('id', 'integer', d.idColumn)
      // 'home', or the section front 'cat:{id}'.
      .addColumn('scope', 'varchar(40)', (c) => c.notNull())
      // 'lead' (one per scope) or 'top'.
      .addColumn('slot', 'varchar(10)', (c) => c.notNull())
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', d.timestampType)
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pins_scope_post').on('pins').columns(['scope', 'post_id']).unique().execute();
    await db.schema.createIndex('pins_expires').on('pins').columns(['expires_at']).execute();
    await db.schema
      .createTable('home_blocks')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
