/**
 * The media pages pass the W3C Nu HTML checker and carry no inline script or style: the library
 * (empty, with images, an upload refused with errors, a search with no match), one image's page
 * (in use, with field errors), the article form with the alt-text warning and the featured
 * image's thumbnail, and the public article with a <picture> that has AVIF and WebP sources.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { derivativesOf } from '../../../../src/modules/media/media.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';
import { freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import { upload, waitFor } from './media-helpers.js';
import { csrfOf } from '../../../helpers/form.js';

describe.skipIf(!javaAvailable())('media HTML validity (vnu)', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await freshDb('sqlite');
    app = await adminApp(t, { env: { MEDIA_MAX_MB: '1' } });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('library, image page, article form with warnings and the public <picture> have no errors', async () => {
    const docs: { name: string; html: string }[] = [];
    const editor = await signedIn(app, t, 'editor');
    const contributor = await signedIn(app, t, 'contributor');
    docs.push({ name: 'empty library', html: (await editor.get('/admin/media')).body });
    const png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#335577' } })
      .png()
      .toBuffer();
    const res = await upload(app, editor, [{ name: 'valid.png', type: 'image/png', bytes: png }]);
    const id = Number(/\/admin\/media\/(\d+)/.exec(res.headers.location!)![1]);
    docs.push({ name: 'image page, just uploaded', html: (await editor.get(res.headers.location!)).body });
    docs.push({ name: 'library with an image', html: (await editor.get('/admin/media')).body });
    docs.push({ name: 'library, contributor', html: (await contributor.get('/admin/media')).body });
    docs.push({ name: 'library, no match', html: (await editor.get('/admin/media?q=%25nothing')).body });
    docs.push({
      name: 'upload refused',
      html: (await upload(app, editor, [{ name: 'x.jpg', type: 'image/jpeg', bytes: Buffer.from('not an image') }], { fields: { alt: 'a'.repeat(600) } })).body,
    });
    docs.push({
      name: 'image page with errors',
      html: (await editor.post(`/admin/media/${id}`, { alt: 'a'.repeat(600), caption: '<b>', credit: '' }, '/admin/media')).body,
    });
    const form = await editor.get('/admin/articles/new');
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'figure', attrs: { mediaId: id } }] });
    const saved = await editor.postRaw('/admin/articles', {
      _csrf: csrfOf(form.body),
      title: 'Valid',
      slug: 'valid',
      body_format: 'json',
      body_json: body,
      featured_media_id: String(id),
      language: 'en',
      comment_status: 'open',
      intent: 'publish',
    });
    docs.push({ name: 'article form with alt warning', html: (await editor.get(saved.headers.location!)).body });
    docs.push({ name: 'image page, in use', html: (await editor.get(`/admin/media/${id}`)).body });
    await waitFor(async () =>
      derivativesOf(await t.handle.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).some((d) => d.format === 'avif'),
    );
    const pub = (await app.inject({ method: 'GET', url: '/valid/' })).body;
    expect(pub).toContain('type="image/avif"');
    docs.push({ name: 'public article with AVIF', html: pub });
    for (const d of docs) {
      expect(d.html, d.name).toMatch(/^<!doctype html>/);
      expect(d.html, d.name).not.toMatch(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")|\sstyle=|\son[a-z]+=/i);
    }
    const results = await validateHtml(docs);
    expect(formatHtmlErrors(results)).toBe('');
  }, 120_000);
});
