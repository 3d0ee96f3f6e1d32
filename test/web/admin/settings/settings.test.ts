/**
 * /admin/settings: the owner renames and rebrands the site from the browser's form, and every
 * public page shows it at once, on this instance and on a second one on the same database (the
 * purge log); only owners may open it; hostile or invalid input is refused with a message and
 * saves nothing; empty fields go back to the environment's defaults.
 */
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDb, type DbHandle } from '../../../../src/db/database.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { loadSiteSettings } from '../../../../src/modules/site/site.service.js';
import { adminApp, makeUser, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { jsonLd } from '../../../helpers/app.js';
import { NOW } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, testImage, type Fixture } from '../../../helpers/fixture.js';
import { eventually } from '../../../helpers/eventually.js';

/** Polls `check` every 20 ms until it holds or `ms` pass. */

const EMPTY = {
  name: '',
  tagline: '',
  language: '',
  postsPerPage: '',
  footerLine: '',
  socialProfiles: '',
  logoId: '',
  faviconId: '',
  shareImageId: '',
  accent: '',
  fonts: 'system',
  customCss: '',
};

for (const dialect of DIALECTS) {
  describe(`site settings (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let handleB: DbHandle;
    let a: FastifyInstance;
    let b: FastifyInstance;
    let owner: Agent;
    let logo: number;
    const env = { PAGE_CACHE_MB: '16', POSTS_PER_PAGE: '5' };

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 8, t.handle.dialect.fullText);
      logo = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'masthead.png',
        bytes: await testImage(600, 120, '#222244'),
        alt: 'Logo',
        folder: 'brand',
        now: NOW,
      });
      handleB = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
      a = await adminApp(t, { env });
      b = await adminApp({ ...t, handle: handleB }, { env });
      owner = new Agent(a);
      await owner.login((await makeUser(t, 'owner')).email);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await handleB?.close();
      await t?.cleanup();
    });

    const save = (form: Record<string, string>) => owner.post('/admin/settings', { ...EMPTY, ...form }, '/admin/settings');

    it('is for owners only', async () => {
      expect((await owner.get('/admin/settings')).statusCode).toBe(200);
      expect((await owner.get('/admin')).body).toContain('href="/admin/settings"');
      for (const role of ['editor', 'author', 'contributor'] as const) {
        const agent = await signedIn(a, t, role);
        expect((await agent.get('/admin/settings')).statusCode, role).toBe(403);
        expect((await agent.post('/admin/settings', { ...EMPTY, name: 'Taken over' }, '/admin')).statusCode, role).toBe(403);
      }
      expect((await a.inject('/admin/settings')).statusCode).toBe(303);
      expect((await loadSiteSettings(t.handle.db)).name).toBeUndefined();
    });

    it('shows the environment defaults beside the empty fields', async () => {
      const page = (await owner.get('/admin/settings')).body;
      expect(page).toContain('placeholder="The Broadsheet"');
      expect(page).toContain('the default from SITE_NAME applies');
      expect(page).toContain('the default from POSTS_PER_PAGE applies (“5”)');
    });

    it('renames and rebrands every page at once, on both instances', async () => {
      // Both instances hold the home page and an article in their page cache.
      for (const app of [a, b])
        for (const url of ['/', `/${fx.slugs[0]}/`]) {
          await app.inject(url);
          expect((await app.inject(url)).headers['x-cache'], url).toBe('HIT');
        }
      const res = await save({
        name: 'The Harbour Courier',
        tagline: 'News from the northern coast.',
        postsPerPage: '3',
        footerLine: '© {year} Harbour Courier Ltd.',
        socialProfiles: 'https://social.example/@courier\nhttps://video.example/c/courier',
        logoId: String(logo),
        accent: '#0b5394',
        fonts: 'newsreader',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/settings?saved=1');
      const check = (html: string) =>
        html.includes('alt="The Harbour Courier"') && html.includes('© 2026 Harbour Courier Ltd.') && html.includes('href="/brand/theme.css?v=');
      // Instance A answers the next reader with the new look; B does once the purge log reaches it.
      for (const url of ['/', `/${fx.slugs[0]}/`]) expect(check((await a.inject(url)).body), url).toBe(true);
      for (const url of ['/', `/${fx.slugs[0]}/`]) expect(await eventually(async () => check((await b.inject(url)).body)), url).toBe(true);
      const home = (await a.inject('/')).body;
      expect(home).toContain('<title>The Harbour Courier: News from the northern coast.</title>');
      expect(home.match(/class="card card--/g)?.length).toBeLessThanOrEqual(3);
      const site = jsonLd(home).find((x) => x['@type'] === 'WebSite') as { publisher: { logo: { url: string }; sameAs: string[] } };
      expect(site.publisher.logo.url).toMatch(/^https:\/\/news\.example\/media\/brand\//);
      expect(site.publisher.sameAs).toEqual(['https://social.example/@courier', 'https://video.example/c/courier']);
      const article = jsonLd((await a.inject(`/${fx.slugs[0]}/`)).body).find((x) => x['@type'] === 'NewsArticle') as { publisher: { name: string } };
      expect(article.publisher.name).toBe('The Harbour Courier');
      // The theme stylesheet: the accent, and the fonts from this site, each file served here.
      const href = /href="(\/brand\/theme\.css\?v=[^"]+)"/.exec(home)![1]!;
      const css = await a.inject(href);
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toContain('text/css');
      expect(css.headers['cache-control']).toContain('immutable');
      expect(css.body).toContain('--accent: #0b5394;');
      // Render-blocking on every page: sent compressed to browsers that take it.
      const br = await a.inject({ url: href, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toContain('accept-encoding');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(css.body);
      expect(br.rawPayload.length).toBeLessThan(css.body.length / 2);
      expect(css.body).toContain('"Newsreader Variable"');
      expect(css.body).toContain('font-display: swap');
      expect(css.body).not.toMatch(/url\((?!\/brand\/fonts\/)/);
      const font = /url\((\/brand\/fonts\/newsreader\/[^)]+\.woff2)\)/.exec(css.body)![1]!;
      const file = await a.inject(font);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('font/woff2');
      expect(file.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
      // Arabic-script text gets Vazirmatn's Arabic face only (Latin words keep Newsreader).
      expect(css.body).toMatch(/url\(\/brand\/fonts\/vazirmatn\/[^)]+\/vazirmatn-arabic-wght-normal\.woff2\)/);
      expect(css.body).not.toContain('vazirmatn-latin');
      expect(css.body).toContain('--serif-arabic: "Vazirmatn Variable", "Newsreader Variable"');
      // The headline face is preloaded: Newsreader on English pages, Vazirmatn on Persian ones.
      const preload = /<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin="anonymous"\/>/;
      expect(preload.exec(home)?.[1]).toMatch(/^\/brand\/fonts\/newsreader\/[^/]+\/newsreader-latin-wght-normal\.woff2$/);
      expect((await a.inject(preload.exec(home)![1]!)).statusCode).toBe(200);
      await t.handle.db.updateTable('posts').set({ language: 'fa' }).where('slug', '=', fx.slugs[5]!).execute();
      const persian = (await a.inject(`/${fx.slugs[5]}/`)).body;
      expect(preload.exec(persian)?.[1]).toMatch(/\/vazirmatn-arabic-wght-normal\.woff2$/);
      expect((await a.inject(preload.exec(persian)![1]!)).headers['content-type']).toBe('font/woff2');
      expect((await a.inject('/brand/fonts/newsreader/0.0.0/../../package.json')).statusCode).toBe(404);
      expect((await a.inject('/brand/fonts/not-a-font/1.0.0/x.woff2')).statusCode).toBe(404);
      // Feeds take the new name too; the admin's header as well.
      expect((await a.inject('/feed/')).body).toContain('<title>The Harbour Courier</title>');
      expect((await owner.get('/admin')).body).toContain('The Harbour Courier');
      // Audited, with what changed.
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'settings.updated')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.detail).toContain('Site: name, description');
      expect(audit.detail).toContain('logo');
      // The logo cannot be deleted from the library while it is the site's logo.
      const del = await owner.post(`/admin/media/${logo}/delete`, {}, `/admin/media/${logo}`);
      expect(del.statusCode).toBe(409);
      expect(del.body).toContain("used by the site's logo");
    });

    it('shows the name in the page’s language on its nameplate, or the name in its own language and type', async () => {
      await t.handle.db.updateTable('posts').set({ language: 'fa' }).where('slug', '=', fx.slugs[3]!).execute();
      const res = await save({ name: 'The Harbour Courier', 'name-fa': 'پیک بندر', 'name-de': '<script>alert(1)</script>' });
      expect(res.statusCode).toBe(303);
      let fa = (await a.inject(`/${fx.slugs[3]}/`)).body;
      expect(fa).toContain('<a href="/" rel="home">پیک بندر</a>');
      expect(fa).toContain(' | پیک بندر</title>');
      expect(fa).toContain('<meta property="og:site_name" content="پیک بندر"');
      const en = (await a.inject(`/${fx.slugs[4]}/`)).body;
      expect(en).toContain('<a href="/" rel="home">The Harbour Courier</a>');
      const form = (await owner.get('/admin/settings')).body;
      expect(form).toContain('value="پیک بندر"');
      expect(form).toContain('value="&lt;script>alert(1)&lt;/script>"');
      expect(form).not.toContain('name="name-en"');
      expect(form).toContain('<details class="disclosure" open>');
      // Without a Persian name, the English one keeps its own language and direction (and so its type).
      expect((await save({ name: 'The Harbour Courier' })).statusCode).toBe(303);
      fa = (await a.inject(`/${fx.slugs[3]}/`)).body;
      expect(fa).toContain('<a href="/" rel="home" lang="en" dir="ltr">The Harbour Courier</a>');
      // The reader's own fonts: nothing to preload.
      expect(fa).not.toContain('rel="preload"');
      expect(fa).toContain('<a href="/" lang="en" dir="ltr">The Harbour Courier</a>');
      // A name that is not one line is refused like the main one.
      const bad = await save({ name: 'The Harbour Courier', 'name-fr': 'Le Courrier\ndu port' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('The name must be one line of text.');
    });

    it('refuses bad input with a message per field and saves nothing of that form', async () => {
      const before = await loadSiteSettings(t.handle.db);
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ accent: '#ffcc00' }, 'accent', /contrast of 1\.\d\d:1 against the white page/],
        [{ accent: 'red; } body { display:none' }, 'accent', /six hexadecimal digits/],
        [{ name: 'x'.repeat(121) }, 'name', /at most 120 characters/],
        [{ name: 'Two\nlines' }, 'name', /one line/],
        [{ socialProfiles: 'javascript:alert(1)' }, 'socialProfiles', /not a web address/],
        [{ logoId: '999999' }, 'logoId', /no image 999999/],
        [{ logoId: "1' OR '1'='1" }, 'logoId', /number of an image/],
        [{ postsPerPage: '0' }, 'postsPerPage', /from 1 to 100/],
        [{ language: 'xx' }, 'language', /Choose one of the languages/],
        [{ fonts: '../../etc' }, 'fonts', /type pairings/],
        [{ customCss: '@import url(https://evil.example/x.css);' }, 'customCss', /may not @import/],
        [{ customCss: 'body { background: url("https://evil.example/track.png") }' }, 'customCss', /another host/],
        [{ customCss: `a{}${' '.repeat(100_001)}` }, 'customCss', /at most 100 KB/],
      ];
      for (const [form, field, message] of cases) {
        const res = await save({ name: 'Half saved?', accent: '#0b5394', ...form });
        expect(res.statusCode, field).toBe(400);
        expect(res.body, field).toMatch(message);
        expect(res.body, field).toContain('There is a problem');
        expect(res.body, field).toContain('aria-invalid="true"');
      }
      expect(await loadSiteSettings(t.handle.db)).toEqual(before);
      // Wrong encoding and markup are text: stored as typed, shown escaped.
      const res = await save({ name: '<script>alert(1)</script> Caf\u00e9 \u2019s', footerLine: '"><img src=x onerror=alert(1)>' });
      expect(res.statusCode).toBe(303);
      const home = (await a.inject('/')).body;
      expect(home).not.toContain('<script>alert(1)');
      expect(home).not.toContain('<img src=x');
      expect(home).toContain('&lt;script>alert(1)&lt;/script> Café ’s</a>');
      expect(home).toContain('&lt;script>alert(1)&lt;/script> Café ’s</a>');
    });

    it('serves the owner’s stylesheet from this site, and empty fields go back to the defaults', async () => {
      let res = await save({ customCss: '.masthead { border-block-end-width: 4px; }\n.card__img { background: url(/media/brand/x.png); }' });
      expect(res.statusCode).toBe(303);
      const home = (await a.inject('/')).body;
      const href = /href="(\/brand\/custom\.css\?v=[^"]+)"/.exec(home)![1]!;
      const css = await a.inject(href);
      expect(css.headers['content-type']).toContain('text/css');
      expect(css.body).toContain('border-block-end-width: 4px');
      expect(home).not.toContain('/brand/theme.css');
      res = await save({});
      expect(res.statusCode).toBe(303);
      const plain = (await a.inject('/')).body;
      expect(plain).toContain('<title>The Broadsheet:');
      expect(plain).not.toContain('/brand/');
      expect((await a.inject('/brand/custom.css')).statusCode).toBe(404);
      expect(await loadSiteSettings(t.handle.db)).toEqual({ socialProfiles: [], fonts: 'system' });
    });
  });
}
