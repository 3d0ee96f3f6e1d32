/**
 * /admin/articles: the role matrix on every route, CSRF, hostile input in every field, the
 * concurrency conflict, publishing purging the page cache, and scheduling via publishDue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import { publishDue } from '../../../../src/jobs/scheduler.js';
import { recordRevision } from '../../../../src/modules/revision/revision.service.js';
import { ROLES, type Role } from '../../../../src/modules/user/permissions.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn, type Who } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';
import { csrfOf } from '../../../helpers/form.js';

const WHO: Who[] = [...ROLES, 'anonymous'];
let n = 0;

const form = (extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  title: `Harbour story ${++n}`,
  excerpt: 'The standfirst.',
  body_text: 'First paragraph.\n\nSecond paragraph.',
  language: 'en',
  comment_status: 'open',
  ...extra,
});

for (const dialect of DIALECTS) {
  describe(`admin articles (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const clock = new Clock();
    let otherId: number;
    let catId: number;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock, env: { PAGE_CACHE_MB: '16' } });
      const db = t.handle.db;
      catId = (
        await db
          .insertInto('categories')
          .values({ parent_id: null, slug: 'news', name: 'News', description: '', position: 0 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const author = (
        await db
          .insertInto('authors')
          .values({ slug: 'guest', name: 'Guest Writer', role_title: '', bio: '', avatar_media_id: null, user_id: null, created_at: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      otherId = await createArticle(
        db,
        { slug: 'someone-elses', title: 'Someone else’s draft', body: doc(p('Hello')), authorIds: [author], categoryIds: [catId] },
        clock.now(),
      );
      await recordRevision(db, otherId, { id: null, label: 'test' }, clock.now());
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const agentFor = (who: Who): Promise<Agent> => signedIn(app, t, who);
    const updatedAt = async (id: number) =>
      (await t.handle.db.selectFrom('posts').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at;
    const statusOf = async (id: number) => (await t.handle.db.selectFrom('posts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const idFrom = (location: string | undefined) => Number(/\/admin\/articles\/(\d+)/.exec(location ?? '')![1]);
    /** An article of this agent's own, made through the form. */
    async function ownArticle(a: Agent): Promise<number> {
      const res = await a.post('/admin/articles', form());
      expect(res.statusCode, res.body).toBe(303);
      return idFrom(res.headers.location);
    }

    describe('role matrix', () => {
      const ALL = ROLES;
      const EDITORS = ['owner', 'editor'] as const;
      const PUBLISHERS = ['owner', 'editor', 'author'] as const;
      type Case = { name: string; allowed: readonly Role[]; ok: number; run: (a: Agent, who: Who) => Promise<{ statusCode: number }> };
      const cases: Case[] = [
        { name: 'GET /admin/articles', allowed: ALL, ok: 200, run: (a) => a.get('/admin/articles') },
        {
          name: 'GET /admin/articles?filters',
          allowed: ALL,
          ok: 200,
          run: (a) => a.get(`/admin/articles?status=draft&author=1&category=${catId}&language=en&q=%25%27;drop&page=1`),
        },
        { name: 'GET /admin/articles/new', allowed: ALL, ok: 200, run: (a) => a.get('/admin/articles/new') },
        { name: 'POST /admin/articles (draft)', allowed: ALL, ok: 303, run: (a) => a.post('/admin/articles', form()) },
        { name: 'POST /admin/articles (submit)', allowed: ALL, ok: 303, run: (a) => a.post('/admin/articles', form({ intent: 'submit' })) },
        { name: 'POST /admin/articles (publish)', allowed: PUBLISHERS, ok: 303, run: (a) => a.post('/admin/articles', form({ intent: 'publish' })) },
        {
          name: 'GET own article',
          allowed: ALL,
          ok: 200,
          run: async (a, who) => (who === 'anonymous' ? a.get(`/admin/articles/${otherId}`) : a.get(`/admin/articles/${await ownArticle(a)}`)),
        },
        {
          name: 'publish own article',
          allowed: PUBLISHERS,
          ok: 303,
          run: async (a, who) => {
            const id = who === 'anonymous' ? otherId : await ownArticle(a);
            return a.post(`/admin/articles/${id}`, form({ intent: 'publish', updated_at: await updatedAt(id) }));
          },
        },
        { name: 'GET other’s article', allowed: EDITORS, ok: 200, run: (a) => a.get(`/admin/articles/${otherId}`) },
        {
          name: 'save other’s article',
          allowed: EDITORS,
          ok: 303,
          run: async (a) => a.post(`/admin/articles/${otherId}`, form({ slug: 'someone-elses', updated_at: await updatedAt(otherId) })),
        },
        { name: 'preview other’s article', allowed: EDITORS, ok: 200, run: (a) => a.get(`/admin/articles/${otherId}/preview`) },
        {
          name: 'trash and restore other’s article',
          allowed: EDITORS,
          ok: 303,
          run: async (a) => {
            const r = await a.post(`/admin/articles/${otherId}/trash`);
            if (r.statusCode !== 303) return r;
            return a.post(`/admin/articles/${otherId}/restore`);
          },
        },
        { name: 'revisions of other’s article', allowed: EDITORS, ok: 200, run: (a) => a.get(`/admin/articles/${otherId}/revisions`) },
        {
          name: 'restore a revision of other’s article',
          allowed: EDITORS,
          ok: 303,
          run: async (a) => {
            const rev = await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', otherId).orderBy('id').executeTakeFirst();
            return a.post(`/admin/articles/${otherId}/revisions/${rev?.id ?? 1}/restore`);
          },
        },
        {
          name: 'compare a revision of other’s article',
          allowed: EDITORS,
          ok: 200,
          run: async (a) => {
            const rev = await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', otherId).orderBy('id').executeTakeFirst();
            return a.get(`/admin/articles/${otherId}/revisions/${rev?.id ?? 1}/compare?with=current`);
          },
        },
        {
          // Id guessing: one's own article in the URL, another article's revision id. Nothing is shown or restored.
          name: 'compare or restore other’s revision through own article',
          allowed: ALL,
          ok: 404,
          run: async (a, who) => {
            const own = who === 'anonymous' ? otherId : await ownArticle(a);
            const rev = await t.handle.db.selectFrom('revisions').select('id').where('post_id', '=', otherId).orderBy('id').executeTakeFirstOrThrow();
            const before = await t.handle.db.selectFrom('posts').select(['title', 'body_doc', 'updated_at']).where('id', '=', own).executeTakeFirstOrThrow();
            for (const mode of ['current', 'previous']) {
              const compared = await a.get(`/admin/articles/${own}/revisions/${rev.id}/compare?with=${mode}`);
              if (compared.statusCode !== 404) return compared;
              expect(compared.body).not.toContain('Someone else');
            }
            const restored = await a.post(`/admin/articles/${own}/revisions/${rev.id}/restore`);
            expect(await t.handle.db.selectFrom('posts').select(['title', 'body_doc', 'updated_at']).where('id', '=', own).executeTakeFirstOrThrow()).toEqual(
              before,
            );
            return restored;
          },
        },
        {
          name: 'revisions of own article',
          allowed: ALL,
          ok: 200,
          run: async (a, who) => a.get(`/admin/articles/${who === 'anonymous' ? otherId : await ownArticle(a)}/revisions`),
        },
        {
          name: 'trash own article',
          allowed: PUBLISHERS,
          ok: 303,
          run: async (a, who) => a.post(`/admin/articles/${who === 'anonymous' ? otherId : await ownArticle(a)}/trash`),
        },
      ];
      for (const c of cases) {
        for (const who of WHO) {
          const expected = who === 'anonymous' ? 303 : c.allowed.includes(who) ? c.ok : 403;
          it(`${c.name} as ${who} → ${expected}`, async () => {
            const a = await agentFor(who);
            const res = await c.run(a, who);
            expect(res.statusCode).toBe(expected);
          });
        }
      }
    });

    it('rejects every write without a valid CSRF token, and changes nothing', async () => {
      const a = await agentFor('owner');
      const id = await ownArticle(a);
      const before = await t.handle.db.selectFrom('posts').selectAll().orderBy('id').execute();
      for (const url of ['/admin/articles', `/admin/articles/${id}`, `/admin/articles/${id}/trash`, `/admin/articles/${id}/restore`]) {
        for (const token of [undefined, 'forged', '']) {
          const res = await a.postRaw(url, {
            ...form({ intent: 'publish', updated_at: await updatedAt(id) }),
            ...(token !== undefined ? { _csrf: token } : {}),
          });
          expect(res.statusCode, url).toBe(403);
          expect(res.body).toContain('nothing was changed');
        }
      }
      expect(await t.handle.db.selectFrom('posts').selectAll().orderBy('id').execute()).toEqual(before);
    });

    it('refuses hostile input in every field with a 4xx and a message, saving nothing', async () => {
      const a = await agentFor('owner');
      const id = await ownArticle(a);
      const huge = 'x'.repeat(600_000);
      const bad: [Record<string, string | string[]>, string][] = [
        [{ title: '' }, 'Enter a headline'],
        [{ title: huge.slice(0, 501) }, 'longer than 500'],
        [{ title: ['a', 'b'] }, 'more than once'],
        [{ slug: '<script>alert(1)</script>' }, 'may only hold lowercase'],
        [{ slug: "x'; drop table posts; --" }, 'may only hold lowercase'],
        [{ excerpt: huge.slice(0, 2001) }, 'longer than 2,000'],
        [{ body_text: huge }, 'The body is longer'],
        [{ body_format: 'json', body_json: '{not json' }, 'not valid JSON'],
        [{ body_format: 'json', body_json: '{"type":"doc","content":[{"type":"script","text":"x"}]}' }, 'unknown block'],
        [
          {
            body_format: 'json',
            body_json:
              '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"link","attrs":{"href":"javascript:alert(1)"}}]}]}]}',
          },
          'must start with',
        ],
        [{ body_format: 'json', body_json: '{"type":"doc","content":[{"type":"heading","attrs":{"level":1},"content":[]}]}' }, 'level 2, 3 or 4'],
        [{ body_format: 'json', body_json: '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":42}]}]}' }, 'must be text'],
        [{ language: '<b>en</b>' }, 'language tag'],
        [{ category: ['1 OR 1=1'] }, 'Choose sections'],
        [{ category: ['999999'] }, 'does not exist'],
        [{ primary_category: 'abc' }, 'primary section'],
        [{ author: ["1'--"] }, 'Choose authors'],
        [{ author: ['999999'] }, 'does not exist'],
        [{ featured_media_id: '-1' }, 'media library'],
        [{ featured_media_id: '424242' }, 'no image 424242'],
        [{ tags: Array.from({ length: 40 }, (_, i) => `t${i}`).join(',') }, 'at most 30 tags'],
        [{ seo_title: huge.slice(0, 201) }, 'longer than 200'],
        [{ seo_description: huge.slice(0, 501) }, 'longer than 500'],
        [{ comment_status: 'maybe' }, 'open or closed'],
        [{ intent: 'schedule', publish_at: 'tomorrow' }, 'publication date and time'],
        [{ intent: 'destroy' }, 'Choose one of the buttons'],
      ];
      const snapshot = async () => ({
        posts: await t.handle.db.selectFrom('posts').selectAll().orderBy('id').execute(),
        tags: await t.handle.db.selectFrom('tags').selectAll().orderBy('id').execute(),
      });
      const before = await snapshot();
      for (const [fields, message] of bad) {
        for (const url of ['/admin/articles', `/admin/articles/${id}`]) {
          const res = await a.post(url, form({ tags: 'new tag', updated_at: await updatedAt(id), ...fields }));
          expect(res.statusCode, `${url} ${JSON.stringify(fields).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          expect(res.body, JSON.stringify(fields).slice(0, 80)).toContain(message);
          expect(res.body).not.toContain('<script>alert');
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it('a second save against an older version is refused with 409, nothing overwritten', async () => {
      const a = await agentFor('editor');
      const b = await agentFor('editor');
      const id = await ownArticle(a);
      const loaded = await updatedAt(id);
      expect((await a.post(`/admin/articles/${id}`, form({ title: 'First writer wins', updated_at: loaded }))).statusCode).toBe(303);
      const res = await b.post(`/admin/articles/${id}`, form({ title: 'Second writer', updated_at: loaded }));
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('Someone else saved this article after you opened it');
      expect(res.body).toContain('Second writer');
      const row = await t.handle.db.selectFrom('posts').select('title').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.title).toBe('First writer wins');
    });

    it('publishing shows the article on the public site at once (page cache purged)', async () => {
      const a = await agentFor('author');
      const visitor = new Agent(app);
      await visitor.get('/');
      expect((await visitor.get('/')).headers['x-cache']).toBe('HIT');
      const res = await a.post(
        '/admin/articles',
        form({
          title: 'Breaking harbour news',
          slug: 'breaking-harbour',
          category: [String(catId)],
          tags: 'Harbour, Ships',
          body_text: 'Ships **arrived**.\n\n<script>alert(1)</script>',
        }),
      );
      const id = idFrom(res.headers.location);
      expect((await visitor.get('/breaking-harbour/')).statusCode).toBe(404);
      const pub = await a.post(
        `/admin/articles/${id}`,
        form({
          title: 'Breaking harbour news',
          slug: 'breaking-harbour',
          category: [String(catId)],
          tags: 'Harbour',
          intent: 'publish',
          updated_at: await updatedAt(id),
          body_text: 'Ships arrived.\n\n<script>alert(1)</script>',
        }),
      );
      expect(pub.statusCode).toBe(303);
      const home = await visitor.get('/');
      expect(home.body).toContain('Breaking harbour news');
      const page = await visitor.get('/breaking-harbour/');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).not.toContain('<script>alert(1)');
      // Unpublishing takes it down at once too.
      await a.post(
        `/admin/articles/${id}`,
        form({ title: 'Breaking harbour news', slug: 'breaking-harbour', intent: 'unpublish', updated_at: await updatedAt(id) }),
      );
      expect((await visitor.get('/breaking-harbour/')).statusCode).toBe(404);
      expect((await visitor.get('/')).body).not.toContain('Breaking harbour news');
    });

    it('every save keeps a revision; restoring one brings its content back and keeps the status', async () => {
      const a = await agentFor('author');
      const id = await ownArticle(a);
      await a.post(`/admin/articles/${id}`, form({ title: 'Second version', body_text: 'Changed body.', intent: 'publish', updated_at: await updatedAt(id) }));
      await a.post(`/admin/articles/${id}`, form({ title: 'Third version', updated_at: await updatedAt(id) }));
      const revs = await t.handle.db.selectFrom('revisions').selectAll().where('post_id', '=', id).orderBy('id').execute();
      expect(revs.map((r) => r.status)).toEqual(['draft', 'published', 'published']);
      expect(revs[1]!.title).toBe('Second version');
      const list = await a.get(`/admin/articles/${id}/revisions`);
      expect(list.body).toContain('Third version');
      expect(list.body).toContain(`/admin/articles/${id}/revisions/${revs[0]!.id}/restore`);
      const res = await a.post(`/admin/articles/${id}/revisions/${revs[0]!.id}/restore`);
      expect(res.statusCode).toBe(303);
      const post = await t.handle.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(post.title).toBe(revs[0]!.title);
      expect(post.body_html).toContain('First paragraph.');
      expect(post.status).toBe('published');
      expect((await a.post(`/admin/articles/${id}/revisions/999999/restore`)).statusCode).toBe(404);
      expect((await a.post(`/admin/articles/${id}/revisions/abc/restore`)).statusCode).toBe(404);
    });

    it('a scheduled article goes live via publishDue at its time, not before', async () => {
      const a = await agentFor('editor');
      const id = await ownArticle(a);
      const at = new Date(clock.t + 60_000).toISOString().slice(0, 16);
      const res = await a.post(
        `/admin/articles/${id}`,
        form({ title: 'Tomorrow’s story', slug: 'tomorrows-story', intent: 'schedule', publish_at: at, updated_at: await updatedAt(id) }),
      );
      expect(res.statusCode).toBe(303);
      expect(await statusOf(id)).toBe('scheduled');
      expect(await publishDue(t.handle.db, clock.now())).not.toContain(id);
      clock.advance(61_000);
      expect(await publishDue(t.handle.db, clock.now())).toContain(id);
      expect(await statusOf(id)).toBe('published');
      expect((await new Agent(app).get('/tomorrows-story/')).statusCode).toBe(200);
    });

    it('a live article has no Schedule button, and scheduling it anyway is a 400 that leaves it live', async () => {
      const a = await agentFor('editor');
      const id = await ownArticle(a);
      expect((await a.post(`/admin/articles/${id}`, form({ intent: 'publish', updated_at: await updatedAt(id) }))).statusCode).toBe(303);
      const page = await a.get(`/admin/articles/${id}`);
      expect(page.body).not.toContain('value="schedule"');
      expect(page.body).toContain('value="unpublish"');
      clock.advance(1000);
      const at = new Date(clock.t + 3_600_000).toISOString().slice(0, 16);
      const res = await a.post(`/admin/articles/${id}`, form({ intent: 'schedule', publish_at: at, updated_at: await updatedAt(id) }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Unpublish it first to schedule it again.');
      expect(await statusOf(id)).toBe('published');
    });

    it('preview renders unpublished articles through the article template, not cached; lists filter', async () => {
      const a = await agentFor('contributor');
      const id = await ownArticle(a);
      const res = await a.get(`/admin/articles/${id}/preview`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.body).toContain('First paragraph.');
      expect(res.body).toContain('noindex');
      const list = await a.get('/admin/articles?status=draft');
      expect(list.body).toContain(`/admin/articles/${id}`);
      expect(list.body).not.toContain(`/admin/articles/${otherId}"`);
      const editorList = await (await agentFor('editor')).get('/admin/articles?q=someone-elses');
      expect(editorList.body).toContain(`/admin/articles/${otherId}`);
      const form = await a.get(`/admin/articles/${id}`);
      const src = /src="(\/admin\/assets\/editor\.[0-9a-f]{10}\.js)"/.exec(form.body)?.[1];
      expect(src).toBeDefined();
      expect(form.body).not.toContain('value="publish"');
      expect(csrfOf(form.body)).toBeTruthy();
      const js = await a.get(src!);
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toContain('javascript');
    });
  });
}
