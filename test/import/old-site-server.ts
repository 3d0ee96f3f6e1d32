/**
 * A stand-in for the old WordPress site, for `--fetch-media` tests: a real HTTP server on
 * 127.0.0.1 (port chosen by the system) serving real JPEG and PNG files made with sharp, plus the
 * misbehaving ones an import meets: a file that trickles past the timeout, a 404, one too large
 * (declared and undeclared), bytes that are not an image, a 503 before a 200, a redirect. It
 * counts requests per path and the most requests it served at once. Each response waits a
 * little (DELAY_MS) so that concurrent downloads overlap and the bound can be seen.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export const UPLOADS = '/wp-content/uploads/2024/05';
const DELAY_MS = 120;

export interface OldSiteServer {
  origin: string;
  port: number;
  /** Requests per path (query included). */
  hits: Map<string, number>;
  /** The most requests in progress at once. */
  maxInFlight: number;
  /** Bytes the endless oversize file had sent when the client gave up. */
  endlessBytes: number;
  /** Forget the counts (before a re-run). */
  reset(): void;
  close(): Promise<void>;
}

export async function photo(width: number, height: number, color: string, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  // A gradient with a disc, so the screenshots show a picture and not a flat block.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#f4efe6"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.7}" cy="${height * 0.35}" r="${Math.min(width, height) * 0.18}" fill="#fbd46d"/><rect y="${height * 0.72}" width="100%" height="${height * 0.28}" fill="#1d3557" opacity="0.85"/></svg>`;
  const img = sharp(Buffer.from(svg));
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 82 }).toBuffer();
}

