/**
 * Live coverage from the article's admin screen, without JavaScript: an editor starts it, writes
 * entries in the same text syntax as the body (a figure, a quoted post), pins one as a key event,
 * edits and deletes entries, and ends it; every step comes back to the article's screen. A
 * contributor cannot run it; hostile entries are refused with the form and a message, nothing
 * saved; every write needs the CSRF token.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { testImage } from '../../../helpers/fixture.js';
import { formFields } from '../../../helpers/form.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';

for (const dialect of DIALECTS) {
  describe(`live coverage in the admin (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    const clock = new Clock();
    let id: number;
    let photo: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
      photo = await storeImage(t.handle.db, path.join(t.dataDir, 'media'), {
        fileName: 'storm.jpg',
        bytes: await testImage(),
        alt: 'Waves over the pier',
        folder: 'test',
        now: clock.now(),
      });
      id = await createArticle(
        t.handle.db,
        { slug: 'storm-live', title: 'Storm: live', body: doc(p('The storm reaches the coast.')), status: 'published', publishedAt: clock.now().toISOString() },
        clock.now(),
      );
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const screen = async () => (await editor.get(`/admin/articles/${id}`)).body;
    const entries = () => t.handle.db.selectFrom('live_entries').selectAll().where('post_id', '=', id).orderBy('id').execute();
    const post = (url: string, form: Record<string, string | string[]> = {}) => {
      clock.advance(60_000);
      return editor.post(url, form, `/admin/articles/${id}`);
    };

    it('starts, takes entries with a figure and a quoted post, pins, edits, deletes and ends', async () => {
      let page = await screen();
      expect(page).toContain('Start live coverage');
      expect(page).not.toContain('name="headline"');
      const start = await post(`/admin/articles/${id}/live/start`);
      expect(start.statusCode).toBe(303);
      expect(start.headers.location).toBe(`/admin/articles/${id}?saved=1#live`);
      page = await screen();
      expect(page).toContain('This article is live.');
      expect(page).toContain(`action="/admin/articles/${id}/live/entries"`);
      // The entry form is the article's editor again: two editors on one page have their own ids.
      expect(page).toContain('id="entry-body"');

      const first = await post(`/admin/articles/${id}/live/entries`, {
        headline: 'Winds reach 120 km/h',
        body_format: 'text',
        body_text: `Gusts on the coast.\r\n\r\n[figure image=${photo} caption="The pier at noon"]`,
        pinned: '1',
      });
      expect(first.statusCode, first.body.slice(0, 400)).toBe(303);
      expect(first.headers.location).toMatch(new RegExp(`^/admin/articles/${id}\\?saved=1#entry-\\d+$`));
      const second = await post(`/admin/articles/${id}/live/entries`, {
        headline: '',
        body_format: 'text',
        body_text:
          '[social-post author="Coastguard" handle="@coastguard" date="2026-11-20T12:30:00Z" url="https://social.example/1"]\nStay off the piers.\n[/social-post]',
      });
      expect(second.statusCode).toBe(303);
      const rows = await entries();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ headline: 'Winds reach 120 km/h', pinned: 1 });
      expect(rows[0]!.body_html).toContain('<figure class="figure figure--center">');
      expect(rows[1]!.body_html).toContain('class="quote-card"');

      page = await screen();
      expect(page).toContain('2 entries');
      expect(page).toContain('Key event');
      expect(page).toContain(`href="/storm-live/#entry-${rows[0]!.id}"`);

      // Unpin, then edit the first entry from its own page (its form keeps the figure line).
      expect((await post(`/admin/articles/${id}/live/entries/${rows[0]!.id}/pin`)).statusCode).toBe(303);
      expect((await entries())[0]!.pinned).toBe(0);
      const editPage = await editor.get(`/admin/articles/${id}/live/entries/${rows[0]!.id}`);
      expect(editPage.statusCode).toBe(200);
      const fields = formFields(editPage.body, `/admin/articles/${id}/live/entries/${rows[0]!.id}`);
      expect(fields.body_text).toContain(`[figure image=${photo}`);
      clock.advance(60_000);
      const saved = await editor.postRaw(`/admin/articles/${id}/live/entries/${rows[0]!.id}`, { ...fields, headline: 'Winds reach 130 km/h' });
      expect(saved.statusCode).toBe(303);
      const edited = (await entries())[0]!;
      expect(edited.headline).toBe('Winds reach 130 km/h');
      expect(edited.body_doc).toBe(rows[0]!.body_doc);
      expect(edited.created_at).toBe(rows[0]!.created_at);

      expect((await post(`/admin/articles/${id}/live/entries/${rows[1]!.id}/delete`)).statusCode).toBe(303);
      expect(await entries()).toHaveLength(1);
      expect((await post(`/admin/articles/${id}/live/end`)).statusCode).toBe(303);
      page = await screen();
      expect(page).toContain('The live coverage has ended');
      expect(page).toContain('Resume the live coverage');
      expect(page).not.toContain(`action="/admin/articles/${id}/live/entries"`);
      // Ended: an entry is refused, with the form and the reason.
      const late = await post(`/admin/articles/${id}/live/entries`, { headline: 'Late', body_format: 'text', body_text: 'Too late.' });
      expect(late.statusCode).toBe(409);
      expect(late.body).toContain('Start the live coverage before adding entries');
      expect(late.body).toContain('Too late.');
      expect((await post(`/admin/articles/${id}/live/start`)).statusCode).toBe(303);
    });

    it('refuses hostile entries with the form and a message, saving nothing', async () => {
      const before = (await entries()).length;
      const cases: [Record<string, string | string[]>, RegExp][] = [
        [{ headline: '<script>alert(1)</script>', body_text: 'Text.' }, /cannot contain &lt; or >/],
        [{ headline: 'x'.repeat(301), body_text: 'Text.' }, /at most 300 characters/],
        [{ headline: ['a', 'b'], body_text: 'Text.' }, /sent more than once/],
        [{ headline: 'Empty', body_text: '' }, /text is empty/],
        [{ headline: 'Bad figure', body_text: '[figure image="x"]' }, /needs image=N/],
        [{ headline: 'Bad JSON', body_format: 'json', body_json: '{"type":"doc","content":[{"type":"script"}]}' }, /unknown block/],
        [{ headline: 'Pin?', body_text: 'Text.', pinned: "1' OR '1'='1" }, /Tick the box/],
      ];
      for (const [form, message] of cases) {
        const res = await post(`/admin/articles/${id}/live/entries`, { body_format: 'text', ...form });
        expect(res.statusCode, String(message)).toBe(400);
        expect(res.body).toMatch(message);
        expect(res.body).not.toContain('<script>alert(1)</script>');
      }
      expect(await entries()).toHaveLength(before);
      // Without the token nothing happens.
      expect((await editor.postRaw(`/admin/articles/${id}/live/entries`, { headline: 'No token', body_text: 'Text.' })).statusCode).toBe(403);
      // An entry of another article, or none, is a 404.
      expect((await editor.get(`/admin/articles/${id}/live/entries/999999`)).statusCode).toBe(404);
    });

    it('is for those who may publish the article', async () => {
      const contributor = await signedIn(app, t, 'contributor');
      const own = await contributor.post('/admin/articles', {
        title: 'My draft',
        excerpt: '',
        body_text: 'Text.',
        language: 'en',
        comment_status: 'open',
        intent: 'save',
      });
      const mine = Number(/\/admin\/articles\/(\d+)/.exec(own.headers.location ?? '')![1]);
      const page = (await contributor.get(`/admin/articles/${mine}`)).body;
      expect(page).toContain('Live coverage');
      expect(page).not.toContain('Start live coverage');
      expect((await contributor.post(`/admin/articles/${mine}/live/start`, {}, `/admin/articles/${mine}`)).statusCode).toBe(403);
      const author = await signedIn(app, t, 'author');
      expect((await author.post(`/admin/articles/${id}/live/entries`, { headline: 'x', body_text: 'y' }, '/admin')).statusCode).toBe(403);
    });
  });
}
