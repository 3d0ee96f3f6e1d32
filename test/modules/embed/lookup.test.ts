/**
 * lookupSocialPost against a real HTTP server on 127.0.0.1 standing in for the networks
 * (networks-server.ts), no fetch mocked: X and Bluesky through their oEmbed JSON, Mastodon,
 * Threads and Instagram through their pages' OpenGraph; the text always plain, the fields within
 * the quote card's limits; and every way a lookup fails has its code: a bad link, an unknown
 * network, a private address (directly, by name, after a redirect), a missing post, an answer
 * without a post, a network too slow, too big, redirecting in circles or answering an image.
 */
import dns from 'node:dns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUOTE_CARD_LIMITS } from '../../../src/modules/article/document.js';
import { clampCard, EmbedError, handleInUrl, networkOf, type EmbedSettings } from '../../../src/modules/embed/embed.js';
import { lookupSocialPost } from '../../../src/modules/embed/embed.service.js';
import { startNetworks, X_CARD, X_POST, type NetworksServer } from './networks-server.js';

let net: NetworksServer;
let settings: EmbedSettings;
beforeAll(async () => {
  net = await startNetworks();
  settings = { oembed: { X: `${net.origin}/x/oembed?omit_script=1`, Bluesky: `${net.origin}/bsky/oembed` }, timeoutMs: 2000, allowPrivate: true };
});
afterAll(() => net?.close());
beforeEach(() => net.reset());

/** Every host name resolves to the stand-in (the address check still runs on the answer). */
const toStandIn = ((_host: string, options: dns.LookupOptions, callback: (...a: unknown[]) => void) =>
  dns.lookup('127.0.0.1', options, callback as never)) as unknown as typeof dns.lookup;

/** The code an EmbedError refusal carries (or the error, to fail loudly). */
async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => new Error('the lookup succeeded'),
    (e: unknown) => e,
  );
  if (!(err instanceof EmbedError)) throw err;
  return { code: err.code, message: err.message };
}

describe('which network a link is on', () => {
  it('by host, else a Mastodon-shaped path on any host', () => {
    const n = (u: string) => networkOf(new URL(u));
    expect(n('https://x.com/a/status/1')).toBe('X');
    expect(n('https://twitter.com/a/status/1')).toBe('X');
    expect(n('https://mobile.twitter.com/a/status/1')).toBe('X');
    expect(n('https://bsky.app/profile/a.bsky.social/post/3k')).toBe('Bluesky');
    expect(n('https://www.threads.net/@a/post/C1')).toBe('Threads');
    expect(n('https://www.threads.com/@a/post/C1')).toBe('Threads');
    expect(n('https://www.facebook.com/page/posts/1')).toBe('Facebook');
    expect(n('https://www.instagram.com/p/C1/')).toBe('Instagram');
    expect(n('https://mastodon.social/@ana/111222333')).toBe('Mastodon');
    expect(n('https://social.example.org/@ana@other.example/42')).toBe('Mastodon');
    expect(n('https://news.example/@ana/not-digits')).toBeUndefined();
    expect(n('https://box.com/a/status/1')).toBeUndefined();
    expect(n('https://notx.com/a/status/1')).toBeUndefined();
  });

  it('the handle a link names', () => {
    const h = (u: string, network: string) => handleInUrl(new URL(u), network);
    expect(h('https://mastodon.social/@ana/1', 'Mastodon')).toBe('@ana@mastodon.social');
    expect(h('https://mastodon.social/@ana@other.example/1', 'Mastodon')).toBe('@ana@other.example');
    expect(h('https://bsky.app/profile/lena.bsky.social/post/3k', 'Bluesky')).toBe('@lena.bsky.social');
    expect(h('https://bsky.app/profile/did:plc:abc/post/3k', 'Bluesky')).toBe('');
    expect(h('https://x.com/velmarferries/status/1', 'X')).toBe('@velmarferries');
    expect(h('https://www.threads.net/@lena/post/C1', 'Threads')).toBe('@lena');
    expect(h('https://www.instagram.com/p/C1/', 'Instagram')).toBe('');
  });

  it('a card is clamped to what the quote card holds, never cutting a character in two', () => {
    const long = clampCard({
      url: 'https://x.com/a/status/1',
      network: 'X',
      author: 'A'.repeat(500),
      handle: '@a',
      text: `${'x'.repeat(9999)}😀😀`,
      date: 'x'.repeat(80),
    });
    expect(long.author).toHaveLength(QUOTE_CARD_LIMITS.author);
    expect(long.text.length).toBeLessThanOrEqual(QUOTE_CARD_LIMITS.text);
    expect(long.text.endsWith('x')).toBe(true);
    expect(long.date).toBe('');
    expect(clampCard({ ...long, author: ' Ana\u0000\u0007 \n Lima ', text: 'a\r\n\r\n\r\n\r\nb\u202e' }).author).toBe('Ana Lima');
  });
});

