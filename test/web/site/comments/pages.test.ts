import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { threadPage } from '../../../../src/modules/comment/comment.repository.js';
import { addComment, commentsApp, idFrom, postIdOf, Reader, type CommentsCtx } from '../../../helpers/comments.js';

for (const dialect of DIALECTS) {
  describe(`comment pages (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let url: string;
    let postId: number;
    const roots: number[] = [];
    let reply: number;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, { PAGE_CACHE_MB: '16', SURROGATE_KEYS: '1' }, 2);
      url = `/${c.fx.slugs[0]}/`;
      postId = await postIdOf(t.handle.db, c.fx.slugs[0]!);
      await saveCommentSettings(t.handle.db, { moderation: 'auto', perPage: 3 });
      // Seven threads: 3 + 3 + 1 over three pages; a reply in thread 4 (page 2); a trashed thread.
      for (let i = 1; i <= 7; i++) {
        roots.push(await addComment(t.handle.db, postId, { body: `thread ${i}` }));
        if (i === 4) reply = await addComment(t.handle.db, postId, { parentId: roots[3]!, body: 'reply in thread 4' });
        if (i === 2) await addComment(t.handle.db, postId, { status: 'trash', body: 'gone' });
      }
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('splits threads over pages, oldest first, with Older/Newer links (rel prev/next) and the right canonical', async () => {
      const p1 = (await c.app.inject(url)).body;
      expect(p1).toContain('thread 1');
      expect(p1).toContain('thread 3');
      expect(p1).not.toContain('thread 4');
      expect(p1).toContain(`<link rel="canonical" href="https://news.example${url}"`);
      expect(p1).toMatch(new RegExp(`<a class="pagination__link pagination__link--next" href="${url}comment-page-2/#comments" rel="next">Newer comments</a>`));
      expect(p1).not.toContain('rel="prev">Older comments');
      // Counts stay the article's: every approved comment, on every page.
      expect(p1).toContain('8 comments');
      const p2 = await c.app.inject(`${url}comment-page-2/`);
      expect(p2.statusCode).toBe(200);
      expect(p2.body).toContain('thread 4');
      expect(p2.body).toContain('reply in thread 4');
      expect(p2.body).toContain('thread 6');
      expect(p2.body).not.toContain('thread 3<');
      expect(p2.body).toContain('8 comments');
      expect(p2.body).toContain(`<link rel="canonical" href="https://news.example${url}comment-page-2/"`);
      expect(p2.body).toContain(`href="${url}#comments" rel="prev">Older comments</a>`);
      expect(p2.body).toContain(`href="${url}comment-page-3/#comments" rel="next">Newer comments</a>`);
      // No-JS reply links stay on the page they are on.
      expect(p2.body).toContain(`href="${url}comment-page-2/?replytocom=${roots[3]}#respond"`);
      const p3 = (await c.app.inject(`${url}comment-page-3/`)).body;
      expect(p3).toContain('thread 7');
      expect(p3).not.toContain('rel="next">Newer comments');
    });

    it('sorts newest first on a link (?comments=newest), pages and reply links keeping the order', async () => {
      const p1 = (await c.app.inject(url)).body;
      // The order links, the current one marked; no comment yet means none of this.
      expect(p1).toContain(
        `<nav class="comment-order" aria-label="Sort comments"><a class="comment-order__link" href="${url}#comments" aria-current="true" rel="nofollow">Oldest first</a>`,
      );
      expect(p1).toContain(`href="${url}?comments=newest#comments" rel="nofollow">Newest first</a>`);
      const n1 = await c.app.inject(`${url}?comments=newest`);
      expect(n1.statusCode).toBe(200);
      const body = n1.body;
      expect(body.indexOf('thread 7')).toBeGreaterThan(0);
      expect(body.indexOf('thread 7')).toBeLessThan(body.indexOf('thread 5'));
      expect(body).not.toContain('thread 4<');
      expect(body).toContain(`href="${url}?comments=newest#comments" aria-current="true" rel="nofollow">Newest first</a>`);
      // Page 2 newest first holds older threads: the link after this page says so.
      expect(body).toContain(`href="${url}comment-page-2/?comments=newest#comments" rel="next">Older comments</a>`);
      expect(body).toContain(`<link rel="canonical" href="https://news.example${url}"`);
      expect(body).toContain(`href="${url}?comments=newest&amp;replytocom=${roots[6]}#respond"`);
      const n2 = (await c.app.inject(`${url}comment-page-2/?comments=newest`)).body;
      expect(n2).toContain('thread 4');
      expect(n2).toContain('reply in thread 4');
      expect(n2.indexOf('thread 4')).toBeLessThan(n2.indexOf('reply in thread 4'));
      expect(n2).toContain(`href="${url}?comments=newest#comments" rel="prev">Newer comments</a>`);
      // An open article without comments says so, and offers no order.
      const empty = (await c.app.inject(`/${c.fx.slugs[1]}/`)).body;
      expect(empty).toContain('<p class="meta comments-section__none">No comments yet.</p>');
      expect(empty).not.toContain('comment-order');
      // Anything else is the default order.
      expect((await c.app.inject(`${url}?comments=%27%3Bdrop`)).body.indexOf('thread 1')).toBeGreaterThan(0);
    });

    it('answers 404 (never 500) for pages that do not exist, and sends comment-page-1 to the article', async () => {
      for (const bad of [
        'comment-page-4/',
        'comment-page-0/',
        'comment-page-abc/',
        'comment-page-99999999999999999999/',
        'comment-page--1/',
        "comment-page-1'%20OR%201=1/",
        'comment-page-2%3Cscript%3E/',
      ]) {
        const res = await c.app.inject(`${url}${bad}`);
        expect(res.statusCode, bad).toBe(404);
      }
      const one = await c.app.inject(`${url}comment-page-1/`);
      expect(one.statusCode).toBe(301);
      expect(one.headers.location).toBe(url);
      // WordPress' ?cpage=N form answers with the same page's address.
      const cp = await c.app.inject(`${url}?cpage=2`);
      expect(cp.statusCode).toBe(301);
      expect(cp.headers.location).toBe(`${url}comment-page-2/`);
      expect((await c.app.inject(`${url}?cpage=abc`)).statusCode).toBe(404);
      // A static page has no comment pages.
      expect((await c.app.inject('/no-such-article/comment-page-2/')).statusCode).toBe(404);
    });

    it('comment links land on the page that holds the comment', async () => {
      const go = await c.app.inject(`/comments/${reply}/`);
      expect(go.statusCode).toBe(302);
      expect(go.headers.location).toBe(`${url}comment-page-2/#comment-${reply}`);
      expect((await c.app.inject(`/comments/${roots[0]}/`)).headers.location).toBe(`${url}#comment-${roots[0]}`);
      expect((await c.app.inject('/comments/99999999/')).statusCode).toBe(404);
      expect((await c.app.inject('/comments/abc/')).statusCode).toBe(404);
      // The API goes a comment page at a time too.
      const first = (await c.app.inject(`/api/v1/posts/${postId}/comments`)).json() as {
        page: number;
        total_pages: number;
        count: number;
        comments: { id: number; url: string }[];
      };
      expect(first).toMatchObject({ page: 1, total_pages: 3 });
      expect(first.comments.find((x) => x.id === reply)).toBeUndefined();
      const api = (await c.app.inject(`/api/v1/posts/${postId}/comments?page=2`)).json() as { page: number; comments: { id: number; url: string }[] };
      expect(api.comments.find((x) => x.id === reply)?.url).toBe(`${url}comment-page-2/#comment-${reply}`);
      expect((await c.app.inject(`/api/v1/posts/${postId}/comments?page=9`)).statusCode).toBe(404);
      for (const bad of ['0', '-1', 'abc', '1e3', "1'--"])
        expect((await c.app.inject(`/api/v1/posts/${postId}/comments?page=${encodeURIComponent(bad)}`)).statusCode, bad).toBe(400);
      // A new comment goes after thread 7: still page 3; the post redirect says so.
      const r = new Reader(c);
      const res = await r.comment(url, { body: 'thread 8' });
      expect(res.headers.location).toBe(`${url}comment-page-3/#comment-${idFrom(res)}`);
      const tenth = await new Reader(c, '203.0.113.50').comment(url, { body: 'thread 9' });
      const eleventh = await new Reader(c, '203.0.113.51').comment(url, { body: 'thread 10' });
      expect(tenth.headers.location).toContain('comment-page-3/#comment-');
      expect(eleventh.headers.location).toBe(`${url}comment-page-4/#comment-${idFrom(eleventh)}`);
      // A reply on page 1 lands on page 1.
      const re = await new Reader(c, '203.0.113.52').comment(`${url}?replytocom=${roots[0]}`, { body: 'reply on page one', parent_id: String(roots[0]) });
      expect(re.headers.location).toBe(`${url}#comment-${idFrom(re)}`);
    });

    it("caches each page with the article's tags: a new comment purges them all", async () => {
      const p2 = `${url}comment-page-2/`;
      await c.app.inject(p2);
      const hit = await c.app.inject(p2);
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(String(hit.headers['surrogate-key'])).toContain(`post:${postId}`);
      await new Reader(c, '203.0.113.60').comment(`${url}comment-page-2/?replytocom=${roots[4]}`, {
        body: 'late reply on page two',
        parent_id: String(roots[4]),
      });
      const after = await c.app.inject(p2);
      expect(after.headers['x-cache']).not.toBe('HIT');
      expect(after.body).toContain('late reply on page two');
    });
  });
}

