/**
 * Article pages assembled from fragments (web/site/article-fragments), with the page cache off:
 * the same bytes as a whole render but for the form token, a fresh token every time, nothing read
 * again but what changed, and every write path seen by the next reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { updateArticle } from '../../../src/modules/article/article.service.js';
import { tag } from '../../../src/modules/content/cache-tags.js';
import { moderate } from '../../../src/modules/comment/comment.service.js';
import { ALL, purgePosts } from '../../../src/web/cache/index.js';
import { saveCommentSettings } from '../../../src/modules/comment/comment-settings.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { testApp } from '../../helpers/app.js';
import { addComment, commentsApp, postIdOf, Reader, type CommentsCtx } from '../../helpers/comments.js';
import { NOW } from '../../helpers/clock.js';
import { fieldValue } from '../../helpers/form.js';

const TOKEN = /name="token" value="[^"]*"/g;
const withoutToken = (html: string): string => html.replace(TOKEN, 'name="token" value=""');

for (const dialect of DIALECTS) {
  describe(`article fragments (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let whole: FastifyInstance;
    const url = (i: number) => `/${c.fx.slugs[i]}/`;
    const get = (u: string) => c.app.inject(u);
    const queriesFor = async (u: string) => {
      t.handle.stats.queries = 0;
      const res = await get(u);
      expect(res.statusCode).toBe(200);
      return t.handle.stats.queries;
    };
    const retitle = async (slug: string, title: string) => {
      const id = await postIdOf(t.handle.db, slug);
      const row = await t.handle.db.selectFrom('posts').select(['slug', 'body_doc', 'primary_category_id']).where('id', '=', id).executeTakeFirstOrThrow();
      await updateArticle(
        t.handle.db,
        id,
        { slug: row.slug, title, body: JSON.parse(row.body_doc), categoryIds: [row.primary_category_id!], status: 'published' },
        NOW,
      );
      return id;
    };

    beforeAll(async () => {
      t = await freshDb(dialect);
      // Counts of queries: the purge-log follower's poll (300 ms on SQLite) would add its own.
      c = await commentsApp(t, { PAGE_CACHE_MB: '0', FRAGMENT_CACHE_MB: '32' }, 6, { purgePollMs: 3_600_000 });
      // The same site rendered whole every time, over the same database.
      whole = await testApp(t, { PAGE_CACHE_MB: '0', FRAGMENT_CACHE_MB: '0' }, c.clock.now);
    });
    afterAll(async () => {
      await whole.close();
      await c.app.close();
      await t.cleanup();
    });

    it('gives the bytes of a whole render, fragment made or reused, with a fresh token each time', async () => {
      const id = await postIdOf(t.handle.db, c.fx.slugs[1]!);
      await addComment(t.handle.db, id, { body: 'First!' });
      const reply = await addComment(t.handle.db, id, {
        body: 'A reply',
        parentId: (await t.handle.db.selectFrom('comments').select('id').where('post_id', '=', id).executeTakeFirstOrThrow()).id,
      });
      expect(reply).toBeGreaterThan(0);
      const expected = (await whole.inject(url(1))).body;
      const made = (await get(url(1))).body;
      const reused = (await get(url(1))).body;
      expect(withoutToken(made)).toBe(withoutToken(expected));
      expect(withoutToken(reused)).toBe(withoutToken(expected));
      expect(made).toContain('First!');
      const tokens = new Set([made, reused, expected].map((h) => fieldValue(h, 'token')));
      expect(tokens.size).toBe(3);
      // Each token is good for posting.
      const r = new Reader(c);
      c.clock.advance(20_000);
      const res = await r.post({ post_id: String(id), token: fieldValue(reused, 'token')!, name: 'Reader', body: "Posted with a reused fragment's token" });
      expect(res.statusCode).toBe(303);
    });

    it('reads nothing once the fragments are made', async () => {
      await get(url(2));
      expect(await queriesFor(url(2))).toBe(0);
      // A whole render reads the article, its tags, authors, images, related list, thread, settings …
      t.handle.stats.queries = 0;
      await whole.inject(url(2));
      expect(t.handle.stats.queries).toBeGreaterThan(5);
    });

    it('a static page is its fragment whole', async () => {
      expect((await get('/about/')).body).toBe((await whole.inject('/about/')).body);
      expect((await get('/about/')).body).not.toContain('id="respond"');
    });

    it('a comment approval re-renders only the thread; the article fragment is kept', async () => {
      const slug = c.fx.slugs[3]!;
      const id = await postIdOf(t.handle.db, slug);
      await get(url(3));
      const held = await addComment(t.handle.db, id, { status: 'pending', body: 'Held for a moment' });
      expect((await get(url(3))).body).not.toContain('Held for a moment');
      await moderate(t.handle.db, [held], 'approved', NOW);
      // What the moderation route purges.
      c.app.pageCache.purge([tag.comments(id)]);
      await c.app.pageCache.flush();
      t.handle.stats.queries = 0;
      const html = (await get(url(3))).body;
      expect(html).toContain('Held for a moment');
      // The thread, not the article's reads.
      expect(t.handle.stats.queries).toBeLessThanOrEqual(2);
      expect(withoutToken(html)).toBe(withoutToken((await whole.inject(url(3))).body));
    });

    it('an edit reaches the next reader, on its page and on the pages whose related lists show it', async () => {
      for (let i = 0; i < 6; i++) await get(url(i));
      const id = await retitle(c.fx.slugs[4]!, 'A headline changed after the fragment was made');
      await purgePosts(c.app.pageCache, t.handle.db, [id]);
      expect((await get(url(4))).body).toContain('A headline changed after the fragment was made');
      for (let i = 0; i < 6; i++) {
        expect(withoutToken((await get(url(i))).body), url(i)).toBe(withoutToken((await whole.inject(url(i))).body));
      }
    });

    it('a purge made by another instance or a CLI command empties fragments too', async () => {
      await get(url(5));
      await retitle(c.fx.slugs[5]!, 'Retitled by someone else');
      expect((await get(url(5))).body).not.toContain('Retitled by someone else');
      c.app.pageCache.applyRemote([tag.post(await postIdOf(t.handle.db, c.fx.slugs[5]!))]);
      expect((await get(url(5))).body).toContain('Retitled by someone else');
      c.app.pageCache.applyRemote('all');
      expect(withoutToken((await get(url(5))).body)).toBe(withoutToken((await whole.inject(url(5))).body));
    });

    it('a reader sees their own held comment, others the shared thread; ?replytocom gets its reply form', async () => {
      const r = new Reader(c, '203.0.113.99');
      const res = await r.comment(url(0), { body: 'My own words, awaiting moderation' });
      expect(res.statusCode).toBe(303);
      const mine = (await r.get(url(0))).body;
      expect(mine).toContain('My own words, awaiting moderation');
      expect((await get(url(0))).body).not.toContain('My own words, awaiting moderation');
      const id = await postIdOf(t.handle.db, c.fx.slugs[0]!);
      const parent = await addComment(t.handle.db, id, { body: 'Answer me', name: 'Asker' });
      c.app.pageCache.purge([tag.comments(id)]);
      const replying = (await get(`${url(0)}?replytocom=${parent}`)).body;
      expect(fieldValue(replying, 'parent_id')).toBe(String(parent));
      expect(replying).toContain('Asker');
      expect(fieldValue((await get(url(0))).body, 'parent_id') ?? '').toBe('');
    });

    it('saved comment settings reach the next form (saving purges everything)', async () => {
      await get(url(1));
      expect((await get(url(1))).body).not.toMatch(/name="email" type="email" maxlength="320" autocomplete="email" required/);
      await saveCommentSettings(t.handle.db, { requireEmail: true, maxLength: 500 });
      try {
        c.app.pageCache.purge([ALL]);
        const html = (await get(url(1))).body;
        expect(html).toMatch(/name="email" type="email" maxlength="320" autocomplete="email" required/);
        expect(html).toContain('maxlength="500"');
      } finally {
        await saveCommentSettings(t.handle.db, { requireEmail: false, maxLength: 10_000 });
        c.app.pageCache.purge([ALL]);
      }
    });

    it('closing comments on an article takes its form away', async () => {
      const slug = c.fx.slugs[2]!;
      const id = await postIdOf(t.handle.db, slug);
      await get(url(2));
      await t.handle.db.updateTable('posts').set({ comment_status: 'closed' }).where('id', '=', id).execute();
      await purgePosts(c.app.pageCache, t.handle.db, [id]);
      const html = (await get(url(2))).body;
      expect(html).toContain('Comments are closed');
      expect(html).not.toContain('id="respond"');
    });

    it('an unpublished article is gone at once', async () => {
      const slug = c.fx.slugs[5]!;
      const id = await postIdOf(t.handle.db, slug);
      await get(url(5));
      await t.handle.db.updateTable('posts').set({ status: 'draft' }).where('id', '=', id).execute();
      await purgePosts(c.app.pageCache, t.handle.db, [id]);
      expect((await get(url(5))).statusCode).toBe(404);
    });
  });
}