export async function startOldSite(): Promise<OldSiteServer> {
  const harbour = await photo(1600, 1000, '#2a6f97');
  const gulls = await photo(1200, 800, '#8ab17d', 'png');
  const target = await photo(900, 600, '#e76f51');
  const flaky = await photo(1000, 700, '#6d597a');
  // A real PNG of random pixels: several MB, over the tests' 1 MB limit, with Content-Length.
  const noise = Buffer.alloc(1200 * 1200 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const poster = await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const notImage = Buffer.from('<!doctype html><html><body><h1>Welcome to my blog</h1><p>This is not a picture.</p></body></html>');

  const s: Omit<OldSiteServer, 'origin' | 'port' | 'close'> & { inFlight: number } = {
    hits: new Map(),
    maxInFlight: 0,
    endlessBytes: 0,
    inFlight: 0,
    reset() {
      this.hits.clear();
      this.maxInFlight = 0;
    },
  };
  const send = (res: http.ServerResponse, type: string, body: Buffer): void => {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    const n = (s.hits.get(url) ?? 0) + 1;
    s.hits.set(url, n);
    s.inFlight++;
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
    res.on('close', () => {
      s.inFlight--;
    });
    setTimeout(() => {
      switch (path) {
        case `${UPLOADS}/harbour.jpg`:
        case `${UPLOADS}/harbour-300x188.jpg`:
        case `${UPLOADS}/harbour-1024x640.jpg`:
          return send(res, 'image/jpeg', harbour);
        case `${UPLOADS}/gulls.png`:
        case `${UPLOADS}/gulls-640x427.png`:
          return send(res, 'image/png', gulls);
        case `${UPLOADS}/poster.png`:
          return send(res, 'image/png', poster);
        case `${UPLOADS}/not-a-photo.jpg`:
          // Says it is a JPEG; it is a web page.
          return send(res, 'image/jpeg', notImage);
        case '/files/target.jpg':
          return send(res, 'image/jpeg', target);
        case `${UPLOADS}/moved.jpg`:
          res.writeHead(302, { location: '/files/target.jpg' });
          return res.end();
        case `${UPLOADS}/flaky.jpg`:
          if (n === 1) {
            res.writeHead(503, { 'retry-after': '0', 'content-type': 'text/plain' });
            return res.end('busy');
          }
          return send(res, 'image/jpeg', flaky);
        case `${UPLOADS}/slow.jpg`: {
          // Headers and the start of a real JPEG at once, then a byte every 200 ms: only a
          // deadline on the whole body stops this.
          res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': harbour.length });
          res.write(harbour.subarray(0, 1000));
          let at = 1000;
          const drip = setInterval(() => {
            if (res.destroyed || at >= harbour.length) {
              clearInterval(drip);
              res.end();
              return;
            }
            res.write(harbour.subarray(at, at + 1));
            at++;
          }, 200);
          res.on('close', () => clearInterval(drip));
          return;
        }
        case `${UPLOADS}/endless.jpg`: {
          // No Content-Length: a JPEG that never ends (stopped at 64 MB). Only counting bytes
          // while they arrive stops this early.
          res.writeHead(200, { 'content-type': 'image/jpeg' });
          const chunk = Buffer.alloc(64 * 1024, 0x55);
          res.write(harbour.subarray(0, 2000));
          s.endlessBytes = 2000;
          const pump = (): void => {
            while (!res.destroyed && s.endlessBytes < 64 * 1024 * 1024) {
              s.endlessBytes += chunk.length;
              if (!res.write(chunk)) {
                res.once('drain', pump);
                return;
              }
            }
            if (!res.destroyed) res.end();
          };
          pump();
          return;
        }
        default:
          res.writeHead(404, { 'content-type': 'text/html' });
          return res.end('<h1>Not found</h1>');
      }
    }, DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(s, {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A small export of the old site at `origin`: attachments, and posts showing every kind of file. */
export function oldSiteWxr(origin: string): string {
  const up = `${origin}${UPLOADS}`;
  const attachment = (id: number, file: string, title: string, alt: string, caption = ''): string => `<item>
<title>${title}</title><link>${origin}/2024/05/${file.replace(/\.\w+$/, '')}/</link><dc:creator><![CDATA[editor]]></dc:creator><guid isPermaLink="false">${up}/${file}</guid>
<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[${caption}]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>2024-05-02 09:00:00</wp:post_date><wp:post_date_gmt>2024-05-02 09:00:00</wp:post_date_gmt><wp:post_name>${file.replace(/\.\w+$/, '')}</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>1</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>${up}/${file}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[${alt}]]></wp:meta_value></wp:postmeta>
</item>`;
  const post = (id: number, slug: string, title: string, body: string, thumb?: number): string => `<item>
<title>${title}</title><link>${origin}/2024/05/03/${slug}/</link><dc:creator><![CDATA[editor]]></dc:creator><guid isPermaLink="false">${origin}/?p=${id}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[A standfirst for ${title}.]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>2024-05-03 10:00:00</wp:post_date><wp:post_date_gmt>2024-05-03 10:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="harbour"><![CDATA[Harbour]]></category>
${thumb ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[${thumb}]]></wp:meta_value></wp:postmeta>` : ''}
</item>`;
  const para = (s: string): string => `<p>${s}</p>\n\n`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>The Harbour Gazette</title><link>${origin}</link><description>Old site</description><language>en-GB</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${origin}</wp:base_site_url><wp:base_blog_url>${origin}</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[editor]]></wp:author_login><wp:author_email>editor@gazette.example</wp:author_email><wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>harbour</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Harbour]]></wp:cat_name></wp:category>
${attachment(101, 'harbour.jpg', 'Harbour at dawn', 'Fishing boats in the harbour at dawn', 'The harbour before the boats go out.')}
${attachment(102, 'slow.jpg', 'A slow photo', 'Slow')}
${attachment(103, 'endless.jpg', 'An endless photo', 'Endless')}
${attachment(104, 'not-a-photo.jpg', 'Not a photo', 'Not a photo')}
${attachment(105, 'poster.png', 'A huge poster', 'Poster')}
${post(
  1,
  'harbour-reopens',
  'The harbour reopens after the storm',
  para('Boats were back on the water on Friday morning, three weeks after the storm closed the harbour.') +
    `[caption id="attachment_101" align="aligncenter" width="300"]<a href="${up}/harbour.jpg"><img class="size-medium wp-image-101" src="${up}/harbour-300x188.jpg" srcset="${up}/harbour-300x188.jpg 300w, ${up}/harbour-1024x640.jpg 1024w" sizes="(max-width: 300px) 100vw, 300px" alt="Fishing boats in the harbour at dawn" width="300" height="188" /></a> The harbour before the boats go out.[/caption]\n\n` +
    para('The harbour master said the quay had been checked twice.') +
    `<!-- wp:image {"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="${up}/gulls-640x427.png" alt="Gulls over the quay"/><figcaption class="wp-element-caption">Gulls over the quay.</figcaption></figure>\n<!-- /wp:image -->\n\n` +
    para(`A photo that is no longer there: <img src="${up}/missing.jpg" alt="Missing">`) +
    `<img src="https://elsewhere.example/cat.jpg" alt="Another site's cat">\n\n` +
    para('The quay reopens to cars on Monday.'),
  101,
)}
${post(
  2,
  'quay-repairs',
  'Repairs on the quay',
  para('Work on the quay starts next week.') +
    `<img class="wp-image-102" src="${up}/slow.jpg" alt="Slow">\n\n<img class="wp-image-103" src="${up}/endless.jpg" alt="Endless">\n\n` +
    `<img src="${up}/not-a-photo.jpg" alt="Not a photo">\n\n<img src="${up}/gulls.png" alt="Gulls again">\n\n` +
    para('More on this soon.'),
  105,
)}
${post(
  3,
  'lifeboat-day',
  'Lifeboat day',
  para('The lifeboat crew showed visitors round.') +
    `<img src="${up}/flaky.jpg" alt="The lifeboat on its slipway">\n\n<img src="//127.0.0.1:${new URL(origin).port}${UPLOADS}/moved.jpg" alt="Visitors on the quay">\n\n` +
    para('Next year it will be in June.'),
)}
</channel>
</rss>
`;
}
