/**
 * The load balancer's two questions: /healthz (the process answers) and /readyz (it can serve: the
 * database answers, migrations are applied, background jobs run, no shutdown under way).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startJobs } from '../../src/app.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';

for (const dialect of DIALECTS) {
  describe(`health and readiness (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await testApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });
    const ready = async () => {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      return { status: res.statusCode, cache: res.headers['cache-control'], body: res.json() as { ok: boolean; checks: Record<string, string> } };
    };

    it('/healthz answers without reading anything, and is never cached', async () => {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      expect(res.headers['cache-control']).toBe('private, no-store');
    });

    it('/readyz is 503 until the background jobs run, then 200, and 503 again once a shutdown begins', async () => {
      const before = await ready();
      expect(before.status).toBe(503);
      expect(before.body.checks).toMatchObject({ database: 'ok', migrations: 'ok', jobs: 'background jobs are not running', shutdown: 'ok' });
      expect(before.cache).toBe('private, no-store');
      const jobs = startJobs(app, t.handle.db, { ipRetentionDays: 30 });
      try {
        expect(await ready()).toMatchObject({ status: 200, body: { ok: true } });
        app.readiness.draining = true;
        expect(await ready()).toMatchObject({ status: 503, body: { ok: false, checks: { shutdown: 'shutting down' } } });
        app.readiness.draining = false;
      } finally {
        await jobs.stop();
      }
      expect((await ready()).body.checks.jobs).toBe('background jobs are not running');
    });

    it('/readyz names a migration the database has not applied', async () => {
      const jobs = startJobs(app, t.handle.db, { ipRetentionDays: 30 });
      const last = await t.handle.db.selectFrom('broadsheet_migrations').selectAll().orderBy('name', 'desc').executeTakeFirstOrThrow();
      await t.handle.db.deleteFrom('broadsheet_migrations').where('name', '=', last.name).execute();
      try {
        const r = await ready();
        expect(r.status).toBe(503);
        expect(r.body.checks.migrations).toBe(`not applied: ${last.name}`);
      } finally {
        await t.handle.db.insertInto('broadsheet_migrations').values(last).execute();
        await jobs.stop();
      }
    });

    it('/readyz is 503 with the reason when the database does not answer', async () => {
      const other = await freshDb(dialect);
      const otherApp = await testApp(other);
      const jobs = startJobs(otherApp, other.handle.db, { ipRetentionDays: 30 });
      try {
        expect((await otherApp.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
        await other.handle.close();
        const res = await otherApp.inject({ method: 'GET', url: '/readyz' });
        expect(res.statusCode).toBe(503);
        expect(res.json().checks.database).toMatch(/^unreachable: /);
        // The process itself is alive.
        expect((await otherApp.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      } finally {
        await jobs.stop();
        await otherApp.close().catch(() => {});
        await other.cleanup().catch(() => {});
      }
    });
  });
}
