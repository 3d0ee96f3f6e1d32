/**
 * Accounts and access: users, database sessions (only a SHA-256 of each token is stored), failed
 * login attempts for throttling across instances, and the audit log.
 */
import type { Migration } from './migration.js';

export const m0006Users: Migration = {
  name: '0006-users',
  async up(db, d) {
    const ts = d.timestampType;
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', d.idColumn)
      // Stored lower-cased, so the unique constraint is case-insensitive on both dialects.
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('role', 'varchar(20)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('active'))
      .addColumn('password_hash', 'varchar(300)', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('last_login_at', ts)
      .execute();

    await db.schema
      .createTable('sessions')
      // Hex SHA-256 of the cookie token.
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('last_seen_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
      .addColumn('user_agent', 'varchar(300)', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();
    await db.schema.createIndex('sessions_expires').on('sessions').columns(['expires_at']).execute();

    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'integer', d.idColumn)
      // 'account' (key: the lower-cased email tried) or 'ip' (key: the client address).
      .addColumn('scope', 'varchar(10)', (c) => c.notNull())
      .addColumn('key', 'varchar(320)', (c) => c.notNull())
      .addColumn('at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_attempts_key').on('login_attempts').columns(['scope', 'key', 'at']).execute();
    await db.schema.createIndex('login_attempts_at').on('login_attempts').columns(['at']).execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', d.idColumn)
      .addColumn('at', ts, (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      // Who it was at the time (email, or "cli"); kept when the account changes.
      .addColumn('actor_label', 'varchar(300)', (c) => c.notNull().defaultTo(''))
      .addColumn('action', 'varchar(50)', (c) => c.notNull())
      .addColumn('target_type', 'varchar(30)')
      .addColumn('target_id', 'integer')
      .addColumn('target_label', 'varchar(300)', (c) => c.notNull().defaultTo(''))
      .addColumn('detail', 'varchar(500)', (c) => c.notNull().defaultTo(''))
      .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'id']).execute();
  },
};
