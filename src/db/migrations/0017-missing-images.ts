/**
 * Images an article refers to that are not in our media library: left out of an import (the
 * export had no file for them) or taken out of an html block on save (another host's URL). Never
 * stored as remote references in the body; listed here for the article's editor, to upload.
 */
import type { Migration } from './migration.js';

export const m0017MissingImages: Migration = {
  name: '0017-missing-images',
  async up(db, d) {
    await db.schema
      .createTable('missing_images')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('url', 'varchar(2000)', (c) => c.notNull())
      .addColumn('alt', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
      .addColumn('caption', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
      // 'import' (WordPress import) or 'editor' (removed from an html block on save).
      .addColumn('source', 'varchar(20)', (c) => c.notNull())
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('missing_images_post').on('missing_images').columns(['post_id']).execute();
  },
};
