/**
 * Author profiles: the public email and the links elsewhere (a JSON array of https addresses, the
 * author's schema.org sameAs) an author page shows beside the name, title, bio and photo.
 */
import type { Migration } from './migration.js';

export const m0018AuthorProfiles: Migration = {
  name: '0018-author-profiles',
  async up(db) {
    await db.schema
      .alterTable('authors')
      .addColumn('public_email', 'varchar(254)', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('authors')
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
};
