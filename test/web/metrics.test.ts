/**
 * GET /metrics: off without METRICS_TOKEN, 401 without the right bearer token, and with it the
 * Prometheus text an operator's scraper reads: requests by route and status with their cache
 * verdict and latency, the page cache's hits and bytes, queue and scheduler depths, comments by
 * status, media files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { buildFixture, type Fixture } from '../helpers/fixture.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** One sample's value from the text format: `name{labels} value`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

for (const dialect of DIALECTS) {
  describe(`metrics (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 3);
      app = await testApp(t, { METRICS_TOKEN: TOKEN, PAGE_CACHE_MB: '8' });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });
    const scrape = async (authorization?: string) => app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

    it('is off without METRICS_TOKEN (the public site’s 404), and refuses a missing or wrong token', async () => {
      const plain = await testApp(t);
      try {
        // The site's own handling of an unknown address: the slash added, then its 404 page.
        const first = await plain.inject({ method: 'GET', url: '/metrics' });
        expect(first.statusCode).toBe(301);
        expect(first.headers.location).toBe('/metrics/');
        const page = await plain.inject({ method: 'GET', url: '/metrics/' });
        expect(page.statusCode).toBe(404);
        expect(page.body).not.toContain('broadsheet_');
      } finally {
        await plain.close();
      }
      for (const auth of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
        const res = await scrape(auth);
        expect(res.statusCode, String(auth)).toBe(401);
        expect(res.headers['www-authenticate']).toContain('Bearer');
        expect(res.body).not.toContain('broadsheet_');
      }
    });

    it('counts requests by route pattern and status with the cache verdict, and times them', async () => {
      const article = `/${fx.slugs[0]}/`;
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: article })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/no-such-page-here/' })).statusCode).toBe(404);
      const res = await scrape(`Bearer ${TOKEN}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const text = res.body;
      // The first read renders and stores the page, the next two are hits.
      expect(sample(text, 'broadsheet_http_requests_total', { method: 'GET', status: '200', cache: 'MISS' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'broadsheet_http_requests_total', { method: 'GET', status: '200', cache: 'HIT' })).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'broadsheet_http_requests_total', { method: 'GET', status: '404' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'broadsheet_http_request_duration_seconds_count', { method: 'GET' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'broadsheet_page_cache_hits_total')).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'broadsheet_page_cache_entries')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'broadsheet_page_cache_bytes')).toBeGreaterThan(1000);
      // The article's fragment was rendered once (a miss) and is held; its bytes are counted.
      expect(sample(text, 'broadsheet_fragment_cache_misses_total', { store: 'article' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'broadsheet_fragment_cache_entries', { store: 'article' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'broadsheet_fragment_cache_bytes', { store: 'article' })).toBeGreaterThan(1000);
      expect(sample(text, 'broadsheet_fragment_cache_hits_total', { store: 'article' })).toBeGreaterThanOrEqual(0);
      // Process metrics come along (memory, event loop).
      expect(sample(text, 'broadsheet_process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('reports what is stored and waiting: comments by status, media, scheduled posts, queues', async () => {
      const text = (await scrape(`Bearer ${TOKEN}`)).body;
      const approved = await t.handle.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      expect(sample(text, 'broadsheet_comments', { status: 'approved' })).toBe(Number(approved.n));
      const media = await t.handle.db
        .selectFrom('media')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(sample(text, 'broadsheet_media_files')).toBe(Number(media.n));
      expect(sample(text, 'broadsheet_scheduled_posts', { state: 'due' })).toBe(0);
      expect(sample(text, 'broadsheet_queue_pending', { queue: 'related' })).toBe(0);
      expect(sample(text, 'broadsheet_queue_pending', { queue: 'avif' })).toBe(0);
      expect(sample(text, 'broadsheet_purge_log_lag')).toBe(0);
      if (dialect === 'postgres') expect(sample(text, 'broadsheet_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
      // The scrape itself never lands in the page cache.
      expect(sample(text, 'broadsheet_http_requests_total', { route: '/metrics', status: '200', cache: 'HIT' })).toBeUndefined();
    });
  });
}
