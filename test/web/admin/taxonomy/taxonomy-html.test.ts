/**
 * The category, tag and dashboard pages pass the W3C Nu HTML checker, with and without error
 * messages, and carry no inline script or style (strict CSP). One vnu run; SQLite is enough.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';
import { freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';

describe.skipIf(!javaAvailable())('category, tag and dashboard HTML validity (vnu)', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    t = await freshDb('sqlite');
    fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 4);
    app = await adminApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('categories, a category, tags, a tag (with errors) and the dashboards have no errors', async () => {
    const a = await signedIn(app, t, 'editor');
    const cat = `/admin/categories/${fx.ids.world}`;
    const tag = `/admin/tags/${fx.ids.rail}`;
    const docs = [
      { name: 'categories', html: (await a.get('/admin/categories?notice=category-created')).body },
      { name: 'categories with error', html: (await a.post('/admin/categories', { name: '', slug: 'a/b' }, '/admin/categories')).body },
      { name: 'category', html: (await a.get(cat)).body },
      { name: 'category rename error', html: (await a.post(cat, { name: 'World', slug: 'politics' }, cat)).body },
      { name: 'category move error', html: (await a.post(`${cat}/move`, { parent: String(fx.ids.europe) }, cat)).body },
      { name: 'category delete error', html: (await a.post(`${cat}/delete`, { receiver: String(fx.ids.world) }, cat)).body },
      { name: 'tags', html: (await a.get('/admin/tags?notice=tag-merged')).body },
      { name: 'tags search empty', html: (await a.get('/admin/tags?q=nothing-matches')).body },
      { name: 'tags merge error', html: (await a.post('/admin/tags/merge', { into: 'nope' }, '/admin/tags')).body },
      { name: 'tag', html: (await a.get(tag)).body },
      { name: 'tag error', html: (await a.post(tag, { name: '', slug: 'rail' }, tag)).body },
      { name: 'dashboard (editor)', html: (await a.get('/admin')).body },
    ];
    for (const role of ['owner', 'author', 'contributor'] as const)
      docs.push({ name: `dashboard (${role})`, html: (await (await signedIn(app, t, role)).get('/admin')).body });
    for (const d of docs) {
      expect(d.html, d.name).toMatch(/^<!doctype html>/);
      expect(d.html, d.name).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    }
    const results = await validateHtml(docs);
    expect(formatHtmlErrors(results)).toBe('');
  });
});
