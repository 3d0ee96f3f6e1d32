/**
 * `export --format wxr`: well-formed WXR 1.2 that our own WordPress importer reads back into the
 * same posts, pages, category tree, tags, authors and threaded comments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/database.js';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { exportWxr, cdata } from '../../../src/import/export/export-wxr.js';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.js';
import type { ImportReport } from '../../../src/import/report.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { sharedDemoMedia } from '../../helpers/demo-site.js';
import { addExtras } from './site-snapshot.js';
import { NOW } from '../../helpers/clock.js';

async function shape(db: Db) {
  const categories = await db
    .selectFrom('categories as c')
    .leftJoin('categories as p', 'p.id', 'c.parent_id')
    .select(['c.slug', 'c.name', 'p.slug as parent'])
    .orderBy('c.slug')
    .execute();
  const posts = await db.selectFrom('posts').select(['type', 'status', 'slug', 'title', 'excerpt', 'sticky', 'comment_status']).orderBy('slug').execute();
  const tags = await db.selectFrom('tags').select(['slug', 'name']).orderBy('slug').execute();
  const authors = await db.selectFrom('authors').select(['slug', 'name']).orderBy('slug').execute();
  const links = await db
    .selectFrom('post_tags')
    .innerJoin('posts', 'posts.id', 'post_tags.post_id')
    .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .select(['posts.slug as post', 'tags.slug as tag'])
    .orderBy('posts.slug')
    .orderBy('tags.slug')
    .execute();
  const comments = await db
    .selectFrom('comments as c')
    .innerJoin('posts', 'posts.id', 'c.post_id')
    .leftJoin('comments as p', 'p.id', 'c.parent_id')
    .select(['posts.slug as post', 'c.author_email', 'c.status', 'p.author_email as parent'])
    .orderBy('c.author_email')
    .execute();
  return { categories, posts, tags, authors, links, comments };
}

it('escapes text and splits "]]>" across CDATA sections', () => {
  expect(cdata('a]]>b\u0001')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
});

for (const dialect of DIALECTS) {
  describe(`WXR export (${dialect})`, () => {
    let source: TestDb;
    let target: TestDb;
    let file: string;
    let report: ImportReport;
    beforeAll(async () => {
      source = await freshDb(dialect);
      await seedDemo(source.handle.db, source.handle.dialect.fullText, sharedDemoMedia(source.dataDir), NOW);
      await addExtras(source.handle.db, NOW);
      // A title that needs escaping and a body that holds the CDATA terminator.
      await source.handle.db
        .updateTable('posts')
        .set({ title: 'Fish & <chips> "today"', body_html: '<p>a ]]> b</p>', body_doc: JSON.stringify(doc(p('a ]]> b'))) })
        .where('id', '=', 1)
        .execute();
      file = path.join(source.dataDir, 'site.xml');
      const out = fs.createWriteStream(file);
      await exportWxr(source.handle.db, { out, siteUrl: 'https://news.example', siteName: 'The Broadsheet', language: 'en', batchSize: 7, now: NOW });
      await new Promise<void>((resolve) => out.end(resolve));
      target = await freshDb(dialect);
      report = await importWordPress(target.handle.db, {
        file,
        mediaRoot: path.join(target.dataDir, 'media'),
        ipHashKey: Buffer.alloc(32, 1),
        related: false,
        now: NOW,
      });
    });
    afterAll(async () => {
      await target?.cleanup();
      await source?.cleanup();
    });

    it('is well-formed WXR 1.2', () => {
      const xml = fs.readFileSync(file, 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
      expect(xml).toContain('<title>Fish &amp;amp; &amp;lt;chips&amp;gt; &amp;quot;today&amp;quot;</title>');
      expect(xml).toContain('<wp:attachment_url><![CDATA[https://news.example/media/demo/');
      expect(xml).toContain('<p>a ]]&gt; b</p>');
    });

    it('re-imports with the same counts', async () => {
      const db = source.handle.db;
      const count = async (q: Promise<{ n: unknown }>) => Number((await q).n);
      const n = (t: 'categories' | 'tags' | 'authors' | 'comments' | 'media') =>
        count(
          db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow(),
        );
      const posts = (type: 'post' | 'page') =>
        count(
          db
            .selectFrom('posts')
            .where('type', '=', type)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow(),
        );
      expect(report.get('post')).toMatchObject({ created: await posts('post'), skipped: 0 });
      expect(report.get('page')).toMatchObject({ created: await posts('page'), skipped: 0 });
      expect(report.get('category').created).toBe(await n('categories'));
      expect(report.get('tag').created).toBe(await n('tags'));
      expect(report.get('author').created).toBe(await n('authors'));
      expect(report.get('comment').created).toBe(await n('comments'));
      expect(report.get('attachment').skipped).toBe(await n('media'));
    });

    it('gives the same posts, tree, tags, authors and comment threads', async () => {
      const [theirs, ours] = [await shape(target.handle.db), await shape(source.handle.db)];
      expect(theirs.categories).toEqual(ours.categories);
      expect(theirs.tags).toEqual(ours.tags);
      expect(theirs.authors).toEqual(ours.authors);
      expect(theirs.links).toEqual(ours.links);
      expect(theirs.comments).toEqual(ours.comments);
      expect(theirs.posts).toEqual(ours.posts);
    });
  });
}
