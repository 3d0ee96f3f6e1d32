/**
 * A site can leave with everything: the WXR export writes bodies as WordPress' block editor does
 * (full-size images at absolute addresses with wp-image-N, align*, size-full and their captions;
 * galleries in their columns; social posts as embed blocks with their words as the fallback), the
 * attachments parented to the posts that show them, with their credit; the file passes a
 * structural check against what WordPress' importer expects; and our importer, given the media
 * folder, makes the same articles of it: every figure, gallery and quote card in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/db/database.js';
import { exportWxr } from '../../../src/import/export/export-wxr.js';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.js';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { a, doc, figure, gallery, h, hr, p, quote, quoteCard, ul, type ArticleDocument, type Block } from '../../../src/modules/article/document.js';
import { storeImage } from '../../../src/modules/media/media.service.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { testImage } from '../../helpers/fixture.js';
import { testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';

const SITE = 'https://news.example';

/** An article as a reader meets it, whatever the ids and file names: each block with its words and each image by its size and texts. */
async function articles(db: Db): Promise<Record<string, unknown>> {
  const posts = await db.selectFrom('posts').select(['slug', 'title', 'body_doc', 'featured_media_id']).where('type', '=', 'post').orderBy('slug').execute();
  const media = new Map((await db.selectFrom('media').selectAll().execute()).map((m) => [m.id, m]));
  const image = (id: number | null | undefined) => {
    const m = id != null ? media.get(id) : undefined;
    return m ? { width: m.width, height: m.height, file: path.basename(m.path).replace(/(-\d+)?\.\w+$/, '') } : null;
  };
  const block = (b: Block): unknown => {
    if (b.type === 'figure') {
      const m = media.get(b.attrs.mediaId);
      return {
        figure: image(b.attrs.mediaId),
        alt: b.attrs.alt || m?.alt,
        caption: b.attrs.caption || m?.caption,
        credit: b.attrs.credit || m?.credit,
        align: b.attrs.align ?? 'center',
        width: b.attrs.width,
      };
    }
    if (b.type === 'gallery') return { gallery: b.attrs.columns, caption: b.attrs.caption, items: b.content.map(block) };
    if (b.type === 'quoteCard') return { card: b.attrs };
    return b;
  };
  return Object.fromEntries(
    posts.map((r) => [
      r.slug,
      { title: r.title, featured: image(r.featured_media_id), blocks: (JSON.parse(r.body_doc) as ArticleDocument).content.map(block) },
    ]),
  );
}

