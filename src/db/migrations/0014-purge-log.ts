/**
 * The purge log: every page-cache purge (a list of tags, or `all`) is appended here, and every
 * server instance follows it (LISTEN/NOTIFY on PostgreSQL, polling `id > last` on SQLite), so a
 * write made through one instance, or by a CLI command in another process, reaches every cache.
 * `origin` names the instance that already purged itself (it skips its own rows); rows are pruned
 * by age (`created_at`).
 *
 * `data_versions`: a counter per table that triggers bump on every change, so the category tree
 * (read on every page) can be kept in memory and checked with one single-row read, on every
 * instance, whoever wrote.
 *
 * `posts_section_latest`: an article without a stored related list shows its section's latest
 * stories; this index lets that read stop after three rows instead of sorting the whole section
 * (flat at a million articles).
 */
import type { Migration } from './migration.js';

export const m0014PurgeLog: Migration = {
  name: '0014-purge-log',
  async up(db, dialect) {
    await db.schema
      .createTable('purge_log')
      .addColumn('id', 'integer', (c) => dialect.idColumn(c))
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('origin', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', dialect.timestampType, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('purge_log_created').on('purge_log').column('created_at').execute();
    await db.schema
      .createTable('data_versions')
      .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('data_versions').values({ name: 'categories', version: 1 }).execute();
    await dialect.countChanges(db, 'categories');
    await db.schema.createIndex('posts_section_latest').on('posts').columns(['primary_category_id', 'status', 'type', 'published_at']).execute();
  },
};
