/**
 * The newsroom's editorial tools: public corrections and update notes on articles, private
 * preview links (only a hash of the token is kept), and autosaves kept as revisions of their own
 * kind so they never touch the live article.
 */
import type { Migration } from './migration.js';

export const m0012Editorial: Migration = {
  name: '0012-editorial',
  async up(db, d) {
    await db.schema
      .createTable('corrections')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .addColumn('updated_at', d.timestampType, (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('corrections_post').on('corrections').columns(['post_id', 'created_at']).execute();
    await db.schema.createIndex('corrections_created').on('corrections').columns(['created_at', 'id']).execute();

    await db.schema
      .createTable('preview_links')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      // SHA-256 of the token, hex: a leaked database does not give working links.
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .addColumn('expires_at', d.timestampType, (c) => c.notNull())
      .addColumn('revoked_at', d.timestampType)
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('preview_links_post').on('preview_links').column('post_id').execute();

    // 'save' for every explicit save; 'autosave' for the editor's background copy (one per user).
    await db.schema
      .alterTable('revisions')
      .addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('save'))
      .execute();
  },
};
