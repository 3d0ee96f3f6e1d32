/**
 * @module db/dialects/postgres
 * PostgreSQL 15+ through pg. Row shapes are made to match SQLite's: timestamptz comes back as an
 * ISO string and int8 (count(*)) as a number.
 */
import pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import type { Dialect } from './dialect.js';
import { postgresFullText } from './postgres-search.js';
import { postgresSignals } from './postgres-signals.js';

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const INT8 = 20;
const NUMERIC = 1700;

function getTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return (v) => new Date(oid === TIMESTAMP ? `${v}Z` : v).toISOString();
  if (oid === INT8 || oid === NUMERIC) return (v) => Number(v);
  return pg.types.getTypeParser(oid, format as 'text');
}

export function postgresDialect(connectionString: string, poolSize = 10): Dialect {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: { getTypeParser } as pg.CustomTypesConfig });
  pool.on('error', () => {
    /* idle client errors are retried on next checkout */
  });
  // A connection cut while checked out (a restart, a failover, pg_terminate_backend) is reported on
  // the client itself, and an unheard 'error' event ends the process. The query that used it fails
  // with the error; the pool then replaces the client.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return {
    name: 'postgres',
    kysely: new PostgresDialect({ pool }),
    idColumn: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
    timestampType: 'timestamptz',
    fullText: postgresFullText,
    signals: postgresSignals(connectionString),
    lockMigrations: async (trx) => {
      await sql`select pg_advisory_xact_lock(7201403)`.execute(trx);
    },
    exclusive: (db, key, fn) =>
      db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${key})`.execute(conn);
        try {
          return await fn();
        } finally {
          await sql`select pg_advisory_unlock(${key})`.execute(conn);
        }
      }),
    countChanges: async (db, table) => {
      await sql
        .raw(`create or replace function bump_data_version() returns trigger language plpgsql as $$
        begin update data_versions set version = version + 1 where name = TG_ARGV[0]; return null; end $$`)
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_version after insert or update or delete or truncate on ${table} for each statement execute function bump_data_version('${table}')`,
        )
        .execute(db);
    },
    afterRowTrigger: async (db, t) => {
      const on = t.event === 'update' && t.columns ? `update of ${t.columns.join(', ')}` : t.event;
      await sql
        .raw(`create function ${t.name}() returns trigger language plpgsql as $$
        begin if ${t.when} then ${t.statements.map((x) => `${x};`).join(' ')} end if; return null; end $$`)
        .execute(db);
      await sql.raw(`create trigger ${t.name} after ${on} on ${t.table} for each row execute function ${t.name}()`).execute(db);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    resetSequences: async (db, tables) => {
      // Identity columns keep their own sequence, which explicit ids do not advance.
      for (const t of tables) {
        await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(db);
      }
    },
    close: async () => {
      /* Kysely's destroy() ends the pool. */
    },
  };
}
