/**
 * The demo newsroom served over real HTTP on a free loopback port, for browser, HTML-validity and
 * Lighthouse tests.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { freshDb, type DialectName, type TestDb } from './db.js';
import { freePort } from './postgres.js';
import { NOW } from './clock.js';

export interface DemoSite {
  baseUrl: string;
  app: FastifyInstance;
  db: TestDb;
  close(): Promise<void>;
}

/**
 * Demo images take seconds to draw and encode; every demo site in a test run shares one media
 * folder (keyed by the code that makes the images, so a change draws them anew). The test's own
 * DATA_DIR/media is a symlink to it, and the seeder reuses the files it finds.
 */
export function sharedDemoMedia(dataDir: string): string {
  const root = path.resolve(import.meta.dirname, '../..');
  const hash = createHash('sha256');
  for (const f of ['src/demo/images.ts', 'src/demo/corpus.ts', 'src/modules/media/media.service.ts']) hash.update(fs.readFileSync(path.join(root, f)));
  const shared = path.join(os.tmpdir(), `broadsheet-test-demo-media-${hash.digest('hex').slice(0, 12)}`);
  fs.mkdirSync(shared, { recursive: true });
  const link = path.join(dataDir, 'media');
  if (!fs.existsSync(link)) fs.symlinkSync(shared, link, 'dir');
  return link;
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
