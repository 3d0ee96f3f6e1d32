/**
 * The breaking-news banner (/admin/front-page): editors post it and every page shows it at once
 * (cached pages included), in the page's language; it comes down by itself at its expiry and when
 * removed; authors cannot touch it; hostile links and times are refused and save nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { adminApp, makeUser, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { Clock, NOW } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { loadSiteSnapshot } from '../../../../src/modules/site/site.service.js';
import { eventually } from '../../../helpers/eventually.js';

/** YYYY-MM-DD HH:MM:SS (UTC), as typed in the form. */
const typed = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

for (const dialect of DIALECTS) {
  describe(`breaking-news banner (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    const clock = new Clock();

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 6, t.handle.dialect.fullText);
      app = await adminApp(t, { clock, env: { PAGE_CACHE_MB: '16' } });
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const pages = () => ['/', `/${fx.slugs[0]}/`, '/category/world/', `/${fx.persianSlug}/`];
    const warm = async () => {
      for (const url of pages()) {
        await app.inject(url);
        expect((await app.inject(url)).headers['x-cache'], url).toBe('HIT');
      }
    };

    it('is for editors and owners only', async () => {
      expect((await editor.get('/admin/front-page')).statusCode).toBe(200);
      expect((await editor.get('/admin')).body).toContain('href="/admin/front-page"');
      for (const role of ['author', 'contributor'] as const) {
        const agent = await signedIn(app, t, role);
        expect((await agent.get('/admin/front-page')).statusCode, role).toBe(403);
        expect((await agent.post('/admin/front-page/banner', { text: 'Not mine to post' }, '/admin')).statusCode, role).toBe(403);
      }
      expect((await loadSiteSnapshot(t.handle.db)).banner).toBeUndefined();
    });

    it('refuses hostile links, bad times and empty lines, saving nothing', async () => {
      const cases: [Record<string, string>, RegExp][] = [
        [{ text: '' }, /Write the line/],
        [{ text: 'x'.repeat(201) }, /at most 200 characters/],
        [{ text: 'Two\nlines' }, /one line/],
        [{ text: 'Click', url: 'javascript:alert(1)' }, /Link to a page of this site/],
        [{ text: 'Click', url: '//evil.example/' }, /Link to a page of this site/],
        [{ text: 'Click', url: '/\\evil.example/' }, /Link to a page of this site/],
        [{ text: 'Click', url: 'http://plain.example/' }, /https:\/\//],
        [{ text: 'Late', expiresAt: typed(new Date(NOW.getTime() - 60_000)) }, /That time has passed/],
        [{ text: 'Bad date', expiresAt: '2026-02-30 10:00' }, /YYYY-MM-DD HH:MM/],
        [{ text: 'Bad date', expiresAt: "1' OR 1=1 --" }, /YYYY-MM-DD HH:MM/],
      ];
      for (const [form, message] of cases) {
        const res = await editor.post('/admin/front-page/banner', form, '/admin/front-page');
        expect(res.statusCode, JSON.stringify(form)).toBe(400);
        expect(res.body, JSON.stringify(form)).toMatch(message);
      }
      expect((await loadSiteSnapshot(t.handle.db)).banner).toBeUndefined();
      expect((await app.inject('/')).body).not.toContain('class="breaking"');
    });

    it('shows on every page at once, in the page language, and comes down when removed', async () => {
      await warm();
      const res = await editor.post(
        '/admin/front-page/banner',
        { text: 'Harbour bridge closed <b>after</b> the storm', url: `/${fx.slugs[1]}/` },
        '/admin/front-page',
      );
      expect(res.statusCode).toBe(303);
      expect((await editor.get(res.headers.location!)).body).toContain('Banner posted');
      for (const url of pages()) {
        const html = (await app.inject(url)).body;
        expect(html, url).toContain(`<a class="breaking__text" href="/${fx.slugs[1]}/" dir="auto">Harbour bridge closed &lt;b>after&lt;/b> the storm</a>`);
      }
      expect((await app.inject('/')).body).toContain('aria-label="Breaking"');
      expect((await app.inject(`/${fx.persianSlug}/`)).body).toContain('aria-label="خبر فوری"');
      const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'detail']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'banner.set', detail: 'Harbour bridge closed <b>after</b> the storm' });
      await warm();
      expect((await editor.post('/admin/front-page/banner/remove', {}, '/admin/front-page')).statusCode).toBe(303);
      for (const url of pages()) expect((await app.inject(url)).body, url).not.toContain('class="breaking"');
      expect((await editor.get('/admin/front-page')).body).toContain('No banner is shown.');
    });

    it('takes itself off every cached page when it expires', async () => {
      const res = await editor.post(
        '/admin/front-page/banner',
        { text: 'Polls close at ten', expiresAt: typed(new Date(clock.now().getTime() + 1000)) },
        '/admin/front-page',
      );
      expect(res.statusCode).toBe(303);
      await warm();
      expect((await app.inject('/')).body).toContain('Polls close at ten');
      // A second later (the app's clock and the real timer both move on), no page shows it.
      clock.advance(2000);
      expect(await eventually(async () => !(await app.inject('/')).body.includes('Polls close at ten'))).toBe(true);
      for (const url of pages()) expect((await app.inject(url)).body, url).not.toContain('Polls close at ten');
      expect((await editor.get('/admin/front-page')).body).toContain('Expired, no longer shown');
    });
  });
}
