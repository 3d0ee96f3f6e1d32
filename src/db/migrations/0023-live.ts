/**
 * Live coverage: an article may be a live page (`live_status` 'live' while it runs, 'ended'
 * after; null for every other article) with timestamped entries, newest first, some pinned as
 * key events. `live_updated_at` is the time of the latest entry (cards, feeds and the news
 * sitemap show it).
 */
import type { Migration } from './migration.js';

export const m0023Live: Migration = {
  name: '0023-live',
  async up(db, d) {
    await db.schema.alterTable('posts').addColumn('live_status', 'varchar(10)').execute();
    await db.schema.alterTable('posts').addColumn('live_started_at', d.timestampType).execute();
    await db.schema.alterTable('posts').addColumn('live_ended_at', d.timestampType).execute();
    await db.schema.alterTable('posts').addColumn('live_updated_at', d.timestampType).execute();
    await db.schema
      .createTable('live_entries')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
      .addColumn('headline', 'varchar(300)', (c) => c.notNull().defaultTo(''))
      .addColumn('body_doc', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      // 1: a key event, listed at the top of the live page.
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .addColumn('updated_at', d.timestampType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('live_entries_post').on('live_entries').columns(['post_id', 'created_at']).execute();
  },
};
