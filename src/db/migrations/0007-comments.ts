/**
 * Comments from readers: a per-form idempotency key (a double submit stores once), reply
 * notification opt-in, indexes for the per-IP and per-email rate limits, and the block/allow lists.
 */
import type { Migration } from './migration.js';

export const m0007Comments: Migration = {
  name: '0007-comments',
  async up(db, d) {
    // NULL for imported comments; unique otherwise (NULLs are distinct on both dialects).
    await db.schema.alterTable('comments').addColumn('form_key', 'varchar(100)').execute();
    await db.schema
      .alterTable('comments')
      .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('comments_form_key').on('comments').column('form_key').unique().execute();
    await db.schema.createIndex('comments_ip_time').on('comments').columns(['ip_hash', 'created_at']).execute();
    await db.schema.createIndex('comments_email_time').on('comments').columns(['author_email', 'created_at']).execute();

    await db.schema
      .createTable('comment_rules')
      .addColumn('id', 'integer', d.idColumn)
      // word | email | ip_hash
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      // block | allow
      .addColumn('list', 'varchar(10)', (c) => c.notNull())
      .addColumn('value', 'varchar(320)', (c) => c.notNull())
      .addColumn('created_at', d.timestampType, (c) => c.notNull())
      .addUniqueConstraint('comment_rules_unique', ['kind', 'list', 'value'])
      .execute();
  },
};
