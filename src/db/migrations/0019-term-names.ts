/**
 * Sections and tags get a name per language (JSON object: language → name, '{}' for none), so a
 * Persian article's breadcrumb, kicker and menu read in Persian while the slug stays the same.
 */
import type { Migration } from './migration.js';

export const m0019TermNames: Migration = {
  name: '0019-term-names',
  async up(db) {
    for (const table of ['categories', 'tags'] as const) {
      await db.schema
        .alterTable(table)
        .addColumn('names', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
    }
  },
};
