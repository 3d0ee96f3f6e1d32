/**
 * `--fetch-media` on the WordPress theme unit test export, its file host
 * (wpthemetestdata.files.wordpress.com) replaced by a real HTTP server on 127.0.0.1 that serves a
 * real image for every attachment: the real shapes of WordPress content ([caption], [gallery],
 * block images, `?w=604` resized copies, featured images) all end up on local media, every file is
 * downloaded once, and no image of the old host is left in any post.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordPress } from '../../src/import/wordpress/import-wordpress.js';
import type { ImportReport } from '../../src/import/report.js';
import { NOW } from '../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';

const FIXTURE = path.resolve('test/fixtures/wxr/themeunittestdata.wordpress.xml');
const FILE_HOST = 'https://wpthemetestdata.files.wordpress.com';

let server: http.Server;
let origin = '';
const hits = new Map<string, number>();
let attachmentPaths: Set<string>;

beforeAll(async () => {
  const xml = fs.readFileSync(FIXTURE, 'utf8');
  attachmentPaths = new Set(
    [...xml.matchAll(/<wp:attachment_url>(?:<!\[CDATA\[)?https:\/\/wpthemetestdata\.files\.wordpress\.com(\/[^<\]]+)/g)].map((m) => m[1]!),
  );
  const jpeg = await sharp({ create: { width: 640, height: 427, channels: 3, background: '#3d6a8a' } })
    .jpeg()
    .toBuffer();
  const gif = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#aa5500' } })
    .gif()
    .toBuffer();
  server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!;
    hits.set(req.url ?? '/', (hits.get(req.url ?? '/') ?? 0) + 1);
    if (attachmentPaths.has(p) && /\.(jpe?g|gif)$/i.test(p)) {
      const body = p.endsWith('.gif') ? gif : jpeg;
      res.writeHead(200, { 'content-type': p.endsWith('.gif') ? 'image/gif' : 'image/jpeg', 'content-length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

for (const dialect of DIALECTS) {
  describe(`--fetch-media on the theme unit test data (${dialect})`, () => {
    let t: TestDb;
    let report: ImportReport;
    beforeAll(async () => {
      t = await freshDb(dialect);
      const file = path.join(t.dataDir, 'theme.xml');
      fs.writeFileSync(file, fs.readFileSync(FIXTURE, 'utf8').replaceAll(FILE_HOST, origin));
      hits.clear();
      report = await importWordPress(t.handle.db, {
        file,
        mediaRoot: path.join(t.dataDir, 'media'),
        ipHashKey: Buffer.alloc(32, 5),
        now: NOW,
        related: false,
        fetchMedia: { concurrency: 4, timeoutSeconds: 10, maxBytes: 5 * 1024 * 1024, retries: 0, allowPrivate: true, hosts: [] },
      });
    });
    afterAll(() => t?.cleanup());

    it('fetches every image attachment once, and no resized copy', async () => {
      const images = [...attachmentPaths].filter((p) => /\.(jpe?g|gif)$/i.test(p));
      expect(report.get('attachment')).toMatchObject({ created: images.length, skipped: attachmentPaths.size - images.length });
      expect(report.fetchFailures).toEqual([]);
      for (const [url, n] of hits) {
        expect(n, url).toBe(1);
        expect(attachmentPaths.has(url), url).toBe(true);
      }
      expect(hits.size).toBe(images.length);
      expect((await t.handle.db.selectFrom('media').select('id').execute()).length).toBe(images.length);
      // The audio and video attachments are reported, not fetched.
      expect(report.warnings.filter((w) => /is not a JPEG, PNG, WebP, GIF or AVIF image/.test(w))).toHaveLength(2);
    });

    it('leaves no image of the old host in any post, and none of its files in missing_images', async () => {
      const posts = await t.handle.db.selectFrom('posts').select(['slug', 'body_html', 'body_doc', 'featured_media_id']).execute();
      for (const p of posts) {
        expect(p.body_html, p.slug).not.toMatch(/<img[^>]+src="(https?:)?\/\/|srcset="[^"]*(https?:)?\/\//);
        expect(p.body_html, p.slug).not.toMatch(/<(img|source)[^>]+127\.0\.0\.1/);
      }
      const missing = await t.handle.db.selectFrom('missing_images').select('url').execute();
      expect(missing.filter((m) => m.url.startsWith(origin))).toEqual([]);
      // The image-alignment post shows its pictures as figures of our media.
      const align = posts.find((p) => p.slug === 'markup-image-alignment')!;
      expect((align.body_html.match(/<figure class="figure[^"]*"><picture><source type="image\/webp"/g) ?? []).length).toBeGreaterThanOrEqual(4);
      // Featured images (_thumbnail_id) point at fetched attachments.
      expect(posts.filter((p) => p.featured_media_id !== null).length).toBeGreaterThan(0);
    });
  });
}