for (const dialect of DIALECTS) {
  describe(`WXR export pages (${dialect})`, () => {
    let source: TestDb;
    let target: TestDb;
    let xml: string;
    let app: FastifyInstance;
    const mediaRoot = () => path.join(source.dataDir, 'media');

    beforeAll(async () => {
      source = await freshDb(dialect);
      const db = source.handle.db;
      const img = async (name: string, color: string, texts: { alt: string; caption: string; credit: string }) =>
        storeImage(db, mediaRoot(), { fileName: `${name}.jpg`, bytes: await testImage(1200, 800, color), ...texts, now: NOW });
      const quay = await img('quay', '#3a6ea5', { alt: 'The east quay', caption: 'The quay at dawn', credit: 'Photo: Ana Berg' });
      const boats = await img('boats', '#a53a3a', { alt: 'Fishing boats', caption: '', credit: '' });
      const crane = await img('crane', '#3aa55a', { alt: 'The old crane', caption: 'The crane in 1911', credit: 'City archive' });
      await createArticle(
        db,
        {
          type: 'post',
          status: 'published',
          slug: 'harbour-reopens',
          title: 'The harbour reopens',
          featuredMediaId: quay,
          body: doc(
            p('The harbour reopened on Monday, ', a('the council said', 'https://council.example/notice'), '.'),
            figure({ mediaId: crane, align: 'left', width: 300, caption: 'Still standing' }),
            h(2, 'What changes'),
            ul('Ferries from Monday', 'Fish market on Thursdays'),
            gallery(3, [figure({ mediaId: quay }), figure({ mediaId: boats, caption: 'Boats back in' }), figure({ mediaId: crane })], 'The harbour, reopened'),
            quote('We will rebuild.', 'The mayor'),
            quoteCard({
              author: 'Velmar Ferries',
              handle: '@velmarferries',
              date: '2024-05-13T08:30:00.000Z',
              text: 'Ferries run again from Monday.\n\nTimetables on our site.',
              url: 'https://x.com/velmarferries/status/1790000000000000001',
              network: 'X',
            }),
            hr(),
            figure({ mediaId: boats, align: 'wide' }),
            quoteCard({
              author: 'Harbour master',
              handle: '@harbour@social.example',
              date: '2024-05-14T10:00:00.000Z',
              text: 'All berths open.',
              url: 'https://social.example/@harbour/112233',
              network: 'Mastodon',
            }),
          ),
          language: 'en',
          publishedAt: NOW.toISOString(),
        },
        NOW,
      );
      const file = path.join(source.dataDir, 'site.xml');
      const out = fs.createWriteStream(file);
      await exportWxr(db, { out, siteUrl: SITE, siteName: 'The Broadsheet', language: 'en', now: NOW });
      await new Promise<void>((resolve) => out.end(resolve));
      xml = fs.readFileSync(file, 'utf8');
      target = await freshDb(dialect);
      await importWordPress(target.handle.db, {
        file,
        mediaDir: mediaRoot(),
        mediaRoot: path.join(target.dataDir, 'media'),
        ipHashKey: Buffer.alloc(32, 1),
        related: false,
        now: NOW,
      });
      app = await testApp(target);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await target?.cleanup();
      await source?.cleanup();
    });

    it('writes images, galleries and social posts as WordPress’ block editor does', () => {
      expect(xml).toMatch(
        /<!-- wp:image \{"id":\d+,"width":"300px","sizeSlug":"full","linkDestination":"none","align":"left"\} -->\n<figure class="wp-block-image alignleft size-full is-resized"><img src="https:\/\/news\.example\/media\/[^"]+crane[^"]*\.jpg" alt="The old crane" class="wp-image-\d+" style="width:300px"\/><figcaption class="wp-element-caption">Still standing<\/figcaption><\/figure>/,
      );
      expect(xml).toMatch(
        /<!-- wp:gallery \{"columns":3,"linkTo":"none"\} -->\n<figure class="wp-block-gallery has-nested-images columns-3 is-cropped"><!-- wp:image/,
      );
      expect(xml).toContain('<figcaption class="blocks-gallery-caption wp-element-caption">The harbour, reopened</figcaption></figure>\n<!-- /wp:gallery -->');
      expect(xml).toContain(
        '<!-- wp:embed {"url":"https://x.com/velmarferries/status/1790000000000000001","type":"rich","providerNameSlug":"twitter","responsive":true} -->',
      );
      expect(xml).toContain(
        '<figcaption class="wp-element-caption">“Ferries run again from Monday. Timetables on our site.” — Velmar Ferries (@velmarferries), 2024-05-13</figcaption>',
      );
      expect(xml).toContain(
        '<!-- wp:paragraph -->\n<p>The harbour reopened on Monday, <a href="https://council.example/notice" rel="noopener">the council said</a>.</p>\n<!-- /wp:paragraph -->',
      );
      expect(xml).not.toMatch(/src="\/media\//);
    });

    it('passes a structural check against what WordPress’ importer expects', () => {
      expect(XMLValidator.validate(xml)).toBe(true);
      const rss = new XMLParser({ ignoreAttributes: false, cdataPropName: false as never }).parse(xml).rss;
      for (const ns of ['excerpt', 'content', 'wfw', 'dc', 'wp']) expect(rss[`@_xmlns:${ns}`], ns).toMatch(/^http:\/\//);
      const channel = rss.channel;
      expect(String(channel['wp:wxr_version'])).toBe('1.2');
      expect(channel['wp:base_site_url']).toBe(SITE);
      const items = [channel.item].flat() as Record<string, unknown>[];
      const required = [
        'title',
        'link',
        'pubDate',
        'dc:creator',
        'guid',
        'content:encoded',
        'wp:post_id',
        'wp:post_date',
        'wp:post_date_gmt',
        'wp:post_name',
        'wp:status',
        'wp:post_parent',
        'wp:post_type',
      ];
      for (const item of items) for (const k of required) expect(item, `${String(item['wp:post_id'])}: ${k}`).toHaveProperty([k]);
      const ids = new Set(items.map((i) => Number(i['wp:post_id'])));
      const attachments = items.filter((i) => i['wp:post_type'] === 'attachment');
      expect(attachments).toHaveLength(3);
      for (const at of attachments) {
        expect(String(at['wp:attachment_url'])).toMatch(/^https:\/\/news\.example\/media\/.+\.jpg$/);
        // Parented to the article that shows it (WordPress downloads it into that post's uploads).
        expect(ids.has(Number(at['wp:post_parent']))).toBe(true);
        expect(Number(at['wp:post_parent'])).toBeGreaterThan(0);
      }
      const attachmentIds = new Set(attachments.map((i) => Number(i['wp:post_id'])));
      const body = String(items.find((i) => i['wp:post_name'] === 'harbour-reopens')!['content:encoded']);
      const named = [...body.matchAll(/wp-image-(\d+)/g)].map((m) => Number(m[1]));
      expect(named.length).toBe(5);
      for (const id of named) expect(attachmentIds.has(id), `wp-image-${id}`).toBe(true);
      // Every block opened is closed, in order.
      const stack: string[] = [];
      for (const m of body.matchAll(/<!-- (\/?)wp:([\w/-]+)[^>]*?(\/?)-->/g)) {
        if (m[3]) continue;
        if (m[1]) expect(stack.pop()).toBe(m[2]);
        else stack.push(m[2]!);
      }
      expect(stack).toEqual([]);
      const credit = (at: Record<string, unknown>) =>
        ([at['wp:postmeta']].flat() as { 'wp:meta_key': string; 'wp:meta_value': string }[]).find((m) => m['wp:meta_key'] === '_media_credit')?.[
          'wp:meta_value'
        ];
      expect(attachments.map(credit).filter(Boolean).sort()).toEqual(['City archive', 'Photo: Ana Berg']);
    });

    it('imports back into the same articles: every figure, gallery and quote card in place', async () => {
      expect(await articles(target.handle.db)).toEqual(await articles(source.handle.db));
    });

    it('and the imported page shows them', async () => {
      const res = await app.inject('/harbour-reopens/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/<figure class="figure figure--left figure--sized">/);
      expect(res.body).toContain('<figure class="gallery gallery--cols-3">');
      expect(res.body).toContain('<bdi class="quote-card__author">Velmar Ferries</bdi>');
      expect(res.body).toContain('Photo: Ana Berg');
      for (const src of [...res.body.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!)) expect((await app.inject(src)).statusCode, src).toBe(200);
    });
  });
}
