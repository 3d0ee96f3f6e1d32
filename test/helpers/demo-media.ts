/**
 * The demo images every demo site of a test run shares, drawn once. No vitest import here: the
 * globalSetup (main process) uses it too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { NOW } from './clock.js';

/**
 * Demo images take seconds to draw and encode; every demo site in a test run shares one media
 * folder (keyed by the code that makes the images, so a change draws them anew). The test's own
 * DATA_DIR/media is a symlink to it, and the seeder reuses the files it finds.
 */
export function sharedDemoMedia(dataDir?: string): string {
  const root = path.resolve(import.meta.dirname, '../..');
  const hash = createHash('sha256');
  for (const f of ['src/demo/images.ts', 'src/demo/corpus.ts', 'src/modules/media/media.service.ts', 'src/modules/media/media.ts'])
    hash.update(fs.readFileSync(path.join(root, f)));
  const shared = path.join(os.tmpdir(), `broadsheet-test-demo-media-${hash.digest('hex').slice(0, 12)}`);
  fs.mkdirSync(shared, { recursive: true });
  if (!dataDir) return shared;
  const link = path.join(dataDir, 'media');
  if (!fs.existsSync(link)) fs.symlinkSync(shared, link, 'dir');
  return link;
}

/**
 * Draws the shared demo images once, before any worker starts (vitest globalSetup): on a cold
 * cache that takes minutes on two cores, more than a test hook may wait, and workers seeding at
 * once would draw the same files twice. Seeds a throwaway SQLite database; a marker file says the
 * folder is complete.
 */
export async function warmDemoMedia(): Promise<void> {
  const shared = sharedDemoMedia();
  const marker = path.join(shared, '.complete');
  if (fs.existsSync(marker)) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-warm-'));
  const handle = openDb({ databaseUrl: undefined, dataDir });
  try {
    await migrate(handle);
    fs.symlinkSync(shared, path.join(dataDir, 'media'), 'dir');
    await seedDemo(handle.db, handle.dialect.fullText, path.join(dataDir, 'media'), NOW);
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  } finally {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
