/**
 * Issue 14's people "done when", in chromium with JavaScript and the real CSP: an editor adds two
 * people at People, writes an article with the rich editor that quotes one (her photo as a figure
 * captioned "Name, role" and a quotation, both attributed to her with the "Person" button) and is
 * about the other (picked from the search under "About"), publishes it, and a reader finds both
 * people pages listing it, with the quotation and the caption linking to hers.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { browserAvailable, launchBrowser } from '../../../helpers/browser.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { testImage } from '../../../helpers/fixture.js';
import { NOW } from '../../../helpers/clock.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!browserAvailable())(`people in the rich editor (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let browser: Browser;
    let base: string;
    let editor: Agent;
    let portrait: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      portrait = await storeImage(t.handle.db, path.join(t.dataDir, 'media'), {
        fileName: 'lind.jpg',
        bytes: await testImage(400, 500, '#555555'),
        alt: 'Maria Lind at her desk',
        caption: 'Maria Lind, harbour master',
        folder: 'people',
        now: NOW,
      });
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16', SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      editor = await signedIn(app, t, 'editor');
      browser = await launchBrowser();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await t?.cleanup();
    });

    it('two people added, an article quoting one and about the other, and both people pages list it', async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addCookies([...editor.cookies].map(([name, value]) => ({ name, value, url: base })));
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });

      for (const [name, role] of [
        ['Maria Lind', 'harbour master'],
        ['Omar Haddad', 'economist'],
      ]) {
        await page.goto(`${base}/admin/people`);
        await page.fill('#new-person-name', name!);
        await page.fill('#new-person-description', role!);
        await page.click('button:has-text("Add the person")');
        await page.locator('.notice').waitFor();
      }

      await page.goto(`${base}/admin/articles/new`);
      await page.locator('[data-editor-ready]').waitFor();
      await page.fill('#title', 'The harbour reopens');
      await page.fill('#excerpt', 'After three weeks of repairs.');
      await page.locator('.ProseMirror').click();
      await page.keyboard.type('The harbour reopened on Monday.');
      await page.keyboard.press('Enter');

      // Her photo, captioned "Name, role" from the library, then attributed to her.
      await page.click('[data-command="Image from the media library"]');
      await page.locator(`.media-picker__choice[data-id="${portrait}"]`).click();
      await page.click('text=Insert image');
      await page.locator('.ProseMirror figure').click();
      // The caption is the library's ("Maria Lind, harbour master"): her name is typed.
      page.once('dialog', (d) => d.accept('Maria Lind'));
      await page.click('[data-command="Who said it or who is shown (People)"]');
      await expect
        .poll(async () =>
          JSON.parse(await page.inputValue('[name=body_json]')).content.some(
            (b: { type: string; attrs?: { personId?: number } }) => b.type === 'figure' && b.attrs?.personId,
          ),
        )
        .toBe(true);

      // A quotation, cited and attributed to her.
      await page.locator('.ProseMirror p').last().click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('We are open for business again.');
      await page.click('[data-command="Quotation with citation"]');
      await page.locator('.editor-quote').last().getByLabel('Citation').fill('Maria Lind, harbour master');
      // The citation's name is offered: accepted as it is.
      let offered = '';
      page.once('dialog', (d) => {
        offered = d.defaultValue();
        void d.accept(offered);
      });
      await page.click('[data-command="Who said it or who is shown (People)"]');
      await expect
        .poll(async () =>
          JSON.parse(await page.inputValue('[name=body_json]')).content.some(
            (b: { type: string; attrs?: { personId?: number } }) => b.type === 'blockquote' && b.attrs?.personId,
          ),
        )
        .toBe(true);
      expect(offered).toBe('Maria Lind');

      // About Omar: found by the search under "About" and added as a line.
      const search = page.locator('[data-people-fields] .people-picker__input').first();
      await search.fill('omar');
      await page.locator('.people-picker__option', { hasText: 'Omar Haddad, economist' }).click();
      expect(await page.inputValue('#people-about')).toBe('Omar Haddad');

      await page.click('button[value="publish"]');
      await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/);

      const reader = await browser.newPage();
      await reader.goto(`${base}/the-harbour-reopens/`);
      expect(await reader.locator('.quote__person').getAttribute('href')).toBe('/people/maria-lind/');
      expect(await reader.locator('.figure__person').textContent()).toBe('Maria Lind');
      expect(await reader.locator('.story-people').textContent()).toContain('Omar Haddad');
      for (const who of ['maria-lind', 'omar-haddad']) {
        await reader.goto(`${base}/people/${who}/`);
        expect(await reader.locator('a.card__link[href="/the-harbour-reopens/"]').count(), who).toBe(1);
      }
      await reader.close();
      expect(errors).toEqual([]);
      await ctx.close();
    }, 120_000);
  });
}
