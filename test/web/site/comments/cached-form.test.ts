/**
 * The fill-time check on cached pages: a cached article carries one form token for every reader,
 * marked shared, so a bot that posts the instant it fetched the page is held for moderation (even
 * under "approve everything"), while the form's script asks for a fresh token of the reader's own
 * (GET /comments/form-token), with which the fill time counts again. Pages stay cacheable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCommentSettings } from '../../../../src/modules/comment/comment-settings.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../../helpers/comments.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { fieldValue } from '../../../helpers/form.js';

for (const dialect of DIALECTS) {
  describe(`comment forms on cached pages (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let url: string;
    const row = async (id: number) => t.handle.db.selectFrom('comments').select(['status', 'spam_reasons']).where('id', '=', id).executeTakeFirstOrThrow();
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t, { PAGE_CACHE_MB: '8' }, 2);
      url = `/${c.fx.slugs[0]}/`;
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });

    it('an instant post from a cached page is held; the page stays cached with one shared token', async () => {
      const bot = new Reader(c, '192.0.2.201');
      await bot.get(url);
      const cached = await bot.get(url);
      expect(cached.headers['x-cache']).toBe('HIT');
      const token = fieldValue(cached.body, 'token')!;
      expect(token).toMatch(/^\d+\.\d+s\./);
      // The bot posts at once, no time passing at all.
      const res = await bot.post({ post_id: fieldValue(cached.body, 'post_id')!, token, name: 'Quick Bot', body: 'Posted the instant the page came.' });
      expect(res.statusCode).toBe(303);
      const held = await row(idFrom(res));
      expect(held.status).toBe('pending');
      expect(held.spam_reasons.split(',')).toContain('no-fill-time');
      // A person without JavaScript who took their time is held too: the shared token cannot tell.
      c.clock.advance(60_000);
      const later = await new Reader(c, '192.0.2.202').post({
        post_id: fieldValue(cached.body, 'post_id')!,
        token,
        name: 'Slow Reader',
        body: 'Written slowly, sent without scripts.',
      });
      expect((await row(idFrom(later))).status).toBe('pending');
    });

    it("with the form's script: a fresh token of the reader's own restores the fill-time check", async () => {
      const reader = new Reader(c, '192.0.2.203');
      const page = await reader.get(url);
      const postId = fieldValue(page.body, 'post_id')!;
      const fresh = await c.app.inject({ method: 'GET', url: `/comments/form-token?post=${postId}` });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers['cache-control']).toBe('private, no-store');
      const { token } = fresh.json() as { token: string };
      expect(token).toMatch(/^\d+\.\d+\./);
      // Sent at once: too fast.
      const quick = await reader.post({ post_id: postId, token, name: 'Scripted Bot', body: 'Fetched a token and posted at once.' });
      expect(await row(idFrom(quick))).toMatchObject({ status: 'spam' });
      expect((await row(idFrom(quick))).spam_reasons.split(',')).toContain('too-fast');
      // A person who writes for a while: published at once (auto moderation).
      const second = (await c.app.inject({ method: 'GET', url: `/comments/form-token?post=${postId}` })).json() as { token: string };
      c.clock.advance(30_000);
      const human = await reader.post({ post_id: postId, token: second.token, name: 'Careful Reader', body: 'Took half a minute over this.' });
      expect((await row(idFrom(human))).status).toBe('approved');
      expect((await c.app.inject({ method: 'GET', url: '/comments/form-token?post=abc' })).statusCode).toBe(400);
    });

    it('a returning commenter (cookie, so never the cached page) gets a token of their own', async () => {
      const page = await c.app.inject({ method: 'GET', url, headers: { cookie: 'bs_commenter=1.abc' } });
      expect(page.headers['x-cache']).not.toBe('HIT');
      expect(fieldValue(page.body, 'token')).toMatch(/^\d+\.\d+\./);
    });
  });
}
