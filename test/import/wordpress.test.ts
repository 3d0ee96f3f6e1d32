/**
 * The WordPress theme unit test export imports completely, on every dialect: counts checked
 * against the file itself, threads intact, captions as figures, pages rendering, re-import
 * idempotent, old links answering 301.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { importWordPress } from '../../src/import/wordpress/import-wordpress.js';
import type { ImportReport } from '../../src/import/report.js';
import { wordpressQueryRedirect } from '../../src/web/site/wp-links.js';
import { NOW } from '../helpers/clock.js';
import { signedIn } from '../helpers/admin.js';
import { escapeHtml } from '../../src/lib/html.js';

const FIXTURE = path.resolve('test/fixtures/wxr/themeunittestdata.wordpress.xml');
const KEY = Buffer.alloc(32, 7);

/** An independent, regex-level count of what the file holds. */
function countFile() {
  const xml = fs.readFileSync(FIXTURE, 'utf8');
  const field = (block: string, name: string): string => {
    const m = new RegExp(`<wp:${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</wp:${name}>`).exec(block);
    return m?.[1] ?? '';
  };
  const items = xml.split('<item>').slice(1);
  const posts = { published: 0, draft: 0, scheduled: 0 };
  let pages = 0;
  let comments = 0;
  let replies = 0;
  let attachments = 0;
  for (const it of items) {
    const type = field(it, 'post_type');
    const status = field(it, 'status');
    if (type === 'attachment') attachments++;
    if (type === 'page') pages++;
    if (type === 'post') {
      if (status === 'publish' && !field(it, 'post_password')) posts.published++;
      else if (status === 'future') posts.scheduled++;
      else posts.draft++;
    }
    if (type !== 'post' && type !== 'page') continue;
    for (const c of it.split('<wp:comment>').slice(1)) {
      const ctype = field(c, 'comment_type');
      if (ctype === 'pingback' || ctype === 'trackback') continue;
      comments++;
      if (field(c, 'comment_parent') !== '0') replies++;
    }
  }
  const cats = xml.split('<wp:category>').slice(1);
  const childCats = cats.filter((c) => field(c, 'category_parent') !== '').length;
  const tagSlugs = new Set(
    xml
      .split('<wp:tag>')
      .slice(1)
      .map((t) => field(t, 'tag_slug')),
  );
  for (const m of xml.matchAll(/<category domain="post_tag" nicename="([^"]+)"/g)) tagSlugs.add(decodeURIComponent(m[1]!));
  return { posts, pages, comments, replies, categories: cats.length, childCats, tags: tagSlugs.size, attachments };
}

/** A fake uploads folder: a small JPEG for every attachment with an image file, except one. */
async function uploadsFolder(dir: string): Promise<{ missing: string }> {
  const xml = fs.readFileSync(FIXTURE, 'utf8');
  // This export has no _wp_attached_file: the path under uploads comes from the URL.
  const files = [
    ...new Set([...xml.matchAll(/<wp:attachment_url>(?:<!\[CDATA\[)?https:\/\/wpthemetestdata\.files\.wordpress\.com\/([^<\]]+)/g)].map((m) => m[1]!)),
  ].filter((f) => /\.jpe?g$/i.test(f));
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#446688' } })
    .jpeg()
    .toBuffer();
  const missing = files[0]!;
  for (const f of files.slice(1)) {
    fs.mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), jpeg);
  }
  return { missing };
}

const expected = countFile();

