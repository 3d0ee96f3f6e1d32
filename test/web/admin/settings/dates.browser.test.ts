/**
 * The "Dates" part of the settings form in chromium and the W3C checker: the owner chooses a zone
 * from the grouped list, a style and the time of day (plain form controls), and the article
 * then writes its date that way; the form (with and without errors) and the pages are valid HTML
 * and axe-clean at 1280 and 390 pixels.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { formatViolations, runAxe } from '../../../helpers/axe.js';
import { browserAvailable, launchBrowser } from '../../../helpers/browser.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';

for (const dialect of DIALECTS) {
  describe(`site dates in the browser (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let owner: Agent;
    let base: string;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 2, t.handle.dialect.fullText);
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

    it.skipIf(!javaAvailable())('the form with a refused zone, and dated pages with the time, are valid HTML', async () => {
      const docs = [
        {
          name: 'settings, unknown zone',
          html: (await owner.post('/admin/settings', { fonts: 'system', timeZone: '<b>Nowhere</b>', dateStyle: 'x' }, '/admin/settings')).body,
        },
      ];
      expect(
        (await owner.post('/admin/settings', { fonts: 'system', timeZone: 'Asia/Tehran', dateStyle: 'iso', showTime: '1' }, '/admin/settings')).statusCode,
      ).toBe(303);
      docs.push({ name: 'settings, Tehran', html: (await owner.get('/admin/settings')).body });
      docs.push({ name: 'article with time', html: (await app.inject(`/${fx.slugs[0]}/`)).body });
      docs.push({ name: 'Persian article with time', html: (await app.inject(`/${fx.persianSlug}/`)).body });
      docs.push({ name: 'new article form', html: (await owner.get('/admin/articles/new')).body });
      expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
    });

    it.skipIf(!browserAvailable())('chooses a zone, a style and the time, and the article shows its date that way', async () => {
      const browser = await launchBrowser();
      try {
        const ctx = await browser.newContext({ bypassCSP: true });
        await ctx.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: base })));
        const page = await ctx.newPage();
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${base}/admin/settings`);
          expect(formatViolations(await runAxe(page)), `${width}`).toBe('');
        }
        await page.selectOption('#site-time-zone', 'Europe/Berlin');
        await page.check('input[name=dateStyle][value=iso]');
        await page.check('#site-show-time');
        await page.click('text=Save settings');
        await page.locator('.notice').waitFor();
        expect(await page.inputValue('#site-time-zone')).toBe('Europe/Berlin');
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.goto(`${base}/${fx.slugs[0]}/`);
        // 11:00 UTC on 20 November is 12:00 in Berlin (CET).
        expect(await page.locator('time[datetime="2026-11-20T11:00:00.000Z"]').first().textContent()).toBe('2026-11-20 12:00 CET');
        expect(formatViolations(await runAxe(page))).toBe('');
      } finally {
        await browser.close();
      }
    });
  });
}