/**
 * Long discussions are cut into pages by SQL (totals, the page's first and next thread, the rows
 * between): the same pages, in the same order, with the same totals as reading the whole thread
 * and cutting it in memory — including a reader's held threads and deep replies.
 */
for (const dialect of DIALECTS) {
  describe(`comment pages of a long discussion (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let postId: number;
    const held: number[] = [];
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, {}, 1);
      postId = await postIdOf(t.handle.db, c.fx.slugs[0]!);
      const db = t.handle.db;
      let last = 0;
      for (let i = 1; i <= 23; i++) {
        // A held thread (shown to its author only) before the first approved one, and here and there.
        if (i === 1 || i % 7 === 0) held.push(await addComment(db, postId, { status: 'pending', body: `held ${i}` }));
        if (i % 5 === 0) await addComment(db, postId, { status: 'spam', body: `spam ${i}` });
        last = await addComment(db, postId, { body: `thread ${i}` });
        if (i % 3 === 0) {
          const r = await addComment(db, postId, { parentId: last, body: `reply ${i}` });
          await addComment(db, postId, { parentId: r, body: `deeper ${i}` });
          held.push(await addComment(db, postId, { parentId: r, status: 'pending', body: `held reply ${i}` }));
        }
      }
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it("pages cut in SQL equal pages cut in memory, in both orders, for a stranger and for the held comments' author", async () => {
      for (const order of ['oldest', 'newest'] as const) {
        for (const viewer of [[], held]) {
          for (const perPage of [1, 4, 10, 100]) {
            const whole = await threadPage(t.handle.db, postId, viewer, 1, perPage, order);
            expect(whole.approvedThreads).toBe(23);
            expect(whole.approved).toBe(23 + 7 * 2);
            for (let page = 1; page <= whole.totalPages + 1; page++) {
              const inMemory = await threadPage(t.handle.db, postId, viewer, page, perPage, order);
              const inSql = await threadPage(t.handle.db, postId, viewer, page, perPage, order, 0);
              expect(inSql, `${order} viewer ${viewer.length} perPage ${perPage} page ${page}`).toEqual(inMemory);
            }
          }
        }
      }
    });

    it('newest first reverses the threads, not the replies, and every comment is on exactly one page', async () => {
      const all = async (order: 'oldest' | 'newest') => {
        const first = await threadPage(t.handle.db, postId, held, 1, 4, order);
        const out = [...first.comments];
        for (let page = 2; page <= first.totalPages; page++) out.push(...(await threadPage(t.handle.db, postId, held, page, 4, order, 0)).comments);
        return out;
      };
      const oldest = await all('oldest');
      const newest = await all('newest');
      expect(newest.map((c) => c.id).sort()).toEqual(oldest.map((c) => c.id).sort());
      const roots = (list: typeof oldest) => list.filter((c) => c.depth === 0).map((c) => c.id);
      expect(roots(newest)).toEqual(roots(oldest).reverse());
      expect(newest[0]!.bodyHtml).toContain('thread 23');
      // Within a thread the conversation still reads down.
      const thread21 = newest.filter((c) => c.rootId === newest.find((x) => x.bodyHtml.includes('thread 21'))!.rootId).map((c) => c.bodyHtml);
      expect(thread21.map((h) => h.replace(/<[^>]+>/g, '').trim())).toEqual(['thread 21', 'reply 21', 'deeper 21', 'held reply 21']);
    });
  });
}
