/**
 * Comments (threaded by a materialised path) and the import map that makes imports idempotent
 * (WordPress ids → our ids).
 */
import type { Migration } from './migration.js';

export const m0004CommentsImport: Migration = {
  name: '0004-comments-import',
  async up(db, d) {
    const ts = d.timestampType;
    await db.schema
      .createTable('comments')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
      // Zero-padded ids of the ancestors and itself ("0000000012/0000000031"): sorting by path gives thread order.
      .addColumn('path', 'varchar(400)', (c) => c.notNull().defaultTo(''))
      .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('author_email', 'varchar(320)', (c) => c.notNull().defaultTo(''))
      .addColumn('author_url', 'varchar(500)', (c) => c.notNull().defaultTo(''))
      .addColumn('user_id', 'integer')
      // Markdown-lite source as written, and the sanitised HTML rendered from it.
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('pending'))
      .addColumn('ip_hash', 'varchar(100)', (c) => c.notNull().defaultTo(''))
      .addColumn('spam_score', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('spam_reasons', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comments_thread').on('comments').columns(['post_id', 'status', 'path']).execute();
    await db.schema.createIndex('comments_status').on('comments').columns(['status', 'created_at']).execute();

    await db.schema
      .createTable('import_map')
      .addColumn('source', 'varchar(200)', (c) => c.notNull())
      .addColumn('kind', 'varchar(40)', (c) => c.notNull())
      .addColumn('source_id', 'varchar(200)', (c) => c.notNull())
      .addColumn('local_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_map_pk', ['source', 'kind', 'source_id'])
      .execute();
  },
};
