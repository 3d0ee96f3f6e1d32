/**
 * An index on redirects.to_path: adding a redirect re-points older ones that led to its source
 * (no chains), and a WordPress import adds several per post, so that lookup must not scan.
 */
import type { Migration } from './migration.js';

export const m0005RedirectTargets: Migration = {
  name: '0005-redirect-targets',
  async up(db) {
    await db.schema.createIndex('redirects_to_path').on('redirects').column('to_path').execute();
  },
};