describe('looking up a post', () => {
  it('X: its oEmbed answer (omit_script=1, the post as url) gives the words, name, handle and date', async () => {
    const r = await lookupSocialPost(settings, 'https://x.com/velmarferries/status/1790000000000000001#top');
    expect(r).toEqual({
      source: 'oembed',
      card: X_CARD,
    });
    const asked = net.asked.get('/x/oembed')!;
    expect(asked.get('url')).toBe('https://x.com/velmarferries/status/1790000000000000001');
    expect(asked.get('omit_script')).toBe('1');
    expect(X_POST.url).toContain('1790000000000000001');
  });

  it('Bluesky: its oEmbed answer, the handle from the byline (the links only name the DID)', async () => {
    const r = await lookupSocialPost(settings, 'https://bsky.app/profile/lenapark.bsky.social/post/3kxyz');
    expect(r.source).toBe('oembed');
    expect(r.card).toMatchObject({
      url: 'https://bsky.app/profile/lenapark.bsky.social/post/3kxyz',
      network: 'Bluesky',
      author: 'Lena Park',
      handle: '@lenapark.bsky.social',
      text: 'Rain all week. The river is two metres above normal at the old bridge.',
    });
    // "November 18, 2024 at 10:05 AM": the time is the reader's zone's, so only the day is sure.
    expect(r.card.date).toMatch(/^2024-11-1[78]T/);
  });

  it('Mastodon: the page’s OpenGraph (og:title "Name (@user@instance)", og:description, og:published_time), not a script’s', async () => {
    const r = await lookupSocialPost(settings, `${net.origin}/@ana/111222333`);
    expect(r).toEqual({
      source: 'opengraph',
      card: {
        url: `${net.origin}/@ana/111222333`,
        network: 'Mastodon',
        author: 'Ana Lima',
        handle: '@ana@mastodon.example',
        text: 'Harbour reopens at 6.\nBring your own coffee ☕ — #Velmar',
        date: '2024-03-03T08:15:00.000Z',
      },
    });
    const dated = await lookupSocialPost(settings, `${net.origin}/@ben@elsewhere.example/42`);
    expect(dated.card).toMatchObject({ author: 'Ben', handle: '@ben@elsewhere.example', date: '2024-02-01T10:00:00.000Z' });
  });

  it('Threads and Instagram: pages with only og tags (their hosts resolved to the stand-in)', async () => {
    const threads = await lookupSocialPost(settings, `http://www.threads.net:${net.port}/@lena.park/post/C3xYz`, { resolve: toStandIn });
    expect(threads).toEqual({
      source: 'opengraph',
      card: {
        url: `http://www.threads.net:${net.port}/@lena.park/post/C3xYz`,
        network: 'Threads',
        author: 'Lena Park',
        handle: '@lena.park',
        text: 'Two metres above normal at the old bridge.',
        date: '',
      },
    });
    const insta = await lookupSocialPost(settings, `http://www.instagram.com:${net.port}/p/C1aBcDeFgHi/`, { resolve: toStandIn });
    expect(insta.card).toMatchObject({
      network: 'Instagram',
      author: 'Corvena Books',
      handle: '@corvenabooks',
      text: 'Opening night at the Corvena book festival.',
      date: '2024-03-03T00:00:00.000Z',
    });
  });

  it('hostile words come out as plain text: no markup, no script’s text; SQL is only words', async () => {
    const x = await lookupSocialPost(settings, 'https://x.com/evil/status/1');
    expect(x.card.text).toBe("Robert'); DROP TABLE posts;-- & 1=1 bold end");
    expect(x.card.author).toBe('Evil');
    expect(x.card.handle).toBe('@evil');
    const page = await lookupSocialPost(settings, `${net.origin}/@hostile/666`);
    expect(page.card.text).toBe(`Hello world\n\n'; DROP TABLE posts; -- " OR 1=1`);
    expect(page.card.author).toBe('Mallory');
    expect(page.card.handle).toBe('@mallory@mastodon.example');
    for (const card of [x.card, page.card]) {
      for (const value of Object.values(card)) {
        expect(value).not.toMatch(/<[a-z/!]/i);
        expect(value).not.toMatch(/alert/);
      }
    }
  });
});

