import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../../helpers/comments.js';

for (const dialect of DIALECTS) {
  describe(`reader comments (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let url: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t);
      url = `/${c.fx.slugs[0]}/`;
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('shows a form that works without JavaScript: POST, 303 to the anchor, comment and count on the page', async () => {
      const r = new Reader(c);
      const page = await r.get(url);
      expect(page.body).toContain('<form class="comment-form" id="respond" method="post" action="/comments/"');
      const res = await r.comment(url, { name: 'Ana', email: 'ana@example.com', body: 'Hello **world**, see https://example.org' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^${url}#comment-\\d+$`));
      const id = idFrom(res);
      const html = (await r.get(url)).body;
      expect(html).toContain(`id="comment-${id}"`);
      expect(html).toContain('<strong>world</strong>');
      expect(html).toContain('rel="nofollow ugc noopener"');
      expect(html).toMatch(/class="comment__body" dir="auto"/);
      expect(html).toContain('1 comment<');
      expect(html).not.toContain('ana@example.com');
      const row = await t.handle.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.status).toBe('approved');
      expect(row.ip_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.ip_hash).not.toContain('203.0.113.7');
    });

    it('renders raw HTML as text, never as markup', async () => {
      const r = new Reader(c, '203.0.113.8');
      const res = await r.comment(url, { name: '<b>x</b>', body: '<script>alert(1)</script> <img src=x onerror=alert(2)> [a](javascript:alert(3))' });
      expect(res.statusCode).toBe(303);
      const html = (await r.get(url)).body;
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('threads replies up to depth 5; deeper replies attach to the depth-5 ancestor', async () => {
      const r = new Reader(c, '203.0.113.9');
      let parent = idFrom(await r.comment(url, { body: 'level 1' }));
      const ids = [parent];
      for (let n = 2; n <= 7; n++) {
        c.clock.advance(5 * 60_000); // stay under the per-IP rate limit
        const res = await r.comment(`${url}?replytocom=${parent}`, { body: `level ${n}` });
        expect(res.statusCode).toBe(303);
        parent = idFrom(res);
        ids.push(parent);
      }
      const rows = await t.handle.db.selectFrom('comments').select(['id', 'depth', 'parent_id', 'path']).where('id', 'in', ids).orderBy('id').execute();
      expect(rows.map((x) => x.depth)).toEqual([0, 1, 2, 3, 4, 4, 4]);
      expect(rows[5]!.parent_id).toBe(ids[3]);
      expect(rows[6]!.parent_id).toBe(ids[3]);
      const html = (await r.get(url)).body;
      // Thread order: level 1 before level 2 … each exactly once.
      const pos = ids.map((id) => html.indexOf(`id="comment-${id}"`));
      expect(pos.every((p) => p > 0)).toBe(true);
      expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    });

    it('a double submit of the same form stores once', async () => {
      const r = new Reader(c, '203.0.113.10');
      const form = await r.form(url);
      c.clock.advance(20_000);
      const fields = { ...form, name: 'Twice', body: 'Clicked twice' };
      const [a, b] = await Promise.all([r.post(fields), r.post(fields)]);
      expect(a.statusCode).toBe(303);
      expect(b.statusCode).toBe(303);
      expect(a.headers.location).toBe(b.headers.location);
      const n = await t.handle.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('body', '=', 'Clicked twice')
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(1);
    });

    it('refuses a foreign Origin, a missing or forged token, oversized and invalid UTF-8 bodies with clear 4xx', async () => {
      const r = new Reader(c, '203.0.113.11');
      const form = await r.form(url);
      c.clock.advance(20_000);
      const ok = { ...form, name: 'N', body: 'text' };
      expect((await r.post(ok, { origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await r.post({ ...ok, token: 'x' })).statusCode).toBe(403);
      expect((await r.post({ ...ok, token: `${form.token!.slice(0, -2)}AA` })).statusCode).toBe(403);
      const long = await r.post({ ...ok, body: 'x'.repeat(10_001) });
      expect(long.statusCode).toBe(413);
      expect(long.body).toContain('at most 10,000 characters');
      const huge = await r.postRaw(`${new URLSearchParams(ok).toString()}&pad=${'x'.repeat(300_000)}`);
      expect(huge.statusCode).toBe(413);
      const bad = await r.postRaw(`${new URLSearchParams(ok).toString().replace('body=text', 'body=%FF%FE')}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('UTF-8');
      expect((await r.post({ ...ok, body: '   ' })).statusCode).toBe(400);
      expect((await r.post({ ...ok, email: 'not-an-email' })).statusCode).toBe(400);
    });

    it('the JSON endpoint lists approved comments with allow-listed fields only', async () => {
      const res = await c.app.inject(`/api/v1/posts/999999/comments`);
      expect(res.statusCode).toBe(404);
      const post = await t.handle.db.selectFrom('posts').select('id').where('slug', '=', c.fx.slugs[0]!).executeTakeFirstOrThrow();
      const api = await c.app.inject(`/api/v1/posts/${post.id}/comments`);
      expect(api.statusCode).toBe(200);
      const body = api.json() as { comments: Record<string, unknown>[] };
      expect(body.comments.length).toBeGreaterThan(5);
      for (const cm of body.comments) expect(Object.keys(cm).sort()).toEqual(['author_name', 'body_html', 'created_at', 'depth', 'id', 'parent_id', 'url']);
      expect(api.body).not.toContain('@example.com');
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`reader comments and the page cache (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, { PAGE_CACHE_MB: '16' }, 2);
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('an auto-approved comment purges the cached article before the redirect; a held one leaves the cache alone', async () => {
      const url = `/${c.fx.slugs[0]}/`;
      await c.app.inject(url);
      expect((await c.app.inject(url)).headers['x-cache']).toBe('HIT');
      const r = new Reader(c);
      const id = idFrom(await r.comment(url, { body: 'Fresh at once' }));
      const anon = await c.app.inject(url);
      expect(anon.body).toContain(`id="comment-${id}"`);
      await c.app.inject(url);
      await saveCommentSettings(t.handle.db, { moderation: 'hold_all' });
      const held = idFrom(await new Reader(c, '203.0.113.99').comment(url, { body: 'Held back' }));
      const again = await c.app.inject(url);
      expect(again.headers['x-cache']).toBe('HIT');
      expect(again.body).not.toContain(`id="comment-${held}"`);
    });
  });
}
