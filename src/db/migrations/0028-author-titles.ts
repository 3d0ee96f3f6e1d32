/**
 * An author's title in other languages (JSON object: language → title, '{}' for none), as
 * sections and tags have names (0019): a Persian article's byline reads "خبرنگار علمی", not
 * "Science reporter".
 */
import type { Migration } from './migration.js';

export const m0028AuthorTitles: Migration = {
  name: '0028-author-titles',
  async up(db) {
    await db.schema
      .alterTable('authors')
      .addColumn('role_titles', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  },
};
