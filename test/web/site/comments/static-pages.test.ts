/**
 * Comments on static pages: off by default (no comments section at all, and a POST is refused),
 * and once an editor turns them on, a page (top-level or nested) takes comments as an article
 * does: the form, the thread, a 303 back to the comment, later comment pages at the page's own
 * path, with and without the page cache. Turning them off again hides the section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';
import { idFrom, Reader, type CommentsCtx } from '../../../helpers/comments.js';
import { buildFixture } from '../../../helpers/fixture.js';
import { formFields } from '../../../helpers/form.js';

for (const dialect of DIALECTS) {
  for (const cache of ['0', '16']) {
    describe(`comments on static pages (${dialect}, page cache ${cache} MB)`, () => {
      let t: TestDb;
      let c: CommentsCtx;
      let aboutId: number;
      let teamId: number;
      let editor: Agent;

      beforeAll(async () => {
        t = await freshDb(dialect);
        const clock = new Clock();
        const fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 4, t.handle.dialect.fullText);
        c = { app: await adminApp(t, { clock, env: { PAGE_CACHE_MB: cache } }), clock, fx };
        await saveCommentSettings(t.handle.db, { moderation: 'auto', perPage: 2 });
        editor = new Agent(c.app);
        await editor.login((await makeUser(t, 'editor')).email);
        aboutId = (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', 'about').executeTakeFirstOrThrow()).id;
        // Made in the no-JavaScript form as an editor would, with the form's defaults (comments off).
        const blank = formFields((await editor.get(`/admin/pages/new?parent=${aboutId}`)).body, '/admin/pages');
        const made = await editor.post('/admin/pages', {
          ...blank,
          title: 'Our team',
          slug: 'team',
          body_format: 'text',
          body_text: 'The people.',
          intent: 'publish',
        });
        expect(made.statusCode, made.body.slice(0, 300)).toBe(303);
        teamId = Number(/\/admin\/pages\/(\d+)/.exec(String(made.headers.location))![1]);
      });
      afterAll(async () => {
        await c?.app.close();
        await t?.cleanup();
      });

      /** The editor turns the page's comments on or off in its edit form and saves it. */
      const setComments = async (id: number, status: 'open' | 'closed') => {
        const form = formFields((await editor.get(`/admin/pages/${id}`)).body, `/admin/pages/${id}`);
        const res = await editor.post(`/admin/pages/${id}`, { ...form, comment_status: status, intent: 'save' });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
        const row = await t.handle.db.selectFrom('posts').select('comment_status').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.comment_status).toBe(status);
      };

      it('a page with comments off (the default) has no comments section, and a comment posted to it is refused', async () => {
        const r = new Reader(c, '203.0.113.40');
        await setComments(aboutId, 'closed');
        const page = await r.get('/about/');
        expect(page.statusCode).toBe(200);
        expect(page.body).not.toContain('id="comments"');
        expect(page.body).not.toContain('action="/comments/"');
        expect((await r.get('/about/team/')).body).not.toContain('id="comments"');
        // A form lifted from an article and pointed at the page's id.
        const form = await r.form(`/${c.fx.slugs[0]}/`);
        const res = await c.app.inject({
          method: 'POST',
          url: '/comments/',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://news.example', 'x-forwarded-for': '203.0.113.40' },
          payload: new URLSearchParams({ ...form, post_id: String(aboutId), body: 'Sneaking in' }).toString(),
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(await t.handle.db.selectFrom('comments').select('id').where('post_id', '=', aboutId).execute()).toEqual([]);
      });

      it('once turned on, a top-level page shows the form and takes a comment, which it then shows', async () => {
        await setComments(aboutId, 'open');
        const r = new Reader(c, '203.0.113.41');
        const page = await r.get('/about/');
        expect(page.body).toContain('id="comments"');
        expect(page.body).toContain('action="/comments/"');
        const res = await r.comment('/about/', { name: 'Reader', body: 'Thanks for the page' });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
        expect(res.headers.location).toMatch(/^\/about\/#comment-\d+$/);
        const html = (await r.get('/about/')).body;
        expect(html).toContain(`id="comment-${idFrom(res)}"`);
        expect(html).toContain('Thanks for the page');
      });

      it('a nested page takes comments at its own path; later comment pages live under it', async () => {
        await setComments(teamId, 'open');
        const r = new Reader(c, '203.0.113.42');
        expect((await r.get('/about/team/')).body).toContain('action="/comments/"');
        const ids: number[] = [];
        for (const body of ['First', 'Second', 'Third']) {
          c.clock.advance(5 * 60_000);
          const res = await r.comment('/about/team/', { name: 'Reader', body: `${body} remark` });
          expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
          ids.push(idFrom(res));
        }
        // Two a page: the first comment page links to the second, at the nested path.
        const first = (await r.get('/about/team/')).body;
        expect(first).toMatch(/href="\/about\/team\/comment-page-2\/#comments"/);
        const second = await r.get('/about/team/comment-page-2/');
        expect(second.statusCode).toBe(200);
        expect(second.body).toContain('<link rel="canonical" href="https://news.example/about/team/comment-page-2/"');
        const both = first + second.body;
        for (const id of ids) expect(both).toContain(`id="comment-${id}"`);
        expect((await r.get('/about/team/comment-page-9/')).statusCode).toBe(404);
        const one = await r.get('/about/team/comment-page-1/');
        expect([one.statusCode, one.headers.location]).toEqual([301, '/about/team/']);
        // Its one-segment address keeps the comment page.
        const old = await r.get('/team/comment-page-2/');
        expect([old.statusCode, old.headers.location]).toEqual([301, '/about/team/comment-page-2/']);
      });

      it('turning comments off again removes the section from the page', async () => {
        await setComments(teamId, 'closed');
        const html = (await new Reader(c, '203.0.113.43').get('/about/team/')).body;
        expect(html).not.toContain('id="comments"');
        expect((await c.app.inject('/about/team/comment-page-2/')).statusCode).toBe(404);
      });
    });
  }
}
