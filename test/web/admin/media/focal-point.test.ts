/**
 * An image's focal point, set on its page in the media library (two fields; a click on the
 * picture fills them with JavaScript): kept with the image, audited, and used by the crops of
 * cards (the home page's card image is centred there, by classes under the strict CSP). Bad
 * values are a 400 naming the field, with nothing changed; both fields empty is the middle again.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { testImage } from '../../../helpers/fixture.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';

for (const dialect of DIALECTS) {
  describe(`an image's focal point (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    let id: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t);
      editor = await signedIn(app, t, 'editor');
      const db = t.handle.db;
      id = await storeImage(db, path.join(t.dataDir, 'media'), {
        fileName: 'mayor.jpg',
        bytes: await testImage(800, 1200, '#886644'),
        alt: 'The mayor at her desk',
        caption: '',
        credit: '',
        folder: 'test',
        now: new Date(),
      });
      await createArticle(db, {
        slug: 'mayor-interview',
        title: 'An interview with the mayor',
        excerpt: 'Standfirst.',
        body: doc(p('Words.')),
        status: 'published',
        publishedAt: '2026-11-19T10:00:00Z',
        featuredMediaId: id,
      });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const row = () => t.handle.db.selectFrom('media').select(['focal_x', 'focal_y', 'alt']).where('id', '=', id).executeTakeFirstOrThrow();
    const texts = { alt: 'The mayor at her desk', caption: '', credit: '' };
    const cardImg = async () => {
      const home = await app.inject({ url: '/' });
      return /<img class="card__img[^"]*"/.exec(home.body)?.[0] ?? '';
    };

    it('is kept, audited, and centres the cards on it', async () => {
      expect(await cardImg()).toBe('<img class="card__img"');
      const page = await editor.get(`/admin/media/${id}`);
      expect(page.body).toContain('name="focal_x"');
      expect(page.body).toContain('data-focal-preview');
      expect(page.body).toMatch(/name="focal_x"[^>]*data-focal-x[\s/>]/);
      expect(page.body).toMatch(/name="focal_y"[^>]*data-focal-y[\s/>]/);
      const res = await editor.post(`/admin/media/${id}`, { ...texts, focal_x: '32', focal_y: '18' });
      expect(res.statusCode).toBe(303);
      expect(await row()).toMatchObject({ focal_x: 32, focal_y: 18 });
      expect(await cardImg()).toBe('<img class="card__img fx-30 fy-20"');
      const audit = await t.handle.db.selectFrom('audit_log').select('detail').where('action', '=', 'media.updated').where('target_id', '=', id).execute();
      expect(audit.map((a) => a.detail)).toContain('Changed focal point');
      const again = await editor.get(`/admin/media/${id}`);
      expect(again.body).toMatch(/name="focal_x" value="32"|value="32"[^>]*name="focal_x"/);
      // Both empty: the middle again.
      await editor.post(`/admin/media/${id}`, { ...texts, focal_x: '', focal_y: '' });
      expect(await row()).toMatchObject({ focal_x: null, focal_y: null });
      expect(await cardImg()).toBe('<img class="card__img"');
    });

    it('refuses values that are not two percentages, and changes nothing', async () => {
      await editor.post(`/admin/media/${id}`, { ...texts, focal_x: '40', focal_y: '60' });
      for (const [x, y] of [
        ['101', '50'],
        ['-1', '50'],
        ['50', ''],
        ['1e2', '5'],
        ["50'; DROP TABLE media;--", '5'],
        ['<script>alert(1)</script>', '5'],
      ]) {
        const res = await editor.post(`/admin/media/${id}`, { ...texts, alt: 'Changed alt', focal_x: x!, focal_y: y! });
        expect(res.statusCode, `${x} ${y}`).toBe(400);
        expect(res.body).toContain('The focal point is two whole numbers from 0 to 100');
        expect(res.body).not.toContain('<script>alert(1)</script>');
      }
      expect(await row()).toEqual({ focal_x: 40, focal_y: 60, alt: 'The mayor at her desk' });
    });
  });
}
