import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { adminApp, makeUser, signedIn } from '../../../helpers/admin.js';
import { addComment, postIdOf } from '../../../helpers/comments.js';
import { tag } from '../../../../src/modules/content/cache-tags.js';
import { Agent } from '../../../helpers/agent.js';

for (const dialect of DIALECTS) {
  describe(`staff reply and edit from the queue (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    let postId: number;
    let url: string;
    let editor: Agent;
    let editorName: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 2);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      postId = await postIdOf(t.handle.db, fx.slugs[0]!);
      url = `/${fx.slugs[0]}/`;
      const u = await makeUser(t, 'editor');
      editorName = u.name;
      editor = new Agent(app);
      await editor.login(u.email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });
    const row = (id: number) => t.handle.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('an editor replies: stored approved under the comment, as staff with their name, cached article purged', async () => {
      const parent = await addComment(t.handle.db, postId, { body: 'Is this right?' });
      await app.inject(url);
      expect((await app.inject(url)).headers['x-cache']).toBe('HIT');
      const page = await editor.get(`/admin/comments/${parent}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Reply as staff');
      const res = await editor.post(`/admin/comments/${parent}/reply`, { body: 'Yes, **checked** twice.' }, `/admin/comments/${parent}`);
      expect(res.statusCode).toBe(303);
      const id = Number(/\/admin\/comments\/(\d+)\?done=replied/.exec(String(res.headers.location))?.[1]);
      const r = await row(id);
      expect(r).toMatchObject({ status: 'approved', parent_id: parent, author_name: editorName, depth: 1 });
      expect(r.user_id).not.toBeNull();
      const html = (await app.inject(url)).body;
      expect(html).toContain(`id="comment-${id}"`);
      expect(html).toMatch(new RegExp(`class="comment comment--staff" id="comment-${id}"`));
      expect(html).toContain('<strong>checked</strong>');
      expect(html).toContain('<span class="comment__staff">Staff</span>');
      const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'comment.replied').execute();
      expect(audit).toHaveLength(1);
    });

    it('a reply by one of the article\'s own authors is marked "Author"', async () => {
      const u = await makeUser(t, 'editor');
      const author = await t.handle.db.selectFrom('post_authors').select('author_id').where('post_id', '=', postId).executeTakeFirstOrThrow();
      await t.handle.db.updateTable('authors').set({ user_id: u.id }).where('id', '=', author.author_id).execute();
      // Behind the app's back: what its pages show of that author is purged by hand.
      app.pageCache.purge([tag.author(author.author_id)]);
      const a = new Agent(app);
      await a.login(u.email);
      const parent = await addComment(t.handle.db, postId, { body: 'For the writer' });
      const res = await a.post(`/admin/comments/${parent}/reply`, { body: 'Writer here' }, `/admin/comments/${parent}`);
      const id = Number(/\/admin\/comments\/(\d+)/.exec(String(res.headers.location))?.[1]);
      const html = (await app.inject(url)).body;
      expect(html).toMatch(new RegExp(`id="comment-${id}"[\\s\\S]*?<span class="comment__staff">Author</span>`));
    });

    it('replying to a held comment approves it; spam cannot be replied to', async () => {
      const held = await addComment(t.handle.db, postId, { status: 'pending', body: 'Held question' });
      const res = await editor.post(`/admin/comments/${held}/reply`, { body: 'Answered' }, `/admin/comments/${held}`);
      expect(res.statusCode).toBe(303);
      expect((await row(held)).status).toBe('approved');
      const spam = await addComment(t.handle.db, postId, { status: 'spam', body: 'Buy now' });
      const before = await count();
      const refused = await editor.post(`/admin/comments/${spam}/reply`, { body: 'No' }, `/admin/comments/${spam}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Only approved or pending comments');
      expect(await count()).toBe(before);
    });

    it('an editor edits name and text: re-rendered safely, audit-logged, cached article purged', async () => {
      const id = await addComment(t.handle.db, postId, { body: 'Teh typo', name: 'Ana' });
      await app.inject(url);
      const res = await editor.post(
        `/admin/comments/${id}/edit`,
        { name: 'Ana B.', body: 'The typo, fixed <script>alert(1)</script>' },
        `/admin/comments/${id}`,
      );
      expect(res.statusCode).toBe(303);
      const r = await row(id);
      expect(r.author_name).toBe('Ana B.');
      expect(r.body_html).toContain('&lt;script&gt;');
      const html = (await app.inject(url)).body;
      expect(html).toContain('The typo, fixed');
      expect(html).not.toContain('<script>alert(1)');
      const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'comment.edited').executeTakeFirstOrThrow();
      expect(audit.detail).toContain('Teh typo');
    });

    it('refuses bad input with a 4xx and saves nothing', async () => {
      const id = await addComment(t.handle.db, postId, { body: 'Original', name: 'Kim' });
      const form = `/admin/comments/${id}`;
      expect((await editor.post(`/admin/comments/${id}/edit`, { name: '', body: 'x' }, form)).statusCode).toBe(400);
      expect((await editor.post(`/admin/comments/${id}/edit`, { name: 'Kim', body: '   ' }, form)).statusCode).toBe(400);
      expect((await editor.post(`/admin/comments/${id}/edit`, { name: 'Kim', body: 'x'.repeat(10_001) }, form)).statusCode).toBe(413);
      expect((await editor.post(`/admin/comments/${id}/edit`, { name: "Kim'; DROP TABLE comments;--", body: "1' OR '1'='1" }, form)).statusCode).toBe(303);
      expect((await row(id)).body).toBe("1' OR '1'='1");
      expect((await editor.post(`/admin/comments/${id}/edit`, { body: 'no name field' }, form)).statusCode).toBe(400);
      expect((await editor.post('/admin/comments/999999/edit', { name: 'A', body: 'b' }, form)).statusCode).toBe(404);
      expect((await editor.get('/admin/comments/abc')).statusCode).toBe(404);
      expect((await editor.get('/admin/comments/0')).statusCode).toBe(404);
      const before = await count();
      expect((await editor.post(`/admin/comments/${id}/reply`, { body: '' }, form)).statusCode).toBe(400);
      expect((await editor.post('/admin/comments/99999/reply', { body: 'hi' }, form)).statusCode).toBe(400);
      expect(await count()).toBe(before);
    });

    it('is for editors and owners only, and needs the CSRF token', async () => {
      const id = await addComment(t.handle.db, postId, { body: 'Guarded', name: 'Lee' });
      for (const who of ['author', 'contributor', 'anonymous'] as const) {
        const a = await signedIn(app, t, who);
        const get = await a.get(`/admin/comments/${id}`);
        expect(get.statusCode, who).toBe(who === 'anonymous' ? 303 : 403);
        const post = await a.post(`/admin/comments/${id}/edit`, { name: 'X', body: 'hijacked' }, who === 'anonymous' ? '/admin/login' : '/admin');
        expect([303, 403]).toContain(post.statusCode);
      }
      const owner = await signedIn(app, t, 'owner');
      expect((await owner.get(`/admin/comments/${id}`)).statusCode).toBe(200);
      expect((await editor.postRaw(`/admin/comments/${id}/edit`, { name: 'X', body: 'no token' })).statusCode).toBe(403);
      expect((await row(id)).body).toBe('Guarded');
    });
  });
}
