/**
 * Date archives as WordPress has them: /2024/, /2024/03/, /2024/03/15/ with pages and feeds, in
 * the site's time zone; WordPress' ?m= and ?year= links answer with them; what an empty period or
 * a malformed date asks for is a 404, never the home page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { XMLValidator } from 'fast-xml-parser';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { addRedirect } from '../../../src/modules/redirect/redirect.repository.js';
import { loadSiteSettings, updateSiteSettings } from '../../../src/modules/site/site.service.js';
import { tagsForPostChange } from '../../../src/modules/content/cache-tags.js';
import { periodOf, periodOfM, periodRange } from '../../../src/modules/article/date-archive.js';
import { cliActor } from '../../../src/modules/user/user.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';

const titles = (html: string): string[] => [...html.matchAll(/<h[23] class="card__title">\s*<a[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);

describe('date archive periods', () => {
  it('parses what a date archive names and refuses dates that do not exist', () => {
    expect(periodOf('2024', '3')).toEqual({ year: 2024, month: 3 });
    expect(periodOf('2024', '02', '29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [['2023', '02', '29'], ['2024', '13'], ['2024', '00'], ['0000'], ['2024', '04', '31'], ['2024', '123']] as const) {
      expect(periodOf(...(bad as unknown as [string, string?, string?])), bad.join('/')).toBeUndefined();
    }
    expect(periodOfM('20240315')).toEqual({ year: 2024, month: 3, day: 15 });
    expect(periodOfM('20240315104500')).toEqual({ year: 2024, month: 3, day: 15 });
    expect(periodOfM("2024' OR 1=1")).toBeUndefined();
  });

  it('bounds a month by the site zone’s midnights, across a change of clocks', () => {
    expect(periodRange({ year: 2024, month: 3 }, 'Europe/Berlin')).toEqual({ from: '2024-02-29T23:00:00.000Z', before: '2024-03-31T22:00:00.000Z' });
    expect(periodRange({ year: 2024, month: 12, day: 31 }, 'UTC')).toEqual({ from: '2024-12-31T00:00:00.000Z', before: '2025-01-01T00:00:00.000Z' });
  });
});

for (const dialect of DIALECTS) {
  describe(`date archives (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const post = (slug: string, title: string, publishedAt: string, status: 'published' | 'draft' = 'published', type: 'post' | 'page' = 'post') =>
      createArticle(
        t.handle.db,
        { type, status, slug, title, body: doc(p(`${title}.`)), language: 'en', ...(status === 'published' ? { publishedAt } : {}) },
        NOW,
      );

    beforeAll(async () => {
      t = await freshDb(dialect);
      const db = t.handle.db;
      await updateSiteSettings(db, { ...(await loadSiteSettings(db)), timeZone: 'Europe/Berlin' }, cliActor, NOW);
      // 22:30 UTC on 31 March is 00:30 on 1 April in Berlin: April's story on this site.
      await post('just-after-midnight', 'Just after midnight', '2024-03-31T22:30:00.000Z');
      for (let d = 1; d <= 6; d++) await post(`march-${d}`, `March story ${d}`, `2024-03-${String(d + 3).padStart(2, '0')}T09:00:00.000Z`);
      await post('ides-morning', 'Ides morning', '2024-03-15T08:00:00.000Z');
      await post('ides-evening', 'Ides evening', '2024-03-15T20:00:00.000Z');
      await post('last-summer', 'Last summer', '2023-07-01T10:00:00.000Z');
      await post('unpublished-march', 'Unpublished March', '', 'draft');
      // A page whose slug is a year with no stories keeps its address.
      await post('1999', 'The 1999 page', '2020-01-01T10:00:00.000Z', 'published', 'page');
      await addRedirect(db, '/2013/01/old-story/', '/march-1/', NOW.toISOString());
      app = await testApp(t, { PAGE_CACHE_MB: '1', SURROGATE_KEYS: '1' });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('lists a month’s stories newest first, in pages, headed by the month, with crumbs up to the year', async () => {
      const first = await app.inject('/2024/03/');
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('<h1 class="archive__heading">March 2024</h1>');
      expect(first.body).toContain('href="/2024/"');
      expect(first.body).toContain('<link rel="canonical" href="https://news.example/2024/03/"');
      const second = await app.inject('/2024/03/page/2/');
      expect(second.statusCode).toBe(200);
      const listed = [...titles(first.body), ...titles(second.body)];
      expect(listed).toEqual([
        'Ides evening',
        'Ides morning',
        'March story 6',
        'March story 5',
        'March story 4',
        'March story 3',
        'March story 2',
        'March story 1',
      ]);
      expect(listed).not.toContain('Just after midnight');
      expect(titles((await app.inject('/2024/04/')).body)).toEqual(['Just after midnight']);
      expect((await app.inject('/2024/03/page/3/')).statusCode).toBe(404);
      expect(String(first.headers['surrogate-key'])).toContain('dates');
    });

    it('has year and day archives, and sends /2024/3/ to /2024/03/', async () => {
      expect(titles((await app.inject('/2024/03/15/')).body)).toEqual(['Ides evening', 'Ides morning']);
      const year = await app.inject('/2023/');
      expect(year.statusCode).toBe(200);
      expect(titles(year.body)).toEqual(['Last summer']);
      const loose = await app.inject('/2024/3/15/');
      expect(loose.statusCode).toBe(301);
      expect(loose.headers.location).toBe('/2024/03/15/');
      expect((await app.inject('/2024/03/?page=2')).headers.location).toBe('/2024/03/page/2/');
    });

    it('answers 404 for an empty period or a date that does not exist', async () => {
      for (const url of ['/2024/02/', '/2022/', '/2024/13/', '/2023/02/29/', '/2024/04/31/', '/2024/00/', '/2024/03/15/page/2/']) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).not.toContain('card__title');
      }
    });

    it('leaves a page named like a year and stored redirects under a year alone', async () => {
      const page = await app.inject('/1999/');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('The 1999 page');
      const old = await app.inject('/2013/01/old-story/');
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/march-1/');
    });

    it('has feeds for each period in RSS, Atom and JSON', async () => {
      const rss = await app.inject('/2024/03/feed/');
      expect(rss.statusCode).toBe(200);
      expect(XMLValidator.validate(rss.body)).toBe(true);
      expect(rss.body).toContain('<title>March 2024 |');
      expect(rss.body.match(/<item>/g)?.length).toBe(8);
      expect((await app.inject('/2024/03/15/feed/atom/')).headers['content-type']).toContain('atom');
      const json = JSON.parse((await app.inject('/2024/feed/json/')).body) as { items: unknown[] };
      expect(json.items).toHaveLength(9);
      expect((await app.inject('/2024/13/feed/')).statusCode).toBe(404);
    });

    it('answers WordPress’ ?m= and ?year= links with the archive, and 404 when it is empty or malformed', async () => {
      const cases: [string, string][] = [
        ['/?m=202403', '/2024/03/'],
        ['/?m=2024', '/2024/'],
        ['/?m=20240315', '/2024/03/15/'],
        ['/?year=2024&monthnum=3', '/2024/03/'],
        ['/?year=2024&monthnum=3&day=15', '/2024/03/15/'],
      ];
      for (const [from, to] of cases) {
        const res = await app.inject(from);
        expect(res.statusCode, from).toBe(301);
        expect(res.headers.location, from).toBe(to);
      }
      for (const url of ['/?m=190001', '/?m=202402', '/?m=abc', "/?m=2024'--", '/?year=2024&monthnum=14']) {
        expect((await app.inject(url)).statusCode, url).toBe(404);
      }
    });

    it('a change to any story purges the date archives', async () => {
      expect(await tagsForPostChange(t.handle.db, [1])).toContain('dates');
    });
  });
}