describe('a lookup refused, with its code', () => {
  it('a link that is not one, or on no known network: nothing is fetched', async () => {
    for (const [raw, code] of [
      [undefined, 'EMBED_URL_INVALID'],
      ['', 'EMBED_URL_INVALID'],
      ['   ', 'EMBED_URL_INVALID'],
      ['not a link', 'EMBED_URL_INVALID'],
      ['ftp://x.com/a/status/1', 'EMBED_URL_INVALID'],
      ['javascript:alert(1)', 'EMBED_URL_INVALID'],
      ['https://user:pw@x.com/a/status/1', 'EMBED_URL_INVALID'],
      [`https://x.com/a/status/1?${'q'.repeat(2000)}`, 'EMBED_URL_INVALID'],
      [['https://x.com/a/status/1', 'https://x.com/b/status/2'], 'EMBED_URL_INVALID'],
      ['https://news.example/2024/03/story/', 'EMBED_UNSUPPORTED'],
    ] as const)
      expect((await refusal(lookupSocialPost(settings, raw))).code, String(raw)).toBe(code);
    expect(net.hits.size).toBe(0);
  });

  it('private addresses, unless allowed: by address, by name, and after a redirect from the network', async () => {
    const closed = { ...settings, allowPrivate: false };
    const direct = await refusal(lookupSocialPost(closed, `${net.origin}/@ana/111222333`));
    expect(direct.code).toBe('EMBED_PRIVATE_ADDRESS');
    expect(direct.message).toMatch(/127\.0\.0\.1 is a private, loopback or link-local address/);
    expect((await refusal(lookupSocialPost(closed, `http://www.threads.net:${net.port}/@lena.park/post/C3xYz`, { resolve: toStandIn }))).code).toBe(
      'EMBED_PRIVATE_ADDRESS',
    );
    expect(net.hits.size).toBe(0);
    // The configured endpoint is the operator's; where it redirects is checked.
    for (const path of ['/redirect-private/oembed', '/redirect-metadata/oembed']) {
      const r = await refusal(lookupSocialPost({ ...closed, oembed: { X: `${net.origin}${path}` } }, 'https://x.com/a/status/1'));
      expect(r.code, path).toBe('EMBED_PRIVATE_ADDRESS');
    }
    expect(net.hits.get('/redirect-private/oembed')).toBe(1);
    expect(net.hits.get('/x/oembed')).toBeUndefined();
    // The same redirect, allowed: it is followed.
    const followed = await lookupSocialPost({ ...settings, oembed: { X: `${net.origin}/redirect-private/oembed` } }, 'https://x.com/velmarferries/status/1');
    expect(followed.card.author).toBe('Velmar Ferries');
  });

  it('a network too slow is cut off at the deadline; too big, an image, not JSON, redirects in circles: a gateway error', async () => {
    const started = Date.now();
    const slow = await refusal(lookupSocialPost({ ...settings, timeoutMs: 300, oembed: { X: `${net.origin}/slow/oembed` } }, 'https://x.com/a/status/1'));
    expect(slow.code).toBe('EMBED_TIMEOUT');
    expect(slow.message).toMatch(/did not answer within 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(2000);
    const upstream = async (path: string) => refusal(lookupSocialPost({ ...settings, oembed: { X: `${net.origin}${path}` } }, 'https://x.com/a/status/1'));
    expect(await upstream('/huge/oembed')).toMatchObject({ code: 'EMBED_UPSTREAM', message: expect.stringMatching(/more than 1 MB/) });
    expect(await upstream('/image/oembed')).toMatchObject({ code: 'EMBED_UPSTREAM', message: expect.stringMatching(/image\/png/) });
    expect(await upstream('/loop/oembed')).toMatchObject({ code: 'EMBED_UPSTREAM', message: expect.stringMatching(/more than 3 redirects/) });
    expect(net.hits.get('/loop/oembed')).toBe(4);
    expect((await upstream('/broken/oembed')).code).toBe('EMBED_NO_POST');
    expect((await refusal(lookupSocialPost(settings, `${net.origin}/@big/5`))).code).toBe('EMBED_UPSTREAM');
    const gone = await refusal(lookupSocialPost({ ...settings, oembed: { X: `http://127.0.0.1:1/x/oembed` } }, 'https://x.com/a/status/1'));
    expect(gone).toMatchObject({ code: 'EMBED_UPSTREAM', message: expect.stringMatching(/could not be reached \(connection refused\)/) });
  });

  it('a post the network does not have, or an answer without a post', async () => {
    expect((await refusal(lookupSocialPost(settings, 'https://x.com/a/status/404'))).code).toBe('EMBED_POST_NOT_FOUND');
    expect((await refusal(lookupSocialPost(settings, `${net.origin}/@gone/404`))).code).toBe('EMBED_POST_NOT_FOUND');
    expect((await refusal(lookupSocialPost(settings, 'https://x.com/a/video/1'))).code).toBe('EMBED_NO_POST');
    expect((await refusal(lookupSocialPost(settings, `${net.origin}/@empty/1`))).code).toBe('EMBED_NO_POST');
  });
});
