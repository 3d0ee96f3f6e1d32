/**
 * A PostgreSQL connection cut under the app (the database restarted, a failover, an operator's
 * pg_terminate_backend) fails the queries that used it, and nothing else: the process lives on
 * and the next query gets a fresh connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDb, type DbHandle } from '../../src/db/database.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';

describe.runIf(DIALECTS.includes('postgres'))('a cut PostgreSQL connection (postgres)', () => {
  let t: TestDb;
  let app: DbHandle;
  beforeAll(async () => {
    t = await freshDb('postgres');
    app = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('fails the transaction that held it, and the process and the pool carry on', async () => {
    const cut = app.db.transaction().execute(async (trx) => {
      const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!;
      // Another session ends this one while the transaction holds its connection between queries:
      // the driver reports it as an 'error' event on the checked-out client, which must not go unheard.
      await sql`select pg_terminate_backend(${pid})`.execute(t.handle.db);
      await new Promise((r) => setTimeout(r, 300));
      await sql`select 1`.execute(trx);
    });
    await expect(cut).rejects.toThrow();
    expect((await sql<{ n: number }>`select 1 as n`.execute(app.db)).rows[0]!.n).toBe(1);
  });
});
