/**
 * One JSON log line per request, under an id the response carries as X-Request-Id (the proxy's
 * when it sends a sane one), for requests through Fastify and for cache hits answered before it.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { RequestLine } from '../../src/web/request-log.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { buildFixture, type Fixture } from '../helpers/fixture.js';

/** What a request line holds: the fields the app writes, and pino's own. */
type Line = RequestLine & { level: number; msg: string; reqId: string };

for (const dialect of DIALECTS) {
  describe(`request log (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let base: string;
    const written: string[] = [];
    const requestLines = (): Line[] => written.map((l) => JSON.parse(l) as Line).filter((l) => l.msg === 'request');
    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 3);
      const config = loadConfig({ DATA_DIR: t.dataDir, DEMO: '0', SITE_URL: 'https://news.example', PAGE_CACHE_MB: '8' });
      app = await buildApp({ config, handle: t.handle, logger: { level: 'info', stream: { write: (l: string) => written.push(l) } } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      base = `http://127.0.0.1:${address.port}`;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('logs one line per request with route, status, duration and cache verdict, under the id it sends back', async () => {
      written.length = 0;
      const article = `/${fx.slugs[0]}/`;
      const first = await fetch(base + article);
      await first.text();
      const second = await fetch(base + article);
      await second.text();
      const missing = await fetch(`${base}/no-such-story-anywhere/`);
      await missing.text();
      const lines = requestLines();
      expect(lines).toHaveLength(3);
      const ids = [first, second, missing].map((r) => r.headers.get('x-request-id'));
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
      expect(new Set(ids).size).toBe(3);
      expect(lines.map((l) => l.reqId)).toEqual(ids);
      expect(lines[0]).toMatchObject({ level: 30, method: 'GET', url: article, route: '/:slug/', status: 200, cache: 'MISS' });
      // The second is answered from the page cache before the router runs.
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(lines[1]).toMatchObject({ url: article, route: '(page cache)', status: 200, cache: 'HIT' });
      expect(lines[2]).toMatchObject({ url: '/no-such-story-anywhere/', status: 404 });
      for (const l of lines) expect(l.ms).toBeGreaterThanOrEqual(0);
    });

    it('keeps a sane id the proxy sent, and replaces one that is not', async () => {
      written.length = 0;
      const article = `/${fx.slugs[1]}/`;
      for (const [given, kept] of [
        ['7f3a9c21e4b8d6f0a1b2c3d4e5f60718', true],
        ['<script>alert(1)</script>', false],
        ['x'.repeat(65), false],
        ['id with spaces', false],
      ] as const) {
        // First a miss through the router, then a hit before it: both paths keep or replace alike.
        for (let i = 0; i < 2; i++) {
          const res = await fetch(base + article, { headers: { 'x-request-id': given } });
          await res.text();
          const id = res.headers.get('x-request-id');
          if (kept) expect(id).toBe(given);
          else expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
        }
      }
      const lines = requestLines();
      expect(lines).toHaveLength(8);
      expect(lines.filter((l) => l.reqId === '7f3a9c21e4b8d6f0a1b2c3d4e5f60718')).toHaveLength(2);
      expect(written.join('\n')).not.toContain('<script>');
    });

    it('writes no request line when the level is above info', async () => {
      written.length = 0;
      app.log.level = 'warn';
      try {
        const res = await fetch(`${base}/`);
        await res.text();
        expect(res.headers.get('x-request-id')).toBeTruthy();
        expect(requestLines()).toHaveLength(0);
      } finally {
        app.log.level = 'info';
      }
    });
  });
}
