/**
 * Issue 14's live "done when", in chromium with the real CSP: an editor starts a live page and
 * adds five entries (one with an image, one pinned) while a reader has the page open; each new
 * entry appears without a reload, is announced politely, and what the reader was reading does not
 * move; with JavaScript off a reload shows them. The live page, an entry's page and the admin's
 * live panel and entry form are axe-clean at 1280 and 390 px and valid HTML.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { storeImage } from '../../../src/modules/media/media.service.js';
import { browserAvailable, launchBrowser } from '../../helpers/browser.js';
import { formatViolations, runAxe } from '../../helpers/axe.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../helpers/vnu.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp, signedIn } from '../../helpers/admin.js';
import type { Agent } from '../../helpers/agent.js';
import { testImage } from '../../helpers/fixture.js';
import { NOW } from '../../helpers/clock.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!browserAvailable())(`a live page in chromium (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let browser: Browser;
    let base: string;
    let editor: Agent;
    let id: number;
    let photo: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      photo = await storeImage(t.handle.db, path.join(t.dataDir, 'media'), {
        fileName: 'pier.jpg',
        bytes: await testImage(),
        alt: 'Waves over the pier',
        folder: 'test',
        now: NOW,
      });
      id = await createArticle(
        t.handle.db,
        {
          slug: 'storm-live',
          title: 'Storm on the coast: live',
          excerpt: 'The storm, as it happens.',
          body: doc(p('A storm reaches the coast tonight. '.repeat(40)), p('Follow the updates below. '.repeat(30))),
          status: 'published',
          publishedAt: NOW.toISOString(),
        },
        NOW,
      );
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16', SITE_URL: 'http://127.0.0.1' } });
      await app.listen({ host: '127.0.0.1', port: 0 });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      editor = await signedIn(app, t, 'editor');
      expect((await editor.post(`/admin/articles/${id}/live/start`, {}, `/admin/articles/${id}`)).statusCode).toBe(303);
      browser = await launchBrowser();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await t?.cleanup();
    });

    const entry = async (headline: string, text: string, pinned = false): Promise<number> => {
      const res = await editor.post(
        `/admin/articles/${id}/live/entries`,
        { headline, body_format: 'text', body_text: text, ...(pinned ? { pinned: '1' } : {}) },
        `/admin/articles/${id}`,
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      return Number(/#entry-(\d+)$/.exec(res.headers.location ?? '')![1]);
    };
    /** What the tab does when it comes back into view: ask for new entries now (the script also asks every 10 s). */
    const poll = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

    it('each new entry appears without a reload, announced, and the reader keeps their place; without JavaScript a reload shows it', async () => {
      const errors: string[] = [];
      const reader = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      reader.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      reader.on('pageerror', (e) => errors.push(e.message));
      const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
      const plain = await noJs.newPage();

      const first = await entry('Winds reach 120 km/h', 'Gusts of 120 km/h on the coast. '.repeat(12));
      await reader.goto(`${base}/storm-live/`);
      await plain.goto(`${base}/storm-live/`);
      expect(await reader.locator('.live-entry').count()).toBe(1);

      // The reader is deep in the first entry, below the top of the list.
      await reader.locator(`#entry-${first} .live-entry__body`).scrollIntoViewIfNeeded();
      await reader.evaluate((eid) => window.scrollTo(0, document.getElementById(`entry-${eid}`)!.getBoundingClientRect().top + window.scrollY + 40), first);
      const topOf = (eid: number) => reader.evaluate((x) => document.getElementById(`entry-${x}`)!.getBoundingClientRect().top, eid);
      const before = await topOf(first);

      const added: number[] = [];
      const next = [
        () => entry('Harbour flooded', `Water over the quay.\n\n[figure image=${photo} caption="The pier at noon"]`),
        () => entry('Bridge closed', 'The harbour bridge is closed until morning.', true),
        () =>
          entry(
            '',
            '[social-post author="Coastguard" handle="@coastguard" date="2026-11-20T12:30:00Z" url="https://social.example/1"]\nStay off the piers.\n[/social-post]',
          ),
        () => entry('Power cut', 'About 2,000 homes are without power.'),
      ];
      for (const add of next) {
        const eid = await add();
        added.push(eid);
        await poll(reader);
        await reader.locator(`#entry-${eid}`).waitFor({ state: 'attached', timeout: 15_000 });
        // What the reader was reading has not moved, and a screen reader heard of the new entry.
        expect(Math.abs((await topOf(first)) - before)).toBeLessThanOrEqual(1);
        await expect.poll(() => reader.textContent('[data-live-announce]'), { timeout: 5000 }).toBe('1 new update');
      }
      const order = await reader.$$eval('.live-entry', (els) => els.map((e) => Number(e.getAttribute('data-entry-id'))));
      expect(order).toEqual([...added].reverse().concat(first));
      expect(await reader.locator(`#entry-${added[0]} img`).count()).toBe(1);
      expect(await reader.locator(`#entry-${added[1]}.live-entry--key`).count()).toBe(1);

      // Scrolled back to the top of the list, the next entry shows where the reader is looking.
      await reader.evaluate(() => document.querySelector('.live')!.scrollIntoView());
      // Two entries at once are announced in the plural.
      await entry('Ferries resume', 'The first ferry has left.');
      const seventh = await entry('Winds ease', 'The wind is easing.');
      await poll(reader);
      await reader.locator(`#entry-${seventh}`).waitFor({ state: 'visible', timeout: 15_000 });
      expect(await reader.locator(`#entry-${seventh}`).isVisible()).toBe(true);
      await expect.poll(() => reader.textContent('[data-live-announce]'), { timeout: 5000 }).toBe('2 new updates');

      // Without JavaScript: nothing changes until the reader reloads, then everything is there.
      expect(await plain.locator('.live-entry').count()).toBe(1);
      await plain.reload();
      expect(await plain.locator('.live-entry').count()).toBe(7);
      expect(await plain.locator('.live__key-list a').count()).toBe(1);
      expect(errors, 'console errors (CSP violations show here)').toEqual([]);
      await reader.close();
      await noJs.close();
    }, 120_000);

    for (const width of [1280, 390]) {
      it(`the live page, an entry's page and the admin's live panel are axe-clean at ${width} px`, async () => {
        const eid = (await t.handle.db.selectFrom('live_entries').select('id').where('post_id', '=', id).orderBy('id').executeTakeFirstOrThrow()).id;
        const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        await ctx.addCookies([...editor.cookies].map(([name, value]) => ({ name, value, url: base })));
        for (const url of ['/storm-live/', `/storm-live/entry/${eid}/`, `/admin/articles/${id}`, `/admin/articles/${id}/live/entries/${eid}`]) {
          const page = await ctx.newPage();
          expect((await page.goto(base + url))?.status(), url).toBe(200);
          expect(formatViolations(await runAxe(page)), `${url} at ${width}`).toBe('');
          expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(width);
          await page.close();
        }
        await ctx.close();
      }, 120_000);
    }

    it.skipIf(!javaAvailable())(
      'those pages are valid HTML',
      async () => {
        const eid = (await t.handle.db.selectFrom('live_entries').select('id').where('post_id', '=', id).orderBy('id').executeTakeFirstOrThrow()).id;
        const docs = [];
        for (const url of ['/storm-live/', `/storm-live/entry/${eid}/`])
          docs.push({ name: `${url.replace(/[^a-z0-9]+/gi, '-')}.html`, html: (await app.inject(url)).body });
        for (const url of [`/admin/articles/${id}`, `/admin/articles/${id}/live/entries/${eid}`])
          docs.push({ name: `admin${url.replace(/[^a-z0-9]+/gi, '-')}.html`, html: (await editor.get(url)).body });
        expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
      },
      120_000,
    );
  });
}
