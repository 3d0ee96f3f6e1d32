/**
 * Revisions: every save of an article keeps a copy of what it said (headline, standfirst, body
 * document and the other fields as JSON), who saved it and when, so an editor can restore it.
 */
import type { Migration } from './migration.js';

export const m0008Revisions: Migration = {
  name: '0008-revisions',
  async up(db, d) {
    await db.schema
      .createTable('revisions')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('user_label', 'varchar(300)', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text', (c) => c.notNull())
      .addColumn('body_doc', 'text', (c) => c.notNull())
      // JSON: slug, language, section, tag and author ids, featured image, SEO fields, comments.
      .addColumn('fields', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('revisions_post').on('revisions').columns(['post_id', 'id']).execute();
  },
};
