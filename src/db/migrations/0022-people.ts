/**
 * People in the news: a person (name, a short description or role, a photo from the library,
 * links elsewhere, a note for editors) and the articles that quote them or are about them.
 * `name_key` is the name folded for matching (lower case, accents off, spaces squeezed): the
 * search box, the editor's picker and `people suggest` find a person by it.
 */
import type { Migration } from './migration.js';

export const m0022People: Migration = {
  name: '0022-people',
  async up(db, d) {
    await db.schema
      .createTable('people')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(100)', (c) => c.notNull())
      .addColumn('description', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .addColumn('updated_at', d.timestampType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('people_name_key').on('people').column('name_key').execute();
    await db.schema
      .createTable('post_people')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
      // 'subject' (the article is about them: schema.org about) or 'quoted' (mentions).
      .addColumn('role', 'varchar(10)', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      // 1: chosen by the editor; 0: only because a quotation or figure in the body is attributed to them.
      .addColumn('picked', 'integer', (c) => c.notNull().defaultTo(1))
      .addPrimaryKeyConstraint('post_people_pk', ['post_id', 'person_id', 'role'])
      .execute();
    await db.schema.createIndex('post_people_person').on('post_people').columns(['person_id', 'post_id']).execute();
  },
};
