import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { addRule } from '../../../src/modules/comment/comment.repository.js';
import { saveCommentSettings } from '../../../src/modules/comment/comment-settings.js';
import { hashIp } from '../../../src/modules/comment/ip-hash.js';
import { loadIpKeys } from '../../../src/modules/comment/ip-keys.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../helpers/comments.js';

for (const dialect of DIALECTS) {
  describe(`comment spam defence and moderation policy (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let url: string;
    let n = 0;
    const row = (id: number) => t.handle.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    beforeAll(async () => {
      t = await freshDb(dialect);
      c = await commentsApp(t);
      url = `/${c.fx.slugs[0]}/`;
    });
    beforeEach(async () => {
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
      // A fresh window for the rate limits.
      c.clock.advance(60 * 60_000);
    });
    afterAll(async () => {
      await c?.app.close();
      await t?.cleanup();
    });
    const reader = () => new Reader(c, `198.51.100.${++n}`);

    it('a held comment is shown to its author (signed cookie) as awaiting moderation, and to nobody else', async () => {
      await saveCommentSettings(t.handle.db, { moderation: 'hold_all' });
      const r = reader();
      const id = idFrom(await r.comment(url, { body: 'Held for now' }));
      expect((await row(id)).status).toBe('pending');
      expect(r.cookies.get('bs_commenter')).toBeDefined();
      const mine = (await r.get(url)).body;
      expect(mine).toContain(`id="comment-${id}"`);
      expect(mine).toContain('awaiting moderation');
      const other = (await reader().get(url)).body;
      expect(other).not.toContain(`id="comment-${id}"`);
      // A forged cookie shows nothing.
      const forger = reader();
      forger.cookies.set('bs_commenter', String(id));
      expect((await forger.get(url)).body).not.toContain(`id="comment-${id}"`);
    });

    it('hold first-time commenters: the first is held, once one is approved the next goes straight up', async () => {
      await saveCommentSettings(t.handle.db, { moderation: 'hold_first' });
      const r = reader();
      const first = idFrom(await r.comment(url, { email: 'first@example.com', body: 'My first comment' }));
      expect((await row(first)).status).toBe('pending');
      await t.handle.db.updateTable('comments').set({ status: 'approved' }).where('id', '=', first).execute();
      const second = idFrom(await r.comment(url, { email: 'first@example.com', body: 'My second comment' }));
      expect((await row(second)).status).toBe('approved');
    });

    it('scores spam signals with reasons: honeypot, too fast, links, duplicate, rate limits', async () => {
      const hp = idFrom(await reader().comment(url, { body: 'I am a bot', website: 'http://spam.example' }));
      expect(await row(hp)).toMatchObject({ status: 'spam', spam_score: 10, spam_reasons: 'honeypot' });

      const quick = reader();
      const form = await quick.form(url);
      const fast = idFrom(await quick.post({ ...form, name: 'Speedy', body: 'Typed in no time' }));
      expect(await row(fast)).toMatchObject({ status: 'spam', spam_reasons: 'too-fast' });

      const links = idFrom(await reader().comment(url, { body: 'http://a.example http://b.example http://c.example' }));
      expect((await row(links)).spam_reasons).toBe('links');
      expect((await row(links)).status).toBe('approved');

      const a = idFrom(await reader().comment(url, { body: 'Same words everywhere' }));
      const dup = idFrom(await reader().comment(url, { body: 'Same words everywhere' }));
      expect((await row(a)).status).toBe('approved');
      expect(await row(dup)).toMatchObject({ status: 'spam', spam_reasons: 'duplicate' });
      // Found by its first 64 characters, then compared whole: a long text that only starts the same
      // is no duplicate; the same long text in Persian (more bytes than characters) is.
      const opening = 'در این گزارش نکته‌ای هست که باید گفت: '.repeat(3);
      const long = idFrom(await reader().comment(url, { body: `${opening}نخست` }));
      const other = idFrom(await reader().comment(url, { body: `${opening}دوم` }));
      const again = idFrom(await reader().comment(url, { body: `${opening}نخست` }));
      expect([(await row(long)).status, (await row(other)).status]).toEqual(['approved', 'approved']);
      expect(await row(again)).toMatchObject({ status: 'spam', spam_reasons: 'duplicate' });

      const flood = reader();
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) ids.push(idFrom(await flood.comment(url, { email: 'flood@example.com', body: `Flood ${i}` })));
      expect((await row(ids[4]!)).status).toBe('approved');
      expect(await row(ids[5]!)).toMatchObject({ status: 'spam', spam_reasons: 'rate-ip,rate-email' });
    });

    it('block lists mark spam; allow lists approve even under hold-everything', async () => {
      const key = (await loadIpKeys(t.handle.db, { retentionDays: 90, now: new Date() })).current;
      const now = new Date().toISOString();
      await addRule(t.handle.db, 'word', 'block', 'casino', now);
      await addRule(t.handle.db, 'email', 'block', 'bad@example.com', now);
      await addRule(t.handle.db, 'ip_hash', 'block', hashIp(key, '192.0.2.66'), now);
      await addRule(t.handle.db, 'email', 'allow', 'trusted@example.com', now);
      const w = idFrom(await reader().comment(url, { body: 'Visit my CASINO now' }));
      expect(await row(w)).toMatchObject({ status: 'spam', spam_reasons: 'blocked-word' });
      const e = idFrom(await reader().comment(url, { email: 'Bad@Example.com', body: 'Hi there' }));
      expect(await row(e)).toMatchObject({ status: 'spam', spam_reasons: 'blocked-email' });
      const ip = idFrom(await new Reader(c, '192.0.2.66').comment(url, { body: 'From a blocked address' }));
      expect(await row(ip)).toMatchObject({ status: 'spam', spam_reasons: 'blocked-ip' });
      await saveCommentSettings(t.handle.db, { moderation: 'hold_all' });
      const ok = idFrom(await reader().comment(url, { email: 'trusted@example.com', body: 'Trusted voice' }));
      expect(await row(ok)).toMatchObject({ status: 'approved', spam_score: 0, spam_reasons: 'allow-listed' });
    });

    it('closed per article, and automatically after N days', async () => {
      const slug = c.fx.slugs[1]!;
      const r = reader();
      const form = await r.form(`/${slug}/`);
      await t.handle.db.updateTable('posts').set({ comment_status: 'closed' }).where('slug', '=', slug).execute();
      c.clock.advance(20_000);
      const res = await r.post({ ...form, name: 'Late', body: 'Too late' });
      expect(res.statusCode).toBe(403);
      const page = (await r.get(`/${slug}/`)).body;
      expect(page).toContain('Comments are closed');
      expect(page).not.toContain('id="respond"');
      await t.handle.db.updateTable('posts').set({ comment_status: 'open' }).where('slug', '=', slug).execute();
      await saveCommentSettings(t.handle.db, { closeAfterDays: 1 });
      c.clock.advance(2 * 86_400_000);
      try {
        expect((await r.get(`/${slug}/`)).body).toContain('Comments are closed');
        const f2 = { ...form, name: 'Late', body: 'Still too late' };
        expect((await r.post(f2)).statusCode).toBe(403);
      } finally {
        await saveCommentSettings(t.handle.db, { closeAfterDays: 0 });
      }
    });
  });
}
