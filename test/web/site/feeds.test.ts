import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import Parser from 'rss-parser';
import { XMLValidator } from 'fast-xml-parser';
import { loadConfig } from '../../../src/config/config.js';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, h, p } from '../../../src/modules/article/document.js';
import { insertAuthor } from '../../../src/modules/author/author.repository.js';
import { absolutizeHtml } from '../../../src/modules/feed/feed.js';
import { insertTag } from '../../../src/modules/taxonomy/taxonomy.repository.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture } from '../../helpers/fixture.js';
import { testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';

const SITE = 'https://news.example';
const HOSTILE_TITLE = `<script>alert(1)</script> Tom & Jerry "say" ]]> twice ]]> 'done'`;
const HOSTILE_EXCERPT = 'Less < more & ]]> then ]]> again';
const HOSTILE_TAG = 'R&D <b>"x"</b> ]]>';
const HOSTILE_AUTHOR = "O'Brien & <Sons>";

const TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json; charset=utf-8' } as const;
const FORMATS: [suffix: string, kind: keyof typeof TYPES][] = [
  ['', 'rss'],
  ['rss2/', 'rss'],
  ['rss/', 'rss'],
  ['atom/', 'atom'],
  ['json/', 'json'],
];

interface Item {
  title?: string;
  link?: string;
  isoDate?: string;
  categories?: unknown[];
  content?: string;
  'content:encoded'?: string;
  creator?: string;
  creators?: unknown[];
  atomCategories?: { $: Record<string, string> }[];
  enclosure?: { url: string; type: string };
  media?: unknown;
  author?: string;
  id?: string;
  guid?: string;
}
type Parsed = { title?: string; link?: string; feedUrl?: string; language?: string; items: Item[] };

const parser = new Parser<Record<string, unknown>, Item>({
  xml2js: { strict: true },
  customFields: {
    item: [
      ['category', 'atomCategories', { keepArray: true }],
      ['dc:creator', 'creators', { keepArray: true }],
      ['media:content', 'media'],
    ] as never,
  },
});
const parse = (xml: string): Promise<Parsed> => parser.parseString(xml) as Promise<Parsed>;
const categoryNames = (item: Item): string[] => (item.categories ?? []).map((c) => (typeof c === 'string' ? c : (c as { _: string })._));
const unescapeHtml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  authors: { name: string }[];
  items: JsonItem[];
}
interface JsonItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  date_published: string;
  date_modified: string;
  image?: string;
  authors: { name: string; url: string }[];
  tags?: string[];
  language: string;
}

describe('absolutizeHtml', () => {
  it('makes root-relative src, href and srcset absolute and leaves everything else alone', () => {
    const html =
      '<p>See <a href="/world/">this</a>, <a href="//cdn.example/x">cdn</a>, <a href="https://o.example/">o</a>, <a href="#n">n</a>.</p>' +
      `<img src='/media/a.jpg' srcset="/media/a-480.jpg 480w, /media/a-960.jpg 960w,//cdn.example/b.jpg 2x" alt="/x">` +
      '<p>Text with href="/not-a-link" stays.</p>';
    expect(absolutizeHtml(html, SITE)).toBe(
      '<p>See <a href="https://news.example/world/">this</a>, <a href="//cdn.example/x">cdn</a>, <a href="https://o.example/">o</a>, <a href="#n">n</a>.</p>' +
        `<img src='https://news.example/media/a.jpg' srcset="https://news.example/media/a-480.jpg 480w, https://news.example/media/a-960.jpg 960w,//cdn.example/b.jpg 2x" alt="/x">` +
        '<p>Text with href="/not-a-link" stays.</p>',
    );
  });
});

