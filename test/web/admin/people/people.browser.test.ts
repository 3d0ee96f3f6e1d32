/**
 * The People screens in chromium and the W3C checker: an editor finds a person in the list,
 * picks their photo from the media library (JavaScript on), saves, merges a duplicate through
 * the confirmation; the same screens work with JavaScript off (axe needs JavaScript, so it runs
 * on the same pages with it on); the list, the edit screen (with
 * and without errors), the merge and delete confirmations and the quick add form have no HTML
 * error and no axe violation at 1280 and 390 px.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { createPerson } from '../../../../src/modules/person/person.service.js';
import { cliActor } from '../../../../src/modules/user/user.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { formatViolations, runAxe } from '../../../helpers/axe.js';
import { browserAvailable, launchBrowser } from '../../../helpers/browser.js';
import { NOW } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { testImage } from '../../../helpers/fixture.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';

const WIDTHS = [1280, 390];

for (const dialect of DIALECTS) {
  describe(`the People screens in the browser (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    let portrait: number;
    let base: string;
    let maria: number;
    let dup: number;

    const add = (name: string, description = '') => createPerson(t.handle.db, { name, description, photoId: null, links: [], note: '' }, cliActor, NOW);

    beforeAll(async () => {
      t = await freshDb(dialect);
      portrait = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'lind.jpg',
        bytes: await testImage(400, 400, '#335577'),
        alt: 'Maria Lind at the harbour',
        folder: 'people',
        now: NOW,
      });
      maria = (await add('Maria Lind', 'Harbour master')).id;
      dup = (await add('M. Lind')).id;
      await add('Omar Haddad', 'Port economist');
      await createArticle(
        t.handle.db,
        {
          slug: 'ferry',
          title: 'The ferry runs all winter',
          status: 'published',
          publishedAt: NOW.toISOString(),
          body: doc(p('x')),
          people: [{ personId: dup, role: 'subject' }],
        },
        NOW,
      );
      app = await adminApp(t, { env: { SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it.skipIf(!javaAvailable())('every People screen is valid HTML, with and without errors', async () => {
      const edit = `/admin/people/${maria}`;
      const docs = [
        { name: 'list', html: (await editor.get('/admin/people')).body },
        { name: 'list, search', html: (await editor.get('/admin/people?q=lind')).body },
        { name: 'list, nobody', html: (await editor.get('/admin/people?q=zzz')).body },
        { name: 'list, add errors', html: (await editor.post('/admin/people', { name: '<b>', description: 'x'.repeat(300) }, '/admin/people')).body },
        { name: 'edit', html: (await editor.get(edit)).body },
        { name: 'edit, articles', html: (await editor.get(`/admin/people/${dup}`)).body },
        {
          name: 'edit with errors',
          html: (await editor.post(edit, { name: '', description: '', photoId: '999999', links: 'javascript:x', note: '<p>', slug: 'Bad Slug' }, edit)).body,
        },
        { name: 'merge refused', html: (await editor.get(`/admin/people/${dup}/merge?into=${dup}`)).body },
        { name: 'merge confirm', html: (await editor.get(`/admin/people/${dup}/merge?into=${maria}`)).body },
        { name: 'delete confirm', html: (await editor.get(`/admin/people/${dup}/delete`)).body },
        {
          name: 'quick add errors',
          html: (await editor.postRaw('/admin/people/quick', { _csrf: await editor.csrf(), name: '', next: '/admin/articles' }, { accept: 'text/html' })).body,
        },
      ];
      expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
    });

    const axeAt = async (page: Page, url: string) => {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${base}${url}`);
        expect(formatViolations(await runAxe(page)), `${url} at ${width}`).toBe('');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${url} fits at ${width}`).toBe(true);
      }
    };

    const withBrowser = async (javaScriptEnabled: boolean, fn: (page: Page) => Promise<void>) => {
      const browser: Browser = await launchBrowser();
      try {
        const ctx = await browser.newContext({ bypassCSP: true, javaScriptEnabled });
        await ctx.addCookies([...editor.cookies].map(([name, value]) => ({ name, value, url: base })));
        await fn(await ctx.newPage());
      } finally {
        await browser.close();
      }
    };

    it.skipIf(!browserAvailable())('an editor finds a person, picks their photo from the library, saves and merges a duplicate', async () => {
      await withBrowser(true, async (page) => {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${base}/admin/people`);
        await page.fill('#people-q', 'LÍND');
        await page.click('button:has-text("Search")');
        await page.click('a:has-text("Maria Lind")');
        expect(await page.inputValue('#person-name')).toBe('Maria Lind');
        await page.click('[data-command="Choose photo"]');
        await page.locator(`.media-picker__choice[data-id="${portrait}"]`).click();
        await page.click('text=Use this image');
        expect(await page.inputValue('#person-photo')).toBe(String(portrait));
        await page.fill('#person-links', 'http://lind.example/');
        await page.click('button:has-text("Save")');
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('#person-links-error').textContent()).toContain('https://');
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.fill('#person-links', 'https://lind.example/');
        await page.click('button:has-text("Save")');
        await page.locator('.notice').waitFor();
        expect(await page.locator('.notice').textContent()).toContain('Saved');
        expect(await page.locator('.featured-field__preview img').getAttribute('alt')).toBe('Current photo: Maria Lind at the harbour');
        await axeAt(page, `/admin/people/${maria}`);
        await axeAt(page, '/admin/people');

        // The duplicate: choose who stays from the people sharing a name, confirm.
        await page.goto(`${base}/admin/people/${dup}`);
        await page.selectOption('#merge-into', String(maria));
        await page.click('button:has-text("Review the merge")');
        await page.locator('h1:has-text("Merge M. Lind into Maria Lind?")').waitFor();
        await axeAt(page, `/admin/people/${dup}/delete`);
        await axeAt(page, `/admin/people/${dup}/merge?into=${maria}`);
        await page.click('button:has-text("Merge into Maria Lind")');
        await page.locator('.notice').waitFor();
        expect(await page.locator('.notice').textContent()).toContain('Merged: 1 article moved here');
        expect(page.url()).toContain(`/admin/people/${maria}`);
        expect(await page.locator('text=The ferry runs all winter').count()).toBe(1);
      });
    });

    it.skipIf(!browserAvailable())('works without JavaScript: photo by number, merge by number, delete', async () => {
      const twin = (await add('Omar  Haddad')).id;
      const gone = (await add('Ida Moss')).id;
      await withBrowser(false, async (page) => {
        await page.setViewportSize({ width: 390, height: 900 });
        await page.goto(`${base}/admin/people`);
        await page.fill('#new-person-name', 'Kai Brandt');
        await page.fill('#new-person-description', 'Fisherman');
        await page.click('button:has-text("Add the person")');
        await page.locator('.notice:has-text("Person added")').waitFor();
        expect(await page.locator('[data-command="Choose photo"]').count()).toBe(0);
        await page.fill('#person-photo', String(portrait));
        await page.fill('#person-note', 'Only by phone.');
        await page.click('button:has-text("Save")');
        await page.locator('.notice:has-text("Saved")').waitFor();
        expect(await page.locator('.featured-field__preview img').getAttribute('alt')).toBe('Current photo: Maria Lind at the harbour');

        await page.goto(`${base}/admin/people/${twin}`);
        const omar = await t.handle.db.selectFrom('people').select('id').where('name', '=', 'Omar Haddad').executeTakeFirstOrThrow();
        await page.fill('#merge-into-id', String(omar.id));
        await page.click('button:has-text("Review the merge")');
        await page.click(`button:has-text("Merge into Omar Haddad")`);
        await page.locator('.notice:has-text("Merged: 0 articles")').waitFor();

        await page.goto(`${base}/admin/people/${gone}`);
        await page.click('a:has-text("Delete Ida Moss")');
        await page.locator('text=No article links to Ida Moss').waitFor();
        await page.click('button:has-text("Delete Ida Moss")');
        await page.locator('.notice:has-text("Person deleted")').waitFor();
        expect(await page.locator('a:has-text("Ida Moss")').count()).toBe(0);
      });
    });
  });
}
