/**
 * The full-text index holds published posts only: drafts, pages and trash were indexed, ranked
 * and then thrown away by every search; a search without a filter now reads the index alone.
 */
import type { Migration } from './migration.js';

export const m0025SearchPublished: Migration = {
  name: '0025-search-published',
  async up(db, d) {
    await d.fullText.indexOnlyPublished(db);
  },
};
