/**
 * An image's focal point (percent across and down, 0–100; null: the middle): where the crops of
 * cards and portraits keep their centre, so a face at the top of a tall photo stays in a square card.
 */
import type { Migration } from './migration.js';

export const m0031MediaFocus: Migration = {
  name: '0031-media-focus',
  async up(db) {
    await db.schema.alterTable('media').addColumn('focal_x', 'integer').execute();
    await db.schema.alterTable('media').addColumn('focal_y', 'integer').execute();
  },
};
