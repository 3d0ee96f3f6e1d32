/**
 * `--fetch-media` against a real HTTP server on 127.0.0.1 (old-site-server.ts) serving real JPEG
 * and PNG files and the bad ones an import meets. On every dialect: the imported articles show
 * only our media (page and feeds never name the old host), each failure is reported with its
 * reason and posts and stays in missing_images, attachments land in the library, variants are
 * fetched once as their original, the concurrency bound holds, a failure leaves no row or file, a
 * re-run downloads nothing twice, and loopback addresses are refused unless allowed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportAborted, importWordPress, type ImportOptions } from '../../src/import/wordpress/import-wordpress.js';
import type { ImportReport } from '../../src/import/report.js';
import { checkUrl, DownloadError, Downloader, DEFAULT_DOWNLOAD_LIMITS, isNonPublicAddress } from '../../src/lib/download.js';
import { fileKey, imageUsesIn, OldSite, originalKey } from '../../src/import/wordpress/remote-media.js';
import { filesOf } from '../../src/modules/media/media.service.js';
import { testApp } from '../helpers/app.js';
import { NOW } from '../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { oldSiteWxr, startOldSite, UPLOADS, type OldSiteServer } from './old-site-server.js';

const KEY = Buffer.alloc(32, 3);
const FETCH = { concurrency: 2, timeoutSeconds: 1, maxBytes: 1024 * 1024, retries: 2, allowPrivate: true, hosts: [], backoffMs: 50 };

let server: OldSiteServer;
beforeAll(async () => {
  server = await startOldSite();
});
afterAll(() => server?.close());

describe('what --fetch-media may fetch', () => {
  it('classes private, loopback, link-local and reserved addresses as not public, public ones as public', () => {
    for (const ip of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::7f00:1',
      '64:ff9b::10.0.0.1',
      '[::1]',
      'not-an-ip',
    ])
      expect(isNonPublicAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])
      expect(isNonPublicAddress(ip), ip).toBe(false);
  });

  it('takes only http(s) URLs without credentials', () => {
    for (const bad of [
      'file:///etc/passwd',
      'ftp://old.example/a.jpg',
      'gopher://x/',
      'data:image/png;base64,AAAA',
      'https://user:pw@old.example/a.jpg',
      'not a url',
    ]) {
      expect(() => checkUrl(bad), bad).toThrow(DownloadError);
    }
    expect(checkUrl('https://old.example/a.jpg').hostname).toBe('old.example');
  });

  it('refuses loopback by name and by address without connecting, unless allowed', async () => {
    const d = new Downloader({ ...DEFAULT_DOWNLOAD_LIMITS, timeoutMs: 2000 });
    try {
      server.reset();
      for (const url of [
        `${server.origin}${UPLOADS}/harbour.jpg`,
        `http://localhost:${server.port}${UPLOADS}/harbour.jpg`,
        `http://[::1]:${server.port}/x.jpg`,
      ]) {
        const err = await d.download(url).catch((e: unknown) => e);
        expect(err, url).toBeInstanceOf(DownloadError);
        expect((err as DownloadError).reason, url).toBe('private-address');
        expect((err as DownloadError).message).toContain('is a private, loopback or link-local address');
      }
      expect(server.hits.size).toBe(0);
    } finally {
      d.close();
    }
    const allowed = new Downloader({ ...DEFAULT_DOWNLOAD_LIMITS, allowPrivate: true });
    try {
      expect((await allowed.download(`http://localhost:${server.port}${UPLOADS}/harbour.jpg`)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    } finally {
      allowed.close();
    }
  });

  it('follows redirects only up to the limit', async () => {
    const d = new Downloader({ ...DEFAULT_DOWNLOAD_LIMITS, allowPrivate: true, maxRedirects: 0 });
    try {
      const err = await d.download(`${server.origin}${UPLOADS}/moved.jpg`).catch((e: unknown) => e);
      expect((err as DownloadError).reason).toBe('too-many-redirects');
    } finally {
      d.close();
    }
  });

  it("groups WordPress' resized copies under their original and knows the old site's hosts", () => {
    const site = new OldSite('https://www.gazette.example', ['https://cdn.gazette.example/']);
    const a = site.resolve('/wp-content/uploads/2020/01/boat-300x200.jpg?w=300')!;
    expect(a.href).toBe('https://www.gazette.example/wp-content/uploads/2020/01/boat-300x200.jpg?w=300');
    expect(originalKey(a)).toBe('gazette.example/wp-content/uploads/2020/01/boat.jpg');
    expect(originalKey(new URL('http://gazette.example/wp-content/uploads/2020/01/boat-scaled.jpg'))).toBe(originalKey(a));
    expect(fileKey(a)).toBe('gazette.example/wp-content/uploads/2020/01/boat-300x200.jpg');
    expect(site.isOld(new URL('https://cdn.gazette.example/x.jpg'))).toBe(true);
    expect(site.isOld(new URL('https://elsewhere.example/x.jpg'))).toBe(false);
    // Jetpack's image CDN copy stands for the original file.
    expect(site.resolve('https://i2.wp.com/gazette.example/wp-content/uploads/2020/01/boat.jpg?resize=300%2C200')!.href).toBe(
      'https://gazette.example/wp-content/uploads/2020/01/boat.jpg',
    );
    expect(site.resolve('data:image/png;base64,AAAA')).toBeUndefined();
    expect(site.resolve('javascript:alert(1)')).toBeUndefined();
    expect(
      imageUsesIn('<a href="/f.jpg"><img class="wp-image-7" src="/f-300x200.jpg" srcset="/f-300x200.jpg 300w, /f-1024x683.jpg 1024w" alt="A &amp; B"></a>'),
    ).toEqual([{ src: '/f-300x200.jpg', srcset: '/f-300x200.jpg 300w, /f-1024x683.jpg 1024w', href: '/f.jpg', alt: 'A & B', wpId: 7 }]);
  });
});

for (const dialect of DIALECTS) {
  describe(`import wordpress --fetch-media (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let file: string;
    let report: ImportReport;
    let hits: Map<string, number>;
    let maxInFlight: number;
    const opts = (): ImportOptions => ({ file, mediaRoot: path.join(t.dataDir, 'media'), ipHashKey: KEY, now: NOW, related: false });
    const media = () => t.handle.db.selectFrom('media').selectAll().orderBy('id').execute();

    beforeAll(async () => {
      t = await freshDb(dialect);
      file = path.join(t.dataDir, 'old-site.xml');
      fs.writeFileSync(file, oldSiteWxr(server.origin));
      app = await testApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('refuses the loopback old site without --fetch-allow-private: no request is made, every file is reported', async () => {
      server.reset();
      const r = await importWordPress(t.handle.db, { ...opts(), fetchMedia: { ...FETCH, allowPrivate: false } });
      expect(server.hits.size).toBe(0);
      expect(r.fetchFailures.length).toBe(9);
      expect(new Set(r.fetchFailures.map((f) => f.reason))).toEqual(new Set(['private-address']));
      expect(r.format()).toContain('--fetch-allow-private');
      expect((await media()).length).toBe(0);
    });

    it('a dry run counts what it would fetch and downloads nothing', async () => {
      server.reset();
      const r = await importWordPress(t.handle.db, { ...opts(), dryRun: true, fetchMedia: FETCH });
      expect(server.hits.size).toBe(0);
      expect(r.fetch?.planned).toBe(9);
      expect(r.format()).toMatch(/9 file\(s\) to fetch; none downloaded in a dry run/);
    });

    it('fetches, with at most N downloads at once', async () => {
      server.reset();
      const started = Date.now();
      report = await importWordPress(t.handle.db, { ...opts(), fetchMedia: FETCH });
      hits = new Map(server.hits);
      maxInFlight = server.maxInFlight;
      expect(maxInFlight).toBeLessThanOrEqual(FETCH.concurrency);
      expect(maxInFlight).toBe(2);
      // The slow file is cut off at its 1 s deadline, the endless one at 1 MB: well under a minute.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(report.fetch).toMatchObject({ planned: 9, files: 4, failed: 5 });
    });

    it('fetches each original once: sizes seen in srcset, links and variants are not downloaded', () => {
      expect(hits.get(`${UPLOADS}/harbour.jpg`)).toBe(1);
      expect(hits.get(`${UPLOADS}/harbour-300x188.jpg`)).toBeUndefined();
      expect(hits.get(`${UPLOADS}/harbour-1024x640.jpg`)).toBeUndefined();
      // gulls-640x427.png (post 1) and gulls.png (post 2) are one picture.
      expect(hits.get(`${UPLOADS}/gulls.png`)).toBe(1);
      expect(hits.get(`${UPLOADS}/gulls-640x427.png`)).toBeUndefined();
      // A 503 is tried again; a redirect is followed; a 404 and a timeout are not retried.
      expect(hits.get(`${UPLOADS}/flaky.jpg`)).toBe(2);
      expect(hits.get(`${UPLOADS}/moved.jpg`)).toBe(1);
      expect(hits.get('/files/target.jpg')).toBe(1);
      expect(hits.get(`${UPLOADS}/missing.jpg`)).toBe(1);
      expect(hits.get(`${UPLOADS}/slow.jpg`)).toBe(1);
      // Abandoned as soon as it passed 1 MB, not read to its 64 MB end.
      expect(hits.get(`${UPLOADS}/endless.jpg`)).toBe(1);
      expect(server.endlessBytes).toBeLessThan(16 * 1024 * 1024);
      // Another site's image is never requested (there is no such host here).
      expect([...hits.keys()].some((k) => k.includes('cat'))).toBe(false);
    });

    it('reports every failed file with its reason and the posts that show it', () => {
      const by = new Map(report.fetchFailures.map((f) => [f.url.replace(server.origin, ''), f]));
      expect([...by.keys()].sort()).toEqual(['endless.jpg', 'missing.jpg', 'not-a-photo.jpg', 'poster.png', 'slow.jpg'].map((f) => `${UPLOADS}/${f}`));
      expect(by.get(`${UPLOADS}/missing.jpg`)).toMatchObject({ reason: 'not-found', posts: ['post 1 "The harbour reopens after the storm"'], postCount: 1 });
      expect(by.get(`${UPLOADS}/slow.jpg`)).toMatchObject({ reason: 'timeout', posts: ['post 2 "Repairs on the quay"'] });
      expect(by.get(`${UPLOADS}/endless.jpg`)).toMatchObject({ reason: 'too-large' });
      expect(by.get(`${UPLOADS}/poster.png`)).toMatchObject({ reason: 'too-large', posts: ['post 2 "Repairs on the quay"'] });
      expect(by.get(`${UPLOADS}/not-a-photo.jpg`)).toMatchObject({ reason: 'not-image' });
      const text = report.format();
      expect(text).toContain('Failed downloads (5)');
      expect(text).toMatch(/missing\.jpg\n\s+not found \(HTTP 404\); shown in post 1 "The harbour reopens after the storm"/);
      expect(text).toMatch(/slow\.jpg\n\s+timed out after 1 s/);
      expect(text).toMatch(/poster\.png\n\s+larger than 1 MB/);
      expect(text).toMatch(/not-a-photo\.jpg\n\s+not an image/);
      expect(report.warnings.some((w) => w.includes('1 image(s) that posts show from other sites were not fetched'))).toBe(true);
      expect(report.warnings.some((w) => w.includes('its featured image (attachment 105) was not imported'))).toBe(true);
      expect(report.get('attachment')).toMatchObject({ created: 1, skipped: 4 });
      expect(report.get('image')).toMatchObject({ created: 3, skipped: 1 });
    });

    it('stores the files in the media library like uploads, featured image included, and leaves nothing of the failures', async () => {
      const rows = await media();
      expect(rows.length).toBe(4);
      expect(rows.map((r) => r.mime).sort()).toEqual(['image/jpeg', 'image/jpeg', 'image/jpeg', 'image/png']);
      const harbour = rows.find((r) => r.alt === 'Fishing boats in the harbour at dawn')!;
      expect(harbour).toMatchObject({ width: 1600, height: 1000, caption: 'The harbour before the boats go out.' });
      // Names are made, not taken from the URL.
      expect(harbour.path).toMatch(/^wp\/2024\/05\/harbour-at-dawn-[0-9a-f]{10}\.jpg$/);
      const post = await t.handle.db.selectFrom('posts').select(['featured_media_id']).where('slug', '=', 'harbour-reopens').executeTakeFirstOrThrow();
      expect(post.featured_media_id).toBe(harbour.id);
      // Every file under the media root belongs to a row: a failed download wrote nothing.
      const owned = new Set(rows.flatMap((r) => filesOf(r)));
      const root = path.join(t.dataDir, 'media');
      const onDisk = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
      expect(onDisk.length).toBeGreaterThan(rows.length);
      for (const f of onDisk) expect(owned.has(f.split(path.sep).join('/')), f).toBe(true);
    });

    it('rewrites bodies to the local copies; the failed files stay in missing_images for the editor', async () => {
      const rows = await t.handle.db.selectFrom('posts').select(['id', 'slug', 'body_html', 'body_doc']).orderBy('id').execute();
      const ids = new Set((await media()).map((m) => m.id));
      for (const p of rows) {
        expect(p.body_html, p.slug).not.toContain('127.0.0.1');
        for (const m of p.body_html.matchAll(/(?:src|srcset)="([^"]+)"/g)) for (const u of m[1]!.split(/,\s*/)) expect(u, p.slug).toMatch(/^\/media\//);
        const doc = JSON.parse(p.body_doc) as { content: { type: string; attrs?: { mediaId?: number } }[] };
        for (const f of doc.content.filter((b) => b.type === 'figure')) expect(ids.has(f.attrs!.mediaId!)).toBe(true);
      }
      const figures = (slug: string) =>
        (JSON.parse(rows.find((r) => r.slug === slug)!.body_doc) as { content: { type: string }[] }).content.filter((b) => b.type === 'figure').length;
      expect(figures('harbour-reopens')).toBe(2);
      expect(figures('quay-repairs')).toBe(1);
      expect(figures('lifeboat-day')).toBe(2);
      const missing = await t.handle.db.selectFrom('missing_images').select(['post_id', 'url']).orderBy('id').execute();
      const of = (slug: string) => missing.filter((m) => m.post_id === rows.find((r) => r.slug === slug)!.id).map((m) => m.url.replace(server.origin, ''));
      expect(of('harbour-reopens')).toEqual([`${UPLOADS}/missing.jpg`, 'https://elsewhere.example/cat.jpg']);
      expect(of('quay-repairs').sort()).toEqual([`${UPLOADS}/endless.jpg`, `${UPLOADS}/not-a-photo.jpg`, `${UPLOADS}/slow.jpg`]);
      expect(of('lifeboat-day')).toEqual([]);
    });

    it('renders the article and the feeds without any URL of the old host', async () => {
      for (const url of ['/harbour-reopens/', '/lifeboat-day/', '/feed/', '/feed/atom/', '/category/harbour/feed/']) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain('127.0.0.1');
        expect(res.body, url).not.toContain(`:${server.port}`);
      }
      const page = await app.inject('/harbour-reopens/');
      expect(page.body).toMatch(/<img src="\/media\/wp\/2024\/05\/harbour-at-dawn-[0-9a-f]{10}-960\.jpg"/);
      // The media files answer.
      const src = /<img src="(\/media\/[^"]+)"/.exec(page.body)![1]!;
      expect((await app.inject(src)).statusCode).toBe(200);
    });

    it('a re-run downloads nothing the library holds and tries the failures again', async () => {
      const before = (await media()).length;
      server.reset();
      const again = await importWordPress(t.handle.db, { ...opts(), fetchMedia: FETCH });
      expect((await media()).length).toBe(before);
      for (const f of ['harbour.jpg', 'gulls.png', 'flaky.jpg', 'moved.jpg']) expect(server.hits.get(`${UPLOADS}/${f}`), f).toBeUndefined();
      expect(server.hits.get(`${UPLOADS}/missing.jpg`)).toBe(1);
      expect(again.get('attachment')).toMatchObject({ created: 0, updated: 1, skipped: 4 });
      expect(again.get('image')).toMatchObject({ created: 0, matched: 3, skipped: 1 });
      expect(again.get('post')).toMatchObject({ created: 0, updated: 3 });
      const body = (await t.handle.db.selectFrom('posts').select('body_html').where('slug', '=', 'lifeboat-day').executeTakeFirstOrThrow()).body_html;
      expect(body.match(/<figure/g)?.length).toBe(2);
      expect(await t.handle.db.selectFrom('missing_images').select('url').execute()).toHaveLength(5);
    });

    it('an interrupted fetch keeps the files it stored (whole), and a re-run finishes the rest', async () => {
      const other = await freshDb(dialect);
      try {
        const o = { ...opts(), mediaRoot: path.join(other.dataDir, 'media') };
        const abort = new AbortController();
        const err = await importWordPress(other.handle.db, {
          ...o,
          fetchMedia: FETCH,
          signal: abort.signal,
          onProgress: (p) => {
            if (p.phase === 'fetch' && p.done >= 2) abort.abort();
          },
        }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ImportAborted);
        const kept = await other.handle.db.selectFrom('media').selectAll().execute();
        const owned = new Set(kept.flatMap((r) => filesOf(r)));
        const onDisk = fs.existsSync(o.mediaRoot)
          ? (fs.readdirSync(o.mediaRoot, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(o.mediaRoot, f)).isFile())
          : [];
        for (const f of onDisk) expect(owned.has(f.split(path.sep).join('/')), f).toBe(true);
        // Nothing of the posts was written yet: they come after the media.
        expect(await other.handle.db.selectFrom('posts').select('id').execute()).toHaveLength(0);
        const rest = await importWordPress(other.handle.db, { ...o, fetchMedia: FETCH });
        expect(rest.get('post').created).toBe(3);
        expect((await other.handle.db.selectFrom('media').select('id').execute()).length).toBe(4);
        expect(rest.get('attachment').created + rest.get('image').created + rest.get('attachment').updated + rest.get('image').matched).toBe(4);
      } finally {
        await other.cleanup();
      }
    });
  });
}
