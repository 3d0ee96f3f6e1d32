/**
 * Login throttling as atomic counters: one row per (scope, key) with the count of attempts in the
 * window that started with the first of them. An attempt is reserved with one upsert that returns
 * the new count, before the password is hashed, so concurrent attempts on any instance cannot all
 * pass a check made before any of them was counted (the old table recorded failures afterwards).
 */
import type { Migration } from './migration.js';

export const m0016LoginThrottle: Migration = {
  name: '0016-login-throttle',
  async up(db, d) {
    await db.schema
      .createTable('login_throttle')
      // 'pair' (key: account + "\n" + address), 'ip' (key: the address) or 'account' (the lower-cased email).
      .addColumn('scope', 'varchar(10)', (c) => c.notNull())
      .addColumn('key', 'varchar(400)', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('window_start', d.timestampType, (c) => c.notNull())
      .addPrimaryKeyConstraint('login_throttle_pk', ['scope', 'key'])
      .execute();
    await db.schema.createIndex('login_throttle_window').on('login_throttle').columns(['window_start']).execute();
    await db.schema.dropTable('login_attempts').execute();
  },
};
