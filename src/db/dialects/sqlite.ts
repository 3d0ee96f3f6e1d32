/**
 * @module db/dialects/sqlite
 * Embedded SQLite through better-sqlite3: one file under DATA_DIR, WAL journal, FTS5 available.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, SqliteDialect } from 'kysely';
import type { Dialect } from './dialect.js';
import { sqliteFullText } from './sqlite-search.js';

const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query afresh; preparing is a large share of a small query's cost in
 * better-sqlite3. The same SQL text reuses its prepared statement (Kysely runs them with all()
 * and run(), never two iterations of one statement at once). Least recently used out first.
 */
function withStatementCache(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

export function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  return {
    name: 'sqlite',
    kysely: new SqliteDialect({ database: withStatementCache(sqlite) }),
    idColumn: (col) => col.primaryKey().autoIncrement(),
    timestampType: 'text',
    // One file, one writer: SQLite's own write lock already serialises migrations.
    fullText: sqliteFullText,
    lockMigrations: async () => {},
    exclusive: (_db, _key, fn) => fn(),
    countChanges: async (db, table) => {
      for (const op of ['insert', 'update', 'delete']) {
        await sql
          .raw(
            `create trigger ${table}_version_${op} after ${op} on ${table} begin update data_versions set version = version + 1 where name = '${table}'; end`,
          )
          .execute(db);
      }
    },
    afterRowTrigger: async (db, t) => {
      const on = t.event === 'update' && t.columns ? `update of ${t.columns.join(', ')}` : t.event;
      await sql
        .raw(`create trigger ${t.name} after ${on} on ${t.table} for each row when ${t.when} begin ${t.statements.map((x) => `${x};`).join(' ')} end`)
        .execute(db);
    },
    // AUTOINCREMENT keeps max(id) in sqlite_sequence on every insert, explicit ids included.
    resetSequences: async () => {},
    close: async () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
