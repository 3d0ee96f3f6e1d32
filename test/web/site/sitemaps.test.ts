import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadConfig } from '../../../src/config/config.js';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { insertAuthor } from '../../../src/modules/author/author.repository.js';
import { insertTag } from '../../../src/modules/taxonomy/taxonomy.repository.js';
import { liveSite } from '../../../src/web/site/site-context.js';
import { sitemapRoutes } from '../../../src/web/site/sitemaps.routes.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture, type Fixture } from '../../helpers/fixture.js';
import { testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';

const SITE = 'https://news.example';
const HOSTILE_TITLE = `Tom & Jerry <b>"quoted"</b> ]]> 'it'`;
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * 3600_000).toISOString();

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) });
interface Url {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { rel: string; hreflang: string; href: string }[];
  'news:news'?: NewsNews;
}
interface NewsNews {
  'news:publication': { 'news:name': string; 'news:language': string };
  'news:publication_date': string;
  'news:title': string;
}
const urlsOf = (body: string): Url[] => (xml.parse(body) as { urlset: { url?: Url[] } }).urlset.url ?? [];
const indexOf = (body: string): { loc: string; lastmod?: string }[] =>
  (xml.parse(body) as { sitemapindex: { sitemap?: { loc: string; lastmod?: string }[] } }).sitemapindex.sitemap ?? [];

