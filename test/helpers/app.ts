/**
 * Builds the real app over a test database, with a fixed clock and no logging.
 */
import type { FastifyInstance } from 'fastify';
import { type AppDeps, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { NOW } from './clock.js';
import type { TestDb } from './db.js';

export async function testApp(
  t: TestDb,
  env: Record<string, string> = {},
  now: () => Date = () => new Date(NOW),
  deps: Pick<AppDeps, 'purgePollMs'> = {},
): Promise<FastifyInstance> {
  // The page cache and article fragments are off unless a test turns the cache on (test/web/cache/page-cache.test.ts):
  // other tests look at rendering, and some change the database behind the app's back.
  const cacheOn = env.PAGE_CACHE_MB !== undefined && env.PAGE_CACHE_MB !== '0';
  const config = loadConfig({
    DATA_DIR: t.dataDir,
    DEMO: '0',
    SITE_URL: 'https://news.example',
    POSTS_PER_PAGE: '5',
    PAGE_CACHE_MB: '0',
    FRAGMENT_CACHE_MB: cacheOn ? '32' : '0',
    ...env,
  });
  return buildApp({ config, handle: t.handle, now, logger: false, ...deps });
}

/** Every JSON-LD object on a page. */
export function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}
