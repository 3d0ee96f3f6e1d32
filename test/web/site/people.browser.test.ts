/**
 * People pages in chromium: a person page, an article with "People in this story", /people/ and
 * a search finding a person are axe-clean at 1280 and 390 px and valid HTML (vnu); the person's
 * photo stands beside their name on a desktop and above it on a phone; on a Persian site the
 * page runs right to left, the photo on the right.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../../helpers/browser.js';
import { formatViolations, runAxe } from '../../helpers/axe.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../helpers/vnu.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture, type Fixture } from '../../helpers/fixture.js';
import { testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';
import type { PersonProfile } from '../../../src/modules/person/person.js';
import { setPostPeople } from '../../../src/modules/person/person.repository.js';
import { createPerson } from '../../../src/modules/person/person.service.js';
import { cliActor } from '../../../src/modules/user/user.js';
import type { Db } from '../../../src/db/database.js';

const person = (name: string, extra: Partial<PersonProfile> = {}): PersonProfile => ({ name, description: '', photoId: null, links: [], note: '', ...extra });
const postId = async (db: Db, slug: string): Promise<number> =>
  (await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

interface Boxes {
  photo: DOMRect;
  heading: DOMRect;
  dir: string;
}

const headerBoxes = (page: Page): Promise<Boxes> =>
  page.evaluate(() => ({
    photo: document.querySelector('.person-header__photo')!.getBoundingClientRect().toJSON() as DOMRect,
    heading: document.querySelector('.person-header h1')!.getBoundingClientRect().toJSON() as DOMRect,
    dir: document.documentElement.dir,
  }));

for (const dialect of DIALECTS) {
  describe.skipIf(!browserAvailable())(`people pages in chromium (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let rtl: FastifyInstance;
    let browser: Browser;
    let base: string;
    let rtlBase: string;
    let urls: string[];

    beforeAll(async () => {
      t = await freshDb(dialect);
      const db = t.handle.db;
      fx = await buildFixture(db, path.join(t.dataDir, 'media'), 8, t.handle.dialect.fullText);
      const maria = await createPerson(
        db,
        person('Maria Lind', {
          description: 'Harbour master of Norden',
          photoId: fx.ids.photo,
          links: ['https://example.org/maria', 'https://social.example/@maria'],
        }),
        cliActor,
        NOW,
      );
      const jonas = await createPerson(db, person('Jonas Ek', { description: 'Transport minister' }), cliActor, NOW);
      for (const slug of fx.slugs) await setPostPeople(db, await postId(db, slug), [{ personId: maria.id, role: 'quoted', picked: true }]);
      await setPostPeople(db, await postId(db, fx.slugs[0]!), [
        { personId: jonas.id, role: 'subject', picked: true },
        { personId: maria.id, role: 'quoted', picked: true },
      ]);
      await setPostPeople(db, await postId(db, fx.persianSlug), [{ personId: maria.id, role: 'quoted', picked: true }]);
      urls = [`/people/${maria.slug}/`, `/people/${jonas.slug}/`, `/${fx.slugs[0]}/`, '/people/', '/search?q=lind'];
      app = await testApp(t, { SITE_URL: 'http://127.0.0.1' });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      rtl = await testApp(t, { SITE_URL: 'http://127.0.0.1', SITE_LANGUAGE: 'fa' });
      rtlBase = await rtl.listen({ host: '127.0.0.1', port: 0 });
      browser = await launchBrowser();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await rtl?.close();
      await t?.cleanup();
    });

    const open = async (root: string, url: string, width: number): Promise<Page> => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      const res = await page.goto(root + url);
      expect(res?.status(), url).toBe(200);
      return page;
    };

    for (const width of [1280, 390]) {
      it(`the person page, an article with people, /people/ and a search for a person are axe-clean at ${width} px`, async () => {
        for (const root of [base, rtlBase]) {
          for (const url of urls) {
            const page = await open(root, url, width);
            expect(formatViolations(await runAxe(page)), `${root === base ? 'en' : 'fa'} ${url}`).toBe('');
            await page.close();
          }
        }
      }, 120_000);
    }

    it.skipIf(!javaAvailable())(
      'those pages are valid HTML, in English and in Persian',
      async () => {
        const docs: { name: string; html: string }[] = [];
        for (const [lang, a] of [
          ['en', app],
          ['fa', rtl],
        ] as const)
          for (const url of urls) docs.push({ name: `${lang}${url.replace(/[^a-z0-9]+/gi, '-')}.html`, html: (await a.inject(url)).body });
        const results = await validateHtml(docs);
        expect(formatHtmlErrors(results)).toBe('');
      },
      120_000,
    );

    it('the photo stands beside the name on a desktop and above it on a phone; right to left on a Persian site', async () => {
      const url = urls[0]!;
      const desk = await open(base, url, 1280);
      const d = await headerBoxes(desk);
      expect(d.photo.right).toBeLessThanOrEqual(d.heading.left);
      expect(d.photo.top).toBeLessThan(d.heading.bottom);
      await desk.close();
      const phone = await open(base, url, 390);
      const m = await headerBoxes(phone);
      expect(m.photo.bottom).toBeLessThanOrEqual(m.heading.top);
      // Nothing wider than the screen.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.close();
      const fa = await open(rtlBase, url, 1280);
      const r = await headerBoxes(fa);
      expect(r.dir).toBe('rtl');
      expect(r.photo.left).toBeGreaterThanOrEqual(r.heading.right);
      expect(await fa.textContent('.archive__list-heading')).toContain('Maria Lind');
      expect(await fa.textContent('.breadcrumb')).toContain('افراد');
      await fa.close();
      const story = await open(rtlBase, `/${fx.persianSlug}/`, 390);
      expect(await story.textContent('.story-people__heading')).toBe('افراد این گزارش');
      expect(await story.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await story.close();
    }, 60_000);
  });
}
