/**
 * @module db/database
 * openDb(config) picks the dialect, builds the Kysely instance and counts queries (the count is
 * what tests use to prove that a page's query count does not grow with the site).
 */
import path from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './dialects/dialect.js';
import { sqliteDialect } from './dialects/sqlite.js';
import { postgresDialect } from './dialects/postgres.js';

export type Db = Kysely<Database>;

export interface DbHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Number of SQL statements run since open; read by tests. */
  readonly stats: { queries: number };
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL: connections this process may open for queries (default 10; one more listens). */
  databasePoolSize?: number;
}

export function openDb(options: DbOptions): DbHandle {
  const dialect = options.databaseUrl
    ? postgresDialect(options.databaseUrl, options.databasePoolSize)
    : sqliteDialect(path.join(options.dataDir, 'broadsheet.db'));
  const stats = { queries: 0 };
  const db = new Kysely<Database>({
    dialect: dialect.kysely,
    log: () => {
      stats.queries++;
    },
  });
  return {
    db,
    dialect,
    stats,
    close: async () => {
      await db.destroy();
      await dialect.close();
    },
  };
}
