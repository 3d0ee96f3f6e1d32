/**
 * The front-page editor and the front pages it makes, in chromium and the W3C checker: with a
 * pinned lead, pinned top stories and section blocks, the editor (with and without errors), the
 * home page and a section front with its pinned lead have no HTML error and no axe violation, at
 * 1280 and 390 pixels.
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

const FP = '/admin/front-page';

for (const dialect of DIALECTS) {
  describe(`front pages in the browser (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    let base: string;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 8, t.handle.dialect.fullText);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16', SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
      const pin = async (scope: string, slot: string, slug: string) =>
        expect((await editor.post(`${FP}/pin`, { scope, slot, storyRef: slug, expiresAt: '2099-01-01 10:00' }, FP)).statusCode).toBe(303);
      await pin('home', 'lead', fx.slugs[4]!);
      await pin('home', 'top', fx.slugs[6]!);
      await pin('home', 'top', fx.slugs[7]!);
      await pin(`cat:${fx.ids.europe}`, 'lead', fx.slugs[1]!);
      expect((await editor.post(`${FP}/blocks`, { section: String(fx.ids.politics), count: '3' }, FP)).statusCode).toBe(303);
      expect((await editor.post(`${FP}/blocks`, { section: String(fx.ids.world), count: '2' }, FP)).statusCode).toBe(303);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it.skipIf(!javaAvailable())('the editor, its errors and the front pages are valid HTML', async () => {
      const docs = [
        { name: 'front-page editor', html: (await editor.get(FP)).body },
        { name: 'section front editor', html: (await editor.get(`${FP}?front=cat:${fx.ids.europe}`)).body },
        { name: 'editor with errors', html: (await editor.post(`${FP}/pin`, { scope: 'home', slot: 'top', storyRef: 'nope', expiresAt: 'x' }, FP)).body },
        { name: 'block errors', html: (await editor.post(`${FP}/blocks`, { section: 'x', count: '99' }, FP)).body },
        { name: 'home with pins and blocks', html: (await app.inject('/')).body },
        { name: 'section front with a pinned lead', html: (await app.inject('/category/world/europe/')).body },
      ];
      expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
    });

    it.skipIf(!browserAvailable())('axe finds nothing on the editor and the front pages, at 1280 and 390 px', async () => {
      const browser = await launchBrowser();
      try {
        const ctx = await browser.newContext({ bypassCSP: true });
        await ctx.addCookies([...editor.cookies].map(([name, value]) => ({ name, value, url: base })));
        const page = await ctx.newPage();
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          for (const url of [FP, `${FP}?front=cat:${fx.ids.europe}`, '/', '/category/world/europe/']) {
            await page.goto(`${base}${url}`);
            expect(formatViolations(await runAxe(page)), `${url} at ${width}`).toBe('');
          }
        }
        await page.goto(`${base}/`);
        expect(await page.locator('.card--lead .card__link').getAttribute('href')).toBe(`/${fx.slugs[4]}/`);
        expect(await page.locator('.stories--block').count()).toBe(2);
      } finally {
        await browser.close();
      }
    });
  });
}
