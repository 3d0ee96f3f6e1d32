/**
 * GET /admin/embeds/lookup?url=: the editor's social post from a link, through the app, against
 * the networks' stand-in on 127.0.0.1 (test/modules/embed/networks-server.ts) named in the
 * environment (EMBED_OEMBED_X, EMBED_OEMBED_BLUESKY, EMBED_TIMEOUT_MS, EMBED_ALLOW_PRIVATE). For
 * whoever writes articles: 200 with the card and its source; a bad link, a private address 400,
 * a network that fails 502 or is too slow 504, always `{ error, code }` JSON and never a 500;
 * signed out, sent to log in.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { startNetworks, X_CARD, type NetworksServer } from '../../../modules/embed/networks-server.js';

let net: NetworksServer;
beforeAll(async () => {
  net = await startNetworks();
});
afterAll(() => net?.close());

const lookup = (u: string) => `/admin/embeds/lookup?url=${encodeURIComponent(u)}`;

for (const dialect of DIALECTS) {
  describe(`social post lookup (${dialect})`, () => {
    let t: TestDb;
    let closed: TestDb;
    let app: FastifyInstance;
    /** The production setting: private addresses refused. */
    let guarded: FastifyInstance;
    beforeAll(async () => {
      t = await freshDb(dialect);
      closed = await freshDb(dialect);
      const env = { EMBED_OEMBED_X: `${net.origin}/x/oembed?omit_script=1`, EMBED_OEMBED_BLUESKY: `${net.origin}/bsky/oembed`, EMBED_TIMEOUT_MS: '2000' };
      app = await adminApp(t, { env: { ...env, EMBED_ALLOW_PRIVATE: '1' } });
      guarded = await adminApp(closed, { env: { ...env, EMBED_OEMBED_X: `${net.origin}/redirect-private/oembed` } });
    });
    afterAll(async () => {
      await app?.close();
      await guarded?.close();
      await t?.cleanup();
      await closed?.cleanup();
    });

    it('answers the card and its source: X by oEmbed, Mastodon by OpenGraph', async () => {
      const a = await signedIn(app, t, 'contributor');
      const x = await a.get(lookup('https://x.com/velmarferries/status/1790000000000000001'));
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toMatch(/^application\/json/);
      expect(x.headers['cache-control']).toMatch(/no-store/);
      expect(x.json()).toEqual({
        card: X_CARD,
        source: 'oembed',
      });
      const m = await a.get(lookup(`${net.origin}/@ana/111222333`));
      expect(m.statusCode).toBe(200);
      expect(m.json()).toEqual({
        card: {
          url: `${net.origin}/@ana/111222333`,
          network: 'Mastodon',
          author: 'Ana Lima',
          handle: '@ana@mastodon.example',
          text: 'Harbour reopens at 6.\nBring your own coffee ☕ — #Velmar',
          date: '2024-03-03T08:15:00.000Z',
        },
        source: 'opengraph',
      });
      const b = await a.get(lookup('https://bsky.app/profile/lenapark.bsky.social/post/3kxyz'));
      expect(b.json()).toMatchObject({ card: { network: 'Bluesky', author: 'Lena Park', handle: '@lenapark.bsky.social' }, source: 'oembed' });
    });

    it('hostile words arrive as plain text', async () => {
      const a = await signedIn(app, t, 'author');
      const res = await a.get(lookup(`${net.origin}/@hostile/666`));
      expect(res.statusCode).toBe(200);
      expect(res.json().card.text).toBe(`Hello world\n\n'; DROP TABLE posts; -- " OR 1=1`);
      expect(res.body).not.toMatch(/<script|onerror|alert/i);
    });

    it('a bad link or a private address is a 400 with a message and a code', async () => {
      const a = await signedIn(app, t, 'contributor');
      for (const [path, code] of [
        ['/admin/embeds/lookup', 'EMBED_URL_INVALID'],
        ['/admin/embeds/lookup?url=', 'EMBED_URL_INVALID'],
        [lookup('ftp://x.com/a/status/1'), 'EMBED_URL_INVALID'],
        [lookup(`https://x.com/a/status/1?${'q'.repeat(2001)}`), 'EMBED_URL_INVALID'],
        [`${lookup('https://x.com/a/status/1')}&url=${encodeURIComponent('https://x.com/b/status/2')}`, 'EMBED_URL_INVALID'],
        [lookup('https://news.example/story/'), 'EMBED_UNSUPPORTED'],
      ] as const) {
        const res = await a.get(path);
        expect(res.statusCode, path.slice(0, 80)).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        const body = res.json();
        expect(body.error.code, path.slice(0, 80)).toBe(code);
        expect(typeof body.error.message).toBe('string');
        expect(body.error.message.length).toBeGreaterThan(10);
      }
      net.reset();
      const g = await signedIn(guarded, closed, 'contributor');
      const direct = await g.get(lookup(`${net.origin}/@ana/111222333`));
      expect(direct.statusCode).toBe(400);
      expect(direct.json()).toEqual({
        error: { code: 'EMBED_PRIVATE_ADDRESS', message: expect.stringMatching(/127\.0\.0\.1 is a private, loopback or link-local address/) },
      });
      const redirected = await g.get(lookup('https://x.com/velmarferries/status/1'));
      expect(redirected.statusCode).toBe(400);
      expect(redirected.json().error.code).toBe('EMBED_PRIVATE_ADDRESS');
      expect(net.hits.get('/@ana/111222333')).toBeUndefined();
      expect(net.hits.get('/redirect-private/oembed')).toBe(1);
      expect(net.hits.get('/x/oembed')).toBeUndefined();
    });

    it('a network that fails is a 502 or 504 with a message, a missing post a 404, an answer without a post a 422: never a 500', async () => {
      const slowApp = await adminApp(t, {
        env: {
          EMBED_OEMBED_X: `${net.origin}/slow/oembed`,
          EMBED_OEMBED_BLUESKY: `${net.origin}/huge/oembed`,
          EMBED_TIMEOUT_MS: '300',
          EMBED_ALLOW_PRIVATE: '1',
        },
      });
      try {
        const a = await signedIn(slowApp, t, 'contributor');
        const slow = await a.get(lookup('https://x.com/a/status/1'));
        expect(slow.statusCode).toBe(504);
        expect(slow.json()).toEqual({ error: { code: 'EMBED_TIMEOUT', message: expect.stringMatching(/did not answer within 0\.3 s/) } });
        const huge = await a.get(lookup('https://bsky.app/profile/a.bsky.social/post/3k'));
        expect(huge.statusCode).toBe(502);
        expect(huge.json()).toEqual({ error: { code: 'EMBED_UPSTREAM', message: expect.stringMatching(/more than 1 MB/) } });
      } finally {
        await slowApp.close();
      }
      const a = await signedIn(app, t, 'contributor');
      const missing = await a.get(lookup('https://x.com/a/status/404'));
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('EMBED_POST_NOT_FOUND');
      const empty = await a.get(lookup(`${net.origin}/@empty/1`));
      expect(empty.statusCode).toBe(422);
      expect(empty.json().error.code).toBe('EMBED_NO_POST');
    });

    it('signed out: sent to log in, nothing fetched', async () => {
      net.reset();
      const res = await new Agent(app).get(lookup('https://x.com/velmarferries/status/1'));
      expect(res.statusCode).toBe(303);
      expect(net.hits.size).toBe(0);
    });
  });
}
