/**
 * A migrated site looks like the one it came from: an export of our own (shaped like a WordPress
 * 6 export: block-editor and classic posts, cached oEmbed answers, footnotes, post formats,
 * comments out of order, an unsplit "]]>" in a CDATA section), imported on both databases and
 * read back as readers see it: galleries, quote cards with the post's words, footnotes that link
 * both ways, asides without headlines, descriptions and share images from the article itself,
 * comments oldest first; the export carries the post format back.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importWordPress } from '../../src/import/wordpress/import-wordpress.js';
import { cdataMender, readWxr } from '../../src/import/wordpress/wxr-reader.js';
import { WxrError } from '../../src/import/wordpress/wxr.js';
import type { ImportReport } from '../../src/import/report.js';
import { exportWxr } from '../../src/import/export/export-wxr.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { NOW } from '../helpers/clock.js';

const KEY = Buffer.alloc(32, 7);
const OLD = 'https://gazette.example';
const up = (f: string) => `${OLD}/wp-content/uploads/2024/05/${f}`;

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const meta = (k: string, v: string) => `<wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`;

function item(o: {
  id: number;
  slug: string;
  title: string;
  content: string;
  excerpt?: string;
  date?: string;
  format?: string;
  type?: string;
  extra?: string;
  comments?: string;
}): string {
  const date = o.date ?? '2024-05-20 09:00:00';
  return `<item><title>${cdata(o.title)}</title><link>${OLD}/${o.slug}/</link><dc:creator>${cdata('editor')}</dc:creator>
<content:encoded>${cdata(o.content)}</content:encoded><excerpt:encoded>${cdata(o.excerpt ?? '')}</excerpt:encoded>
<wp:post_id>${o.id}</wp:post_id><wp:post_date>${cdata(date)}</wp:post_date><wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
<wp:comment_status>${cdata('open')}</wp:comment_status><wp:post_name>${cdata(o.slug)}</wp:post_name><wp:status>${cdata(o.type === 'attachment' ? 'inherit' : 'publish')}</wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type>${cdata(o.type ?? 'post')}</wp:post_type><wp:is_sticky>0</wp:is_sticky>
${o.format ? `<category domain="post_format" nicename="post-format-${o.format}">${cdata(o.format)}</category>` : ''}${o.extra ?? ''}${o.comments ?? ''}</item>`;
}

const attachment = (id: number, file: string, caption: string, alt: string) =>
  item({
    id,
    slug: file.replace(/\..*$/, ''),
    title: file,
    content: '',
    excerpt: caption,
    type: 'attachment',
    extra: `<wp:attachment_url>${cdata(up(file))}</wp:attachment_url>${meta('_wp_attachment_image_alt', alt)}`,
  });

const comment = (id: number, parent: number, author: string, date: string, text: string) =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(author)}</wp:comment_author><wp:comment_author_email>${cdata(`${author.toLowerCase()}@example.org`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>${cdata('203.0.113.9')}</wp:comment_author_IP><wp:comment_date>${cdata(date)}</wp:comment_date><wp:comment_date_gmt>${cdata(date)}</wp:comment_date_gmt><wp:comment_content>${cdata(text)}</wp:comment_content><wp:comment_approved>${cdata('1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;

const X_ANSWER =
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Ferries run again from Monday.</p>&mdash; Velmar Ferries (@velmarferries) <a href="https://twitter.com/velmarferries/status/1790000000000000001?ref_src=twsrc%5Etfw">May 13, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>';

const image = (id: number, file: string, caption = '') =>
  `<!-- wp:image {"id":${id},"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="${up(file)}" alt="" class="wp-image-${id}"/>${caption ? `<figcaption class="wp-element-caption">${caption}</figcaption>` : ''}</figure>\n<!-- /wp:image -->`;

const BLOCK_POST = [
  '<!-- wp:paragraph -->\n<p>The harbour reopened on Monday<sup data-fn="fn-a" class="fn"><a href="#fn-a" id="fn-a-link">1</a></sup>, three weeks after the storm.</p>\n<!-- /wp:paragraph -->',
  `<!-- wp:gallery {"columns":2,"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images columns-2 is-cropped">${image(11, 'quay.jpg', 'The east quay')}\n\n${image(12, 'boats.jpg')}<figcaption class="blocks-gallery-caption wp-element-caption">The harbour, reopened</figcaption></figure>\n<!-- /wp:gallery -->`,
  '<!-- wp:embed {"url":"https://x.com/velmarferries/status/1790000000000000001","type":"rich","providerNameSlug":"twitter"} -->\n<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">\nhttps://x.com/velmarferries/status/1790000000000000001\n</div></figure>\n<!-- /wp:embed -->',
  '<!-- wp:paragraph -->\n<p>Vote in our poll: [poll id="4"]</p>\n<!-- /wp:paragraph -->',
  '<!-- wp:footnotes /-->',
].join('\n\n');

const CLASSIC_POST =
  '<img class="alignright size-medium wp-image-11" src="' +
  up('quay-300x200.jpg') +
  '" alt="Quay" width="300" height="200" />The old crane will stay, the council said on Tuesday.\n\nIt was built in 1911.\n\n[gallery columns="3" ids="11,12"]';

const WXR = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>The Gazette</title><link>${OLD}</link><description>News</description><language>en-GB</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${OLD}</wp:base_site_url><wp:base_blog_url>${OLD}</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('editor')}</wp:author_login><wp:author_email>${cdata('editor@gazette.example')}</wp:author_email><wp:author_display_name>${cdata('The Editor')}</wp:author_display_name></wp:author>
${attachment(11, 'quay.jpg', 'The quay at dawn', 'The east quay')}
${attachment(12, 'boats.jpg', 'Boats', 'Fishing boats')}
${item({
  id: 21,
  slug: 'harbour-reopens',
  title: 'The harbour reopens',
  content: BLOCK_POST,
  extra:
    meta('_oembed_5f1e', X_ANSWER) +
    meta('_oembed_time_5f1e', '1716000000') +
    meta('footnotes', JSON.stringify([{ id: 'fn-a', content: 'Port authority notice, 20 May.' }])),
  comments: [
    comment(103, 101, 'Chris', '2024-05-20 12:00:00', 'A reply, written last.'),
    comment(102, 0, 'Bea', '2024-05-20 10:30:00', 'Second, dated earlier than the reply.'),
    comment(101, 0, 'Ana', '2024-05-20 10:00:00', 'First of all.'),
  ].join(''),
})}
${item({ id: 22, slug: 'crane-stays', title: 'The crane stays', content: CLASSIC_POST, date: '2024-05-19 09:00:00' })}
${item({ id: 23, slug: 'quick-note', title: 'Quick note', content: '<p>Back online after the power cut. Thanks for waiting.</p>', format: 'aside', date: '2024-05-21 09:00:00' })}
${item({ id: 24, slug: 'a-quote', title: 'A quote', content: '<!-- wp:quote --><blockquote class="wp-block-quote"><p>We will rebuild.</p><cite>The mayor</cite></blockquote><!-- /wp:quote -->', format: 'quote', date: '2024-05-18 09:00:00' })}
${item({ id: 25, slug: 'code-sample', title: 'Code sample', content: '<p>An array in C: <code>a[b[0]]> 1</code> is legal.</p>', date: '2024-05-17 09:00:00' }).replace(cdata('<p>An array in C: <code>a[b[0]]> 1</code> is legal.</p>'), '<![CDATA[<p>An array in C: <code>a[b[0]]> 1</code> is legal.</p>]]>')}
</channel></rss>
`;

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
      const file = path.join(t.dataDir, 'gazette.xml');
      fs.writeFileSync(file, WXR);
      const uploads = path.join(t.dataDir, 'uploads');
      fs.mkdirSync(path.join(uploads, '2024/05'), { recursive: true });
      for (const [f, colour] of [
        ['quay.jpg', '#2f5d8a'],
        ['boats.jpg', '#8a5d2f'],
      ] as const)
        fs.writeFileSync(
          path.join(uploads, '2024/05', f),
          await sharp({ create: { width: 1600, height: 1000, channels: 3, background: colour } })
            .jpeg()
            .toBuffer(),
        );
      report = await importWordPress(t.handle.db, {
        file,
        mediaDir: uploads,
        mediaRoot: path.join(t.dataDir, 'media'),
        ipHashKey: KEY,
        now: NOW,
        fullText: t.handle.dialect.fullText,
      });
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
  });
}
