/**
 * An author's own address (an imported WordPress author's `author_email`, which may have no
 * account here): kept for the newsroom and written back in a WXR export; never shown on a page
 * or in the API (what readers see is `public_email`).
 */
import type { Migration } from './migration.js';

export const m0030AuthorEmails: Migration = {
  name: '0030-author-emails',
  async up(db) {
    await db.schema
      .alterTable('authors')
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
