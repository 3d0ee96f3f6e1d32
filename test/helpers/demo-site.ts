/**
 * The demo newsroom served over real HTTP on a free loopback port, for browser, HTML-validity and
 * Lighthouse tests.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { freshDb, type DialectName, type TestDb } from './db.js';
import { sharedDemoMedia } from './demo-media.js';
import { freePort } from './postgres.js';
import { NOW } from './clock.js';

export { sharedDemoMedia };

export interface DemoSite {
  baseUrl: string;
  app: FastifyInstance;
  db: TestDb;
  close(): Promise<void>;
}

export async function startDemoSite(dialect: DialectName = 'sqlite', now = NOW): Promise<DemoSite> {
  const db = await freshDb(dialect);
  await seedDemo(db.handle.db, db.handle.dialect.fullText, sharedDemoMedia(db.dataDir), now);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ DATA_DIR: db.dataDir, DEMO: '0', PORT: String(port), SITE_URL: baseUrl });
  const app = await buildApp({ config, handle: db.handle, now: () => now, logger: false });
  await app.listen({ host: '127.0.0.1', port });
  return {
    baseUrl,
    app,
    db,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}
