/**
 * Images on another host are never kept in an article: an html block's remote image is taken out
 * on save and listed under "Images to upload" in the editor (which can clear the list, audited);
 * a stored body that still holds one (an older import) shows it neither on the page nor in the
 * full-text feeds, so readers' feed apps are never sent to another host (a tracking pixel).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { ALL } from '../../../../src/web/cache/index.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';
import { csrfOf } from '../../../helpers/form.js';

const PIXEL = 'https://tracker.example/pixel.gif?u=1';
const REMOTE = /<img[^>]+src="(https?:)?\/\/|srcset="[^"]*(https?:)?\/\/|tracker\.example|elsewhere\.example/;

for (const dialect of DIALECTS) {
  describe(`images on another host (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let author: Agent;
    const clock = new Clock();
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
      author = await signedIn(app, t, 'author');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('saving takes a remote image out of an html block, says so, and lists it in the editor until cleared', async () => {
      const res = await author.post('/admin/articles', {
        title: 'A story with a pasted image',
        excerpt: 'Standfirst.',
        body_text: `First paragraph.\n\n[html]\n<p>Before <img src="${PIXEL}" alt="Pixel" width="1" height="1"> after.</p>\n[/html]\n\n[html]\n<figure><img src="https://elsewhere.example/a.jpg" srcset="https://elsewhere.example/a-480.jpg 480w" alt="Harbour"></figure>\n[/html]`,
        language: 'en',
        comment_status: 'open',
        intent: 'publish',
      });
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toMatch(/\?saved=1&removed=2$/);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(String(res.headers.location))![1]);
      const row = await t.handle.db.selectFrom('posts').select(['body_doc', 'body_html', 'slug']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.body_doc).not.toMatch(REMOTE);
      expect(row.body_html).not.toMatch(REMOTE);
      // The text around the image stays; a block that held only the image goes.
      expect(row.body_html).toContain('Before');
      expect(row.body_html).toContain('after.');
      const revisions = await t.handle.db.selectFrom('revisions').select('body_doc').where('post_id', '=', id).execute();
      for (const r of revisions) expect(r.body_doc).not.toMatch(REMOTE);

      const page = await author.get(String(res.headers.location));
      expect(page.body).toContain('Saved. 2 images on other sites were taken out of the text');
      expect(page.body).toContain('Images to upload');
      expect(page.body).toContain('This article referred to 2 images that are not in the media library. Readers do not see them: upload each one to the');
      expect(page.body).toContain('https://tracker.example/pixel.gif?u=1'.replace('&', '&amp;'));
      expect(page.body).toContain('https://elsewhere.example/a.jpg');
      expect(page.body).toContain('Alt text: Harbour');
      // Saving again (nothing remote any more) adds nothing to the list.
      const rows = await t.handle.db.selectFrom('missing_images').selectAll().where('post_id', '=', id).execute();
      expect(rows.map((r) => [r.url, r.source])).toEqual([
        [PIXEL, 'editor'],
        ['https://elsewhere.example/a.jpg', 'editor'],
      ]);

      // Readers never see them, on the page or in the feed.
      expect((await app.inject(`/${row.slug}/`)).body).not.toMatch(REMOTE);
      expect((await app.inject('/feed/')).body).not.toMatch(REMOTE);

      // Another author may not clear the list.
      const other = await signedIn(app, t, 'author');
      expect((await other.post(`/admin/articles/${id}/missing-images/clear`, {}, `/admin/articles/new`)).statusCode).toBe(403);
      const cleared = await author.post(`/admin/articles/${id}/missing-images/clear`, { _csrf: csrfOf(page.body) }, `/admin/articles/${id}`);
      expect(cleared.statusCode).toBe(303);
      expect(await t.handle.db.selectFrom('missing_images').select('id').where('post_id', '=', id).execute()).toEqual([]);
      expect((await author.get(`/admin/articles/${id}`)).body).not.toContain('Images to upload');
      const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'article.missing_images_cleared').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ target_id: id, detail: '2 images' });
    });

    it('a stored body that still holds remote images (an older import) shows none on the page or in the full-text feeds', async () => {
      await createArticle(
        t.handle.db,
        {
          status: 'published',
          slug: 'older-import',
          title: 'An older import',
          body: doc(p('Text.'), {
            type: 'html',
            attrs: {
              html: `<p>Inline <img src="${PIXEL}" alt=""></p><picture><source srcset="//elsewhere.example/b.webp 480w"><img src="/media/x.jpg" srcset="/media/x-480.jpg 480w, https://elsewhere.example/x.jpg 960w" alt="Ours"></picture>`,
            },
          }),
          publishedAt: clock.now().toISOString(),
        },
        clock.now(),
      );
      // Written behind the app's back (as an older version stored it): the page cache is told.
      await app.pageCache.purge([ALL]);
      const page = await app.inject('/older-import/');
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toMatch(REMOTE);
      expect(page.body).toContain('src="/media/x.jpg"');
      for (const feed of ['/feed/', '/feed/atom/', '/feed/json/']) {
        const res = await app.inject(feed);
        expect(res.statusCode, feed).toBe(200);
        expect(res.body, feed).not.toMatch(/tracker\.example|elsewhere\.example/);
        expect(res.body, feed).toContain('An older import');
      }
    });
  });
}