for (const dialect of DIALECTS) {
  describe(`sitemaps and robots.txt (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    /** Every published post's URL: the fixture's, plus an old story and a hostile one. */
    let postUrls: string[];
    const siteName = loadConfig({ DATA_DIR: '/tmp', DEMO: '0' }).siteName;

    async function get(url: string, on: FastifyInstance = app): Promise<string> {
      const res = await on.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toBe('application/xml; charset=utf-8');
      expect(XMLValidator.validate(res.body), url).toBe(true);
      return res.body;
    }

    beforeAll(async () => {
      t = await freshDb(dialect);
      const db = t.handle.db;
      fx = await buildFixture(db, path.join(t.dataDir, 'media'), 14);
      await insertTag(db, { slug: 'quiet', name: 'Quiet' });
      await insertAuthor(db, { slug: 'nobody', name: 'Nobody', created_at: NOW.toISOString() });
      await createArticle(
        db,
        {
          type: 'post',
          status: 'published',
          slug: 'old-story',
          title: 'Old story',
          body: doc(p('Old.')),
          categoryIds: [fx.ids.politics],
          authorIds: [fx.ids.omar],
          publishedAt: hoursAgo(50),
        },
        NOW,
      );
      await createArticle(
        db,
        { type: 'post', status: 'published', slug: 'hostile-story', title: HOSTILE_TITLE, body: doc(p('x')), publishedAt: hoursAgo(20) },
        NOW,
      );
      postUrls = [...fx.slugs, fx.persianSlug, 'old-story', 'hostile-story'].map((s) => `${SITE}/${encodeURIComponent(s)}/`).sort();
      app = await testApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('the index lists every part with an absolute loc and a lastmod', async () => {
      const refs = indexOf(await get('/sitemap.xml'));
      expect(refs.map((r) => r.loc)).toEqual(['posts-1', 'pages', 'categories', 'tags', 'authors', 'news'].map((n) => `${SITE}/sitemap-${n}.xml`));
      for (const r of refs) expect(r.lastmod, r.loc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(refs[0]!.lastmod).toBe('2026-11-20T13:00:00.000Z');
      for (const r of refs) await get(r.loc.slice(SITE.length));
      // A listing's lastmod in the index is the newest change among what it lists.
      for (const name of ['categories', 'tags', 'authors']) {
        const ref = refs.find((r) => r.loc === `${SITE}/sitemap-${name}.xml`)!;
        const inside = urlsOf(await get(`/sitemap-${name}.xml`)).map((u) => u.lastmod!);
        expect(ref.lastmod, name).toBe(inside.sort().at(-1));
      }
    });

    it('the posts sitemap has every published post once, with lastmod, and no drafts or pages', async () => {
      const urls = urlsOf(await get('/sitemap-posts-1.xml'));
      expect(urls.map((u) => u.loc).sort()).toEqual(postUrls);
      for (const u of urls) expect(u.lastmod, u.loc).toMatch(/^2026-11-\d\dT/);
      expect(urls.find((u) => u.loc === `${SITE}/rail-story-14/`)!.lastmod).toBe('2026-11-20T13:00:00.000Z');
      expect((await app.inject('/sitemap-posts-2.xml')).statusCode).toBe(404);
      expect((await app.inject('/sitemap-posts-0.xml')).statusCode).toBe(404);
    });

    it('translations carry hreflang alternates for every version, themselves included, and x-default (the site language’s)', async () => {
      const body = await get('/sitemap-posts-1.xml');
      expect(body).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
      const urls = urlsOf(body);
      const expected = [
        { rel: 'alternate', hreflang: 'en', href: `${SITE}/rail-story-14/` },
        { rel: 'alternate', hreflang: 'fa', href: `${SITE}/${fx.persianSlug}/` },
        { rel: 'alternate', hreflang: 'x-default', href: `${SITE}/rail-story-14/` },
      ];
      expect(urls.find((u) => u.loc === `${SITE}/rail-story-14/`)!['xhtml:link']).toEqual(expected);
      expect(urls.find((u) => u.loc === `${SITE}/${fx.persianSlug}/`)!['xhtml:link']).toEqual(expected);
      expect(urls.find((u) => u.loc === `${SITE}/rail-story-13/`)!['xhtml:link']).toBeUndefined();
    });

    it('splits the posts sitemap at the page size', async () => {
      const config = loadConfig({ DATA_DIR: t.dataDir, DEMO: '0', SITE_URL: SITE });
      const small = Fastify({ logger: false });
      await small.register(async (scope) => sitemapRoutes(scope, { db: t.handle.db, site: liveSite(config, () => NOW), sitemapPageSize: 4 }));
      try {
        const refs = indexOf(await get('/sitemap.xml', small)).filter((r) => r.loc.includes('sitemap-posts-'));
        expect(refs.map((r) => r.loc)).toEqual([1, 2, 3, 4, 5].map((n) => `${SITE}/sitemap-posts-${n}.xml`));
        const seen: string[] = [];
        for (const [i, ref] of refs.entries()) {
          const urls = urlsOf(await get(ref.loc.slice(SITE.length), small));
          expect(urls.length).toBe(i < 4 ? 4 : 1);
          // The index's lastmod for a part is the newest lastmod inside it.
          expect(ref.lastmod).toBe(
            urls
              .map((u) => u.lastmod!)
              .sort()
              .at(-1),
          );
          seen.push(...urls.map((u) => u.loc));
        }
        expect(seen.sort()).toEqual(postUrls);
        expect((await small.inject('/sitemap-posts-6.xml')).statusCode).toBe(404);
      } finally {
        await small.close();
      }
    });

    it('pages, categories, tags and authors list only what has published content', async () => {
      const pages = urlsOf(await get('/sitemap-pages.xml'));
      expect(pages.map((u) => u.loc)).toEqual([`${SITE}/`, `${SITE}/about/`]);
      expect(pages[0]!.lastmod).toBe('2026-11-20T13:00:00.000Z');
      const categories = urlsOf(await get('/sitemap-categories.xml'));
      // World has no posts of its own but lists Europe's, so it is there, with Europe's lastmod.
      expect(categories.map((u) => u.loc)).toEqual(['world/', 'world/europe/', 'politics/'].map((c) => `${SITE}/category/${c}`));
      expect(categories.map((u) => u.lastmod)).toEqual(['2026-11-20T13:00:00.000Z', '2026-11-20T13:00:00.000Z', '2026-11-20T10:00:00.000Z']);
      const tags = urlsOf(await get('/sitemap-tags.xml'));
      expect(tags.map((u) => u.loc)).toEqual([`${SITE}/tag/climate/`, `${SITE}/tag/rail/`]);
      const authors = urlsOf(await get('/sitemap-authors.xml'));
      expect(authors.map((u) => u.loc)).toEqual([`${SITE}/author/ana-berg/`, `${SITE}/author/omar-haddad/`]);
      for (const u of [...pages, ...categories, ...tags, ...authors]) expect(u.lastmod, u.loc).toBeDefined();
    });

    it("lists /corrections/ once a published article carries a note, with the note's date", async () => {
      const { insertCorrection, deleteCorrection } = await import('../../../src/modules/correction/correction.repository.js');
      const postId = (await t.handle.db.selectFrom('posts').select('id').where('type', '=', 'post').where('status', '=', 'published').executeTakeFirstOrThrow())
        .id;
      const id = await insertCorrection(
        t.handle.db,
        postId,
        { kind: 'correction', body: 'The bridge is 14 m long, not 40 m.' },
        null,
        new Date('2026-11-21T09:00:00Z'),
      );
      try {
        const pages = urlsOf(await get('/sitemap-pages.xml'));
        expect(pages.at(-1)).toEqual({ loc: `${SITE}/corrections/`, lastmod: '2026-11-21T09:00:00.000Z' });
      } finally {
        await deleteCorrection(t.handle.db, postId, id);
      }
      expect(urlsOf(await get('/sitemap-pages.xml')).map((u) => u.loc)).not.toContain(`${SITE}/corrections/`);
    });

    it('the news sitemap has the last 48 hours by the injected clock, with publication, date and title', async () => {
      const body = await get('/sitemap-news.xml');
      expect(body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
      const urls = urlsOf(body);
      expect(urls.map((u) => u.loc)).not.toContain(`${SITE}/old-story/`);
      expect(urls).toHaveLength(postUrls.length - 1);
      const first = urls[0]!;
      expect(first.loc).toBe(`${SITE}/rail-story-14/`);
      expect(first['news:news']).toEqual({
        'news:publication': { 'news:name': siteName, 'news:language': 'en' },
        'news:publication_date': '2026-11-20T11:00:00.000Z',
        'news:title': 'Rail line story number 14',
      });
      expect(urls.find((u) => u.loc === `${SITE}/${fx.persianSlug}/`)!['news:news']!['news:publication']['news:language']).toBe('fa');
      // 40 hours later only what was published in the last 8 hours of the fixture's day remains.
      const later = await testApp(t, {}, () => new Date(NOW.getTime() + 40 * 3600_000));
      try {
        const locs = urlsOf(await get('/sitemap-news.xml', later)).map((u) => u.loc);
        expect(locs).toEqual([14, 13, 12, 11, 10, 9, 8, 7].map((n) => `${SITE}/rail-story-${n}/`));
      } finally {
        await later.close();
      }
    });

    it('escapes titles with markup, ampersands, quotes and CDATA terminators', async () => {
      const body = await get('/sitemap-news.xml');
      expect(body).toContain('<news:title>Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; ]]&gt; &apos;it&apos;</news:title>');
      const hostile = urlsOf(body).find((u) => u.loc === `${SITE}/hostile-story/`)!;
      expect(new XMLParser({ processEntities: true }).parse(`<t>${body.match(/<news:title>(Tom[^<]*)<\/news:title>/)![1]}</t>`).t).toBe(HOSTILE_TITLE);
      expect(hostile).toBeDefined();
    });

    it('every loc in every sitemap is absolute', async () => {
      for (const name of ['posts-1', 'pages', 'categories', 'tags', 'authors', 'news']) {
        const body = await get(`/sitemap-${name}.xml`);
        const locs = [...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
        expect(locs.length, name).toBeGreaterThan(0);
        for (const loc of locs) expect(loc, name).toMatch(/^https:\/\/news\.example\//);
      }
    });

    it('answers conditional GETs with 304', async () => {
      for (const url of ['/sitemap.xml', '/sitemap-posts-1.xml', '/sitemap-news.xml']) {
        const res = await app.inject(url);
        const etag = res.headers.etag as string;
        expect(etag, url).toMatch(/^"[\w-]{20,}"$/);
        expect(res.headers['last-modified'], url).toBe('Fri, 20 Nov 2026 13:00:00 GMT');
        const byTag = await app.inject({ url, headers: { 'if-none-match': etag } });
        expect(byTag.statusCode, url).toBe(304);
        expect(byTag.body, url).toBe('');
        const byDate = await app.inject({ url, headers: { 'if-modified-since': res.headers['last-modified'] as string } });
        expect(byDate.statusCode, url).toBe(304);
        expect((await app.inject({ url, headers: { 'if-modified-since': 'Fri, 20 Nov 2026 12:00:00 GMT' } })).statusCode, url).toBe(200);
      }
    });

    it('each language has its own index, posts, pages and news, and robots.txt names it', async () => {
      const refs = indexOf(await get('/sitemap.xml?lang=fa'));
      expect(refs.map((r) => r.loc)).toEqual([`${SITE}/sitemap-posts-1.xml?lang=fa`, `${SITE}/sitemap-news.xml?lang=fa`]);
      const persian = urlsOf(await get('/sitemap-posts-1.xml?lang=fa'));
      expect(persian.map((u) => u.loc)).toEqual([`${SITE}/${fx.persianSlug}/`]);
      // Its alternates still name every version of the story, and the index's lastmod is its own.
      expect(persian[0]!['xhtml:link']!.map((l) => l.hreflang)).toEqual(['en', 'fa', 'x-default']);
      expect(refs[0]!.lastmod).toBe(persian[0]!.lastmod);
      expect(urlsOf(await get('/sitemap-news.xml?lang=fa')).map((u) => u.loc)).toEqual([`${SITE}/${fx.persianSlug}/`]);

      // English: every other post, split at its own page size; its pages without the home page (the main sitemap's).
      const english = indexOf(await get('/sitemap.xml?lang=en')).map((r) => r.loc);
      expect(english).toEqual(['posts-1', 'pages', 'news'].map((n) => `${SITE}/sitemap-${n}.xml?lang=en`));
      const englishPosts = urlsOf(await get('/sitemap-posts-1.xml?lang=en')).map((u) => u.loc);
      expect(englishPosts.sort()).toEqual(postUrls.filter((u) => !u.endsWith(`/${fx.persianSlug}/`)));
      expect(urlsOf(await get('/sitemap-pages.xml?lang=en')).map((u) => u.loc)).toEqual([`${SITE}/about/`]);
      expect((await app.inject('/sitemap-posts-2.xml?lang=fa')).statusCode).toBe(404);

      // A language without articles has an empty index, not an error; a malformed code is refused with a message.
      expect(indexOf(await get('/sitemap.xml?lang=de'))).toEqual([]);
      for (const bad of ['%3Cscript%3E', "fa'%20or%201=1--", 'x'.repeat(40)]) {
        const res = await app.inject(`/sitemap.xml?lang=${bad}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.body, bad).toContain('lang must be a language code');
      }

      const robots = (await app.inject('/robots.txt')).body.split('\n').filter((l) => l.startsWith('Sitemap:'));
      expect(robots).toEqual([`Sitemap: ${SITE}/sitemap.xml`, `Sitemap: ${SITE}/sitemap.xml?lang=fa`]);
    });

    it('robots.txt allows the site, keeps crawlers out of /admin/ and names the sitemap', async () => {
      const res = await app.inject('/robots.txt');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      const lines = res.body.split('\n');
      expect(lines).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /admin/', 'Allow: /', `Sitemap: ${SITE}/sitemap.xml`]));
    });
  });
}
