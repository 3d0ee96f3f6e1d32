/**
 * @module test/helpers/db
 * A fresh, migrated database per test file, on each dialect the run covers. Tests are written once
 * and loop over DIALECTS, kysely style:
 *
 *   for (const dialect of DIALECTS) {
 *     describe(dialect, () => {
 *       let t: TestDb;
 *       beforeAll(async () => { t = await freshDb(dialect); });
 *       afterAll(() => t.cleanup());
 *       it('…', async () => { await t.handle.db.selectFrom('posts')… });
 *     });
 *   }
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import type { DialectName } from './global-setup.js';

export type { DialectName };

/**
 * Dialects this run covers, decided once by the globalSetup: sqlite always, postgres when a server
 * is available; $DIALECTS narrows it (e.g. `DIALECTS=sqlite npm test`).
 */
export const DIALECTS: DialectName[] = inject('broadsheetDialects') ?? ['sqlite'];

const adminUrl = inject('broadsheetPgAdminUrl') ?? null;
const runId = inject('broadsheetRunId') ?? 'adhoc';

/** A migrated database that belongs to one test file. */
export interface TestDb {
  handle: DbHandle;
  /** Empty temp DATA_DIR (SQLite file, media, secrets); deleted by cleanup(). */
  dataDir: string;
  /** URL of this file's own PostgreSQL database; undefined on SQLite. */
  databaseUrl?: string;
  /** Closes the handle, drops the database and deletes dataDir. */
  cleanup(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl! });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Opens and migrates a brand-new database: SQLite in a new temp DATA_DIR, or PostgreSQL as
 * `bs_test_<random>` on the run's server. Call cleanup() when done (usually in afterAll).
 */
export async function freshDb(dialect: DialectName): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-test-'));
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (dialect === 'postgres') {
    if (!adminUrl) throw new Error('freshDb("postgres"): no PostgreSQL server in this run; loop over DIALECTS instead of naming it');
    dbName = `bs_test_${runId}_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`create database "${dbName}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const handle = openDb({ databaseUrl, dataDir });
  let cleaned = false;
  const cleanup = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    await handle.close();
    // WITH (FORCE) ends connections a failed test may have left open (PostgreSQL ≥ 13).
    if (dbName) await admin((c) => c.query(`drop database if exists "${dbName}" with (force)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrate(handle);
  } catch (err) {
    await cleanup().catch(() => {});
    throw err;
  }
  return { handle, dataDir, ...(databaseUrl !== undefined && { databaseUrl }), cleanup };
}
