/**
 * The menus in chromium and the W3C checker: an editor builds a primary menu with a dropdown in
 * the browser (JavaScript on: the add form shows one field at a time, a row is dragged into a new
 * order), and a reader opens the dropdown with the keyboard alone, with the real CSP; the editor's
 * screen (with and without errors) and the pages with the menus have no HTML error and no axe
 * violation, at 1280 and 390 pixels.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menusForEditing } from '../../../../src/modules/site/menu.service.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { formatViolations, runAxe } from '../../../helpers/axe.js';
import { browserAvailable, launchBrowser, newTestPage } from '../../../helpers/browser.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';

for (const dialect of DIALECTS) {
  describe(`menus in the browser (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    let base: string;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 6, t.handle.dialect.fullText);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16', SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it.skipIf(!browserAvailable())('an editor builds a menu with a dropdown, drags a link, and a reader opens the dropdown with the keyboard', async () => {
      const browser = await launchBrowser();
      try {
        const ctx = await browser.newContext({ bypassCSP: true });
        await ctx.addCookies([...editor.cookies].map(([name, value]) => ({ name, value, url: base })));
        const page = await ctx.newPage();
        await page.goto(`${base}/admin/navigation`);
        expect(formatViolations(await runAxe(page))).toBe('');
        // With the script, only the chosen kind's field shows.
        expect(await page.locator('#link-tag').isVisible()).toBe(false);
        await page.selectOption('#link-category', String(fx.ids.world));
        await page.click('text=Add to the menu');
        await page.locator('.notice').waitFor();
        await page.selectOption('#link-category', String(fx.ids.europe));
        await page.check('input[name="nested"]');
        await page.click('text=Add to the menu');
        await page.locator('.notice').waitFor();
        await page.check('#link-kind-tag');
        expect(await page.locator('#link-tag').isVisible()).toBe(true);
        expect(await page.locator('#link-category').isVisible()).toBe(false);
        await page.fill('#link-tag', 'rail');
        await page.fill('#link-label', 'Trains');
        await page.click('text=Add to the menu');
        await page.locator('.notice').waitFor();
        await page.check('#link-kind-url');
        await page.fill('#link-url', 'javascript:alert(1)');
        await page.fill('#link-label', 'Bad');
        await page.click('text=Add to the menu');
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('.error-summary').textContent()).toContain('Give a page of this site');
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.goto(`${base}/admin/navigation`);
        // Drag "Trains" (the third link) above "World".
        await page.locator('li.menu-item[data-index="2"]').dragTo(page.locator('li.menu-item[data-index="0"]'), { targetPosition: { x: 10, y: 2 } });
        await page.locator('.notice').waitFor();
        const items = (await menusForEditing(t.handle.db)).menus.primary['*']!;
        expect(items.map((i) => [i.kind, i.label, i.depth])).toEqual([
          ['tag', 'Trains', 0],
          ['category', '', 0],
          ['category', '', 1],
        ]);

        // A reader with the real CSP and no mouse: Tab to the dropdown, Enter, Tab into it.
        const reader = await newTestPage(browser);
        await reader.goto(`${base}/`);
        const sub = reader.locator('.mainnav__sub');
        expect(await sub.isVisible()).toBe(false);
        for (let i = 0; i < 30; i++) {
          await reader.keyboard.press('Tab');
          if (await reader.evaluate(() => document.activeElement?.classList.contains('mainnav__summary'))) break;
        }
        expect(await reader.evaluate(() => document.activeElement?.textContent)).toBe('World');
        await reader.keyboard.press('Enter');
        expect(await sub.isVisible()).toBe(true);
        await reader.keyboard.press('Tab');
        expect(await reader.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/category/world/');
        await reader.keyboard.press('Tab');
        expect(await reader.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/category/world/europe/');
        await reader.keyboard.press('Enter');
        await reader.waitForURL(`${base}/category/world/europe/`);
        // The open panel sits under its item, inside the window, on a phone too.
        for (const width of [1280, 390]) {
          await reader.setViewportSize({ width, height: 800 });
          await reader.goto(`${base}/`);
          await reader.click('.mainnav__summary');
          const box = (await sub.boundingBox())!;
          const summary = (await reader.locator('.mainnav__summary').boundingBox())!;
          expect(box.y, `${width}`).toBeGreaterThanOrEqual(summary.y + summary.height - 1);
          expect(box.x + box.width, `${width}`).toBeLessThanOrEqual(width);
          expect(box.x, `${width}`).toBeGreaterThanOrEqual(0);
        }
        const axePage = await (await browser.newContext({ bypassCSP: true })).newPage();
        for (const width of [1280, 390]) {
          await axePage.setViewportSize({ width, height: 800 });
          for (const url of ['/', `/${fx.slugs[0]}/`, `/${fx.persianSlug}/`]) {
            await axePage.goto(`${base}${url}`);
            await axePage.click('.mainnav__summary');
            expect(formatViolations(await runAxe(axePage)), `${url} at ${width}`).toBe('');
          }
        }
      } finally {
        await browser.close();
      }
    });

    it.skipIf(!javaAvailable())('the editor, its errors and the pages with menus are valid HTML', async () => {
      const docs = [{ name: 'navigation', html: (await editor.get('/admin/navigation')).body }];
      const version = /name="version" value="([^"]*)"/.exec(docs[0]!.html)![1]!;
      docs.push({
        name: 'navigation with errors',
        html: (
          await editor.post(
            '/admin/navigation/add',
            { location: 'primary', language: '*', version, kind: 'url', url: 'javascript:x', label: '' },
            '/admin/navigation',
          )
        ).body,
      });
      docs.push({ name: 'footer menu', html: (await editor.get('/admin/navigation?menu=footer&language=fa')).body });
      docs.push({ name: 'category edit with names', html: (await editor.get(`/admin/categories/${fx.ids.europe}`)).body });
      docs.push({ name: 'home with menus', html: (await app.inject('/')).body });
      docs.push({ name: 'Persian article with menus', html: (await app.inject(`/${fx.persianSlug}/`)).body });
      expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
    });
  });
}
