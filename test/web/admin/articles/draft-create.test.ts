/**
 * POST /admin/articles/draft: the new-article form as autosave sends it at its first pause once it
 * has a headline (editor/autosave.ts). It creates the draft as "Save draft" would (revision and
 * audit included) and answers JSON: the edit address, the autosave address and the version the
 * page goes on with. Refusals are JSON with a code and a message, and write nothing: no headline,
 * a hostile or oversized body, a missing CSRF token, a role without the right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';

const JSON_ACCEPT = { accept: 'application/json' };

for (const dialect of DIALECTS) {
  describe(`a new article made a draft by autosave (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('posts')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('creates the draft and answers where the page goes on; a save from there updates the same draft', async () => {
      const a = await signedIn(app, t, 'author');
      const csrf = await a.csrf('/admin/articles/new');
      const body = JSON.stringify({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: "The ferry's <script>alert(1)</script> timetable; DROP TABLE posts;--" }] }],
      });
      const res = await a.postRaw(
        '/admin/articles/draft',
        { _csrf: csrf, title: 'Ferry timetable changes', excerpt: '', body_format: 'json', body_json: body, language: 'en', intent: 'save' },
        JSON_ACCEPT,
      );
      expect(res.statusCode).toBe(201);
      const out = res.json() as { id: number; editUrl: string; autosaveUrl: string; updatedAt: string };
      expect(out.editUrl).toBe(`/admin/articles/${out.id}`);
      expect(out.autosaveUrl).toBe(`/admin/articles/${out.id}/autosave`);
      const row = await t.handle.db.selectFrom('posts').selectAll().where('id', '=', out.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'draft', title: 'Ferry timetable changes', slug: 'ferry-timetable-changes', updated_at: out.updatedAt });
      expect(row.body_html).not.toContain('<script>');
      expect(row.body_html).toContain('DROP TABLE posts;--');
      const audit = await t.handle.db.selectFrom('audit_log').select('action').where('target_id', '=', out.id).execute();
      expect(audit.length).toBeGreaterThan(0);

      // The page's form now posts to the edit address with that version: the same draft changes.
      const save = await a.postRaw(out.editUrl, {
        _csrf: csrf,
        title: 'Ferry timetable changes from Monday',
        excerpt: '',
        body_format: 'json',
        body_json: body,
        language: 'en',
        updated_at: out.updatedAt,
        intent: 'save',
      });
      expect(save.statusCode).toBe(303);
      expect(await count()).toBe(1);
      expect((await t.handle.db.selectFrom('posts').select('title').where('id', '=', out.id).executeTakeFirstOrThrow()).title).toBe(
        'Ferry timetable changes from Monday',
      );
    });

    it('refuses with a JSON message and writes nothing: no headline, a body it cannot read, no CSRF token, a role without the right', async () => {
      const before = await count();
      const a = await signedIn(app, t, 'author');
      const csrf = await a.csrf('/admin/articles/new');
      const noTitle = await a.postRaw(
        '/admin/articles/draft',
        { _csrf: csrf, title: '  ', body_format: 'text', body_text: 'Words', intent: 'save' },
        JSON_ACCEPT,
      );
      expect(noTitle.statusCode).toBe(400);
      expect(noTitle.json()).toEqual({ error: { code: 'ARTICLE_INVALID', message: 'Enter a headline.' } });
      const badBody = await a.postRaw(
        '/admin/articles/draft',
        { _csrf: csrf, title: 'Broken', body_format: 'json', body_json: '{"type":"doc","content":[{', intent: 'save' },
        JSON_ACCEPT,
      );
      expect(badBody.statusCode).toBe(400);
      expect(badBody.json().error.code).toBe('ARTICLE_INVALID');
      const publish = await a.postRaw(
        '/admin/articles/draft',
        { _csrf: csrf, title: 'Sneaky', body_format: 'text', body_text: 'x', intent: 'publish' },
        JSON_ACCEPT,
      );
      expect(publish.statusCode).toBe(400);
      const huge = await a.postRaw(
        '/admin/articles/draft',
        { _csrf: csrf, title: 'x'.repeat(501), body_format: 'text', body_text: 'x', intent: 'save' },
        JSON_ACCEPT,
      );
      expect(huge.statusCode).toBe(400);
      const noToken = await a.postRaw('/admin/articles/draft', { title: 'No token', body_format: 'text', body_text: 'x', intent: 'save' }, JSON_ACCEPT);
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().error.code).toBe('CSRF');
      const contributor = await signedIn(app, t, 'contributor');
      const page = await contributor.postRaw(
        '/admin/pages/draft',
        { _csrf: await contributor.csrf(), title: 'A page', body_format: 'text', body_text: 'x', intent: 'save' },
        JSON_ACCEPT,
      );
      expect(page.statusCode).toBe(403);
      expect(await count()).toBe(before);
    });
  });
}
