/**
 * @module import/json/backup-format
 * The Broadsheet backup: ONE JSON document, laid out one row per line so it can be written and
 * read as a stream (neither side ever holds the site in memory):
 *
 *   {"format":"broadsheet-backup","version":1,"dialect":"sqlite",…,"rows":[
 *   ["categories",{"id":1,"parent_id":null,"slug":"world",…}],
 *   ["posts",{"id":1,…}],
 *   …
 *   ["end",{"rows":1234}]
 *   ]}
 *
 * Line 1 is the header (every field but `rows`); each following line is `[table, row],`; the
 * `end` row carries the row count, so a truncated file is refused. `JSON.parse` reads the whole
 * file as well (small sites, other tools); `readBackup` reads it line by line.
 *
 * Tables go in dependency order (a row's foreign keys point at tables above it). A new table is
 * one line in BACKUP_TABLES; a listed table that the database does not have (yet) is skipped.
 */

export const BACKUP_FORMAT = 'broadsheet-backup';
export const BACKUP_VERSION = 1;
/** The name of the last row: proves the file is complete. */
export const END_ROW = 'end';

export interface BackupTable {
  name: string;
  /** Primary-key columns: rows are written in this order (keyset pagination, stable output). */
  key: readonly string[];
  /** Has an auto-generated `id` whose sequence must move past the restored ids (PostgreSQL). */
  identity?: boolean;
  /** A column pointing at another row of the same table (restored after that row exists). */
  selfRef?: string;
  /** Columns the database computes itself (PostgreSQL's generated search vector): never written. */
  derived?: readonly string[];
}

/**
 * Everything a site is made of, parents first. Not here: sessions and login attempts (ephemeral),
 * the migration ledger (the header lists it). Related-article lists are kept as they were
 * (recomputing them is `--related`, or happens when a backup has none).
 */
export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: 'settings', key: ['key'] },
  { name: 'users', key: ['id'], identity: true },
  { name: 'media', key: ['id'], identity: true },
  { name: 'authors', key: ['id'], identity: true },
  { name: 'categories', key: ['id'], identity: true, selfRef: 'parent_id' },
  { name: 'tags', key: ['id'], identity: true },
  { name: 'posts', key: ['id'], identity: true, derived: ['search_vector'] },
  { name: 'related_posts', key: ['post_id', 'related_id'] },
  { name: 'revisions', key: ['id'], identity: true },
  { name: 'corrections', key: ['id'], identity: true },
  { name: 'post_authors', key: ['post_id', 'author_id'] },
  { name: 'post_categories', key: ['post_id', 'category_id'] },
  { name: 'post_tags', key: ['post_id', 'tag_id'] },
  { name: 'people', key: ['id'], identity: true },
  { name: 'post_people', key: ['post_id', 'person_id', 'role'] },
  { name: 'live_entries', key: ['id'], identity: true },
  { name: 'pins', key: ['id'], identity: true },
  { name: 'home_blocks', key: ['id'], identity: true },
  { name: 'redirects', key: ['from_path'] },
  { name: 'comments', key: ['id'], identity: true, selfRef: 'parent_id' },
  { name: 'comment_rules', key: ['id'], identity: true },
  { name: 'import_map', key: ['source', 'kind', 'source_id'] },
  { name: 'audit_log', key: ['id'], identity: true },
];

/** Settings under this prefix are secrets (the cookie-signing key): never exported. */
export const SECRET_SETTING_PREFIX = 'secret.';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The database the backup was taken from. */
  dialect: 'sqlite' | 'postgres';
  exported_at: string;
  /** Migrations applied on the source: a restore needs a database with all of them. */
  migrations: string[];
  tables: string[];
  /** False: users.password_hash is left out (restored accounts need a password reset). */
  password_hashes: boolean;
}

export type BackupRow = Record<string, unknown>;

/** Bad or incomplete backup file: nothing was restored. */
export class BackupError extends Error {
  constructor(
    message: string,
    public readonly code:
      | 'BACKUP_NOT_BROADSHEET'
      | 'BACKUP_VERSION'
      | 'BACKUP_TRUNCATED'
      | 'BACKUP_BAD_ROW'
      | 'BACKUP_SCHEMA'
      | 'BACKUP_NOT_EMPTY'
      | 'BACKUP_UNREADABLE',
  ) {
    super(message);
  }
}
