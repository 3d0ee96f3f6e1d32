/**
 * Indexes found missing by measurement: the languages offered on the search page (a full scan of
 * posts, bodies included, took 300 ms at 100,000 articles) and translations of an article.
 */
import type { Migration } from './migration.js';

export const m0009Indexes: Migration = {
  name: '0009-indexes',
  async up(db) {
    await db.schema.createIndex('posts_language').on('posts').columns(['status', 'type', 'language']).execute();
    await db.schema.createIndex('posts_translation_group').on('posts').column('translation_group').execute();
  },
};
