/**
 * WordPress' comment feeds at its addresses: /comments/feed/ (the site's newest approved comments)
 * and /{slug}/feed/ (one article's), in RSS, Atom and JSON; held comments and unpublished articles
 * never appear; a comment approved later purges the cached feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { moderateComments } from '../../../src/modules/comment/comment.service.js';
import { cliActor } from '../../../src/modules/user/user.js';
import { addComment, commentsApp, type CommentsCtx } from '../../helpers/comments.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { NOW } from '../../helpers/clock.js';

const HOSTILE_NAME = `O'Neil ]]> <b>& co</b>`;

for (const dialect of DIALECTS) {
  describe(`comment feeds (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let held: number;
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, { PAGE_CACHE_MB: '1' }, 3);
      const [first, second, third] = await Promise.all(
        c.fx.slugs.slice(0, 3).map((slug) => t.handle.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()),
      );
      await addComment(t.handle.db, first!.id, { body: 'Well reported.', name: 'Ada' });
      await addComment(t.handle.db, second!.id, { body: 'I disagree with the second point.', name: HOSTILE_NAME });
      held = await addComment(t.handle.db, first!.id, { body: 'Held for moderation.', status: 'pending' });
      await addComment(t.handle.db, third!.id, { body: 'Spam here.', status: 'spam' });
      await t.handle.db.updateTable('posts').set({ status: 'draft' }).where('id', '=', third!.id).execute();
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('/comments/feed/ lists the approved comments with their article and commenter, well-formed in every format', async () => {
      const rss = await c.app.inject('/comments/feed/');
      expect(rss.statusCode).toBe(200);
      expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(XMLValidator.validate(rss.body)).toBe(true);
      expect(rss.body.match(/<item>/g)).toHaveLength(2);
      expect(rss.body).toContain('Well reported.');
      expect(rss.body).toContain('I disagree with the second point.');
      expect(rss.body).not.toContain('Held for moderation.');
      expect(rss.body).not.toContain('Spam here.');
      expect(rss.body).toMatch(/<link>https:\/\/news\.example\/comments\/\d+\/<\/link>/);
      expect(rss.body).not.toContain('<b>& co</b>');
      const atom = await c.app.inject('/comments/feed/atom/');
      expect(XMLValidator.validate(atom.body)).toBe(true);
      const json = JSON.parse((await c.app.inject('/comments/feed/json/')).body) as { title: string; items: { title: string }[] };
      expect(json.title).toMatch(/^Comments on /);
      expect(json.items.map((i) => i.title)).toContain(`Comment on ${await titleOf(c.fx.slugs[1]!)} by ${HOSTILE_NAME}`);
    });

    it('/{slug}/feed/ is one article’s comments; an unknown or unpublished article’s is a 404', async () => {
      const one = await c.app.inject(`/${c.fx.slugs[0]}/feed/`);
      expect(one.statusCode).toBe(200);
      expect(one.body.match(/<item>/g)).toHaveLength(1);
      expect(one.body).toContain('Well reported.');
      expect(one.body).toContain(`<title>Comments on ${await titleOf(c.fx.slugs[0]!)}</title>`);
      expect((await c.app.inject('/no-such-story/feed/')).statusCode).toBe(404);
      expect((await c.app.inject(`/${c.fx.slugs[2]}/feed/`)).statusCode).toBe(404);
    });

    it('a comment approved later is in the feed at once, though the feed was cached', async () => {
      expect((await c.app.inject('/comments/feed/')).headers['x-cache']).toBe('HIT');
      const r = await moderateComments(t.handle.db, [held], 'approve', cliActor, NOW);
      c.app.pageCache.purge(r.purge);
      const after = await c.app.inject('/comments/feed/');
      expect(after.body).toContain('Held for moderation.');
    });

    async function titleOf(slug: string): Promise<string> {
      return (await t.handle.db.selectFrom('posts').select('title').where('slug', '=', slug).executeTakeFirstOrThrow()).title;
    }
  });
}
