/**
 * The Akismet-compatible check against a small real HTTP server started here on 127.0.0.1,
 * speaking the protocol (form-encoded POSTs to /1.1/comment-check, submit-spam, submit-ham).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { makeUser } from '../../helpers/admin.js';
import { loadConfig } from '../../../src/config/config.js';
import { saveCommentSettings } from '../../../src/modules/comment/comment-settings.js';
import { commentsApp, idFrom, Reader, type CommentsCtx } from '../../helpers/comments.js';
import { Agent } from '../../helpers/agent.js';

interface Call {
  path: string;
  fields: Record<string, string>;
}

async function startAkismet(): Promise<{ server: http.Server; url: string; calls: Call[]; waitFor: (path: string, n: number) => Promise<Call[]> }> {
  const calls: Call[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      body += d;
    });
    req.on('end', () => {
      const fields = Object.fromEntries(new URLSearchParams(body));
      calls.push({ path: req.url ?? '', fields });
      const content = fields.comment_content ?? '';
      if (fields.api_key !== 'test-key') {
        res.writeHead(200, { 'x-akismet-debug-help': 'invalid api key' }).end('invalid');
      } else if (req.url === '/1.1/comment-check') {
        if (content.includes('slow')) setTimeout(() => res.end('false'), 4000).unref();
        else if (content.includes('crash')) res.writeHead(500).end('oops');
        else res.end(fields.comment_author === 'viagra-test-123' || content.includes('spammy') ? 'true' : 'false');
      } else if (req.url === '/1.1/submit-spam' || req.url === '/1.1/submit-ham') {
        res.end('Thanks for making the web a better place.');
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const waitFor = async (path: string, n: number) => {
    for (let i = 0; i < 300 && calls.filter((c) => c.path === path).length < n; i++) await new Promise((r) => setTimeout(r, 10));
    return calls.filter((c) => c.path === path);
  };
  return { server, url, calls, waitFor };
}

describe('AKISMET_* configuration', () => {
  it('is off by default, needs a sane key and an http(s) URL', () => {
    expect(loadConfig({}).akismet).toBeUndefined();
    expect(loadConfig({ AKISMET_KEY: 'abc123' }).akismet).toEqual({ key: 'abc123', url: 'https://rest.akismet.com' });
    expect(loadConfig({ AKISMET_KEY: 'abc', AKISMET_URL: 'http://127.0.0.1:9/' }).akismet?.url).toBe('http://127.0.0.1:9');
    expect(() => loadConfig({ AKISMET_KEY: 'a b' })).toThrow(/AKISMET_KEY/);
    expect(() => loadConfig({ AKISMET_KEY: 'abc', AKISMET_URL: 'ftp://x' })).toThrow(/AKISMET_URL/);
  });
});

for (const dialect of DIALECTS) {
  describe(`Akismet-compatible spam check (${dialect})`, () => {
    let t: TestDb;
    let c: CommentsCtx;
    let ak: Awaited<ReturnType<typeof startAkismet>>;
    let url: string;
    const row = (id: number) =>
      t.handle.db.selectFrom('comments').select(['status', 'spam_score', 'spam_reasons', 'body']).where('id', '=', id).executeTakeFirstOrThrow();
    beforeAll(async () => {
      t = await freshDb(dialect);
      ak = await startAkismet();
      c = await commentsApp(t, { AKISMET_KEY: 'test-key', AKISMET_URL: ak.url }, 2);
      url = `/${c.fx.slugs[0]}/`;
      await saveCommentSettings(t.handle.db, { moderation: 'auto' });
    });
    afterAll(async () => {
      await c?.app.close();
      await new Promise<void>((r) => (ak ? ak.server.close(() => r()) : r()));
      await t?.cleanup();
    });

    it('a spam verdict adds to the score with a reason; ham passes; the check gets what it needs', async () => {
      const spam = idFrom(await new Reader(c, '203.0.113.30').comment(url, { name: 'viagra-test-123', email: 'x@example.com', body: 'Cheap stuff' }));
      expect(await row(spam)).toMatchObject({ status: 'spam', spam_score: 10 });
      expect((await row(spam)).spam_reasons).toContain('akismet');
      const check = ak.calls.find((x) => x.fields.comment_author === 'viagra-test-123')!;
      expect(check.path).toBe('/1.1/comment-check');
      expect(check.fields).toMatchObject({
        api_key: 'test-key',
        blog: 'https://news.example',
        user_ip: '203.0.113.30',
        comment_type: 'comment',
        comment_content: 'Cheap stuff',
        blog_lang: 'en',
      });
      expect(check.fields.permalink).toBe(`https://news.example${url}`);
      const ham = idFrom(await new Reader(c, '203.0.113.31').comment(url, { body: 'A fair point' }));
      expect(await row(ham)).toMatchObject({ status: 'approved', spam_score: 0, spam_reasons: '' });
    });

    it('a failure or a timeout never blocks posting: stored, reason recorded', async () => {
      const crashed = await new Reader(c, '203.0.113.32').comment(url, { body: 'please crash' });
      expect(crashed.statusCode).toBe(303);
      expect(await row(idFrom(crashed))).toMatchObject({ status: 'approved', spam_reasons: 'akismet-unavailable' });
      const started = Date.now();
      const slow = await new Reader(c, '203.0.113.33').comment(url, { body: 'a slow one' });
      expect(slow.statusCode).toBe(303);
      expect(Date.now() - started).toBeLessThan(3500);
      expect(await row(idFrom(slow))).toMatchObject({ status: 'approved', spam_reasons: 'akismet-unavailable' });
    });

    it("moderators' decisions go back as submit-spam and submit-ham", async () => {
      const e = new Agent(c.app);
      await e.login((await makeUser(t, 'editor')).email);
      const missed = idFrom(await new Reader(c, '203.0.113.34').comment(url, { body: 'Missed spam, buy now' }));
      expect((await e.post('/admin/comments/moderate', { one: `spam:${missed}` }, '/admin/comments')).statusCode).toBe(303);
      const spamReports = await ak.waitFor('/1.1/submit-spam', 1);
      expect(spamReports).toHaveLength(1);
      expect(spamReports[0]!.fields).toMatchObject({ api_key: 'test-key', comment_content: 'Missed spam, buy now' });
      const wrong = idFrom(await new Reader(c, '203.0.113.35').comment(url, { body: 'spammy but real' }));
      expect((await row(wrong)).status).toBe('spam');
      await e.post('/admin/comments/moderate', { one: `approve:${wrong}` }, '/admin/comments?status=spam');
      const hamReports = await ak.waitFor('/1.1/submit-ham', 1);
      expect(hamReports[0]!.fields.comment_content).toBe('spammy but real');
      expect((await row(wrong)).status).toBe('approved');
    });

    it('is off without AKISMET_KEY: nothing is sent', async () => {
      const t2 = await freshDb(dialect);
      const c2 = await commentsApp(t2, { AKISMET_URL: ak.url }, 2);
      try {
        await saveCommentSettings(t2.handle.db, { moderation: 'auto' });
        const before = ak.calls.length;
        const res = await new Reader(c2, '203.0.113.36').comment(`/${c2.fx.slugs[0]}/`, { name: 'viagra-test-123', body: 'Not checked' });
        expect(res.statusCode).toBe(303);
        expect(ak.calls.length).toBe(before);
      } finally {
        await c2.app.close();
        await t2.cleanup();
      }
    });
  });
}
