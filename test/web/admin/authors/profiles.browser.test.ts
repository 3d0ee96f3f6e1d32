/**
 * The profile screens and a filled-in author page in chromium and the W3C checker: an author picks
 * their photo from the library (JavaScript on) and saves their profile, a refused link is shown
 * next to its field with what was typed kept, and /admin/account, /admin/authors, the edit screen
 * (with and without errors) and the public author page have no HTML error and no axe violation.
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

const PROFILE = {
  name: 'Ana Berg',
  title: 'Transport editor',
  bio: 'Ana covers trains, ferries and the places between capitals.\n\nShe reported from the northern coast for six years.',
  photoId: '',
  publicEmail: 'ana.tips@news.example',
  links: 'https://social.example/@ana\nhttps://ana-berg.example/',
};

for (const dialect of DIALECTS) {
  describe(`author profiles in the browser (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    let author: Agent;
    let portrait: number;
    let base: string;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 4, t.handle.dialect.fullText);
      portrait = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'portrait.jpg',
        bytes: await testImage(400, 400, '#335577'),
        alt: 'Head and shoulders portrait',
        folder: 'people',
        now: NOW,
      });
      app = await adminApp(t, { env: { SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
      author = new Agent(app);
      await author.login((await makeUser(t, 'author')).email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it.skipIf(!javaAvailable())('the profile screens, their errors and the author page are valid HTML', async () => {
      const edit = `/admin/authors/${fx.ids.ana}`;
      const docs = [
        { name: 'account, never written', html: (await author.get('/admin/account')).body },
        {
          name: 'account with errors',
          html: (await author.post('/admin/account', { ...PROFILE, links: 'javascript:x', publicEmail: 'nope' }, '/admin/account')).body,
        },
        { name: 'authors', html: (await editor.get('/admin/authors')).body },
        { name: 'authors, add errors', html: (await editor.post('/admin/authors', { name: '<b>', title: '' }, '/admin/authors')).body },
        { name: 'edit with errors', html: (await editor.post(edit, { ...PROFILE, photoId: '999999', bio: '<p>x</p>' }, edit)).body },
      ];
      expect((await editor.post(edit, { ...PROFILE, photoId: String(portrait) }, edit)).statusCode).toBe(303);
      docs.push({ name: 'edit, saved', html: (await editor.get(`${edit}?notice=author-saved`)).body });
      docs.push({ name: 'author page', html: (await app.inject('/author/ana-berg/')).body });
      docs.push({ name: 'article with the byline', html: (await app.inject(`/${fx.slugs[1]}/`)).body });
      expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
    });

    it.skipIf(!browserAvailable())('an author picks a photo from the library and saves; every screen is axe-clean', async () => {
      const browser = await launchBrowser();
      try {
        const ctx = await browser.newContext({ bypassCSP: true });
        await ctx.addCookies([...author.cookies].map(([name, value]) => ({ name, value, url: base })));
        const page = await ctx.newPage();
        await page.goto(`${base}/admin/account`);
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.fill('#profile-name', 'Lena Varga');
        await page.fill('#profile-title', 'Culture critic');
        await page.fill('#profile-bio', 'Lena reviews books and film.\n\nShe writes the chess column.');
        await page.click('[data-command="Choose photo"]');
        await page.locator(`.media-picker__choice[data-id="${portrait}"]`).click();
        await page.click('text=Use this image');
        expect(await page.inputValue('#profile-photo')).toBe(String(portrait));
        await page.fill('#profile-links', 'http://lena.example/');
        await page.click('text=Save your profile');
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('#profile-links-error').textContent()).toContain('https://');
        expect(await page.inputValue('#profile-name')).toBe('Lena Varga');
        expect(formatViolations(await runAxe(page))).toBe('');
        await page.fill('#profile-links', 'https://lena.example/');
        await page.click('text=Save your profile');
        await page.locator('.notice').waitFor();
        expect(await page.locator('.notice').textContent()).toContain('Profile saved');
        expect(formatViolations(await runAxe(page))).toBe('');

        const editorCtx = await browser.newContext({ bypassCSP: true });
        await editorCtx.addCookies([...editor.cookies].map(([name, value]) => ({ name, value, url: base })));
        const ep = await editorCtx.newPage();
        for (const url of ['/admin/authors', `/admin/authors/${fx.ids.ana}`, `/admin/authors/${fx.ids.omar}`]) {
          await ep.goto(`${base}${url}`);
          expect(formatViolations(await runAxe(ep)), url).toBe('');
        }

        // The reader sees the photo, with its alt text, and the profile, under the real CSP.
        const reader = await newTestPage(browser);
        await reader.goto(`${base}/author/lena-varga/`);
        expect(await reader.locator('.archive__header img').getAttribute('alt')).toBe('Head and shoulders portrait');
        expect(await reader.locator('.archive__bio p').count()).toBe(2);
        expect(await reader.locator('.profile-links a').getAttribute('href')).toBe('https://lena.example/');
        const axePage = await ctx.newPage();
        for (const url of ['/author/lena-varga/', '/author/ana-berg/']) {
          await axePage.goto(`${base}${url}`);
          expect(formatViolations(await runAxe(axePage)), url).toBe('');
        }
      } finally {
        await browser.close();
      }
    });
  });
}
