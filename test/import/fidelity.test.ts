/**
 * A migrated site looks like the one it came from: an export of our own (shaped like a WordPress
 * 6 export: block-editor and classic posts, cached oEmbed answers, footnotes, post formats,
 * comments out of order, an unsplit "]]>" in a CDATA section), imported on both databases and
 * read back as readers see it: galleries, quote cards with the post's words, footnotes that link
 * both ways, asides without headlines, descriptions and share images from the article itself,
 * comments oldest first; the export carries the post format back.
 */
import { PassThrough } from 'node:stream';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { cdataMender, readWxr } from '../../src/import/wordpress/wxr-reader.js';
import { WxrError } from '../../src/import/wordpress/wxr.js';
import type { ImportReport } from '../../src/import/report.js';
import { exportWxr } from '../../src/import/export/export-wxr.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { NOW } from '../helpers/clock.js';
import { importGazette, WXR } from './fidelity-fixture.js';

describe('CDATA sections WordPress tolerates', () => {
  const whole =
    '<a><![CDATA[x ]]> y]]></a><b><![CDATA[ok]]]]><![CDATA[>]]></b><c> <![CDATA[z]]> </c><content:encoded><![CDATA[<p>a ]]]]><![CDATA[> b</p>]]></content:encoded>';
  const mendAll = (parts: string[]) => {
    const m = cdataMender();
    return parts.map((p) => m.write(p)).join('') + m.end();
  };
  it('splits an inner "]]>" as WordPress does, whatever the chunk boundaries; leaves proper sections alone', () => {
    const expected = whole.replace('x ]]> y', 'x ]]]]><![CDATA[> y');
    expect(mendAll([whole])).toBe(expected);
    for (let i = 1; i < whole.length; i++) expect(mendAll([whole.slice(0, i), whole.slice(i)]), `split at ${i}`).toBe(expected);
    expect(mendAll([...whole])).toBe(expected);
  });

  it('reads an export with one, keeps its text; a file that is truly broken is still refused with its line', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'wxr-cdata-'));
    try {
      const good = path.join(dir, 'good.xml');
      fs.writeFileSync(good, WXR);
      const items: string[] = [];
      for await (const r of readWxr(good)) if (r.kind === 'item' && r.item.id === '25') items.push(r.item.content);
      expect(items).toEqual(['<p>An array in C: <code>a[b[0]]> 1</code> is legal.</p>']);
      const bad = path.join(dir, 'bad.xml');
      fs.writeFileSync(bad, WXR.replace('<wp:post_id>22</wp:post_id>', '<wp:post_id>22</wp:postid>'));
      const err = await (async () => {
        for await (const _ of readWxr(bad)) {
          /* drain */
        }
      })().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WxrError);
      expect((err as WxrError).message).toMatch(/line \d+, column \d+/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`an import looks like the old site (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let report: ImportReport;
    const page = async (url: string) => {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      return res.body;
    };

    beforeAll(async () => {
      t = await freshDb(dialect);
      report = await importGazette(t);
      app = await testApp(t);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('the block-editor article: one gallery with its captions, the quote card in the post’s own words, footnotes both ways, the poll hidden', async () => {
      const html = await page('/harbour-reopens/');
      expect(html.match(/<figure class="gallery gallery--cols-2">/g)).toHaveLength(1);
      expect(html.match(/<figure class="figure gallery__item">/g)).toHaveLength(2);
      expect(html).toContain('The east quay</figcaption>');
      expect(html.match(/The harbour, reopened/g)).toHaveLength(1);
      expect(html).toContain('Ferries run again from Monday.');
      expect(html).toContain('<bdi class="quote-card__author">Velmar Ferries</bdi> <bdi class="quote-card__handle">@velmarferries</bdi>');
      expect(html).toContain('<time datetime="2024-05-13T00:00:00.000Z">');
      expect(html).toContain('Monday<sup class="fn" id="fnref-1"><a href="#fn-1">1</a></sup>');
      expect(html).toMatch(/<li id="fn-1">Port authority notice, 20 May\. <a class="footnote-back" href="#fnref-1"/);
      expect(html).not.toContain('[poll');
      expect(html).toContain('Vote in our poll:');
      // The stored article keeps the poll for an editor.
      const row = await t.handle.db.selectFrom('posts').select('body_doc').where('slug', '=', 'harbour-reopens').executeTakeFirstOrThrow();
      expect(row.body_doc).toContain('[poll id=&quot;4&quot;]');
    });

    it('the classic article: the 300 px image beside the text at its size, the [gallery] one gallery in three columns', async () => {
      const html = await page('/crane-stays/');
      expect(html).toMatch(/<figure class="figure figure--right figure--sized"><picture>.*?<img [^>]*width="300" height="188"/);
      expect(html).toContain('<figure class="gallery gallery--cols-3">');
      expect(html).toContain('The quay at dawn');
    });

    it('a post split into pages is one article, its pages divided by a rule; each page’s old address answers with it', async () => {
      const classic = await page('/long-read/');
      expect(classic).toMatch(/<p>The first part of the story\.<\/p>\s*<hr ?\/?>\s*<p>The second part\.<\/p>\s*<hr ?\/?>\s*<p>The third part\.<\/p>/);
      expect(await page('/block-pages/')).toMatch(/<p>Page one\.<\/p>\s*<hr ?\/?>\s*<p>Page two\.<\/p>/);
      for (const url of ['/long-read/2/', '/long-read/3/']) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(301);
        expect(res.headers.location, url).toBe('/long-read/');
      }
      expect((await app.inject('/no-such-post/2/')).statusCode).toBe(404);
      expect((await app.inject('/long-read/0/')).statusCode).toBe(404);
    });

    it('a site that lived in a subdirectory keeps every address under it', async () => {
      const cases: [string, string][] = [
        ['/news/', '/'],
        ['/news/crane-stays/', '/crane-stays/'],
        ['/news/category/harbour/', '/category/harbour/'],
        ['/news/tag/cranes/', '/tag/cranes/'],
        ['/news/feed/', '/feed/'],
        ['/news/page/2/', '/page/2/'],
        ['/news/2024/05/', '/2024/05/'],
        ['/news/?attachment_id=11', '/?attachment_id=11'],
        ['/news/category/harbour/feed/', '/category/harbour/feed/'],
      ];
      for (const [from, to] of cases) {
        const res = await app.inject(from);
        expect(res.statusCode, from).toBe(301);
        expect(res.headers.location, from).toBe(to);
        const there = await app.inject(to);
        expect([200, 301], to).toContain(there.statusCode);
      }
      const media = await app.inject('/?attachment_id=11');
      expect(media.statusCode).toBe(301);
      expect(String(media.headers.location)).toMatch(/^\/media\/.*quay.*\.jpg$/);
      const author = await app.inject('/news/author/editor/');
      expect(author.statusCode).toBe(301);
      expect((await app.inject(String(author.headers.location))).statusCode).toBe(200);
      // A path outside the old site's directory is not taken for one of its addresses.
      expect((await app.inject('/newsroom/')).statusCode).toBe(404);
    });

    it('comments read oldest first, replies under their parent, whatever the file’s order', async () => {
      const html = await page('/harbour-reopens/');
      const order = [...html.matchAll(/<p>(First of all\.|Second, dated earlier than the reply\.|A reply, written last\.)<\/p>/g)].map((m) => m[1]);
      expect(order).toEqual(['First of all.', 'A reply, written last.', 'Second, dated earlier than the reply.']);
    });

    it('descriptions and share images come from the article: its first words, its first image', async () => {
      const html = await page('/crane-stays/');
      expect(html).toContain('<meta name="description" content="The old crane will stay, the council said on Tuesday."/>');
      expect(html).toContain('<meta property="og:description" content="The old crane will stay, the council said on Tuesday."/>');
      const og =
        /<meta property="og:image" content="([^"]+)"\/><meta property="og:image:width" content="(\d+)"\/><meta property="og:image:height" content="(\d+)"\/>/.exec(
          html,
        );
      expect(og?.[1]).toMatch(/^https?:\/\/[^/]+\/media\/.*quay.*\.jpg$/);
      const file = await app.inject(og![1]!.replace(/^https?:\/\/[^/]+/, ''));
      expect(file.statusCode).toBe(200);
      const dims = await sharp(file.rawPayload).metadata();
      expect([dims.width, dims.height]).toEqual([Number(og![2]), Number(og![3])]);
      expect(/"description":"([^"]+)"/.exec(html)?.[1]).toBe('The old crane will stay, the council said on Tuesday.');
    });

    it('an aside is its words on the home page, with no headline; a quote keeps its format; the report lists both, and the hidden poll', async () => {
      const home = await page('/');
      expect(home).toMatch(
        /<p class="card__note"><a class="card__link" href="\/quick-note\/">Back online after the power cut\. Thanks for waiting\.<\/a><\/p>/,
      );
      expect(home).not.toMatch(/<h[23] class="card__title"><a class="card__link" href="\/quick-note\/">/);
      const formats = await t.handle.db.selectFrom('posts').select(['slug', 'format']).where('type', '=', 'post').orderBy('slug').execute();
      expect(Object.fromEntries(formats.map((r) => [r.slug, r.format]))).toMatchObject({
        'quick-note': 'aside',
        'a-quote': 'quote',
        'crane-stays': 'standard',
      });
      expect(Object.fromEntries(report.formats)).toEqual({ aside: 1, quote: 1 });
      expect(Object.fromEntries(report.notConverted)).toEqual({ '[poll]': 1 });
      expect(report.format()).toContain('Post formats kept');
      expect(report.warnings.join('\n')).toContain('[poll] of a plugin we do not have: hidden from readers');
    });

    it('the export writes the post format back as WordPress has it', async () => {
      const file = path.join(t.dataDir, 'out.xml');
      const out = fs.createWriteStream(file);
      await exportWxr(t.handle.db, { out, siteUrl: 'https://news.example', siteName: 'The Gazette', language: 'en', now: NOW });
      await new Promise<void>((resolve) => out.end(resolve));
      const xml = fs.readFileSync(file, 'utf8');
      expect(xml).toContain('<category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>');
      expect(xml).toContain('nicename="post-format-quote"');
    });

    it('keeps the author’s address for the export, and shows it nowhere', async () => {
      const row = await t.handle.db.selectFrom('authors').select(['slug', 'email', 'public_email']).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ email: 'editor@gazette.example', public_email: '' });
      for (const url of [`/author/${row.slug}/`, '/crane-stays/', `/author/${row.slug}/feed/`, '/api/v1/posts'])
        expect(await page(url), url).not.toContain('editor@gazette.example');
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await exportWxr(t.handle.db, { out, siteUrl: 'https://news.example', siteName: 'The Gazette', language: 'en', now: NOW });
      expect(Buffer.concat(chunks).toString('utf8')).toContain('<wp:author_email><![CDATA[editor@gazette.example]]></wp:author_email>');
    });
  });
}
