/**
 * The settings screen and a rebranded site in chromium and the W3C checker: the owner picks the
 * logo from the library (JavaScript on), a colour that fails contrast is refused in the form, the
 * saved accent and type reach the public pages with every file from this site, and neither the
 * form nor the branded pages (with a breaking-news banner) have an HTML error or an axe violation.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { formatViolations, runAxe } from '../../../helpers/axe.js';
import { browserAvailable, launchBrowser, newTestPage } from '../../../helpers/browser.js';
import { NOW } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, testImage, type Fixture } from '../../../helpers/fixture.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';

for (const dialect of DIALECTS) {
  describe(`site settings in the browser (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let owner: Agent;
    let logo: number;
    let base: string;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 6, t.handle.dialect.fullText);
      logo = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'courier-logo.png',
        bytes: await testImage(640, 128, '#1b2a4a'),
        alt: 'Courier logo',
        folder: 'brand',
        now: NOW,
      });
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16', SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      owner = new Agent(app);
      await owner.login((await makeUser(t, 'owner')).email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it.skipIf(!javaAvailable())('the form, its errors and the branded pages are valid HTML', async () => {
      const form = {
        name: 'The Harbour Courier',
        accent: '#0b5394',
        fonts: 'source',
        logoId: String(logo),
        footerLine: '© {year} Harbour Courier',
        socialProfiles: 'https://social.example/@courier',
      };
      const docs = [{ name: 'settings', html: (await owner.get('/admin/settings')).body }];
      docs.push({
        name: 'settings with errors',
        html: (await owner.post('/admin/settings', { ...form, accent: '#eeeeee', logoId: 'x' }, '/admin/settings')).body,
      });
      expect((await owner.post('/admin/settings', form, '/admin/settings')).statusCode).toBe(303);
      docs.push({ name: 'settings saved', html: (await owner.get('/admin/settings?saved=1')).body });
      docs.push({ name: 'front page, no banner', html: (await owner.get('/admin/front-page')).body });
      docs.push({
        name: 'banner errors',
        html: (await owner.post('/admin/front-page/banner', { text: '', url: 'javascript:x', expiresAt: 'soon' }, '/admin/front-page')).body,
      });
      expect(
        (await owner.post('/admin/front-page/banner', { text: 'Storm warning for the northern coast tonight', url: `/${fx.slugs[1]}/` }, '/admin/front-page'))
          .statusCode,
      ).toBe(303);
      docs.push({ name: 'front page with a banner', html: (await owner.get('/admin/front-page?notice=posted')).body });
      docs.push({ name: 'branded home', html: (await app.inject('/')).body });
      docs.push({ name: 'branded article', html: (await app.inject(`/${fx.slugs[0]}/`)).body });
      docs.push({ name: 'branded Persian article', html: (await app.inject(`/${fx.persianSlug}/`)).body });
      expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
    });

    it.skipIf(!browserAvailable())('picks the logo from the library, refuses a pale accent, and the site takes the new look', async () => {
      const browser = await launchBrowser();
      try {
        const ctx = await browser.newContext({ bypassCSP: true });
        await ctx.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: base })));
        const page = await ctx.newPage();
        await page.goto(`${base}/admin/front-page`);
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.goto(`${base}/admin/settings`);
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.fill('#site-name', 'The Harbour Courier');
        await page.click('[data-command="Choose logo"]');
        await page.locator(`.media-picker__choice[data-id="${logo}"]`).click();
        await page.click('text=Use this image');
        expect(await page.inputValue('#site-logo')).toBe(String(logo));
        await page.selectOption('#site-fonts', 'newsreader');
        await page.fill('#site-accent', '#ffcc00');
        await page.click('text=Save settings');
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('#site-accent-error').textContent()).toContain('contrast');
        // What the owner typed is still there to correct.
        expect(await page.inputValue('#site-name')).toBe('The Harbour Courier');
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.fill('#site-accent', '#0b5394');
        await page.click('text=Save settings');
        await page.locator('.notice').waitFor();
        expect(await page.locator('.notice').textContent()).toContain('Settings saved');
        expect(formatViolations(await runAxe(page))).toBe('');

        // A reader, with the real CSP: every request stays on this site.
        const reader = await newTestPage(browser);
        const elsewhere: string[] = [];
        reader.on('request', (r) => {
          if (!r.url().startsWith(base)) elsewhere.push(r.url());
        });
        for (const url of ['/', `/${fx.slugs[0]}/`]) {
          await reader.goto(`${base}${url}`);
          const logoImg = reader.locator('.masthead__title img');
          expect(await logoImg.getAttribute('alt')).toBe('The Harbour Courier');
          // The masthead shows it 56 px tall: a file about that size from its srcset, not the 640 px original.
          const logoSize = await logoImg.evaluate((img) => [(img as HTMLImageElement).naturalWidth, img.clientWidth]);
          // (naturalWidth is the chosen file's width scaled by its srcset density: within a pixel of the slot)
          expect(logoSize[0]).toBeGreaterThanOrEqual(logoSize[1]! - 1);
          expect(logoSize[0]).toBeLessThan(640);
          expect(await reader.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#0b5394');
          const loaded = await reader.evaluate(async () => {
            await document.fonts.ready;
            return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
          });
          expect(loaded.join(' '), url).toContain('Newsreader Variable');
          expect(await reader.evaluate(() => getComputedStyle(document.querySelector('h1, .card__title')!).fontFamily)).toContain('Newsreader Variable');
        }
        expect(elsewhere).toEqual([]);
        const axePage = await (await browser.newContext({ bypassCSP: true })).newPage();
        for (const url of ['/', `/${fx.slugs[0]}/`, `/${fx.persianSlug}/`]) {
          await axePage.goto(`${base}${url}`);
          expect(await axePage.locator('.breaking').count(), url).toBe(1);
          expect(formatViolations(await runAxe(axePage)), url).toBe('');
        }
      } finally {
        await browser.close();
      }
    });
  });
}
