/**
 * Related articles, computed when an article is published or changed and stored here, so the
 * article page reads a short list instead of ranking at request time.
 */
import type { Migration } from './migration.js';

export const m0003Related: Migration = {
  name: '0003-related',
  async up(db) {
    await db.schema
      .createTable('related_posts')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('related_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addPrimaryKeyConstraint('related_posts_pk', ['post_id', 'related_id'])
      .execute();
    await db.schema.createIndex('related_posts_related').on('related_posts').column('related_id').execute();
  },
};
