/**
 * Comment notifications through a real SMTP server (smtp-server) started inside the test.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { unsubscribeUrl } from '../../../src/modules/comment/notify.js';
import { loadOrCreateSecret } from '../../../src/modules/user/secret.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture } from '../../helpers/fixture.js';
import { makeUser } from '../../helpers/admin.js';
import { saveCommentSettings } from '../../../src/modules/comment/comment-settings.js';
import { idFrom, Reader, type CommentsCtx } from '../../helpers/comments.js';
import { Agent } from '../../helpers/agent.js';
import { Clock } from '../../helpers/clock.js';

interface Mail {
  to: string[];
  data: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: Mail[]; waitFor: (n: number) => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => {
        data += d;
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  // Wait on the condition, not a duration.
  const waitFor = async (n: number) => {
    for (let i = 0; i < 500 && mails.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    if (mails.length < n) throw new Error(`expected ${n} mails, got ${mails.length}`);
  };
  return { server, port, mails, waitFor };
}

/** Quoted-printable soft breaks and escapes undone, enough to search the text. */
const plain = (data: string): string => data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

for (const dialect of DIALECTS) {
  describe(`comment notifications by SMTP (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let url: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      smtp = await startSmtp();
      const fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 2);
      const clock = new Clock();
      const { buildApp } = await import('../../../src/app.js');
      const { loadConfig } = await import('../../../src/config/config.js');
      const config = loadConfig({ DATA_DIR: t.dataDir, DEMO: '0', SITE_URL: 'https://news.example', PAGE_CACHE_MB: '0' });
      c = {
        app: await buildApp({ config, handle: t.handle, now: clock.now, logger: false, smtpUrl: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true` }),
        clock,
        fx,
      };
      url = `/${fx.slugs[0]}/`;
      // Ana Berg (an author of every fixture article on this slug) has an account.
      const user = await makeUser(t, 'author', 'ana.berg@example.com');
      await t.handle.db.updateTable('authors').set({ user_id: user.id }).where('slug', '=', 'ana-berg').execute();
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
    });
    afterAll(async () => {
      await c?.app.close();
      await new Promise<void>((r) => (smtp ? smtp.server.close(() => r()) : r()));
      await t?.cleanup();
    });

    it("emails the article's author on a new comment, and an opted-in commenter on a reply, with a working unsubscribe link", async () => {
      const post = await t.handle.db
        .selectFrom('posts')
        .innerJoin('post_authors', 'post_authors.post_id', 'posts.id')
        .innerJoin('authors', 'authors.id', 'post_authors.author_id')
        .select('posts.slug')
        .where('authors.slug', '=', 'ana-berg')
        .where('posts.type', '=', 'post')
        .executeTakeFirstOrThrow();
      url = `/${post.slug}/`;
      const first = new Reader(c, '203.0.113.50');
      const parent = idFrom(await first.comment(url, { name: 'Lena', email: 'lena@example.com', body: 'Great piece', notify: '1' }));
      await smtp.waitFor(1);
      expect(smtp.mails[0]!.to).toEqual(['ana.berg@example.com']);
      expect(plain(smtp.mails[0]!.data)).toContain('Great piece');

      const second = new Reader(c, '203.0.113.51');
      await second.comment(`${url}?replytocom=${parent}`, { name: 'Omar', email: 'omar@example.com', body: 'I disagree' });
      await smtp.waitFor(3);
      const toLena = smtp.mails.find((m) => m.to.includes('lena@example.com'));
      expect(toLena).toBeDefined();
      const text = plain(toLena!.data);
      expect(text).toContain('I disagree');
      // The link the mail must hold, from the site's own secret; the mail's text is compared with it whole.
      const expected = unsubscribeUrl('https://news.example', await loadOrCreateSecret(t.handle.db, 'secret.cookie'), parent);
      expect(text.replace(/\s+/g, ''), 'the reply mail holds the unsubscribe link').toContain(expected);
      const unsub = expected.replace('https://news.example', '');
      const page = await c.app.inject(unsub);
      expect(page.statusCode, page.body).toBe(200);
      expect((await c.app.inject({ method: 'POST', url: unsub! })).statusCode).toBe(200);
      const row = await t.handle.db.selectFrom('comments').select('notify_replies').where('id', '=', parent).executeTakeFirstOrThrow();
      expect(row.notify_replies).toBe(0);
      expect((await c.app.inject(unsub!.replace(/t=[\w-]+/, 't=forged'))).statusCode).toBe(404);
    });

    it('a held reply emails the opted-in parent commenter when it is approved, exactly once', async () => {
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
      const start = smtp.mails.length;
      const parent = idFrom(await new Reader(c, '203.0.113.60').comment(url, { name: 'Mira', email: 'mira@example.com', body: 'Opted in', notify: '1' }));
      await saveCommentSettings(t.handle.db, { moderation: 'hold_all' });
      const held = idFrom(
        await new Reader(c, '203.0.113.61').comment(`${url}?replytocom=${parent}`, { name: 'Noor', email: 'noor@example.com', body: 'Held reply' }),
      );
      const toMira = () => smtp.mails.filter((m) => m.to.includes('mira@example.com'));
      // The authors hear of both comments; Mira hears nothing while the reply is held.
      await smtp.waitFor(start + 2);
      const n = smtp.mails.length;
      expect(toMira()).toHaveLength(0);
      const editor = await makeUser(t, 'editor');
      const e = new Agent(c.app);
      await e.login(editor.email);
      expect((await e.post('/admin/comments/moderate', { one: `approve:${held}` }, '/admin/comments')).statusCode).toBe(303);
      await smtp.waitFor(n + 1);
      expect(toMira()).toHaveLength(1);
      expect(plain(toMira()[0]!.data)).toContain('Held reply');
      expect(plain(toMira()[0]!.data)).toContain(`#comment-${held}`);
      // Unapproved and approved again, and a bulk approval: still one email.
      await e.post('/admin/comments/moderate', { one: `unapprove:${held}` }, '/admin/comments');
      await e.post('/admin/comments/moderate', { action: 'approve', ids: [String(held)], bulk: '1' }, '/admin/comments');
      await new Promise((r) => setTimeout(r, 300));
      expect(toMira()).toHaveLength(1);
      expect((await t.handle.db.selectFrom('comments').select('reply_notified').where('id', '=', held).executeTakeFirstOrThrow()).reply_notified).toBe(1);
    });
  });
}
