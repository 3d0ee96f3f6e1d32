/**
 * The usual HTTP-test setup in one call: a fresh database on the dialect, the fixture newsroom
 * (related lists computed) and the app over it, torn down after the file.
 *
 *   let t: TestDb; let app: FastifyInstance; let fx: Fixture;
 *   fixtureSite(dialect, (s) => ({ t, app, fx } = s));
 */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDb, type DialectName, type TestDb } from './db.js';
import { buildFixture, type Fixture } from './fixture.js';
import type { AppDeps } from '../../src/app.js';
import { testApp } from './app.js';
import { NOW } from './clock.js';

export interface FixtureSite {
  t: TestDb;
  app: FastifyInstance;
  fx: Fixture;
}

export function fixtureSite(
  dialect: DialectName,
  ready: (s: FixtureSite) => void,
  o: { env?: Record<string, string>; deps?: Pick<AppDeps, 'purgePollMs'> } = {},
): void {
  let site: FixtureSite | undefined;
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await freshDb(dialect);
    const fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 14, t.handle.dialect.fullText);
    site = { t, app: await testApp(t, o.env, () => new Date(NOW), o.deps), fx };
    ready(site);
  });
  afterAll(async () => {
    await site?.app.close();
    await t?.cleanup();
  });
}
