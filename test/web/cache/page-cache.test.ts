/**
 * The page cache serves stored bytes, compressed variants and 304s, and a write purges exactly
 * what it touched before the writer's call returns: no reader sees stale content afterwards.
 */
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle, setArticleStatus, updateArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { tag } from '../../../src/modules/content/cache-tags.js';
import { updateCategory } from '../../../src/modules/taxonomy/taxonomy.service.js';
import { publishDue } from '../../../src/jobs/scheduler.js';
import { purgePosts } from '../../../src/web/cache/index.js';
import { DIALECTS, type TestDb } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';
import { testApp } from '../../helpers/app.js';
import { loadConfig } from '../../../src/config/config.js';
import type { Fixture } from '../../helpers/fixture.js';
import { NOW } from '../../helpers/clock.js';

for (const dialect of DIALECTS) {
  describe(`page cache (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
    const queriesFor = async (url: string) => {
      t.handle.stats.queries = 0;
      await get(url);
      return t.handle.stats.queries;
    };
    const idOf = async (slug: string) => (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    // Counts of queries: the purge-log follower's poll (300 ms on SQLite) would add its own.
    fixtureSite(dialect, (s) => ({ t, app, fx } = s), { env: { PAGE_CACHE_MB: '16', SURROGATE_KEYS: '1' }, deps: { purgePollMs: 3_600_000 } });

    it('over a real socket answers hits before Fastify with the same bytes and headers, 304s, HEAD, and bypasses for a session', async () => {
      // An app of its own: this one listens and is closed at the end.
      const served = await testApp(t, { PAGE_CACHE_MB: '16', SURROGATE_KEYS: '1' });
      const base = await served.listen({ host: '127.0.0.1', port: 0 });
      try {
        const url = `/${fx.slugs[1]}/`;
        const get = (headers: Record<string, string> = {}, method = 'GET') =>
          new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
            const req = http.request(`${base}${url}`, { method, headers }, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
            });
            req.on('error', reject);
            req.end();
          });
        const miss = await get();
        expect(miss.headers['x-cache']).toBe('MISS');
        const hitsBefore = served.pageCache.stats.hits;
        const hit = await get();
        expect(served.pageCache.stats.hits).toBe(hitsBefore + 1);
        expect(hit.headers['x-cache']).toBe('HIT');
        expect(hit.body.equals(miss.body)).toBe(true);
        expect(Number(hit.headers['content-length'])).toBe(miss.body.length);
        for (const h of ['content-type', 'content-security-policy', 'etag', 'cache-control', 'surrogate-key', 'x-content-type-options', 'referrer-policy']) {
          expect(hit.headers[h], h).toBe(miss.headers[h]);
        }
        const br = await get({ 'accept-encoding': 'gzip, br' });
        expect(br.headers['content-encoding']).toBe('br');
        expect(brotliDecompressSync(br.body).equals(miss.body)).toBe(true);
        const gz = await get({ 'accept-encoding': 'gzip' });
        expect(gunzipSync(gz.body).equals(miss.body)).toBe(true);
        const same = await get({ 'if-none-match': String(miss.headers.etag) });
        expect(same.status).toBe(304);
        expect(same.body.length).toBe(0);
        const head = await get({}, 'HEAD');
        expect(head.status).toBe(200);
        expect(Number(head.headers['content-length'])).toBe(miss.body.length);
        expect(head.body.length).toBe(0);
        // A signed-in editor is never served the shared copy.
        expect((await get({ cookie: 'bs_session=abc' })).headers['x-cache']).not.toBe('HIT');
        // A write purges what the socket path serves too.
        const id = await idOf(fx.slugs[1]!);
        const row = await t.handle.db.selectFrom('posts').select(['slug', 'body_doc']).where('id', '=', id).executeTakeFirstOrThrow();
        await updateArticle(
          t.handle.db,
          id,
          { slug: row.slug, title: 'Retitled over the socket', body: JSON.parse(row.body_doc), categoryIds: [fx.ids.world], status: 'published' },
          NOW,
        );
        await purgePosts(served.pageCache, t.handle.db, [id]);
        const fresh = await get();
        expect(fresh.headers['x-cache']).toBe('MISS');
        expect(fresh.body.toString()).toContain('Retitled over the socket');
      } finally {
        await served.close();
      }
    });

    it('serves a repeat request from memory with the same bytes, brotli/gzip variants and a 304 on a matching ETag', async () => {
      const url = `/${fx.slugs[0]}/`;
      const first = await get(url);
      expect(first.headers['x-cache']).toBe('MISS');
      expect(first.headers['cache-control']).toMatch(/stale-while-revalidate=/);
      expect(String(first.headers['surrogate-key'])).toContain(`post:${await idOf(fx.slugs[0]!)}`);
      expect(await queriesFor(url)).toBe(0);
      const second = await get(url);
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.body).toBe(first.body);
      expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
      const br = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(first.body);
      const gz = await get(url, { 'accept-encoding': 'gzip' });
      expect(gunzipSync(gz.rawPayload).toString()).toBe(first.body);
      const notModified = await get(url, { 'if-none-match': String(first.headers.etag) });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.body).toBe('');
      // The same matcher as feeds: weak tags compare, `*` names any page that exists, others do not match.
      expect((await get(url, { 'if-none-match': `W/${String(first.headers.etag)}` })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '*' })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
    });

    it('is bypassed by logged-in readers and 404s', async () => {
      const res = await get('/', { cookie: 'bs_session=abc' });
      expect(res.headers['x-cache']).toBeUndefined();
      await get('/no-such-page/');
      expect((await get('/no-such-page/')).headers['x-cache']).toBeUndefined();
    });

    it('caches an article whose slug contains "preview" (only /preview/ links bypass it)', async () => {
      await createArticle(
        t.handle.db,
        {
          status: 'published',
          slug: 'previewing-the-budget',
          title: 'Previewing the budget',
          body: doc(p('Numbers.')),
          categoryIds: [fx.ids.politics],
          publishedAt: NOW.toISOString(),
        },
        NOW,
      );
      expect((await get('/previewing-the-budget/')).headers['x-cache']).toBe('MISS');
      expect((await get('/previewing-the-budget/')).headers['x-cache']).toBe('HIT');
      expect((await get('/preview/not-a-token/')).headers['x-cache']).toBeUndefined();
    });

    it('sends Surrogate-Key only for a CDN (PURGE_URL or SURROGATE_KEYS=1)', async () => {
      const plain = await testApp(t, { PAGE_CACHE_MB: '1' });
      try {
        const url = `/${fx.slugs[2]}/`;
        const first = await plain.inject(url);
        expect(first.headers['surrogate-key']).toBeUndefined();
        const hit = await plain.inject(url);
        expect(hit.headers['x-cache']).toBe('HIT');
        expect(hit.headers['surrogate-key']).toBeUndefined();
        expect((await app.inject(url)).headers['surrogate-key']).toContain(`post:${await idOf(fx.slugs[2]!)}`);
      } finally {
        await plain.close();
      }
      expect(loadConfig({ PURGE_URL: 'http://127.0.0.1:9/purge' }).surrogateKeys).toBe(true);
      expect(loadConfig({ PURGE_URL: 'http://127.0.0.1:9/purge', SURROGATE_KEYS: '0' }).surrogateKeys).toBe(false);
      expect(() => loadConfig({ SURROGATE_KEYS: 'yes' })).toThrow(/SURROGATE_KEYS/);
    });

    it('keeps searches in a share of their own: a flood of queries never pushes articles out', async () => {
      // A 1 MiB cache: the flood below is larger than all of it, searches may take an eighth.
      const small = await testApp(t, { PAGE_CACHE_MB: '1' });
      try {
        const article = `/${fx.slugs[2]}/`;
        await small.inject(article);
        expect((await small.inject(article)).headers['x-cache']).toBe('HIT');
        let flooded = 0;
        for (let i = 0; i < 400; i++) flooded += Buffer.byteLength((await small.inject(`/search?q=rail+${i}`)).body);
        expect(flooded).toBeGreaterThan(1024 * 1024);
        expect((await small.inject(article)).headers['x-cache']).toBe('HIT');
        expect((await small.inject('/search?q=rail+399')).headers['x-cache']).toBe('HIT');
        expect((await small.inject('/search?q=rail+0')).headers['x-cache']).toBe('MISS');
      } finally {
        await small.close();
      }
    });

    it('publishing purges the home page and the sections it is filed in, but not unrelated pages', async () => {
      await get('/');
      await get('/category/world/');
      await get('/category/world/europe/');
      await get('/category/politics/');
      await get(`/${fx.slugs[1]}/`);
      const id = await createArticle(
        t.handle.db,
        {
          status: 'published',
          slug: 'breaking-news',
          title: 'Breaking: the bridge reopens',
          body: doc(p('Open.')),
          categoryIds: [fx.ids.europe],
          publishedAt: NOW.toISOString(),
        },
        NOW,
      );
      await purgePosts(app.pageCache, t.handle.db, [id]);
      expect((await get('/')).body).toContain('Breaking: the bridge reopens');
      expect((await get('/category/world/')).body).toContain('Breaking: the bridge reopens');
      expect((await get('/category/world/europe/')).body).toContain('Breaking: the bridge reopens');
      expect((await get('/category/politics/')).headers['x-cache']).toBe('HIT');
      expect((await get(`/${fx.slugs[1]}/`)).headers['x-cache']).toBe('HIT');
    });

    it('an edit shows at once on the article, on cards that show it, and a changed slug redirects', async () => {
      const id = await idOf(fx.slugs[2]!);
      await get(`/${fx.slugs[2]}/`);
      await get('/');
      await updateArticle(
        t.handle.db,
        id,
        { slug: 'renamed-story', title: 'A corrected headline', body: doc(p('Corrected.')), categoryIds: [fx.ids.politics], status: 'published' },
        NOW,
      );
      await purgePosts(app.pageCache, t.handle.db, [id], [tag.catList(fx.ids.europe), tag.catList(fx.ids.world)]);
      const old = await get(`/${fx.slugs[2]}/`);
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/renamed-story/');
      expect((await get('/renamed-story/')).body).toContain('A corrected headline');
      expect((await get('/')).body).toContain('A corrected headline');
    });

    it('unpublishing removes the article and its cards at once', async () => {
      const id = await idOf(fx.slugs[3]!);
      const title = `Rail line story number ${14 - 3}`;
      expect((await get(`/${fx.slugs[3]}/`)).statusCode).toBe(200);
      expect((await get('/tag/rail/')).body).toContain(title);
      await setArticleStatus(t.handle.db, id, 'draft', NOW);
      await purgePosts(app.pageCache, t.handle.db, [id]);
      expect((await get(`/${fx.slugs[3]}/`)).statusCode).toBe(404);
      expect((await get('/tag/rail/')).body).not.toContain(`${title}<`);
    });

    it('a scheduled article going live appears at once', async () => {
      await get('/');
      await createArticle(
        t.handle.db,
        {
          status: 'scheduled',
          slug: 'at-one',
          title: 'Scheduled for one o’clock',
          body: doc(p('Now.')),
          categoryIds: [fx.ids.politics],
          publishedAt: '2026-11-20T13:00:00.000Z',
        },
        NOW,
      );
      expect((await get('/')).body).not.toContain('Scheduled for one');
      const ids = await publishDue(t.handle.db, new Date('2026-11-20T13:00:01Z'));
      await purgePosts(app.pageCache, t.handle.db, ids);
      expect((await get('/')).body).toContain('Scheduled for one');
    });

    it('renaming a section updates every page that shows its name', async () => {
      await get('/');
      await get(`/${fx.slugs[0]}/`);
      await get('/category/world/europe/');
      await updateCategory(t.handle.db, fx.ids.world, { name: 'International', slug: 'international' }, NOW);
      app.pageCache.purge([tag.cat(fx.ids.world), tag.nav]);
      expect((await get('/')).body).toContain('>International<');
      expect((await get(`/${fx.slugs[0]}/`)).body).toContain('href="/category/international/europe/"');
      const moved = await get('/category/world/europe/');
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toBe('/category/international/europe/');
    });

    it('feeds and sitemaps are cached and purged by the same writes', async () => {
      await get('/feed/');
      await get('/sitemap-posts-1.xml');
      expect((await get('/feed/')).headers['x-cache']).toBe('HIT');
      expect((await get('/sitemap-posts-1.xml')).headers['x-cache']).toBe('HIT');
      const id = await createArticle(
        t.handle.db,
        {
          status: 'published',
          slug: 'fresh-for-feeds',
          title: 'Fresh for the feeds',
          body: doc(p('New.')),
          categoryIds: [fx.ids.politics],
          publishedAt: '2026-11-20T12:30:00Z',
        },
        NOW,
      );
      await purgePosts(app.pageCache, t.handle.db, [id]);
      expect((await get('/feed/')).body).toContain('Fresh for the feeds');
      expect((await get('/sitemap-posts-1.xml')).body).toContain('/fresh-for-feeds/');
    });

    it('forwards purges to a configured CDN purge URL', async () => {
      const http = await import('node:http');
      const seen: { key: string | undefined; body: string }[] = [];
      const cdn = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          seen.push({ key: req.headers['surrogate-key'] as string | undefined, body });
          res.end('ok');
        });
      });
      await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', r));
      const { port } = cdn.address() as import('node:net').AddressInfo;
      const { PageCache, cdnPurger } = await import('../../../src/web/cache/index.js');
      const cache = new PageCache(
        1_000_000,
        cdnPurger(`http://127.0.0.1:${port}/purge`, () => {}),
      );
      cache.purge(['post:7', 'home']);
      for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      cdn.close();
      expect(seen).toEqual([{ key: 'post:7 home', body: JSON.stringify({ tags: ['post:7', 'home'] }) }]);
    });

    it('a page rendered while a purge ran is sent but not stored (it may show what the write replaced)', async () => {
      const Fastify = (await import('fastify')).default;
      const { PageCache, registerPageCache, cacheFor } = await import('../../../src/web/cache/index.js');
      const cache = new PageCache(1_000_000);
      const solo = Fastify();
      registerPageCache(solo, { cache, maxAge: 60, staleWhileRevalidate: 600 });
      let release!: () => void;
      const rendering = new Promise<void>((r) => (release = r));
      let calls = 0;
      solo.get('/slow/', async (_req, reply) => {
        calls++;
        if (calls === 1) await rendering; // the first render reads, then a write purges meanwhile
        cacheFor(reply, ['post:1']);
        return `render ${calls}`;
      });
      const first = solo.inject('/slow/');
      await new Promise((r) => setImmediate(r));
      cache.purge(['post:1']);
      release();
      expect((await first).body).toBe('render 1');
      expect(cache.stats.entries).toBe(0);
      expect((await solo.inject('/slow/')).body).toBe('render 2');
      expect((await solo.inject('/slow/')).headers['x-cache']).toBe('HIT');
      await solo.close();
    });

    it('compresses a page the first time a client asks for that encoding, and only then', async () => {
      const url = `/${fx.slugs[0]}/`;
      app.pageCache.purge(['all']);
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      const bytesPlain = app.pageCache.stats.bytes;
      expect(bytesPlain).toBeLessThan(Buffer.byteLength(plain.body) + 2000);
      await get(url);
      expect(app.pageCache.stats.bytes).toBe(bytesPlain);
      const br = await get(url, { 'accept-encoding': 'br' });
      expect(br.headers['x-cache']).toBe('HIT');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      const withBr = app.pageCache.stats.bytes;
      expect(withBr).toBeGreaterThan(bytesPlain);
      await get(url, { 'accept-encoding': 'br' });
      expect(app.pageCache.stats.bytes).toBe(withBr);
      expect(gunzipSync((await get(url, { 'accept-encoding': 'gzip' })).rawPayload).toString()).toBe(plain.body);
      expect(app.pageCache.stats.bytes).toBeGreaterThan(withBr);
    });

    it('stays within its memory bound, dropping the least recently used', async () => {
      const { PageCache } = await import('../../../src/web/cache/index.js');
      const small = new PageCache(20_000);
      const entry = (key: string) => ({
        key,
        status: 200,
        type: 'text/html',
        identity: { body: Buffer.alloc(3000), rawHeaders: {} },
        etag: '"x"',
        tags: ['a'],
        hitHeaders: {},
        bytes: 4300,
      });
      for (let i = 0; i < 10; i++) small.set(entry(`/p${i}/`));
      expect(small.stats.bytes).toBeLessThanOrEqual(20_000);
      expect(small.get('/p0/')).toBeUndefined();
      expect(small.get('/p9/')).toBeDefined();
      // Four fit. The oldest goes first, unless it was read since it was stored.
      const lru = new PageCache(20_000);
      for (let i = 0; i < 4; i++) lru.set(entry(`/q${i}/`));
      expect(lru.get('/q0/')).toBeDefined();
      lru.set(entry('/q4/'));
      expect(lru.get('/q1/')).toBeUndefined();
      lru.set(entry('/q5/'));
      expect(lru.get('/q2/')).toBeUndefined();
      for (const k of ['/q0/', '/q3/', '/q4/', '/q5/']) expect(lru.get(k), k).toBeDefined();
      // Searches evict only searches; an article whose slug begins with "search" is a page.
      const shared = new PageCache(80_000);
      shared.set(entry('/searching-for-water/'));
      for (let i = 0; i < 20; i++) shared.set(entry(`/search?q=${i}`));
      expect(shared.get('/searching-for-water/')).toBeDefined();
      expect(shared.get('/search?q=0')).toBeUndefined();
    });
  });
}
