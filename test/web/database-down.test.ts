/**
 * PostgreSQL restarted under a running instance: while it is down, pages already cached are still
 * served, what needs the database answers 503 with a page that says to come back (Retry-After),
 * /readyz says why and /healthz stays 200; once it is back, the same instance serves again without
 * a restart. Runs on a throwaway cluster of its own (the suite's shared one cannot be stopped).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDb } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { startJobs, type Jobs } from '../../src/app.js';
import { DIALECTS, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { buildFixture, type Fixture } from '../helpers/fixture.js';
import { findPgBinaries, startCluster, type PgCluster } from '../helpers/postgres.js';
import { databaseUnavailable } from '../../src/db/dialects/unavailable.js';

const bins = findPgBinaries();

describe.runIf(bins !== undefined && DIALECTS.includes('postgres'))('when PostgreSQL goes away and comes back', () => {
  let cluster: PgCluster;
  let t: TestDb;
  let fx: Fixture;
  let app: FastifyInstance;
  let jobs: Jobs;
  beforeAll(async () => {
    cluster = await startCluster(bins!);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-dbdown-'));
    const handle = openDb({ databaseUrl: cluster.adminUrl, dataDir });
    await migrate(handle);
    t = {
      handle,
      dataDir,
      cleanup: async () => {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    } as TestDb;
    fx = await buildFixture(handle.db, path.join(dataDir, 'media'), 3);
    app = await testApp(t, { PAGE_CACHE_MB: '8' });
    jobs = startJobs(app, handle.db, { ipRetentionDays: 30 });
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await t?.cleanup().catch(() => {});
    cluster?.stop();
  });

  it('serves what it holds, answers 503 for the rest, and recovers by itself', async () => {
    const cached = `/${fx.slugs[0]}/`;
    const other = `/${fx.slugs[1]}/`;
    expect((await app.inject({ method: 'GET', url: cached })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    await cluster.pause();
    try {
      const hit = await app.inject({ method: 'GET', url: cached });
      expect(hit.statusCode).toBe(200);
      expect(hit.headers['x-cache']).toBe('HIT');
      // Twice: the first may meet a pooled connection the restart cut, the second a refused one.
      for (let i = 0; i < 2; i++) {
        const page = await app.inject({ method: 'GET', url: other });
        expect(page.statusCode).toBe(503);
        expect(page.headers['retry-after']).toBe('5');
        expect(page.headers['content-type']).toContain('text/html');
        expect(page.body).toContain('cannot reach its database right now');
        expect(page.headers['cache-control']).toBe('private, no-store');
      }
      const api = await app.inject({ method: 'GET', url: '/api/v1/posts' });
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.database).toMatch(/^unreachable/);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // The admin says the same on its own page (a journalist coming to log in).
      for (const url of ['/admin/login']) {
        const admin = await app.inject({ method: 'GET', url });
        expect(admin.statusCode, url).toBe(503);
        expect(admin.headers['retry-after']).toBe('5');
        expect(admin.body).toContain('cannot reach its database right now');
        expect(admin.body).toMatch(/\/admin\/assets\/admin\.[0-9a-f]{10}\.css/);
      }
    } finally {
      await cluster.resume();
    }

    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await app.inject({ method: 'GET', url: other })).statusCode;
      if (back !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }, 60_000);
});

describe('what counts as the database being away', () => {
  it('knows the drivers’ connection errors, and nothing else', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
      Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }),
      new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
      new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]),
    ])
      expect(databaseUnavailable(err), String(err)).toBe(true);
    for (const err of [
      new Error('syntax error at or near "selec"'),
      Object.assign(new Error('duplicate key'), { code: '23505' }),
      Object.assign(new Error('no such table: x'), { code: 'SQLITE_ERROR' }),
      undefined,
      'ECONNREFUSED',
    ])
      expect(databaseUnavailable(err), String(err)).toBe(false);
  });
});
