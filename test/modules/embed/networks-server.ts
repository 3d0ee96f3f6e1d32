/**
 * A stand-in for the social networks, for the social-post lookup's tests: a real HTTP server on
 * 127.0.0.1 (port chosen by the system) answering as the networks do (their documented shapes,
 * written here, none copied): X's and Bluesky's oEmbed JSON, a Mastodon status page and Threads
 * and Instagram pages carrying only OpenGraph meta; plus what a lookup must survive: an answer
 * that never ends, one of 2 MB, redirects to private addresses and in a loop, an image, a 404,
 * a page without a description, and hostile text (scripts, markup, SQL). Counts requests per path
 * and keeps the last query each oEmbed path was asked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetworksServer {
  origin: string;
  port: number;
  /** Requests per path (without the query). */
  hits: Map<string, number>;
  /** The `url` parameter each oEmbed path was last asked for, and the whole query. */
  asked: Map<string, URLSearchParams>;
  reset(): void;
  close(): Promise<void>;
}

/** What the X stand-in quotes (the answer's HTML, as publish.twitter.com writes it with omit_script=1). */
export const X_POST = {
  url: 'https://x.com/velmarferries/status/1790000000000000001',
  html: '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The ferry to Velmar runs again from Monday.<br>Timetable on our site &amp; in the app. <a href="https://t.co/abc123">pic.twitter.com/abc123</a></p>&mdash; Velmar Ferries (@velmarferries) <a href="https://twitter.com/velmarferries/status/1790000000000000001?ref_src=twsrc%5Etfw">May 13, 2024</a></blockquote>\n',
};

/** An X answer whose words are hostile: markup and a script inside the quotation, SQL as words. */
/** The card X_POST's answer makes (the editor's fields, as the lookup gives them). */
export const X_CARD = {
  url: 'https://x.com/velmarferries/status/1790000000000000001',
  network: 'X',
  author: 'Velmar Ferries',
  handle: '@velmarferries',
  text: 'The ferry to Velmar runs again from Monday.\nTimetable on our site & in the app. pic.twitter.com/abc123',
  date: '2024-05-13T00:00:00.000Z',
} as const;

export const X_HOSTILE_HTML =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Robert\'); DROP TABLE posts;-- &amp; 1=1 <script>alert(1)</script><img src=x onerror=alert(2)>&lt;script&gt;alert(3)&lt;/script&gt; <b>bold</b> end</p>&mdash; <i>Evil</i> &lt;img src=x onerror=alert(4)&gt; (@evil) <a href="https://twitter.com/evil/status/1?ref_src=twsrc%5Etfw">March 3, 2024</a></blockquote><script>alert(5)</script>';

