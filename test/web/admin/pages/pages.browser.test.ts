/**
 * Static pages in chromium and the W3C checker: the pages list, the page editor (new, with errors,
 * a saved child with its parent chosen) and a public nested page have no HTML error and no axe
 * violation, at 1280 and 390 pixels; the editor makes a child page in the browser (rich editor on)
 * and a reader follows its breadcrumb to the parent.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { formatViolations, runAxe } from '../../../helpers/axe.js';
import { browserAvailable, launchBrowser, newTestPage } from '../../../helpers/browser.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture } from '../../../helpers/fixture.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';

for (const dialect of DIALECTS) {
  describe(`pages in the browser (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    let base: string;
    let aboutId: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      await buildFixture(t.handle.db, `${t.dataDir}/media`, 4, t.handle.dialect.fullText);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16', SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
      aboutId = (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', 'about').executeTakeFirstOrThrow()).id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it.skipIf(!browserAvailable())('an editor makes a child page in the browser; a reader follows its breadcrumb; axe finds nothing', async () => {
      const browser = await launchBrowser();
      try {
        const ctx = await browser.newContext({ bypassCSP: true });
        await ctx.addCookies([...editor.cookies].map(([name, value]) => ({ name, value, url: base })));
        const page = await ctx.newPage();
        await page.goto(`${base}/admin/pages/new?parent=${aboutId}`);
        await page.locator('[data-editor-ready]').waitFor();
        await page.fill('#title', 'Masthead and staff');
        await page.locator('.ProseMirror').click();
        await page.keyboard.type('Everyone who makes the paper.');
        await page.click('button[value="publish"]');
        await page.waitForURL(/\/admin\/pages\/\d+\?saved=1/);
        expect(await page.locator('#parent-id').inputValue()).toBe(String(aboutId));
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 900 });
          for (const url of ['/admin/pages', page.url().replace(base, ''), '/admin/pages/new']) {
            await page.goto(`${base}${url}`);
            expect(formatViolations(await runAxe(page)), `${url} at ${width}`).toBe('');
          }
        }
        const reader = await newTestPage(browser);
        await reader.goto(`${base}/about/masthead-and-staff/`);
        expect(await reader.locator('h1').textContent()).toBe('Masthead and staff');
        expect(await reader.locator('.article__body').textContent()).toContain('Everyone who makes the paper.');
        const axePage = await (await browser.newContext({ bypassCSP: true })).newPage();
        for (const width of [1280, 390]) {
          await axePage.setViewportSize({ width, height: 800 });
          await axePage.goto(`${base}/about/masthead-and-staff/`);
          expect(formatViolations(await runAxe(axePage)), `nested page at ${width}`).toBe('');
        }
        await reader.click('.breadcrumb a[href="/about/"]');
        await reader.waitForURL(`${base}/about/`);
      } finally {
        await browser.close();
      }
    });

    it.skipIf(!javaAvailable())('the pages list, the page editor with and without errors, and a nested page are valid HTML', async () => {
      const made = await editor.post(
        '/admin/pages',
        { title: 'Team', body_format: 'text', body_text: 'Our people.', parent_id: String(aboutId), intent: 'publish', language: 'en' },
        '/admin/pages/new',
      );
      expect(made.statusCode).toBe(303);
      const docs = [
        { name: 'pages list', html: (await editor.get('/admin/pages')).body },
        { name: 'new page', html: (await editor.get('/admin/pages/new')).body },
        { name: 'child page edit', html: (await editor.get(String(made.headers.location))).body },
        {
          name: 'page form with errors',
          html: (await editor.post(`/admin/pages`, { title: '', parent_id: 'x', menu_order: 'y', intent: 'save' }, '/admin/pages/new')).body,
        },
        { name: 'nested page', html: (await app.inject('/about/team/')).body },
      ];
      expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
    });
  });
}