for (const dialect of DIALECTS) {
  describe(`WordPress import of the theme unit test data (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let first: ImportReport;
    let missing: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      const uploads = path.join(t.dataDir, 'uploads');
      ({ missing } = await uploadsFolder(uploads));
      first = await importWordPress(t.handle.db, {
        file: FIXTURE,
        mediaDir: uploads,
        mediaRoot: path.join(t.dataDir, 'media'),
        ipHashKey: KEY,
        now: NOW,
        fullText: t.handle.dialect.fullText,
      });
      app = await testApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('imports posts by status, pages, categories with parents, tags and authors as the file holds them', async () => {
      const db = t.handle.db;
      const byStatus = await db
        .selectFrom('posts')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'post')
        .groupBy('status')
        .execute();
      const status = Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]));
      expect(status).toEqual(expected.posts);
      const pages = await db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('type', '=', 'page')
        .executeTakeFirstOrThrow();
      expect(Number(pages.n)).toBe(expected.pages);
      const cats = await db.selectFrom('categories').select(['id', 'parent_id']).execute();
      expect(cats.length).toBe(expected.categories);
      expect(cats.filter((c) => c.parent_id !== null).length).toBe(expected.childCats);
      expect(
        Number(
          (
            await db
              .selectFrom('tags')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(expected.tags);
      expect((await db.selectFrom('authors').select('slug').orderBy('slug').execute()).map((a) => a.slug)).toEqual(['themedemos', 'themereviewteam']);
      expect(first.get('post').created).toBe(expected.posts.published + expected.posts.draft + expected.posts.scheduled);
      expect(first.get('page').created).toBe(expected.pages);
      // Nested: "Child Category 03" sits under its parent, and the sticky post is sticky.
      const tree = new Map(cats.map((c) => [c.id, c.parent_id]));
      const grandchild = await db.selectFrom('categories').select(['id']).where('slug', '=', 'grandchild-category').executeTakeFirst();
      if (grandchild) expect(tree.get(tree.get(grandchild.id) ?? -1)).not.toBeNull();
      expect((await db.selectFrom('posts').select('sticky').where('slug', '=', 'template-sticky').executeTakeFirstOrThrow()).sticky).toBe(1);
    });

    it('keeps comment threads, approval states and hashes IPs', async () => {
      const rows = await t.handle.db.selectFrom('comments').selectAll().orderBy('post_id').orderBy('path').execute();
      expect(rows.length).toBe(expected.comments);
      expect(rows.filter((r) => r.parent_id !== null).length).toBe(expected.replies);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const r of rows.filter((x) => x.parent_id !== null)) {
        const parent = byId.get(r.parent_id!)!;
        expect(r.path.startsWith(`${parent.path}/`)).toBe(true);
        expect(r.depth).toBe(parent.depth + 1);
        expect(r.post_id).toBe(parent.post_id);
      }
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['approved', 'pending']));
      for (const r of rows) {
        expect(r.ip_hash).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
        expect(r.body_html).not.toMatch(/<script|onerror|javascript:/i);
        for (const a of r.body_html.match(/<a [^>]*>/g) ?? []) expect(a).toContain('rel="nofollow ugc noopener"');
      }
      expect(first.get('comment').skipped).toBeGreaterThan(0); // pingbacks and trackbacks
    });

    it('turns [caption] into figures with figcaptions, copies images with derivatives and reports missing files', async () => {
      const post = await t.handle.db
        .selectFrom('posts')
        .select(['body_html', 'body_doc'])
        .where('slug', '=', 'markup-image-alignment')
        .executeTakeFirstOrThrow();
      expect(post.body_html).toMatch(
        /<figure class="figure figure--center"><picture><source type="image\/webp"[^>]*><img src="\/media\/wp\/[^"]+"[^>]*><\/picture><figcaption dir="auto">Look at 580x300 getting some caption love.<\/figcaption><\/figure>/,
      );
      const doc = JSON.parse(post.body_doc) as { content: { type: string; attrs?: { caption?: string; align?: string } }[] };
      const figures = doc.content.filter((b) => b.type === 'figure');
      expect(figures.length).toBeGreaterThanOrEqual(4);
      expect(figures.some((f) => f.attrs?.align === 'left' && f.attrs.caption === 'Bigger caption than the image usually is.')).toBe(true);
      expect(first.warnings.some((w) => w.includes(`Missing media file: ${missing}`))).toBe(true);
      expect(first.warnings.some((w) => w.includes('[simple]'))).toBe(true);
      const media = await t.handle.db.selectFrom('media').select(['path', 'derivatives']).execute();
      expect(media.length).toBeGreaterThan(20);
      expect(fs.existsSync(path.join(t.dataDir, 'media', media[0]!.path))).toBe(true);
      // Quote cards for social embeds, never a third-party script or iframe.
      const all = await t.handle.db.selectFrom('posts').select('body_html').execute();
      expect(all.some((p) => p.body_html.includes('class="quote-card"'))).toBe(true);
      for (const p of all) expect(p.body_html).not.toMatch(/<script|<iframe|onerror=|javascript:/i);
    });

    it('never stores an image on another host: the ones without a file are listed for the editor, once, and the report says so', async () => {
      const db = t.handle.db;
      const posts = await db.selectFrom('posts').select(['id', 'slug', 'body_html', 'body_doc']).execute();
      for (const p of posts) {
        expect(p.body_html, p.slug).not.toMatch(/<img[^>]+src="(https?:)?\/\/|srcset="[^"]*(https?:)?\/\//);
        // Links to the old site may stay (a "File:" link); images may not.
        expect(p.body_doc, p.slug).not.toMatch(/<img[^>]+src=\\"(https?:)?\/\/|broadsheet-missing-image/);
      }
      const rows = await db.selectFrom('missing_images').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.source === 'import')).toBe(true);
      // Images hot-linked from other sites in the theme test data are listed, with their alt text where they had one.
      expect(rows.some((r) => /^https?:\/\//.test(r.url))).toBe(true);
      expect(first.warnings.some((w) => /left out: no file in the export .*Images to upload/.test(w))).toBe(true);
      // The article's editor lists them.
      const owner = await signedIn(app, t, 'owner');
      const page = await owner.get(`/admin/articles/${rows[0]!.post_id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Images to upload');
      expect(page.body).toContain(escapeHtml(rows[0]!.url));
      // The article list flags it.
      const list = await owner.get('/admin/articles?status=&page=1');
      expect(list.body).toMatch(/class="badge badge--warn" href="\/admin\/articles\/\d+#missing-images-title">\d+ images? to upload</);
    });

    it('renders every imported page and published post', async () => {
      const rows = await t.handle.db.selectFrom('posts').select(['slug', 'type']).where('status', '=', 'published').execute();
      for (const r of rows) {
        const res = await app.inject(`/${encodeURIComponent(r.slug)}/`);
        expect(res.statusCode, r.slug).toBe(200);
      }
      expect((await app.inject('/category/parent-category/child-category-01/')).statusCode).toBe(200);
    });

    it('answers old WordPress links with 301', async () => {
      const dated = await app.inject('/2013/01/11/markup-html-tags-and-formatting/');
      expect(dated.statusCode).toBe(301);
      expect(dated.headers.location).toBe('/markup-html-tags-and-formatting/');
      expect((await app.inject('/2013/01/markup-html-tags-and-formatting/')).headers.location).toBe('/markup-html-tags-and-formatting/');
      // A child page's hierarchical path → its flat path.
      const page = await app.inject('/level-1/level-2/level-3/');
      expect(page.statusCode).toBe(301);
      expect(page.headers.location).toBe('/level-3/');
      // Query-string links resolve through the import map.
      const q = (query: Record<string, string>) => wordpressQueryRedirect({ query } as never, { db: t.handle.db, site: { dates: { timeZone: 'UTC' } } });
      expect(await q({ p: '1178' })).toBe('/markup-html-tags-and-formatting/');
      expect(await q({ page_id: '1133' })).toBe('/page-image-alignment/');
      expect(await q({ cat: '12' })).toBe('/category/6-1/');
      // A WordPress link to nothing imported: null (the home route answers 404).
      expect(await q({ cat: '999999999' })).toBeNull();
      expect(await q({ p: 'abc' })).toBeNull();
      expect(await q({ utm_source: 'mail' })).toBeUndefined();
      expect(await q({ feed: 'rss2' })).toBe('/feed/');
      expect(await q({ tag: 'content' })).toBe('/tag/content/');
    });

    it('updates on re-import and never duplicates', async () => {
      const before = await counts(t);
      const again = await importWordPress(t.handle.db, {
        file: FIXTURE,
        mediaDir: path.join(t.dataDir, 'uploads'),
        mediaRoot: path.join(t.dataDir, 'media'),
        ipHashKey: KEY,
        now: NOW,
        related: false,
      });
      expect(await counts(t)).toEqual(before);
      expect(again.get('post').created).toBe(0);
      expect(again.get('post').updated).toBe(first.get('post').created);
      expect(again.get('comment').updated).toBe(expected.comments);
      expect(again.get('attachment').created).toBe(0);
      // The report is true to what was written: a re-run's redirects are there already, none new.
      expect(first.get('redirect').created).toBeGreaterThan(0);
      expect(again.get('redirect').created).toBe(0);
      expect(again.get('redirect').matched).toBeGreaterThan(0);
    });
  });
}

async function counts(t: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'posts',
    'comments',
    'categories',
    'tags',
    'authors',
    'media',
    'post_tags',
    'post_categories',
    'redirects',
    'import_map',
    'missing_images',
  ] as const) {
    out[table] = Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
  return out;
}
