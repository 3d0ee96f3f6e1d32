/**
 * The public site's tables: media, authors, category tree, tags, posts and their links, redirects.
 */
import type { Migration } from './migration.js';

export const m0001Initial: Migration = {
  name: '0001-initial',
  async up(db, d) {
    const ts = d.timestampType;
    await db.schema
      .createTable('settings')
      .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('media')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('path', 'varchar(500)', (c) => c.notNull().unique())
      .addColumn('mime', 'varchar(100)', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('derivatives', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('authors')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('role_title', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('avatar_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
      .addColumn('user_id', 'integer')
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('categories')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
      .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('categories_parent').on('categories').columns(['parent_id', 'position']).execute();

    await db.schema
      .createTable('tags')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

    await db.schema
      .createTable('posts')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('type', 'varchar(20)', (c) => c.notNull().defaultTo('post'))
      .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('draft'))
      .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_doc', 'text', (c) => c.notNull().defaultTo('{"type":"doc","content":[]}'))
      .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('language', 'varchar(20)', (c) => c.notNull().defaultTo('en'))
      .addColumn('translation_group', 'varchar(100)')
      .addColumn('primary_category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
      .addColumn('featured_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
      .addColumn('published_at', ts)
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('comment_status', 'varchar(10)', (c) => c.notNull().defaultTo('open'))
      .addColumn('sticky', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('seo_title', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('posts_listing').on('posts').columns(['type', 'status', 'published_at']).execute();

    await db.schema
      .createTable('post_authors')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('post_authors_pk', ['post_id', 'author_id'])
      .execute();
    await db.schema.createIndex('post_authors_author').on('post_authors').columns(['author_id', 'post_id']).execute();

    await db.schema
      .createTable('post_categories')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('post_categories_pk', ['post_id', 'category_id'])
      .execute();
    await db.schema.createIndex('post_categories_category').on('post_categories').columns(['category_id', 'post_id']).execute();

    await db.schema
      .createTable('post_tags')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag_id'])
      .execute();
    await db.schema.createIndex('post_tags_tag').on('post_tags').columns(['tag_id', 'post_id']).execute();

    await db.schema
      .createTable('redirects')
      .addColumn('from_path', 'varchar(1000)', (c) => c.primaryKey())
      .addColumn('to_path', 'varchar(1000)', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull().defaultTo(301))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
  },
};
