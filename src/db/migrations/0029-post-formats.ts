/**
 * A post's format, as WordPress has them (aside, status, quote, link, gallery, image, video, audio,
 * chat; 'standard' for the rest): kept from an import and back in an export, and used by cards
 * (an aside or a status is its words, with no headline).
 */
import type { Migration } from './migration.js';

export const m0029PostFormats: Migration = {
  name: '0029-post-formats',
  async up(db) {
    await db.schema
      .alterTable('posts')
      .addColumn('format', 'text', (c) => c.notNull().defaultTo('standard'))
      .execute();
  },
};
