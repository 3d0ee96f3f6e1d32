/**
 * One answer per request and nothing a shared cache may keep by mistake: redirects answer once
 * (and log nothing above debug), malformed HTTP is refused, and every response that depends on a
 * cookie, a session or a reply target says `private, no-store` while public pages stay public.
 */
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { addRedirect } from '../../src/modules/redirect/redirect.repository.js';
import { saveCommentSettings } from '../../src/modules/comment/comment-settings.js';
import { TEST_SCRYPT, makeUser } from '../helpers/admin.js';
import { Agent } from '../helpers/agent.js';
import { Clock } from '../helpers/clock.js';
import { Reader, idFrom, type CommentsCtx } from '../helpers/comments.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { buildFixture, type Fixture } from '../helpers/fixture.js';

const PRIVATE = 'private, no-store';

/** Sends raw bytes to the server and returns what came back before it closed (or 1 s passed). */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const timer = setTimeout(() => socket.destroy(), 1000);
    socket.on('data', (b) => {
      data += b.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

for (const dialect of DIALECTS) {
  for (const cache of ['on', 'off'] as const) {
    describe(`HTTP hygiene (${dialect}, page cache ${cache})`, () => {
      let t: TestDb;
      let app: FastifyInstance;
      let fx: Fixture;
      let port: number;
      const clock = new Clock();
      const logged: { level: number; msg: string; status?: number }[] = [];
      beforeAll(async () => {
        t = await freshDb(dialect);
        fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 3, t.handle.dialect.fullText);
        const config = loadConfig({
          DATA_DIR: t.dataDir,
          DEMO: '0',
          SITE_URL: 'https://news.example',
          PAGE_CACHE_MB: cache === 'on' ? '16' : '0',
          FRAGMENT_CACHE_MB: cache === 'on' ? '16' : '0',
        });
        const stream = {
          write(line: string) {
            const o = JSON.parse(line) as { level: number; msg: string; status?: number };
            logged.push({ level: o.level, msg: o.msg, ...(o.status !== undefined ? { status: o.status } : {}) });
          },
        };
        app = await buildApp({ config, handle: t.handle, now: clock.now, logger: { level: 'trace', stream }, admin: { scrypt: TEST_SCRYPT } });
        await saveCommentSettings(t.handle.db, { moderation: 'hold_all' });
        await app.listen({ port: 0, host: '127.0.0.1' });
        port = (app.server.address() as AddressInfo).port;
      });
      afterAll(async () => {
        await app?.close();
        await t?.cleanup();
      });

      it('a stored redirect and a missing trailing slash answer once, with nothing logged above debug but the request lines', async () => {
        await addRedirect(t.handle.db, '/old-story/', `/${fx.slugs[0]}/`, clock.now().toISOString());
        logged.length = 0;
        const stored = await fetch(`http://127.0.0.1:${port}/old-story/?utm=1`, { redirect: 'manual' });
        expect(stored.status).toBe(301);
        expect(stored.headers.get('location')).toBe(`/${fx.slugs[0]}/?utm=1`);
        expect(await stored.text()).toBe('');
        const slash = await fetch(`http://127.0.0.1:${port}/${fx.slugs[0]}`, { redirect: 'manual' });
        expect(slash.status).toBe(301);
        expect(slash.headers.get('location')).toBe(`/${fx.slugs[0]}/`);
        expect(await slash.text()).toBe('');
        // A real 404 still renders the page.
        const missing = await fetch(`http://127.0.0.1:${port}/no-such-story/`);
        expect(missing.status).toBe(404);
        expect(await missing.text()).toContain('<html');
        await new Promise((r) => setTimeout(r, 50));
        // One access line per request (web/request-log), and nothing else: no error, no warning.
        expect(logged.filter((l) => l.msg === 'request').map((l) => l.status)).toEqual([301, 301, 404]);
        expect(logged.filter((l) => l.level > 20 && l.msg !== 'request')).toEqual([]);
      });

      it('refuses HTTP/0.9 and a request with two Host headers with 400', async () => {
        const v09 = await rawRequest(port, 'GET /\r\n\r\n');
        expect(v09).toMatch(/^HTTP\/1\.1 400 /);
        expect(v09).not.toContain('<html');
        const twoHosts = await rawRequest(port, 'GET / HTTP/1.1\r\nHost: news.example\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
        expect(twoHosts).toMatch(/^HTTP\/1\.1 400 /);
        expect(twoHosts).toContain('exactly one Host header');
        // Case and order do not matter; one Host is fine.
        expect(await rawRequest(port, 'GET / HTTP/1.1\r\nhost: a\r\nHOST: b\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
        expect(await rawRequest(port, 'GET / HTTP/1.1\r\nHost: news.example\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
        expect(await rawRequest(port, 'GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
      });

      it('a public page is public, to an anonymous reader, on a miss and on a hit', async () => {
        const url = `/${fx.slugs[1]}/`;
        for (let i = 0; i < 2; i++) {
          const res = await app.inject(url);
          expect(res.statusCode).toBe(200);
          expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
        }
        expect((await app.inject('/')).headers['cache-control']).toMatch(/^public/);
        expect((await app.inject('/feed/')).headers['cache-control']).toMatch(/^public/);
      });

      it('every personalised response is private, no-store: held comments, ?replytocom, signed in, previews, the admin', async () => {
        const url = `/${fx.slugs[0]}/`;
        const postId = (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', fx.slugs[0]!).executeTakeFirstOrThrow()).id;
        const c: CommentsCtx = { app, clock, fx };
        const reader = new Reader(c, '203.0.113.50');
        const held = idFrom(await reader.comment(url, { body: 'Mine, held for moderation' }));
        expect(held).toBeGreaterThan(0);
        const own = await reader.get(url);
        expect(own.body).toContain(`id="comment-${held}"`);
        expect(own.headers['cache-control']).toBe(PRIVATE);
        // Everyone else gets the public page without it.
        const other = await app.inject(url);
        expect(other.body).not.toContain(`id="comment-${held}"`);
        expect(other.headers['cache-control']).toMatch(/^public/);

        const approved = await t.handle.db
          .selectFrom('comments')
          .select('id')
          .where('post_id', '=', postId)
          .where('status', '=', 'approved')
          .executeTakeFirst();
        const replyTo = approved?.id ?? held;
        const reply = await app.inject(`${url}?replytocom=${replyTo}`);
        expect(reply.headers['cache-control'], 'replytocom').toBe(PRIVATE);
        // Not kept by the page cache either: the next anonymous request renders it again.
        expect((await app.inject(`${url}?replytocom=${replyTo}`)).headers['x-cache']).not.toBe('HIT');

        const editor = new Agent(app);
        const u = await makeUser(t, 'editor');
        expect((await editor.login(u.email)).statusCode).toBe(303);
        for (const page of [url, '/', '/admin', '/admin/articles', `/admin/articles/${postId}`]) {
          const res = await editor.get(page);
          expect(res.statusCode, page).toBe(200);
          expect(res.headers['cache-control'], page).toBe(PRIVATE);
        }
        const draft = (await t.handle.db.selectFrom('posts').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow()).id;
        const created = await editor.post(`/admin/articles/${draft}/preview-links`, { days: '1' }, `/admin/articles/${draft}`);
        const preview = /value="https:\/\/news\.example(\/preview\/[^"]+)"/.exec(created.body)?.[1];
        expect(preview).toBeDefined();
        const shown = await app.inject(preview!);
        expect(shown.statusCode).toBe(200);
        expect(shown.headers['cache-control']).toBe(PRIVATE);
        // Redirects and errors are not public either.
        expect((await app.inject('/admin/login')).headers['cache-control']).toBe(PRIVATE);
        expect((await app.inject('/no-such-story/')).headers['cache-control']).toBe(PRIVATE);
      });
    });
  }
}
