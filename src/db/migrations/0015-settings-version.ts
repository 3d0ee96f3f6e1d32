/**
 * A change counter for `settings` (see db/data-versions), so the comment settings read on every
 * article page are kept in memory and checked with one single-row read.
 */
import type { Migration } from './migration.js';

export const m0015SettingsVersion: Migration = {
  name: '0015-settings-version',
  async up(db, dialect) {
    await db.insertInto('data_versions').values({ name: 'settings', version: 1 }).execute();
    await dialect.countChanges(db, 'settings');
  },
};
