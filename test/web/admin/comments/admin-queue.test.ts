import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import type { CommentStatus } from '../../../../src/db/schema.js';
import { insertComment } from '../../../helpers/comments.js';
import { Agent } from '../../../helpers/agent.js';

for (const dialect of DIALECTS) {
  describe(`admin moderation queue (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    let postId: number;
    const add = (status: CommentStatus, body: string, email = 'reader@example.com', ip = 'a'.repeat(64), name = 'Reader') =>
      insertComment(t.handle.db, { postId, body, status, email, ipHash: ip, name });
    const statusOf = async (id: number) => (await t.handle.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 2);
      // The page cache on: approving must purge the article's cached page.
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      postId = (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', fx.slugs[0]!).executeTakeFirstOrThrow()).id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('is for moderators only', async () => {
      const author = await makeUser(t, 'author');
      const a = new Agent(app);
      await a.login(author.email);
      expect((await a.get('/admin/comments')).statusCode).toBe(403);
      const anon = new Agent(app);
      expect((await anon.get('/admin/comments')).statusCode).toBe(303);
    });

    it('lists pending comments, approves one (purging the cached article), bulk-marks spam, filters', async () => {
      const editor = await makeUser(t, 'editor');
      const e = new Agent(app);
      await e.login(editor.email);
      const held = await add('pending', 'Please approve me');
      const s1 = await add('pending', 'Buy pills', 'spammer@example.com', 'b'.repeat(64));
      const s2 = await add('pending', 'Buy more pills', 'spammer@example.com', 'b'.repeat(64));

      const dash = await e.get('/admin');
      expect(dash.body).toContain('href="/admin/comments"');
      expect(dash.body).toContain('3 pending');

      const list = await e.get('/admin/comments');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Please approve me');
      expect(list.body).toMatch(
        /<a class="tabs__tab" href="[^"]*status=pending[^"]*" aria-current="page" data-status="pending">Pending <span class="tabs__count">3<\/span>/,
      );

      // A reader's view is cached before the approval…
      const url = `/${fx.slugs[0]}/`;
      expect((await app.inject(url)).body).not.toContain('Please approve me');
      const res = await e.post('/admin/comments/moderate', { one: `approve:${held}`, back: '/admin/comments?status=pending' }, '/admin/comments');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/comments?status=pending&done=1');
      expect(await statusOf(held)).toBe('approved');
      // …and fresh right after it.
      expect((await app.inject(url)).body).toContain('Please approve me');

      const filtered = await e.get('/admin/comments?status=pending&email=spammer%40example.com');
      expect(filtered.body).toContain('Buy pills');
      expect(filtered.body).not.toContain('Please approve me');
      const byIp = await e.get(`/admin/comments?status=pending&ip=${'b'.repeat(64)}`);
      expect(byIp.body).toContain('Buy more pills');
      expect((await e.get(`/admin/comments?status=pending&post=${postId}`)).body).toContain('Buy pills');
      // By part of the name, any case, with LIKE's metacharacters taken literally.
      await add('pending', 'From the percent club', 'pc@example.com', 'c'.repeat(64), '100%_Näher');
      const byName = await e.get('/admin/comments?status=pending&author=100%25_n');
      expect(byName.body).toContain('From the percent club');
      expect(byName.body).not.toContain('Buy pills');
      expect((await e.get('/admin/comments?status=pending&author=1000')).body).not.toContain('From the percent club');
      expect((await e.get('/admin/comments?status=pending&author=%25')).body).not.toContain('Buy pills');
      expect((await e.get(`/admin/comments?status=pending&author=${encodeURIComponent("' OR 1=1 --")}`)).statusCode).toBe(200);
      // Ids beyond the integer columns' range are "not found" or refused, never a database error.
      for (const url of ['/admin/comments/9999999999', '/admin/comments/2147483648']) expect((await e.get(url)).statusCode, url).toBe(404);
      expect((await e.post('/admin/comments/9999999999/reply', { body: 'Hello' }, '/admin/comments')).statusCode).toBe(404);
      expect((await e.post('/admin/comments/moderate', { action: 'spam', ids: ['9999999999'], bulk: '1' }, '/admin/comments')).statusCode).toBe(400);
      expect((await e.post('/admin/comments/moderate', { one: 'approve:9999999999' }, '/admin/comments')).statusCode).toBe(400);
      expect((await e.get('/admin/comments?status=pending&post=9999999999')).statusCode).toBe(400);
      expect((await e.post('/admin/comments/rules/remove', { id: '9999999999' }, '/admin/comments/rules')).statusCode).toBe(400);

      const bulk = await e.post('/admin/comments/moderate', { action: 'spam', ids: [String(s1), String(s2)], bulk: '1' }, '/admin/comments');
      expect(bulk.statusCode).toBe(303);
      expect(await statusOf(s1)).toBe('spam');
      expect(await statusOf(s2)).toBe('spam');
      expect((await e.get('/admin/comments?status=spam')).body).toContain('Spam <span class="tabs__count">2</span>');

      await e.post('/admin/comments/moderate', { one: `trash:${held}` }, '/admin/comments');
      expect(await statusOf(held)).toBe('trash');
      expect((await app.inject(url)).body).not.toContain('Please approve me');
      // Every verdict that changed a status is in the audit log, with the moderator and the change.
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['target_id', 'detail', 'actor_id'])
        .where('action', '=', 'comment.moderated')
        .orderBy('id')
        .execute();
      expect(audit.map((r) => [r.target_id, r.detail])).toEqual(
        expect.arrayContaining([
          [s1, expect.stringMatching(/→ spam$/)],
          [s2, expect.stringMatching(/→ spam$/)],
          [held, 'approved → trash'],
        ]),
      );
      expect(audit.every((r) => r.actor_id !== null)).toBe(true);
    });

    it('refuses a POST without a CSRF token and unknown actions', async () => {
      const editor = await makeUser(t, 'editor');
      const e = new Agent(app);
      await e.login(editor.email);
      const id = await add('pending', 'CSRF target');
      expect((await e.postRaw('/admin/comments/moderate', { one: `approve:${id}` })).statusCode).toBe(403);
      expect(await statusOf(id)).toBe('pending');
      expect((await e.post('/admin/comments/moderate', { one: `explode:${id}` }, '/admin/comments')).statusCode).toBe(400);
      expect((await e.get('/admin/comments?status=nope')).statusCode).toBe(400);
    });
  });
}