for (const dialect of DIALECTS) {
  describe(`feeds (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const siteName = loadConfig({ DATA_DIR: '/tmp', DEMO: '0' }).siteName;
    beforeAll(async () => {
      t = await freshDb(dialect);
      const db = t.handle.db;
      await buildFixture(db, path.join(t.dataDir, 'media'), 14);
      await insertTag(db, { slug: 'quiet', name: 'Quiet' });
      const hostileTag = await insertTag(db, { slug: 'hostile', name: HOSTILE_TAG });
      const hostileAuthor = await insertAuthor(db, { slug: 'obrien', name: HOSTILE_AUTHOR, created_at: NOW.toISOString() });
      await createArticle(
        db,
        {
          type: 'post',
          status: 'published',
          slug: 'hostile-story',
          title: HOSTILE_TITLE,
          excerpt: HOSTILE_EXCERPT,
          body: doc(h(2, 'Heading ]]> with <b> & co'), p(`${HOSTILE_TITLE} ]]> ]]>`)),
          language: 'en',
          tagIds: [hostileTag],
          authorIds: [hostileAuthor],
          publishedAt: new Date(NOW.getTime() - 40 * 3600_000).toISOString(),
        },
        NOW,
      );
      app = await testApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('serves every feed kind in RSS, Atom and JSON Feed, well-formed and with the right content type', async () => {
      const bases = ['/feed/', '/category/world/feed/', '/category/world/europe/feed/', '/tag/rail/feed/', '/author/ana-berg/feed/'];
      for (const base of bases) {
        for (const [suffix, kind] of FORMATS) {
          const res = await app.inject(base + suffix);
          expect(res.statusCode, base + suffix).toBe(200);
          expect(res.headers['content-type'], base + suffix).toBe(TYPES[kind]);
          if (kind === 'json') {
            expect((JSON.parse(res.body) as JsonFeed).items.length, base + suffix).toBeGreaterThan(0);
          } else {
            expect(XMLValidator.validate(res.body), base + suffix).toBe(true);
            expect((await parse(res.body)).items.length, base + suffix).toBeGreaterThan(0);
          }
        }
      }
    });

    it('RSS has titles, absolute links, dates, categories, authors, images and full HTML', async () => {
      const xml = (await app.inject('/feed/')).body;
      const feed = await parse(xml);
      expect(feed.title).toBe(siteName);
      expect(feed.link).toBe(`${SITE}/`);
      expect(feed.feedUrl).toBe(`${SITE}/feed/`);
      expect(feed.language).toBe('en');
      expect(xml).toContain('<lastBuildDate>Fri, 20 Nov 2026 13:00:00 GMT</lastBuildDate>');
      // 14 English stories, the Persian one and the hostile one: posts only, newest first.
      expect(feed.items).toHaveLength(16);
      const [first] = feed.items;
      expect(first!.title).toBe('Rail line story number 14');
      expect(first!.link).toBe(`${SITE}/rail-story-14/`);
      expect(first!.guid).toBe(`${SITE}/rail-story-14/`);
      expect(first!.isoDate).toBe('2026-11-20T11:00:00.000Z');
      expect(categoryNames(first!)).toEqual(['Europe', 'Rail']);
      expect(first!.creator).toBe('Ana Berg');
      expect(first!.enclosure).toMatchObject({ type: 'image/jpeg' });
      expect(first!.enclosure!.url).toMatch(/^https:\/\/news\.example\/media\/test\/harbour-960\.jpg$/);
      expect(JSON.stringify(first!.media)).toContain('The northern harbour at dawn');
      const html = first!['content:encoded']!;
      expect(html).toContain('<h2>What changes</h2>');
      expect(html).toContain('<blockquote class="quote" dir="auto">');
      expect(html).toMatch(/<img src="https:\/\/news\.example\/media\/test\/portrait-400\.jpg"/);
      expect(html).not.toMatch(/(src|href|srcset)="\/(?!\/)/);
      expect(first!.content).toBe('Standfirst of story 14.');
      // Several authors, in byline order.
      const one = feed.items.find((i) => i.link === `${SITE}/rail-story-1/`)!;
      expect(one.creators).toEqual(['Ana Berg', 'Omar Haddad'].map((name) => expect.objectContaining({ _: name })));
      const fa = feed.items.find((i) => i.link === `${SITE}/rah-ahan-shomal/`)!;
      expect(fa.title).toBe('بازگشایی راه‌آهن شمال');
    });

    it('Atom has ids, published and updated dates, authors, categories, self and alternate links, and language', async () => {
      const xml = (await app.inject('/feed/atom/')).body;
      expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
      expect(xml).toContain(`<link rel="self" href="${SITE}/feed/atom/"/>`);
      expect(xml).toContain(`<link rel="alternate" href="${SITE}/"/>`);
      expect(xml).toContain('<updated>2026-11-20T13:00:00.000Z</updated>');
      const feed = await parse(xml);
      expect(feed.title).toBe(siteName);
      const [first] = feed.items;
      expect(first!.title).toBe('Rail line story number 14');
      expect(first!.link).toBe(`${SITE}/rail-story-14/`);
      expect(first!.id).toBe(`${SITE}/rail-story-14/`);
      expect(first!.isoDate).toBe('2026-11-20T11:00:00.000Z');
      expect(first!.author).toBe('Ana Berg');
      expect(first!.atomCategories!.map((c) => c.$.term)).toEqual(['Europe', 'Rail']);
      expect(first!.content).toContain('<h2>What changes</h2>');
      expect(first!.content).not.toMatch(/(src|href|srcset)="\/(?!\/)/);
      const entry = xml.slice(xml.indexOf('<entry>'), xml.indexOf('</entry>'));
      expect(entry).toContain('<published>2026-11-20T11:00:00.000Z</published>');
      expect(entry).toContain('<updated>2026-11-20T13:00:00.000Z</updated>');
      expect(entry).toMatch(/<link rel="enclosure" href="https:\/\/news\.example\/media\/test\/harbour-960\.jpg" title="The northern harbour at dawn"/);
    });

    it('JSON Feed 1.1 has items with content_html, url, dates, all authors, tags, image and language', async () => {
      const res = await app.inject('/feed/json/');
      const feed = JSON.parse(res.body) as JsonFeed;
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.title).toBe(siteName);
      expect(feed.home_page_url).toBe(`${SITE}/`);
      expect(feed.feed_url).toBe(`${SITE}/feed/json/`);
      expect(feed.language).toBe('en');
      expect(feed.items).toHaveLength(16);
      const first = feed.items[0]!;
      expect(first).toMatchObject({
        id: `${SITE}/rail-story-14/`,
        url: `${SITE}/rail-story-14/`,
        title: 'Rail line story number 14',
        summary: 'Standfirst of story 14.',
        date_published: '2026-11-20T11:00:00.000Z',
        date_modified: '2026-11-20T13:00:00.000Z',
        language: 'en',
        tags: ['Europe', 'Rail'],
      });
      expect(first.image).toBe(`${SITE}/media/test/harbour-960.jpg`);
      expect(first.content_html).toContain('<h2>What changes</h2>');
      expect(first.content_html).not.toMatch(/(src|href|srcset)="\/(?!\/)/);
      const one = feed.items.find((i) => i.url === `${SITE}/rail-story-1/`)!;
      expect(one.authors.map((a) => a.name)).toEqual(['Ana Berg', 'Omar Haddad']);
      expect(one.authors[0]!.url).toBe(`${SITE}/author/ana-berg/`);
      expect(feed.items.find((i) => i.url === `${SITE}/rah-ahan-shomal/`)!.language).toBe('fa');
    });

    it('a parent category feed includes its child categories; tag and author feeds hold their own posts', async () => {
      const world = await parse((await app.inject('/category/world/feed/')).body);
      expect(world.title).toBe(`World | ${siteName}`);
      expect(world.link).toBe(`${SITE}/category/world/`);
      expect(world.feedUrl).toBe(`${SITE}/category/world/feed/`);
      const worldLinks = world.items.map((i) => i.link);
      expect(worldLinks).toContain(`${SITE}/rail-story-14/`); // filed under Europe, a child of World
      expect(worldLinks).toContain(`${SITE}/rah-ahan-shomal/`);
      expect(worldLinks).not.toContain(`${SITE}/rail-story-13/`); // Politics
      expect(world.items).toHaveLength(8);
      const europe = JSON.parse((await app.inject('/category/world/europe/feed/json/')).body) as JsonFeed;
      expect(europe.items.map((i) => i.url)).toEqual(worldLinks);
      expect(europe.home_page_url).toBe(`${SITE}/category/world/europe/`);
      const climate = await parse((await app.inject('/tag/climate/feed/atom/')).body);
      expect(climate.items.map((i) => i.title)).toEqual([12, 9, 6, 3].map((n) => `Rail line story number ${n}`));
      const omar = JSON.parse((await app.inject('/author/omar-haddad/feed/json/')).body) as JsonFeed;
      expect(omar.items.map((i) => i.url)).toEqual([13, 11, 9, 7, 5, 3, 1].map((n) => `${SITE}/rail-story-${n}/`));
      expect(omar.authors[0]!.name).toBe('Omar Haddad');
      // Ana writes in English and Persian: the feed takes the site's language.
      expect(JSON.parse((await app.inject('/author/ana-berg/feed/json/')).body)).toMatchObject({ language: 'en' });
    });

    it('has a feed per language (?lang=fa), whose links keep the language; a bad code is a 400', async () => {
      const db = t.handle.db;
      await createArticle(
        db,
        {
          type: 'post',
          status: 'published',
          slug: 'persian-story',
          title: 'گزارش بندر',
          body: doc(p('متن گزارش.')),
          language: 'fa',
          authorIds: [],
          publishedAt: new Date(NOW.getTime() - 3 * 3600_000).toISOString(),
        },
        NOW,
      );
      const rss = await parse((await app.inject('/feed/?lang=fa')).body);
      const titles = rss.items.map((i) => i.title ?? '');
      expect(titles).toContain('گزارش بندر');
      // Persian articles only: no Latin-script headline.
      expect(titles.filter((x) => /[A-Za-z]/.test(x))).toEqual([]);
      const atom = (await app.inject('/feed/atom/?lang=fa')).body;
      expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">');
      expect(atom).toContain(`<link rel="self" href="${SITE}/feed/atom/?lang=fa"/>`);
      const json = JSON.parse((await app.inject('/feed/json/?lang=fa')).body) as JsonFeed & { language: string; feed_url: string };
      expect(json.language).toBe('fa');
      expect(json.feed_url).toBe(`${SITE}/feed/json/?lang=fa`);
      // The whole site's feed still has both languages; a language with no article yet, an empty feed.
      expect((await parse((await app.inject('/feed/')).body)).items.map((i) => i.title)).toContain('گزارش بندر');
      const empty = await app.inject('/feed/?lang=de');
      expect(empty.statusCode).toBe(200);
      expect((await parse(empty.body)).items).toEqual([]);
      for (const bad of ['%3Cscript%3E', "fa'%20OR%201=1", 'x'.repeat(40)]) {
        const res = await app.inject(`/feed/?lang=${bad}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.body).toContain('lang must be a language code');
      }
      // The Persian article's page offers its language's feed first, then the site's.
      const page = (await app.inject('/persian-story/')).body;
      const feeds = [...page.matchAll(/<link rel="alternate" type="application\/rss\+xml" title="([^"]+)" href="([^"]+)"/g)].map((m) => m[2]);
      expect(feeds).toEqual([`${SITE}/feed/?lang=fa`, `${SITE}/feed/`]);
    });

    it('never shows drafts or pages', async () => {
      for (const url of ['/feed/', '/feed/atom/', '/feed/json/', '/category/world/europe/feed/', '/author/ana-berg/feed/']) {
        const body = (await app.inject(url)).body;
        expect(body, url).not.toContain('secret-draft');
        expect(body, url).not.toContain('Not yet');
        expect(body, url).not.toContain(`${SITE}/about/`);
      }
    });

    it('answers conditional GETs with 304 by ETag and by Last-Modified', async () => {
      for (const url of ['/feed/', '/feed/atom/', '/feed/json/', '/tag/rail/feed/']) {
        const res = await app.inject(url);
        const etag = res.headers.etag as string;
        expect(etag, url).toMatch(/^"[\w-]{20,}"$/);
        expect((await app.inject(url)).headers.etag, url).toBe(etag);
        expect(res.headers['last-modified'], url).toBe('Fri, 20 Nov 2026 13:00:00 GMT');
        const byTag = await app.inject({ url, headers: { 'if-none-match': etag } });
        expect(byTag.statusCode, url).toBe(304);
        expect(byTag.body, url).toBe('');
        expect((await app.inject({ url, headers: { 'if-none-match': `"other", W/${etag}` } })).statusCode, url).toBe(304);
        expect((await app.inject({ url, headers: { 'if-none-match': '"other"' } })).statusCode, url).toBe(200);
        const byDate = await app.inject({ url, headers: { 'if-modified-since': 'Fri, 20 Nov 2026 13:00:00 GMT' } });
        expect(byDate.statusCode, url).toBe(304);
        expect(byDate.body, url).toBe('');
        expect((await app.inject({ url, headers: { 'if-modified-since': 'Fri, 20 Nov 2026 12:59:59 GMT' } })).statusCode, url).toBe(200);
      }
    });

    it('answers 404 for unknown categories, tags, authors and formats', async () => {
      for (const url of [
        '/tag/nope/feed/',
        '/author/nobody/feed/atom/',
        '/category/nope/feed/',
        '/category/europe/world/feed/',
        '/feed/bogus/',
        '/tag/rail/feed/xml/',
        '/tag/rail/feed/constructor/',
      ]) {
        expect((await app.inject(url)).statusCode, url).toBe(404);
      }
      // A child category by its own slug alone: sent to the feed at its full path.
      const moved = await app.inject('/category/europe/feed/json/');
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toBe('/category/world/europe/feed/json/');
    });

    it('a tag with no posts gets a valid empty feed', async () => {
      const rss = await app.inject('/tag/quiet/feed/');
      expect(rss.statusCode).toBe(200);
      expect(XMLValidator.validate(rss.body)).toBe(true);
      expect((await parse(rss.body)).items).toEqual([]);
      const atom = await app.inject('/tag/quiet/feed/atom/');
      expect(XMLValidator.validate(atom.body)).toBe(true);
      expect((await parse(atom.body)).title).toBe(`Quiet | ${siteName}`);
      expect((JSON.parse((await app.inject('/tag/quiet/feed/json/')).body) as JsonFeed).items).toEqual([]);
    });

    it('keeps hostile titles, excerpts, tag and author names well-formed and escaped', async () => {
      for (const kind of ['', 'atom/'] as const) {
        const xml = (await app.inject(`/tag/hostile/feed/${kind}`)).body;
        expect(XMLValidator.validate(xml), kind).toBe(true);
        expect(xml, kind).not.toContain('<script>');
        expect(xml, kind).not.toContain('<b>');
        const [item] = (await parse(xml)).items;
        if (kind === '') {
          expect(item!.title).toBe(HOSTILE_TITLE);
          expect(unescapeHtml(item!.content!)).toBe(HOSTILE_EXCERPT);
          expect(categoryNames(item!)).toEqual([HOSTILE_TAG]);
          expect(item!.creator).toBe(HOSTILE_AUTHOR);
        } else {
          // type="html": the headline is HTML-escaped once, so readers show it as written.
          expect(unescapeHtml(item!.title!)).toBe(HOSTILE_TITLE);
          expect(item!.author).toBe(HOSTILE_AUTHOR);
          expect(item!.atomCategories![0]!.$.term).toContain('R&D');
        }
        expect(item!.content ?? item!['content:encoded']).toBeDefined();
        expect(xml).toContain('<h2>Heading ]]&gt; with &lt;b&gt; &amp; co</h2>');
      }
      const json = JSON.parse((await app.inject('/tag/hostile/feed/json/')).body) as JsonFeed;
      expect(json.title).toBe(`${HOSTILE_TAG} | ${siteName}`);
      expect(json.items[0]!.title).toBe(HOSTILE_TITLE);
      expect(json.items[0]!.summary).toBe(HOSTILE_EXCERPT);
      expect(json.items[0]!.content_html).not.toContain('<script>');
      expect(json.items[0]!.authors[0]!.name).toBe(HOSTILE_AUTHOR);
    });

    it('runs the same number of queries however many posts a feed has', async () => {
      const count = async (url: string): Promise<number> => {
        const before = t.handle.stats.queries;
        expect((await app.inject(url)).statusCode).toBe(200);
        return t.handle.stats.queries - before;
      };
      const small = await count('/tag/climate/feed/'); // 4 posts
      const large = await count('/tag/rail/feed/'); // 14 posts
      expect(large).toBe(small);
      // Including the site settings' change counter (no page cache here to follow purges).
      expect(large).toBeLessThanOrEqual(9);
    });

    it('carries only the standfirst when FEED_FULL_TEXT=0, section feeds included', async () => {
      const bare = await testApp(t, { SITE_URL: SITE, FEED_FULL_TEXT: '0' });
      try {
        expect((await bare.inject('/category/world/feed/')).body).not.toContain('content:encoded');
        const xml = (await bare.inject('/feed/')).body;
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(xml).not.toContain('content:encoded');
        expect(xml).not.toContain('What changes');
        const [first] = (await parse(xml)).items;
        expect(first!.content).toBe('Standfirst of story 14.');
        const json = JSON.parse((await bare.inject('/feed/json/')).body) as JsonFeed;
        expect(json.items[0]!.content_html).toBe('Standfirst of story 14.');
        expect(XMLValidator.validate((await bare.inject('/feed/atom/')).body)).toBe(true);
      } finally {
        await bare.close();
      }
    });
  });
}