const BLUESKY_HTML =
  '<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/3kxyz" data-bluesky-cid="bafy" data-bluesky-embed-color-mode="system"><p lang="en">Rain all week. The river is two metres above normal at the old bridge.</p>&mdash; Lena Park (<a href="https://bsky.app/profile/did:plc:abc?ref_src=embed">@lenapark.bsky.social</a>) <a href="https://bsky.app/profile/did:plc:abc/post/3kxyz?ref_src=embed">November 18, 2024 at 10:05 AM</a></blockquote><script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const page = (meta: Record<string, string>, body = ''): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A post</title>${Object.entries(meta)
    .map(([k, v]) => `<meta ${k.startsWith('og:') || k.startsWith('article:') ? 'property' : 'name'}="${k}" content="${esc(v)}">`)
    .join('')}<script>window.tracking = "<meta property='og:description' content='not this'>";</script></head><body>${body}</body></html>`;

export async function startNetworks(): Promise<NetworksServer> {
  const s = { hits: new Map<string, number>(), asked: new Map<string, URLSearchParams>() };
  let origin = '';
  const json = (res: http.ServerResponse, body: unknown, status = 200): void => {
    const bytes = Buffer.from(JSON.stringify(body));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  };
  const html = (res: http.ServerResponse, body: string): void => {
    const bytes = Buffer.from(body);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    s.hits.set(path, (s.hits.get(path) ?? 0) + 1);
    s.asked.set(path, url.searchParams);
    const post = url.searchParams.get('url') ?? '';
    switch (path) {
      case '/x/oembed':
        if (post.includes('/status/404')) return json(res, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] }, 404);
        if (post.includes('/evil/'))
          return json(res, { url: post, author_name: 'Evil', author_url: 'https://twitter.com/evil', html: X_HOSTILE_HTML, type: 'rich', version: '1.0' });
        if (post.includes('/video/')) return json(res, { type: 'video', version: '1.0', html: '<iframe src="https://player.example/1"></iframe>' });
        return json(res, {
          url: X_POST.url,
          author_name: 'Velmar Ferries',
          author_url: 'https://twitter.com/velmarferries',
          html: X_POST.html,
          width: 550,
          height: null,
          type: 'rich',
          cache_age: '3153600000',
          provider_name: 'Twitter',
          provider_url: 'https://twitter.com',
          version: '1.0',
        });
      case '/bsky/oembed':
        return json(res, {
          type: 'rich',
          version: '1.0',
          author_name: 'Lena Park',
          author_url: 'https://bsky.app/profile/did:plc:abc',
          provider_name: 'Bluesky Social',
          provider_url: 'https://bsky.app',
          cache_age: 86400,
          width: 600,
          height: null,
          html: BLUESKY_HTML,
        });
      // A Mastodon status page: the account in og:title, the words in og:description, the time in og:published_time.
      case '/@ana/111222333':
        return html(
          res,
          page(
            {
              'og:site_name': 'Mastodon Example',
              'og:type': 'article',
              'og:title': 'Ana Lima (@ana@mastodon.example)',
              'og:description': 'Harbour reopens at 6.\nBring your own coffee ☕ — #Velmar',
              'og:url': `${origin}/@ana/111222333`,
              'og:published_time': '2024-03-03T08:15:00Z',
              'profile:username': 'ana@mastodon.example',
            },
            '<div class="status"><time datetime="2020-01-01T00:00:00Z">old</time></div>',
          ),
        );
      // Same, dated only by the page's <time> element, and with a remote account in its path.
      case '/@ben@elsewhere.example/42':
        return html(
          res,
          page({ 'og:title': 'Ben (@ben@elsewhere.example)', 'og:description': 'Dated by the page.' }, '<time datetime="2024-02-01T10:00:00Z">Feb 1</time>'),
        );
      case '/@hostile/666':
        return html(
          res,
          page({
            'og:title': '<b>Mallory</b> <script>alert(1)</script>(@mallory@mastodon.example)',
            'og:description': `<script>alert("x")</script><p>Hello <img src=x onerror=alert(2)>world</p>'; DROP TABLE posts; -- " OR 1=1`,
            'article:published_time': '2024-04-04T04:04:04Z',
          }),
        );
      case '/@empty/1':
        return html(res, page({ 'og:title': 'Nobody (@nobody@mastodon.example)' }));
      // A Threads page (only og tags), reached as www.threads.net through the tests' resolver.
      case '/@lena.park/post/C3xYz':
        return html(res, page({ 'og:title': 'Lena Park (@lena.park) on Threads', 'og:description': 'Two metres above normal at the old bridge.' }));
      // An Instagram page: counts, handle and date inside og:description.
      case '/p/C1aBcDeFgHi/':
        return html(
          res,
          page({
            'og:title': 'Corvena Books on Instagram: "Opening night at the Corvena book festival."',
            'og:description': '1,204 likes, 32 comments - corvenabooks on March 3, 2024: "Opening night at the Corvena book festival."',
          }),
        );
      // Headers at once, then nothing: only the deadline ends it.
      case '/slow/oembed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"html":"');
        return;
      // 2 MB without a Content-Length: the limit has to stop it while it streams.
      case '/huge/oembed': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const more = (): void => {
          while (sent < 2 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => {});
        more();
        return;
      }
      // A page that says it is 5 MB.
      case '/@big/5':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': 5 * 1024 * 1024 });
        res.write('<html>');
        return;
      // Redirects to a private address: by name (localhost) and by literal address (cloud metadata).
      case '/redirect-private/oembed':
        res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/x/oembed?${url.searchParams}` });
        return res.end();
      case '/redirect-metadata/oembed':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        return res.end();
      case '/loop/oembed':
        res.writeHead(302, { location: `/loop/oembed?${url.searchParams}` });
        return res.end();
      case '/image/oembed':
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': 8 });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      case '/broken/oembed':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('<html>not json</html>');
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    ...s,
    reset() {
      s.hits.clear();
      s.asked.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
