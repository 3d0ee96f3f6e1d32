/**
 * Private preview links: made in the admin for an unpublished article, shown once, opening the
 * article through the real template (noindex, private/no-store, never in the page cache) until
 * they expire (injected clock) or are revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../../src/modules/article/document.js';
import { hashToken } from '../../../../../src/modules/preview/preview.js';
import { DIALECTS, freshDb, type TestDb } from '../../../../helpers/db.js';
import { adminApp, signedIn, type Who } from '../../../../helpers/admin.js';
import { Agent } from '../../../../helpers/agent.js';
import { Clock } from '../../../../helpers/clock.js';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`preview links (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const clock = new Clock(new Date('2026-11-29T09:00:00Z').getTime());
    let draft: number;
    let published: number;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock, env: { PAGE_CACHE_MB: '16' } });
      const db = t.handle.db;
      const author = (
        await db
          .insertInto('authors')
          .values({ slug: 'guest', name: 'Guest Writer', role_title: '', bio: '', avatar_media_id: null, user_id: null, created_at: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      draft = await createArticle(
        db,
        { slug: 'embargoed', title: 'Embargoed budget story', body: doc(p('Numbers under embargo.')), authorIds: [author] },
        clock.now(),
      );
      published = await createArticle(
        db,
        { status: 'published', publishedAt: clock.now().toISOString(), slug: 'public-one', title: 'Public', body: doc(p('x')), authorIds: [author] },
        clock.now(),
      );
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const agentFor = (who: Who): Promise<Agent> => signedIn(app, t, who);
    const links = () => t.handle.db.selectFrom('preview_links').selectAll().orderBy('id').execute();
    async function create(a: Agent, id: number, days = '1'): Promise<string> {
      const res = await a.post(`/admin/articles/${id}/preview-links`, { days });
      expect(res.statusCode, res.body).toBe(201);
      const m = /value="https:\/\/news\.example(\/preview\/[A-Za-z0-9_-]{43}\/)"/.exec(res.body);
      expect(m).not.toBeNull();
      return m![1]!;
    }

    it('an editor makes a link; it renders the article with noindex and private, no-store; only the hash is stored', async () => {
      const a = await agentFor('editor');
      expect((await app.inject(`/embargoed/`)).statusCode).toBe(404);
      const url = await create(a, draft, '7');
      const token = url.split('/').at(-2)!;
      const stored = await links();
      expect(stored.at(-1)!.token_hash).toBe(hashToken(token));
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(stored.at(-1)!.expires_at).toBe(new Date(clock.t + 7 * DAY).toISOString());

      const res = await app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1 class="article__title">Embargoed budget story</h1>');
      expect(res.body).toContain('Numbers under embargo.');
      expect(res.body).toMatch(/<meta name="robots" content="noindex/);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-robots-tag']).toContain('noindex');
      expect(res.headers['x-cache']).toBeUndefined();
      expect((await app.inject(url)).headers['x-cache']).toBeUndefined();
      expect(app.pageCache.stats.entries).toBe(0);
      // The edit form lists it as active, without the token.
      const edit = await a.get(`/admin/articles/${draft}`);
      expect(edit.body).toContain('Private preview links');
      expect(edit.body).toContain('Active');
      expect(edit.body).not.toContain(token);
    });

    it('expires on the injected clock: 410 with a message, still private', async () => {
      const a = await agentFor('editor');
      const url = await create(a, draft, '1');
      clock.advance(DAY - 1000);
      expect((await app.inject(url)).statusCode).toBe(200);
      clock.advance(1000);
      const res = await app.inject(url);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('This preview link has expired');
      expect(res.body).not.toContain('Numbers under embargo.');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect((await a.get(`/admin/articles/${draft}`)).body).toContain('Expired');
    });

    it('revoked links answer 410; unknown and malformed tokens 404', async () => {
      const a = await agentFor('author');
      const c = await agentFor('editor');
      const url = await create(c, draft, '1');
      const id = (await links()).at(-1)!.id;
      // An author who does not own the draft can neither make nor revoke its links.
      expect((await a.post(`/admin/articles/${draft}/preview-links`, { days: '1' })).statusCode).toBe(403);
      expect((await a.post(`/admin/articles/${draft}/preview-links/${id}/revoke`)).statusCode).toBe(403);
      expect((await c.post(`/admin/articles/${draft}/preview-links/${id}/revoke`)).statusCode).toBe(303);
      const res = await app.inject(url);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('withdrawn');
      expect((await c.post(`/admin/articles/${draft}/preview-links/${id}/revoke`)).statusCode).toBe(404);
      for (const bad of ['/preview/nope/', `/preview/${'A'.repeat(43)}/`, "/preview/'%20OR%201=1--/"]) {
        const r = await app.inject(bad);
        expect(r.statusCode, bad.slice(0, 40)).toBe(404);
        expect(r.headers['cache-control']).toBe('private, no-store');
      }
      const long = await app.inject(`/preview/${'x'.repeat(5000)}/`);
      expect(long.statusCode).toBeGreaterThanOrEqual(400);
      expect(long.statusCode).toBeLessThan(500);
    });

    it('contributors preview their own drafts; refuses published articles, bad durations and missing CSRF', async () => {
      const c = await agentFor('contributor');
      const made = await c.post('/admin/articles', { title: 'My draft', body_text: 'Mine.', language: 'en', comment_status: 'open' });
      const own = Number(/\/admin\/articles\/(\d+)/.exec(made.headers.location ?? '')![1]);
      const url = await create(c, own, '1');
      expect((await app.inject(url)).body).toContain('Mine.');
      expect((await c.post(`/admin/articles/${draft}/preview-links`, { days: '1' })).statusCode).toBe(403);

      const e = await agentFor('editor');
      const before = await links();
      const pub = await e.post(`/admin/articles/${published}/preview-links`, { days: '1' });
      expect(pub.statusCode).toBe(409);
      expect(pub.body).toContain('share its public address');
      for (const days of ['0', '30', '-1', 'abc', "1'; drop table preview_links; --", '9'.repeat(50)]) {
        const r = await e.post(`/admin/articles/${draft}/preview-links`, { days });
        expect(r.statusCode, days).toBe(400);
        expect(r.body).toContain('Choose how long the link works');
      }
      expect((await e.postRaw(`/admin/articles/${draft}/preview-links`, { days: '1' })).statusCode).toBe(403);
      expect((await e.postRaw(`/admin/articles/${draft}/preview-links`, { days: '1', _csrf: 'forged' })).statusCode).toBe(403);
      expect((await new Agent(app).postRaw(`/admin/articles/${draft}/preview-links`, { days: '1' })).statusCode).toBe(303);
      expect(await links()).toEqual(before);
    });

    it('a link stops working once its article is trashed', async () => {
      const e = await agentFor('editor');
      const url = await create(e, draft, '7');
      expect((await e.post(`/admin/articles/${draft}/trash`)).statusCode).toBe(303);
      expect((await app.inject(url)).statusCode).toBe(404);
    });
  });
}
