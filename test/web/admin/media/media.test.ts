/**
 * The media library over HTTP with real multipart bodies and real images made by sharp: a JPEG
 * with GPS EXIF uploaded and stripped, derivatives and AVIF, <picture>/srcset on the public
 * article; hostile uploads refused with a 4xx and nothing left behind; role boundaries and CSRF;
 * escaping of alt/caption/credit and filenames; search with SQL metacharacters; delete refused
 * while used; the alt-text warning on publish.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { derivativesOf } from '../../../../src/modules/media/media.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import { filesUnder, jpegWithGps, noisyPng, upload, waitFor } from './media-helpers.js';
import { csrfOf } from '../../../helpers/form.js';
import type { Agent } from '../../../helpers/agent.js';

const MAX_MB = '1';

for (const dialect of DIALECTS) {
  describe(`media library (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let author: Agent;
    let editor: Agent;
    let mediaDir: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { env: { MEDIA_MAX_MB: MAX_MB, PAGE_CACHE_MB: '16' } });
      mediaDir = path.join(t.dataDir, 'media');
      author = await signedIn(app, t, 'author');
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const db = () => t.handle.db;
    const mediaCount = async () =>
      Number(
        (
          await db()
            .selectFrom('media')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const idFrom = (location: string | undefined) => Number(/\/admin\/media\/(\d+)/.exec(location ?? '')?.[1]);
    const rowOf = (id: number) => db().selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    /** Nothing changed: same rows, same files. */
    // AVIF files of earlier uploads may appear at any time (the background queue): left out here.
    // AVIF versions (and their temporary files, FILE.avif.PID.RANDOM.tmp) arrive in the background.
    const stillFiles = () => filesUnder(mediaDir).filter((f) => !/\.avif(\.[0-9]+\.[a-z0-9]+\.tmp)?$/.test(f));
    async function expectNothingSaved(before: { rows: number; files: string[] }) {
      expect(await mediaCount()).toBe(before.rows);
      expect(stillFiles()).toEqual(before.files);
    }
    const snapshot = async () => ({ rows: await mediaCount(), files: stillFiles() });
    const lastAudit = () => db().selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

    describe('a JPEG with GPS EXIF', () => {
      let id: number;
      it('is uploaded by an author: row, derivatives, no metadata in any stored file', async () => {
        const bytes = await jpegWithGps();
        expect((await sharp(bytes).metadata()).exif).toBeDefined();
        const res = await upload(app, author, [{ name: 'Harbour Dawn.JPG', type: 'image/jpeg', bytes }], {
          fields: { alt: 'Cranes over the harbour', caption: 'Dawn', credit: 'Lena Park' },
        });
        expect(res.statusCode, res.body).toBe(303);
        id = idFrom(res.headers.location);
        expect(res.headers.location).toBe(`/admin/media/${id}?uploaded=1`);
        const row = await rowOf(id);
        expect(row).toMatchObject({ mime: 'image/jpeg', width: 1200, height: 800, alt: 'Cranes over the harbour', caption: 'Dawn', credit: 'Lena Park' });
        expect(row.path).toMatch(/^\d{4}\/\d{2}\/harbour-dawn\.jpg$/);
        const ds = derivativesOf(row);
        expect(ds.map((d) => `${d.format}@${d.width}x${d.height}`).sort()).toEqual(
          ['jpeg', 'webp'].flatMap((f) => [160, 320, 480, 640, 800, 960].map((w) => `${f}@${w}x${Math.round((w * 2) / 3)}`)).sort(),
        );
        for (const rel of [row.path, ...ds.map((d) => d.path)]) {
          const meta = await sharp(path.join(mediaDir, rel)).metadata();
          expect(meta.exif, rel).toBeUndefined();
          expect(meta.xmp, rel).toBeUndefined();
          expect(meta.iptc, rel).toBeUndefined();
          expect(fs.readFileSync(path.join(mediaDir, rel)).includes('PhoneCo')).toBe(false);
        }
        expect(await lastAudit()).toMatchObject({ action: 'media.uploaded', target_type: 'media', target_id: id, target_label: 'harbour-dawn.jpg' });
        const page = await author.get(`/admin/media/${id}?uploaded=1`);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Uploaded.');
        expect(page.body).toContain('Cranes over the harbour');
      });

      it('gets AVIF versions in the background, then shows on the public article as <picture> with srcset, width and height', async () => {
        const row = await waitFor(async () => {
          const r = await rowOf(id);
          return derivativesOf(r).some((d) => d.format === 'avif') ? r : undefined;
        });
        const avif = derivativesOf(row).filter((d) => d.format === 'avif');
        expect(avif.map((d) => d.width).sort((a, b) => a - b)).toEqual([160, 320, 480, 640, 800, 960]);
        for (const d of avif) expect((await sharp(path.join(mediaDir, d.path)).metadata()).compression).toBe('av1');

        const page = await editor.get('/admin/articles/new');
        const body = JSON.stringify({
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Dawn at the harbour.' }] },
            { type: 'figure', attrs: { mediaId: id, caption: 'The cranes' } },
          ],
        });
        const res = await editor.postRaw('/admin/articles', {
          _csrf: csrfOf(page.body),
          title: 'Cranes at dawn',
          slug: 'cranes-at-dawn',
          body_format: 'json',
          body_json: body,
          featured_media_id: String(id),
          language: 'en',
          comment_status: 'open',
          intent: 'publish',
        });
        expect(res.statusCode, res.body).toBe(303);
        const pub = await app.inject({ method: 'GET', url: '/cranes-at-dawn/' });
        expect(pub.statusCode).toBe(200);
        const pictures = [...pub.body.matchAll(/<picture>([\s\S]*?)<\/picture>/g)].map((m) => m[1]!).filter((p) => p.includes('harbour-dawn'));
        expect(pictures.length).toBe(2);
        for (const p of pictures) {
          // Every width up to the image's own (1200 px stops at 960: within a fifth of it).
          expect(p).toMatch(
            /<source type="image\/avif" srcset="[^"]*harbour-dawn-160\.avif 160w, [^"]*-320\.avif 320w, [^"]*-480\.avif 480w, [^"]*-640\.avif 640w, [^"]*-800\.avif 800w, [^"]*harbour-dawn-960\.avif 960w"/,
          );
          expect(p).toMatch(/<source type="image\/webp" srcset="[^"]*harbour-dawn-480\.webp 480w/);
          expect(p).toMatch(/<img[^>]+srcset="[^"]*harbour-dawn-480\.jpg 480w[^"]*"/);
          expect(p).toMatch(/<img[^>]+width="1200"[^>]+height="800"/);
          expect(p).toContain('alt="Cranes over the harbour"');
        }
        const img = await app.inject({ method: 'GET', url: `/media/${avif[0]!.path}` });
        expect(img.statusCode).toBe(200);
        expect(img.headers['content-type']).toBe('image/avif');
      }, 90_000);
    });

    it('an image uploaded after the article was published reaches it once its AVIF is made', async () => {
      const res = await upload(
        app,
        author,
        [
          {
            name: 'late.png',
            type: 'image/png',
            bytes: await sharp({ create: { width: 600, height: 400, channels: 3, background: '#225533' } })
              .png()
              .toBuffer(),
          },
        ],
        { fields: { alt: 'Green' } },
      );
      expect(res.statusCode, res.body).toBe(303);
      const id = idFrom(res.headers.location);
      // The article is saved before the AVIF exists (the queue may or may not have run yet).
      const page = await editor.get('/admin/articles/new');
      const body = JSON.stringify({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId: id } }] });
      const saved = await editor.postRaw('/admin/articles', {
        _csrf: csrfOf(page.body),
        title: 'Green things',
        slug: 'green-things',
        body_format: 'json',
        body_json: body,
        language: 'en',
        comment_status: 'open',
        intent: 'publish',
      });
      expect(saved.statusCode, saved.body).toBe(303);
      await waitFor(async () => {
        const pub = await app.inject({ method: 'GET', url: '/green-things/' });
        return pub.body.includes('late-480.avif') ? true : undefined;
      });
      const pub = await app.inject({ method: 'GET', url: '/green-things/' });
      expect(pub.body).toMatch(
        /<img[^>]+srcset="[^"]*late-160\.png 160w, [^"]*late-320\.png 320w, [^"]*late-480\.png 480w, [^"]*late-600\.png 600w"[^>]*width="600" height="400"/,
      );
    }, 90_000);

    it('applies the EXIF orientation before stripping it (a phone photo taken upright stays upright)', async () => {
      const sideways = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#556677' } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer();
      expect((await sharp(sideways).metadata()).orientation).toBe(6);
      const res = await upload(app, author, [{ name: 'upright.jpg', type: 'image/jpeg', bytes: sideways }], { fields: { alt: 'Upright' } });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(303);
      const row = await rowOf(idFrom(res.headers.location));
      expect([row.width, row.height]).toEqual([800, 1200]);
      const stored = await sharp(path.join(mediaDir, row.path)).metadata();
      expect([stored.width, stored.height, stored.orientation, stored.exif]).toEqual([800, 1200, undefined, undefined]);
      expect(
        derivativesOf(row)
          .filter((d) => d.format === 'jpeg')
          .map((d) => `${d.width}x${d.height}`),
      ).toEqual(['160x240', '320x480', '480x720', '640x960', '800x1200']);
    });

    it('accepts WebP, an animated GIF and AVIF, typed from the bytes whatever the name says', async () => {
      const frame = (c: string) =>
        sharp({ create: { width: 600, height: 300, channels: 3, background: c } })
          .png()
          .toBuffer();
      const gif = await sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } })
        .gif({ delay: 200 })
        .toBuffer();
      // A 600 px image: every step below it and its own width, in its format and WebP.
      const widths = (...fs: string[]) => fs.flatMap((f) => [160, 320, 480, 600].map((w) => `${f}@${w}`)).sort();
      const cases = [
        {
          name: 'really-webp.jpg',
          bytes: await sharp(await frame('#00aa00'))
            .webp()
            .toBuffer(),
          mime: 'image/webp',
          formats: widths('webp'),
        },
        { name: 'anim.gif', bytes: gif, mime: 'image/gif', formats: widths('gif', 'webp') },
        {
          name: 'photo.avif',
          bytes: await sharp(await frame('#aa00aa'))
            .avif()
            .toBuffer(),
          mime: 'image/avif',
          formats: widths('avif', 'webp'),
        },
      ];
      for (const c of cases) {
        const res = await upload(app, author, [{ name: c.name, type: 'application/octet-stream', bytes: c.bytes }], { fields: { alt: c.name } });
        expect(res.statusCode, `${c.name}: ${res.body.slice(0, 200)}`).toBe(303);
        const row = await rowOf(idFrom(res.headers.location));
        expect(row.mime, c.name).toBe(c.mime);
        expect(row.width, c.name).toBe(600);
        expect(row.height, c.name).toBe(300);
        expect(
          derivativesOf(row)
            .map((d) => `${d.format}@${d.width}`)
            .sort(),
          c.name,
        ).toEqual(c.formats);
        if (c.mime === 'image/gif') {
          const webp = derivativesOf(row).find((d) => d.format === 'webp')!;
          expect((await sharp(path.join(mediaDir, webp.path)).metadata()).pages, 'the animation is kept').toBe(2);
        }
      }
    });

    describe('hostile uploads: a clear 4xx, nothing half-saved', () => {
      const cases: { name: string; file: () => Promise<{ name: string; type: string; bytes: Buffer }>; status: number; message: RegExp }[] = [
        {
          name: 'an HTML file renamed .jpg',
          status: 415,
          message: /not an image of a type we accept/,
          file: async () => ({
            name: 'photo.jpg',
            type: 'image/jpeg',
            bytes: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
          }),
        },
        {
          name: 'an SVG with a script',
          status: 415,
          message: /SVG images .* not accepted/,
          file: async () => ({
            name: 'logo.svg',
            type: 'image/svg+xml',
            bytes: Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>',
            ),
          }),
        },
        {
          name: 'an SVG named .png',
          status: 415,
          message: /SVG images .* not accepted/,
          file: async () => ({
            name: 'logo.png',
            type: 'image/png',
            bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
          }),
        },
        {
          name: 'a TIFF',
          status: 415,
          message: /TIFF files are not accepted/,
          file: async () => ({
            name: 'scan.tif',
            type: 'image/tiff',
            bytes: await sharp({ create: { width: 20, height: 20, channels: 3, background: '#123456' } })
              .tiff()
              .toBuffer(),
          }),
        },
        {
          name: 'a truncated JPEG',
          status: 400,
          message: /damaged or cut short/,
          file: async () => {
            const full = await sharp({
              create: { width: 800, height: 600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
            })
              .jpeg()
              .toBuffer();
            return { name: 'cut.jpg', type: 'image/jpeg', bytes: full.subarray(0, Math.floor(full.length * 0.6)) };
          },
        },
        {
          name: 'zero bytes',
          status: 400,
          message: /The file is empty/,
          file: async () => ({ name: 'empty.jpg', type: 'image/jpeg', bytes: Buffer.alloc(0) }),
        },
        {
          name: `a file over MEDIA_MAX_MB (${MAX_MB} MB)`,
          status: 413,
          message: /larger than 1 MB/,
          file: async () => ({ name: 'huge.png', type: 'image/png', bytes: await noisyPng(1000, 1000) }),
        },
        {
          name: 'a file just over the limit (caught while streaming)',
          status: 413,
          message: /larger than 1 MB/,
          file: async () => {
            const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
              .png()
              .toBuffer();
            return { name: 'padded.png', type: 'image/png', bytes: Buffer.concat([png, Buffer.alloc(1024 * 1024 + 10 * 1024 - png.length)]) };
          },
        },
      ];
      for (const c of cases) {
        it(`${c.name} → ${c.status}`, async () => {
          const before = await snapshot();
          const file = await c.file();
          const res = await upload(app, author, [file]);
          expect(res.statusCode, res.body.slice(0, 300)).toBe(c.status);
          expect(res.body).toMatch(c.message);
          expect(res.headers['content-type']).toContain('text/html');
          await expectNothingSaved(before);
          // The picker gets the same refusal as JSON.
          const json = await upload(app, author, [file], { headers: { accept: 'application/json' } });
          expect(json.statusCode).toBe(c.status);
          expect((json.json() as { error: { message: string } }).error.message).toMatch(c.message);
          await expectNothingSaved(before);
        });
      }

      it('no file at all, two files, and a non-multipart post are 400', async () => {
        const before = await snapshot();
        expect((await upload(app, author, [])).statusCode).toBe(400);
        const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
          .png()
          .toBuffer();
        const two = await upload(app, author, [
          { name: 'a.png', type: 'image/png', bytes: png },
          { name: 'b.png', type: 'image/png', bytes: png },
        ]);
        expect(two.statusCode).toBe(400);
        expect(two.body).toContain('one file at a time');
        const plain = await author.post('/admin/media', { alt: 'x' });
        expect(plain.statusCode).toBe(400);
        await expectNothingSaved(before);
      });

      it('path traversal and markup in the file name are neutralised', async () => {
        const png = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#884422' } })
          .png()
          .toBuffer();
        for (const name of ['../../../etc/passwd.png', '..\\..\\windows\\evil.png', '<img src=x onerror=alert(1)>.png', '%2e%2e%2fup.png']) {
          const res = await upload(app, author, [{ name, type: 'image/png', bytes: png }]);
          expect(res.statusCode, name).toBe(303);
          const row = await rowOf(idFrom(res.headers.location));
          expect(row.path).toMatch(/^\d{4}\/\d{2}\/[a-z0-9_-]+\.png$/);
          const page = await author.get(`/admin/media/${row.id}`);
          expect(page.body).not.toContain('<img src=x');
        }
        const lib = await author.get('/admin/media');
        expect(lib.body).not.toMatch(/<img src=x onerror/);
        // Nothing was written outside the media folder.
        expect(fs.existsSync(path.join(t.dataDir, 'etc'))).toBe(false);
        expect(filesUnder(mediaDir).every((f) => !f.includes('..'))).toBe(true);
      });

      it('the same file name twice gets two files, never overwriting the first', async () => {
        const a = await sharp({ create: { width: 30, height: 30, channels: 3, background: '#ff0000' } })
          .png()
          .toBuffer();
        const b = await sharp({ create: { width: 30, height: 30, channels: 3, background: '#0000ff' } })
          .png()
          .toBuffer();
        const r1 = await upload(app, author, [{ name: 'same.png', type: 'image/png', bytes: a }]);
        const r2 = await upload(app, author, [{ name: 'same.png', type: 'image/png', bytes: b }]);
        const p1 = (await rowOf(idFrom(r1.headers.location))).path;
        const p2 = (await rowOf(idFrom(r2.headers.location))).path;
        expect(p1).not.toBe(p2);
        const { data } = await sharp(path.join(mediaDir, p1)).raw().toBuffer({ resolveWithObject: true });
        expect([data[0], data[1], data[2]]).toEqual([255, 0, 0]);
      });
      it("a later image's AVIF never replaces an earlier upload that has its derivative's name", async () => {
        const red = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#ff0000' } })
          .avif()
          .toBuffer();
        const first = await rowOf(
          idFrom((await upload(app, author, [{ name: 'clash-480.avif', type: 'image/avif', bytes: red }], { fields: { alt: 'Red' } })).headers.location),
        );
        expect(first.path).toMatch(/\/clash-480\.avif$/);
        const blue = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#0000ff' } })
          .jpeg()
          .toBuffer();
        const second = idFrom(
          (await upload(app, author, [{ name: 'clash.jpg', type: 'image/jpeg', bytes: blue }], { fields: { alt: 'Blue' } })).headers.location,
        );
        const row = await waitFor(async () => {
          const r = await rowOf(second);
          return derivativesOf(r).some((d) => d.format === 'avif') ? r : undefined;
        });
        // Its other AVIF widths were made; the 480 px one would have taken the first upload's name.
        expect(
          derivativesOf(row)
            .filter((d) => d.format === 'avif')
            .map((d) => d.width)
            .sort((x, y) => x - y),
        ).toEqual([160, 320, 640, 800, 960]);
        const { data } = await sharp(path.join(mediaDir, first.path)).raw().toBuffer({ resolveWithObject: true });
        expect([data[0]! > 200, data[2]! < 50]).toEqual([true, true]);
        expect(filesUnder(mediaDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }, 90_000);
    });

    describe('roles and CSRF', () => {
      const png = () =>
        sharp({ create: { width: 20, height: 20, channels: 3, background: '#abcdef' } })
          .png()
          .toBuffer();
      it('a contributor cannot upload (403) but may browse the library', async () => {
        const before = await snapshot();
        const contributor = await signedIn(app, t, 'contributor');
        const res = await upload(app, contributor, [{ name: 'c.png', type: 'image/png', bytes: await png() }]);
        expect(res.statusCode).toBe(403);
        expect(res.body).toContain('does not allow you to upload images');
        await expectNothingSaved(before);
        const lib = await contributor.get('/admin/media');
        expect(lib.statusCode).toBe(200);
        expect(lib.body).not.toContain('enctype="multipart/form-data"');
        expect((await contributor.get('/admin/media.json')).statusCode).toBe(200);
      });

      it('anonymous: redirected to log in, nothing saved; the JSON is not readable', async () => {
        const before = await snapshot();
        const nobody = await signedIn(app, t, 'anonymous');
        const res = await upload(app, nobody, [{ name: 'a.png', type: 'image/png', bytes: await png() }], { csrf: false });
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toMatch(/^\/admin\/login/);
        expect((await nobody.get('/admin/media')).statusCode).toBe(303);
        expect((await nobody.get('/admin/media.json')).statusCode).toBe(303);
        await expectNothingSaved(before);
      });

      it('a missing or wrong CSRF token → 403; the token in a header works for the picker', async () => {
        const before = await snapshot();
        const missing = await upload(app, author, [{ name: 'a.png', type: 'image/png', bytes: await png() }], { csrf: false });
        expect(missing.statusCode).toBe(403);
        expect(missing.body).toContain('did not come from this site');
        const wrong = await upload(app, author, [{ name: 'a.png', type: 'image/png', bytes: await png() }], { csrf: 'not-a-token' });
        expect(wrong.statusCode).toBe(403);
        const jsonMissing = await upload(app, author, [{ name: 'a.png', type: 'image/png', bytes: await png() }], {
          csrf: false,
          headers: { accept: 'application/json' },
        });
        expect(jsonMissing.statusCode).toBe(403);
        expect(jsonMissing.json()).toMatchObject({ error: { code: 'CSRF' } });
        await expectNothingSaved(before);
        const token = csrfOf((await author.get('/admin/media')).body);
        const ok = await upload(app, author, [{ name: 'header.png', type: 'image/png', bytes: await png() }], {
          csrf: false,
          headers: { 'x-csrf-token': token, accept: 'application/json' },
        });
        expect(ok.statusCode, ok.body).toBe(201);
        expect(ok.json()).toMatchObject({ item: { filename: 'header.png', width: 20, height: 20 } });
      });

      it('alt text edits need media.upload; delete needs an editor', async () => {
        const res = await upload(app, author, [{ name: 'roles.png', type: 'image/png', bytes: await png() }]);
        const id = idFrom(res.headers.location);
        const contributor = await signedIn(app, t, 'contributor');
        expect((await contributor.post(`/admin/media/${id}`, { alt: 'x' }, '/admin/media')).statusCode).toBe(403);
        expect((await author.post(`/admin/media/${id}/delete`, {}, '/admin/media')).statusCode).toBe(403);
        expect((await author.post(`/admin/media/${id}`, { alt: 'Blue square', caption: '', credit: '' }, '/admin/media')).statusCode).toBe(303);
        expect((await rowOf(id)).alt).toBe('Blue square');
      });

      it("an author may not change the texts of an image shown in someone else's article, nor see that draft's title", async () => {
        const id = idFrom(
          (await upload(app, author, [{ name: 'shared.png', type: 'image/png', bytes: await png() }], { fields: { alt: 'Shared square' } })).headers.location,
        );
        const form = await editor.get('/admin/articles/new');
        const body = JSON.stringify({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId: id } }] });
        await editor.postRaw('/admin/articles', {
          _csrf: csrfOf(form.body),
          title: 'Editor secret draft',
          slug: 'editor-secret-draft',
          body_format: 'json',
          body_json: body,
          language: 'en',
          comment_status: 'open',
          intent: 'save',
        });
        const page = await author.get(`/admin/media/${id}`);
        expect(page.body).not.toContain('Editor secret draft');
        expect(page.body).toContain('An unpublished article');
        const refused = await author.post(`/admin/media/${id}`, { alt: 'Defaced', caption: 'x', credit: '' }, `/admin/media/${id}`);
        expect(refused.statusCode).toBe(403);
        expect(refused.body).toContain('may not change');
        expect((await rowOf(id)).alt).toBe('Shared square');
        // The editor may; so may the author once only their own articles use it.
        expect((await editor.get(`/admin/media/${id}`)).body).toContain('Editor secret draft');
        expect((await editor.post(`/admin/media/${id}`, { alt: 'Square, shared', caption: '', credit: '' }, `/admin/media/${id}`)).statusCode).toBe(303);
        expect((await rowOf(id)).alt).toBe('Square, shared');
      });
    });

    describe('role matrix', () => {
      const ROLES = ['owner', 'editor', 'author', 'contributor', 'anonymous'] as const;
      const ALL = ['owner', 'editor', 'author', 'contributor'];
      const UPLOADERS = ['owner', 'editor', 'author'];
      const EDITORS = ['owner', 'editor'];
      let id: number;
      beforeAll(async () => {
        id = idFrom(
          (
            await upload(app, editor, [
              {
                name: 'matrix.png',
                type: 'image/png',
                bytes: await sharp({ create: { width: 20, height: 20, channels: 3, background: '#999' } })
                  .png()
                  .toBuffer(),
              },
            ])
          ).headers.location,
        );
      });
      const cases: { name: string; allowed: string[]; ok: number; run: (a: Agent) => Promise<{ statusCode: number }> }[] = [
        { name: 'GET /admin/media', allowed: ALL, ok: 200, run: (a) => a.get('/admin/media?q=matrix&page=1') },
        { name: 'GET /admin/media.json', allowed: ALL, ok: 200, run: (a) => a.get('/admin/media.json?q=matrix') },
        { name: 'GET /admin/media/:id', allowed: ALL, ok: 200, run: (a) => a.get(`/admin/media/${id}`) },
        {
          name: 'POST /admin/media (upload)',
          allowed: UPLOADERS,
          ok: 303,
          run: async (a) =>
            upload(
              app,
              a,
              [
                {
                  name: 'm.png',
                  type: 'image/png',
                  bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123' } })
                    .png()
                    .toBuffer(),
                },
              ],
              { csrf: a.cookies.has('bs_session') },
            ),
        },
        {
          name: 'POST /admin/media/:id (texts)',
          allowed: UPLOADERS,
          ok: 303,
          run: (a) => a.post(`/admin/media/${id}`, { alt: 'Grey', caption: '', credit: '' }),
        },
        {
          name: 'POST /admin/media/:id/delete (unused image)',
          allowed: EDITORS,
          ok: 303,
          run: async (a) => {
            const victim = idFrom(
              (
                await upload(app, editor, [
                  {
                    name: 'victim.png',
                    type: 'image/png',
                    bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#321' } })
                      .png()
                      .toBuffer(),
                  },
                ])
              ).headers.location,
            );
            return a.post(`/admin/media/${victim}/delete`);
          },
        },
      ];
      for (const c of cases) {
        for (const who of ROLES) {
          const expected = who === 'anonymous' ? 303 : c.allowed.includes(who) ? c.ok : 403;
          it(`${c.name} as ${who} → ${expected}`, async () => {
            const a = await signedIn(app, t, who);
            const res = await c.run(a);
            expect(res.statusCode).toBe(expected);
          });
        }
      }
    });

    describe('escaping, validation and search', () => {
      let id: number;
      beforeAll(async () => {
        const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#778899' } })
          .png()
          .toBuffer();
        id = idFrom((await upload(app, author, [{ name: 'escape-me.png', type: 'image/png', bytes: png }])).headers.location);
      });

      it('alt, caption and credit with markup are stored as text and rendered escaped', async () => {
        const evil = { alt: '"><script>alert(1)</script>', caption: '<img src=x onerror=alert(2)> caption', credit: "O'Brien & <b>Sons</b>" };
        const res = await editor.post(`/admin/media/${id}`, evil, '/admin/media');
        expect(res.statusCode).toBe(303);
        expect(await rowOf(id)).toMatchObject(evil);
        expect(await lastAudit()).toMatchObject({ action: 'media.updated', target_id: id, detail: 'Changed alt, caption, credit' });
        for (const url of [`/admin/media/${id}`, '/admin/media', '/admin/media?q=script']) {
          const page = await editor.get(url);
          expect(page.body).not.toContain('<script>alert(1)');
          expect(page.body).not.toContain('<img src=x onerror');
        }
        const page = await editor.get(`/admin/media/${id}`);
        expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
        const json = await editor.get('/admin/media.json?q=escape-me');
        expect((json.json() as { items: { alt: string }[] }).items[0]!.alt).toBe(evil.alt);
        // On the public site, in a figure.
        const form = await editor.get('/admin/articles/new');
        const body = JSON.stringify({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId: id } }] });
        await editor.postRaw('/admin/articles', {
          _csrf: csrfOf(form.body),
          title: 'Escapes',
          slug: 'escapes',
          body_format: 'json',
          body_json: body,
          language: 'en',
          comment_status: 'open',
          intent: 'publish',
        });
        const pub = await app.inject({ method: 'GET', url: '/escapes/' });
        expect(pub.statusCode).toBe(200);
        expect(pub.body).not.toContain('<script>alert(1)');
        expect(pub.body).not.toContain('<img src=x onerror');
        expect(pub.body).not.toContain('<b>Sons</b>');
        expect(pub.body).toMatch(/O(&#39;|&#x27;|')Brien &amp; &lt;b/);
      });

      it('too long or repeated fields are refused with a message, nothing changed', async () => {
        const before = await rowOf(id);
        const long = await editor.post(`/admin/media/${id}`, { alt: 'a'.repeat(501), caption: 'c'.repeat(1001), credit: 'x' }, '/admin/media');
        expect(long.statusCode).toBe(400);
        expect(long.body).toContain('The alt text is longer than 500 characters.');
        expect(long.body).toContain('The caption is longer than 1,000 characters.');
        const twice = await editor.post(`/admin/media/${id}`, { alt: ['a', 'b'] }, '/admin/media');
        expect(twice.statusCode).toBe(400);
        const upTooLong = await upload(
          app,
          author,
          [
            {
              name: 'x.png',
              type: 'image/png',
              bytes: await sharp({ create: { width: 5, height: 5, channels: 3, background: '#000' } })
                .png()
                .toBuffer(),
            },
          ],
          { fields: { credit: 'c'.repeat(201) } },
        );
        expect(upTooLong.statusCode).toBe(400);
        expect(upTooLong.body).toContain('The credit is longer than 200 characters.');
        expect(await rowOf(id)).toEqual(before);
      });

      it('search takes SQL metacharacters literally', async () => {
        for (const q of ["'; drop table media; --", '%', '_', '\\', '%_%', "' or 1=1 --", 'ESCAPE-ME']) {
          const page = await editor.get(`/admin/media?q=${encodeURIComponent(q)}`);
          expect(page.statusCode, q).toBe(200);
          const json = await editor.get(`/admin/media.json?q=${encodeURIComponent(q)}`);
          expect(json.statusCode, q).toBe(200);
          const names = (json.json() as { items: { filename: string }[] }).items.map((i) => i.filename);
          if (q === 'ESCAPE-ME') expect(names).toEqual(['escape-me.png']);
          else if (q !== '_') expect(names, q).toEqual([]);
        }
        expect(await mediaCount()).toBeGreaterThan(0);
        // By alt text, caption and credit, case-insensitively.
        for (const q of ['cranes over', 'DAWN', 'lena park']) {
          const names = ((await editor.get(`/admin/media.json?q=${encodeURIComponent(q)}`)).json() as { items: { filename: string }[] }).items.map(
            (i) => i.filename,
          );
          expect(names, q).toContain('harbour-dawn.jpg');
        }
      });

      it('paginates', async () => {
        const res = await editor.get('/admin/media?page=99999');
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('No images yet.'.slice(0, 0));
        expect((await editor.get('/admin/media?page=abc')).statusCode).toBe(200);
        expect((await editor.get('/admin/media/999999999')).statusCode).toBe(404);
        expect((await editor.get('/admin/media/abc')).statusCode).toBe(404);
      });
    });

    describe('delete and the alt-text warning', () => {
      it('delete is refused (409) while an article uses the image, and removes row and files once unused', async () => {
        const png = await sharp({ create: { width: 700, height: 500, channels: 3, background: '#553311' } })
          .png()
          .toBuffer();
        const id = idFrom(
          (await upload(app, author, [{ name: 'to-delete.png', type: 'image/png', bytes: png }], { fields: { alt: 'Brown' } })).headers.location,
        );
        const row = await rowOf(id);
        const form = await editor.get('/admin/articles/new');
        const res = await editor.postRaw('/admin/articles', {
          _csrf: csrfOf(form.body),
          title: 'Uses it',
          slug: 'uses-it',
          body_text: 'Text.',
          featured_media_id: String(id),
          language: 'en',
          comment_status: 'open',
          intent: 'save',
        });
        expect(res.statusCode, res.body).toBe(303);
        const articleId = Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location!)![1]);
        const page = await editor.get(`/admin/media/${id}`);
        expect(page.body).toContain('Uses it');
        expect(page.body).not.toContain(`/admin/media/${id}/delete`);
        const refused = await editor.post(`/admin/media/${id}/delete`, {}, '/admin/media');
        expect(refused.statusCode).toBe(409);
        expect(refused.body).toContain('“Uses it”');
        expect(await rowOf(id)).toBeDefined();
        await db().updateTable('posts').set({ featured_media_id: null }).where('id', '=', articleId).execute();
        await app.inject({ method: 'GET', url: '/' });
        // Wait for its AVIF so the background job cannot write after the delete.
        await waitFor(async () => derivativesOf(await rowOf(id)).some((d) => d.format === 'avif'));
        const before = filesUnder(mediaDir);
        const ok = await editor.post(`/admin/media/${id}/delete`, {}, '/admin/media');
        expect(ok.statusCode).toBe(303);
        expect(ok.headers.location).toBe('/admin/media?notice=deleted');
        expect(await lastAudit()).toMatchObject({ action: 'media.deleted', target_id: id });
        expect(await db().selectFrom('media').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
        const after = filesUnder(mediaDir);
        const base = row.path.replace(/\.png$/, '');
        expect(after.filter((f) => f.startsWith(base))).toEqual([]);
        expect(before.filter((f) => f.startsWith(base)).length).toBeGreaterThan(3);
      }, 60_000);

      it('publishing an article whose images have no alt text shows a warning (and still publishes)', async () => {
        const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#101010' } })
          .png()
          .toBuffer();
        const noAlt = idFrom((await upload(app, author, [{ name: 'no-alt.png', type: 'image/png', bytes: png }])).headers.location);
        const withAlt = idFrom(
          (await upload(app, author, [{ name: 'with-alt.png', type: 'image/png', bytes: png }], { fields: { alt: 'A dark square' } })).headers.location,
        );
        const form = await author.get('/admin/articles/new');
        const body = JSON.stringify({
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Hi.' }] },
            { type: 'figure', attrs: { mediaId: noAlt } },
            { type: 'figure', attrs: { mediaId: withAlt } },
          ],
        });
        const res = await author.postRaw('/admin/articles', {
          _csrf: csrfOf(form.body),
          title: 'Missing alt',
          slug: 'missing-alt',
          body_format: 'json',
          body_json: body,
          featured_media_id: String(noAlt),
          language: 'en',
          comment_status: 'open',
          intent: 'publish',
        });
        expect(res.statusCode, res.body).toBe(303);
        const articleId = Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location!)![1]);
        expect((await db().selectFrom('posts').select('status').where('id', '=', articleId).executeTakeFirstOrThrow()).status).toBe('published');
        const page = await author.get(res.headers.location!);
        expect(page.body).toContain('Images without alt text');
        expect(page.body).toContain(`The featured image (image ${noAlt})`);
        expect(page.body).toContain(`An image in the text (image ${noAlt})`);
        expect(page.body).not.toContain(`(image ${withAlt})`);
        // Alt text given in the library: the warning goes away, and the stored body follows.
        await author.post(`/admin/media/${noAlt}`, { alt: 'A black square', caption: '', credit: '' }, '/admin/media');
        const again = await author.get(`/admin/articles/${articleId}`);
        expect(again.body).not.toContain('Images without alt text');
        const pub = await app.inject({ method: 'GET', url: '/missing-alt/' });
        expect(pub.body).toContain('alt="A black square"');
      });
    });
  });
}
