/**
 * The newsroom pages pass the W3C Nu HTML checker with no inline script or style: the edit form
 * with its panels (published and draft), the note form with errors, a new preview link, the
 * translations page, the revision comparison, the public article with notes, /corrections/ and a
 * preview. Also: notes carry the article's language for their dates (Persian calendar for fa).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../../src/modules/article/document.js';
import { recordRevision } from '../../../../../src/modules/revision/revision.service.js';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../../../helpers/vnu.js';
import { freshDb, type TestDb } from '../../../../helpers/db.js';
import { adminApp, makeUser } from '../../../../helpers/admin.js';
import { Agent } from '../../../../helpers/agent.js';
import { Clock } from '../../../../helpers/clock.js';

describe('editorial pages', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let a: Agent;
  let pub: number;
  let draft: number;
  let fa: number;
  const clock = new Clock(new Date('2026-11-29T09:00:00Z').getTime());
  beforeAll(async () => {
    t = await freshDb('sqlite');
    app = await adminApp(t, { clock });
    const db = t.handle.db;
    pub = await createArticle(
      db,
      {
        status: 'published',
        publishedAt: clock.now().toISOString(),
        slug: 'bridge',
        title: 'The bridge reopens',
        excerpt: 'Steel.',
        body: doc(p('Forty metres long.')),
      },
      clock.now(),
    );
    await recordRevision(db, pub, { id: null, label: 'test' }, clock.now());
    draft = await createArticle(db, { slug: 'draft', title: 'Draft', body: doc(p('x')) }, clock.now());
    fa = await createArticle(
      db,
      { status: 'published', publishedAt: clock.now().toISOString(), slug: 'pol', title: 'پل', language: 'fa', body: doc(p('پل')) },
      clock.now(),
    );
    a = new Agent(app);
    await a.login((await makeUser(t, 'editor')).email);
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('dates notes in the article’s language', async () => {
    expect((await a.post(`/admin/articles/${fa}/corrections`, { kind: 'correction', body: 'اصلاح شد.' })).statusCode).toBe(303);
    const page = (await app.inject('/pol/')).body;
    expect(page).toMatch(/<strong class="correction__label">اصلاحیه، <time datetime="2026-11-29T09:00:00.000Z">[^<]*۱۴۰۵[^<]*<\/time>:<\/strong> اصلاح شد\./);
  });

  it.skipIf(!javaAvailable())('every page is valid HTML with no inline script or style', async () => {
    expect((await a.post(`/admin/articles/${pub}/corrections`, { kind: 'correction', body: 'It is 14 metres long.' })).statusCode).toBe(303);
    const u = (await t.handle.db.selectFrom('posts').select('updated_at').where('id', '=', pub).executeTakeFirstOrThrow()).updated_at;
    clock.advance(60_000);
    await a.post(`/admin/articles/${pub}`, {
      title: 'The bridge reopens at last',
      excerpt: 'Steel.',
      body_text: 'Fourteen metres long.',
      language: 'en',
      comment_status: 'open',
      updated_at: u,
    });
    const rev = await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', pub).orderBy('id').executeTakeFirstOrThrow();
    await a.post(`/admin/articles/${pub}/translations`, { target: String(fa) });
    const created = await a.post(`/admin/articles/${draft}/preview-links`, { days: '1' });
    const previewUrl = /value="https:\/\/news\.example(\/preview\/[^"]+)"/.exec(created.body)![1]!;
    const docs = [
      { name: 'edit form (published, panels)', html: (await a.get(`/admin/articles/${pub}`)).body },
      { name: 'edit form (draft, preview links)', html: (await a.get(`/admin/articles/${draft}`)).body },
      { name: 'note form with errors', html: (await a.post(`/admin/articles/${pub}/corrections`, { kind: 'x', body: '' })).body },
      {
        name: 'note edit form',
        html: (
          await a.get(
            `/admin/articles/${pub}/corrections/${(await t.handle.db.selectFrom('corrections').select('id').where('post_id', '=', pub).executeTakeFirstOrThrow()).id}`,
          )
        ).body,
      },
      { name: 'preview link created', html: created.body },
      { name: 'translations', html: (await a.get(`/admin/articles/${pub}/translations?q=bridge`)).body },
      { name: 'translations with error', html: (await a.post(`/admin/articles/${pub}/translations`, { target: 'abc' })).body },
      { name: 'revisions', html: (await a.get(`/admin/articles/${pub}/revisions`)).body },
      { name: 'compare', html: (await a.get(`/admin/articles/${pub}/revisions/${rev.id}/compare?with=current`)).body },
      { name: 'article with notes', html: (await app.inject('/bridge-reopens-at-last/')).body || (await app.inject('/bridge/')).body },
      { name: 'corrections', html: (await app.inject('/corrections/')).body },
      { name: 'preview', html: (await app.inject(previewUrl)).body },
    ];
    for (const d of docs) {
      expect(d.html, d.name).toMatch(/^<!doctype html>/);
      expect(d.html, d.name).not.toMatch(/<script(?! src=| type="application\/ld\+json")|\sstyle=|\son[a-z]+=/i);
    }
    expect(formatHtmlErrors(await validateHtml(docs))).toBe('');
  });
});
