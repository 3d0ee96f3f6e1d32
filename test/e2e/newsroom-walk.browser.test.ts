/**
 * Issue 13's "done when", walked in chromium with JavaScript on: an owner who has never seen the
 * code renames the site, picks a logo from the library, sets an accent colour and a type pairing,
 * writes an About page, builds a primary menu with a nested item and a footer menu with that page, pins a lead and
 * two top stories, fills in their author profile with a photo and posts a breaking-news banner.
 * After each step the public pages show the change at once, on this instance and on a second one
 * on the same database (through the purge log), cached pages included.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/database.js';
import { storeImage } from '../../src/modules/media/media.service.js';
import { adminApp, makeUser } from '../helpers/admin.js';
import { Agent } from '../helpers/agent.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { NOW } from '../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { buildFixture, testImage, type Fixture } from '../helpers/fixture.js';
import { eventually } from '../helpers/eventually.js';

for (const dialect of DIALECTS) {
  describe(`an owner makes the site theirs in the browser (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let handleB: DbHandle;
    let a: FastifyInstance;
    let b: FastifyInstance;
    let owner: Agent;
    let base: string;
    let logo: number;
    let portrait: number;
    const env = { PAGE_CACHE_MB: '16', SITE_URL: 'http://127.0.0.1' };

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 8, t.handle.dialect.fullText);
      logo = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'courier-logo.png',
        bytes: await testImage(640, 128, '#1b2a4a'),
        alt: 'Courier logo',
        folder: 'brand',
        now: NOW,
      });
      portrait = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'olive.jpg',
        bytes: await testImage(400, 400, '#775533'),
        alt: 'Olive Owner',
        folder: 'people',
        now: NOW,
      });
      handleB = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
      a = await adminApp(t, { env });
      b = await adminApp({ ...t, handle: handleB }, { env });
      await a.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(a.server.address() as AddressInfo).port}`;
      owner = new Agent(a);
      await owner.login((await makeUser(t, 'owner', 'olive@example.com')).email);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await handleB?.close();
      await t?.cleanup();
    });

    it.skipIf(!browserAvailable())('every step reaches every public page on both instances', { timeout: 120_000 }, async () => {
      // Both instances hold the pages in their caches before anything changes.
      const urls = ['/', `/${fx.slugs[0]}/`, '/category/world/'];
      for (const app of [a, b]) for (const url of urls) await app.inject(url);
      /** Every page on both instances shows it (B once the purge log reaches it). */
      const everywhere = async (what: string, check: (html: string) => boolean, pages = urls) => {
        for (const app of [a, b]) {
          for (const url of pages)
            expect(await eventually(async () => check((await app.inject(url)).body), 8000), `${what}: ${url} on ${app === a ? 'A' : 'B'}`).toBe(true);
        }
      };

      const browser = await launchBrowser();
      try {
        const ctx = await browser.newContext();
        await ctx.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: base })));
        const page = await ctx.newPage();
        const saved = async (button: string) => {
          await page.click(button);
          await page.locator('.notice').waitFor();
        };

        // 1. Name, logo, accent and type.
        await page.goto(`${base}/admin/settings`);
        await page.fill('#site-name', 'The Harbour Courier');
        await page.click('[data-command="Choose logo"]');
        await page.locator(`.media-picker__choice[data-id="${logo}"]`).click();
        await page.click('text=Use this image');
        await page.fill('#site-accent', '#0b5394');
        await page.selectOption('#site-fonts', 'newsreader');
        await saved('text=Save settings');
        await everywhere(
          'name and logo',
          (h) => h.includes('<img class="masthead__logo"') && h.includes('alt="The Harbour Courier"') && h.includes('href="/brand/theme.css?v='),
        );

        // 2. An About page, written in the page editor and published.
        await page.goto(`${base}/admin/pages/new`);
        await page.locator('[data-editor-ready]').waitFor();
        await page.fill('#title', 'About the Courier');
        await page.locator('.ProseMirror').click();
        await page.keyboard.type('The Harbour Courier has reported on the port and its town since 1921.');
        await page.click('button[value="publish"]');
        await page.waitForURL(/\/admin\/pages\/\d+\?saved=1/);
        const aboutId = (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', 'about-the-courier').executeTakeFirstOrThrow()).id;
        await everywhere('the About page', (h) => h.includes('reported on the port and its town since 1921'), ['/about-the-courier/']);

        // 3. A primary menu with a nested item, and a footer menu with the About page.
        await page.goto(`${base}/admin/navigation`);
        await page.selectOption('#link-category', String(fx.ids.world));
        await saved('text=Add to the menu');
        await page.selectOption('#link-category', String(fx.ids.europe));
        await page.check('input[name="nested"]');
        await saved('text=Add to the menu');
        await page.selectOption('#link-category', String(fx.ids.politics));
        await saved('text=Add to the menu');
        await page.goto(`${base}/admin/navigation?menu=footer&language=*`);
        await page.check('#link-kind-page');
        await page.selectOption('#link-page', String(aboutId));
        await page.fill('#link-label', 'About the Courier');
        await saved('text=Add to the menu');
        await everywhere(
          'menus',
          (h) =>
            /<summary class="mainnav__summary[^"]*">World<\/summary>/.test(h) &&
            h.includes('<a href="/category/world/europe/"') &&
            h.includes('<li><a href="/about-the-courier/">About the Courier</a></li>'),
        );

        // 4. A pinned lead and two pinned top stories.
        await page.goto(`${base}/admin/front-page`);
        const idOf = async (slug: string) => String((await t.handle.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id);
        await page.selectOption('#pin-story', await idOf(fx.slugs[5]!));
        await saved('text=Pin as the lead');
        await page.selectOption('#pin-story', await idOf(fx.slugs[6]!));
        await saved('text=Pin as a top story');
        await page.selectOption('#pin-story', await idOf(fx.slugs[7]!));
        await saved('text=Pin as a top story');
        const leadAndTops = (h: string) => {
          const lead = /class="card card--lead"[\s\S]*?class="card__link" href="\/([^"/]+)\/"/.exec(h)?.[1];
          const grid = h.slice(h.indexOf('id="latest-heading"'));
          const tops = [...grid.matchAll(/<h3 class="card__title"><a class="card__link" href="\/([^"/]+)\/"/g)].slice(0, 2).map((m) => m[1]);
          return lead === fx.slugs[5] && tops[0] === fx.slugs[6] && tops[1] === fx.slugs[7] && h.includes('>Top stories</h2>');
        };
        await everywhere('pinned stories', leadAndTops, ['/']);

        // 5. The owner's own author profile, with a photo from the library.
        await page.goto(`${base}/admin/account`);
        await page.fill('#profile-name', 'Olive Owner');
        await page.fill('#profile-title', 'Editor-in-chief');
        await page.fill('#profile-bio', 'Olive has edited the Courier since it was founded.\n\nShe writes about the harbour.');
        await page.click('[data-command="Choose photo"]');
        await page.locator(`.media-picker__choice[data-id="${portrait}"]`).click();
        await page.click('text=Use this image');
        await page.click('#main form button[type="submit"].button:not(.button--secondary)');
        await page.locator('.notice').waitFor();
        const slug = (await t.handle.db.selectFrom('authors').select('slug').where('name', '=', 'Olive Owner').executeTakeFirstOrThrow()).slug;
        await everywhere(
          'author profile',
          (h) => h.includes('Editor-in-chief') && h.includes('Olive has edited the Courier') && /<img[^>]+alt="Olive Owner"/.test(h),
          [`/author/${slug}/`],
        );

        // 6. A breaking-news banner on every page.
        await page.goto(`${base}/admin/front-page`);
        await page.fill('#banner-text', 'Storm closes the harbour bridge');
        await page.fill('#banner-url', `/${fx.slugs[1]}/`);
        await saved('text=Post the banner');
        await everywhere('banner', (h) => h.includes('Storm closes the harbour bridge') && h.includes('class="breaking"'));

        // And a reader sees it all in the browser, with the real CSP, and nothing from another host.
        const reader = await browser.newPage();
        const elsewhere: string[] = [];
        reader.on('request', (r) => {
          if (!r.url().startsWith(base)) elsewhere.push(r.url());
        });
        await reader.goto(`${base}/`);
        expect(await reader.locator('.masthead__title img').getAttribute('alt')).toBe('The Harbour Courier');
        expect(await reader.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#0b5394');
        await reader.click('.mainnav__summary');
        expect(await reader.locator('.mainnav__sub a[href="/category/world/europe/"]').isVisible()).toBe(true);
        expect(await reader.locator('.breaking').textContent()).toContain('Storm closes the harbour bridge');
        await reader.click('.footer a[href="/about-the-courier/"]');
        expect(await reader.locator('h1').textContent()).toContain('About the Courier');
        expect(elsewhere).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
}
