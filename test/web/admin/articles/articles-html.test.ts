/**
 * The article pages pass the W3C Nu HTML checker (list, new, edit, with errors, conflict,
 * preview) and carry no inline script, style or event handler: only the same-origin editor.js.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../helpers/vnu.js';
import { freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';

describe.skipIf(!javaAvailable())('article pages HTML validity (vnu)', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await freshDb('sqlite');
    app = await adminApp(t);
    await t.handle.db.insertInto('categories').values({ parent_id: null, slug: 'news', name: 'News', description: '', position: 0 }).execute();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('list, new, edit, errors, conflict, revisions and preview have no errors', async () => {
    const a = new Agent(app);
    await a.login((await makeUser(t, 'editor')).email);
    const base = {
      title: 'A valid story',
      body_text: 'One.\n\nTwo.',
      category: ['1'],
      primary_category: '1',
      tags: 'Alpha, Beta',
      language: 'en',
      comment_status: 'open',
    };
    const created = await a.post('/admin/articles', { ...base, intent: 'publish' });
    const id = /\/admin\/articles\/(\d+)/.exec(created.headers.location ?? '')![1]!;
    const stale = '2000-01-01T00:00:00.000Z';
    const docs = [
      { name: 'list', html: (await a.get('/admin/articles?status=published&q=valid')).body },
      { name: 'new', html: (await a.get('/admin/articles/new')).body },
      {
        name: 'new with errors',
        html: (await a.post('/admin/articles', { title: '', slug: 'Bad Slug', featured_media_id: 'x', intent: 'schedule', publish_at: 'soon' })).body,
      },
      { name: 'edit', html: (await a.get(`/admin/articles/${id}?saved=1`)).body },
      { name: 'conflict', html: (await a.post(`/admin/articles/${id}`, { ...base, updated_at: stale })).body },
      { name: 'revisions', html: (await a.get(`/admin/articles/${id}/revisions`)).body },
      { name: 'preview', html: (await a.get(`/admin/articles/${id}/preview`)).body },
    ];
    for (const d of docs) {
      expect(d.html, d.name).toMatch(/^<!doctype html>/);
      expect(d.html.replace(/<script src="\/admin\/assets\/editor\.[0-9a-f]{10}\.js" type="module"><\/script>/, ''), d.name).not.toMatch(
        /<script(?! type="application\/ld\+json")|\sstyle=|\son[a-z]+=/i,
      );
    }
    expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
  });
});
