/**
 * /admin/categories and /admin/tags over HTTP: every role boundary, CSRF, hostile input refused
 * with a message and nothing half-saved, 301s after rename/move/merge/delete, 404 after a tag is
 * deleted, cached public pages purged by each write, and an audit entry for each.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../../src/modules/user/permissions.js';
import { insertCategory } from '../../../../src/modules/taxonomy/taxonomy.repository.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';
import { adminApp, signedIn, type Who } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';

const WHO: Who[] = [...ROLES, 'anonymous'];

for (const dialect of DIALECTS) {
  describe(`admin categories and tags (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    let editor: Agent;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 6);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const db = () => t.handle.db;
    /** Everything a taxonomy write could touch, to prove a refused one changed nothing. */
    const snapshot = async () => ({
      categories: await db().selectFrom('categories').selectAll().orderBy('id').execute(),
      tags: await db().selectFrom('tags').selectAll().orderBy('id').execute(),
      postCategories: await db().selectFrom('post_categories').selectAll().orderBy('post_id').orderBy('category_id').execute(),
      postTags: await db().selectFrom('post_tags').selectAll().orderBy('post_id').orderBy('tag_id').execute(),
      primaries: await db().selectFrom('posts').select(['id', 'primary_category_id']).orderBy('id').execute(),
      redirects: await db().selectFrom('redirects').selectAll().orderBy('from_path').execute(),
      audit:
        (await db().selectFrom('audit_log').select('id').where('action', 'like', 'category.%').execute()).length +
        (await db().selectFrom('audit_log').select('id').where('action', 'like', 'tag.%').execute()).length,
    });
    const pub = (url: string) => app.inject({ method: 'GET', url });
    const catId = async (slug: string) => (await db().selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const tagId = async (slug: string) => (await db().selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const lastAudit = async () => db().selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

    describe('roles', () => {
      const GETS = ['/admin/categories', '/admin/categories/:cat', '/admin/tags', '/admin/tags?q=ra&page=1', '/admin/tags/:tag'];
      for (const url of GETS) {
        for (const who of WHO) {
          const expected = who === 'anonymous' ? 303 : who === 'owner' || who === 'editor' ? 200 : 403;
          it(`GET ${url} as ${who} → ${expected}`, async () => {
            const a = await signedIn(app, t, who);
            const res = await a.get(url.replace(':cat', String(fx.ids.world)).replace(':tag', String(fx.ids.rail)));
            expect(res.statusCode).toBe(expected);
            if (expected === 303) expect(res.headers.location).toMatch(/^\/admin\/login/);
            if (expected === 403) expect(res.body).toContain('does not allow you to manage categories and tags');
          });
        }
      }

      const POSTS: [string, Record<string, string | string[]>][] = [
        ['/admin/categories', { name: 'Sneaky', slug: 'sneaky', parent: '' }],
        ['/admin/categories/:cat', { name: 'Hacked', slug: 'hacked', description: '' }],
        ['/admin/categories/:cat/move', { parent: ':other' }],
        ['/admin/categories/:cat/up', {}],
        ['/admin/categories/:cat/down', {}],
        ['/admin/categories/:cat/delete', { receiver: ':other' }],
        ['/admin/tags/merge', { ids: [':tag'], into: 'climate' }],
        ['/admin/tags/:tag', { name: 'Hacked', slug: 'hacked' }],
        ['/admin/tags/:tag/delete', {}],
      ];
      const fill = (v: string) => v.replace(':cat', String(fx.ids.world)).replace(':other', String(fx.ids.politics)).replace(':tag', String(fx.ids.rail));
      for (const [url, form] of POSTS) {
        for (const who of ['author', 'contributor', 'anonymous'] as const) {
          it(`POST ${url} as ${who} is refused and changes nothing`, async () => {
            const a = await signedIn(app, t, who);
            const before = await snapshot();
            const body = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? v.map(fill) : fill(v)]));
            const res = await a.post(fill(url), body);
            expect(res.statusCode).toBe(who === 'anonymous' ? 303 : 403);
            if (who === 'anonymous') expect(res.headers.location).toMatch(/^\/admin\/login/);
            expect(await snapshot()).toEqual(before);
          });
        }
        it(`POST ${url} by an editor without a valid CSRF token → 403, nothing changes`, async () => {
          const before = await snapshot();
          const body = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, Array.isArray(v) ? v.map(fill) : fill(v)]));
          for (const res of [await editor.postRaw(fill(url), body), await editor.postRaw(fill(url), { ...body, _csrf: 'forged' })]) {
            expect(res.statusCode).toBe(403);
            expect(res.body).toContain('did not come from this site');
          }
          expect(await snapshot()).toEqual(before);
        });
      }

      it('owners may manage categories and tags too', async () => {
        const owner = await signedIn(app, t, 'owner');
        const res = await owner.post('/admin/categories', { name: 'Owner made', parent: '' }, '/admin/categories');
        expect(res.statusCode).toBe(303);
        const id = await catId('owner-made');
        expect(
          (await owner.post(`/admin/categories/${id}`, { name: 'Owner made', slug: 'owner-made-2', description: '' }, `/admin/categories/${id}`)).statusCode,
        ).toBe(303);
        expect((await owner.post(`/admin/categories/${id}/delete`, { receiver: String(fx.ids.politics) }, `/admin/categories/${id}`)).statusCode).toBe(303);
        const tid = (await db().insertInto('tags').values({ slug: 'owner-tag', name: 'Owner tag', description: '' }).returning('id').executeTakeFirstOrThrow())
          .id;
        expect((await owner.post(`/admin/tags/${tid}/delete`, {}, `/admin/tags/${tid}`)).statusCode).toBe(303);
        const audit = await db()
          .selectFrom('audit_log')
          .select(['action', 'actor_label'])
          .where('action', 'in', ['category.created', 'category.updated', 'category.deleted', 'tag.deleted'])
          .orderBy('id')
          .execute();
        expect(audit.map((a) => a.action)).toEqual(['category.created', 'category.updated', 'category.deleted', 'tag.deleted']);
        expect(new Set(audit.map((a) => a.actor_label)).size).toBe(1);
        const log = (await owner.get('/admin/audit')).body;
        for (const label of ['Created category', 'Renamed category', 'Deleted category', 'Deleted tag']) expect(log).toContain(label);
        expect(log).toContain('/category/owner-made-2/: 0 article(s) and 0 sub-categories to &quot;Politics&quot;');
      });

      it('the nav shows Categories and Tags to editors and owners only', async () => {
        for (const who of ROLES) {
          const body = (await (await signedIn(app, t, who)).get('/admin')).body;
          const allowed = who === 'owner' || who === 'editor';
          expect(body.includes('href="/admin/categories"'), who).toBe(allowed);
          expect(body.includes('href="/admin/tags"'), who).toBe(allowed);
        }
      });
    });

    describe('hostile input: 4xx with a message, nothing saved', () => {
      const refused = async (url: string, form: Record<string, string | string[]>, status: number, message: RegExp, page?: string) => {
        const before = await snapshot();
        const res = await editor.post(url, form, page ?? '/admin/categories');
        expect(res.statusCode, `${url} ${JSON.stringify(form).slice(0, 80)}`).toBe(status);
        expect(res.body).toMatch(message);
        expect(await snapshot()).toEqual(before);
        return res;
      };

      it('category names: empty, blank, 10,000 characters, sent twice', async () => {
        await refused('/admin/categories', { name: '', slug: 'x1' }, 400, /1 to 200 characters/);
        await refused('/admin/categories', { name: '   ', slug: 'x2' }, 400, /1 to 200 characters/);
        await refused('/admin/categories', { name: 'n'.repeat(10_000), slug: 'x3' }, 400, /1 to 200 characters/);
        await refused('/admin/categories', { name: ['a', 'b'], slug: 'x4' }, 400, /more than once/);
        await refused('/admin/categories', { name: 'Fine', description: 'd'.repeat(2001) }, 400, /at most 2,000 characters/);
      });

      it('slugs: taken, with "/" or "..", only punctuation; a unicode slug is fine', async () => {
        await refused('/admin/categories', { name: 'World again', slug: 'world' }, 409, /already in use/);
        await refused('/admin/categories', { name: 'World again', slug: 'WORLD' }, 409, /already in use/);
        for (const slug of ['a/b', '..', '../etc', 'a.b', '-lead', 'with space', '%2e%2e']) {
          await refused('/admin/categories', { name: 'Slashy', slug }, 400, /only hold letters, digits and hyphens/);
        }
        await refused('/admin/categories', { name: '!!!' }, 400, /No slug can be made/);
        const res = await editor.post('/admin/categories', { name: 'اخبار', slug: 'اخبار', parent: '' }, '/admin/categories');
        expect(res.statusCode).toBe(303);
        expect((await pub(`/category/${encodeURIComponent('اخبار')}/`)).statusCode).toBe(200);
      });

      it('parents and receivers: not a number, missing, own descendant, itself', async () => {
        await refused('/admin/categories', { name: 'Orphan', parent: 'abc' }, 400, /Choose the parent from the list/);
        await refused('/admin/categories', { name: 'Orphan', parent: '1 OR 1=1' }, 400, /Choose the parent/);
        await refused('/admin/categories', { name: 'Orphan', parent: '999999' }, 400, /no longer exists/);
        const page = `/admin/categories/${fx.ids.world}`;
        await refused(
          `/admin/categories/${fx.ids.world}/move`,
          { parent: String(fx.ids.europe) },
          400,
          /cannot be moved under .*Europe.*, which is inside it/,
          page,
        );
        await refused(`/admin/categories/${fx.ids.world}/move`, { parent: String(fx.ids.world) }, 400, /cannot be moved under itself/, page);
        await refused(`/admin/categories/${fx.ids.world}/delete`, { receiver: String(fx.ids.world) }, 400, /cannot receive them itself/, page);
        await refused(`/admin/categories/${fx.ids.world}/delete`, { receiver: String(fx.ids.europe) }, 400, /is inside/, page);
        await refused(`/admin/categories/${fx.ids.world}/delete`, { receiver: 'x' }, 400, /Choose the category that receives/, page);
        await refused(`/admin/categories/${fx.ids.world}/delete`, {}, 400, /Choose the category that receives/, page);
      });

      it('non-numeric and unknown ids answer 404', async () => {
        for (const url of [
          '/admin/categories/abc',
          '/admin/categories/0',
          '/admin/categories/1e3',
          '/admin/categories/99999999',
          '/admin/tags/abc',
          '/admin/tags/-1',
          '/admin/tags/99999',
        ]) {
          const res = await editor.get(url);
          expect(res.statusCode, url).toBe(404);
          expect(res.body).toContain('There is no such');
        }
        await refused('/admin/categories/abc/delete', { receiver: '1' }, 404, /There is no such category/);
        await refused('/admin/tags/abc/delete', {}, 404, /There is no such tag/);
        await refused('/admin/tags/99999', { name: 'X', slug: 'x' }, 404, /no such tag/);
      });

      it('tags: empty or long names, taken slug, merge with nothing ticked or an unknown target', async () => {
        const page = `/admin/tags/${fx.ids.rail}`;
        await refused(`/admin/tags/${fx.ids.rail}`, { name: '', slug: 'rail' }, 400, /1 to 200 characters/, page);
        await refused(`/admin/tags/${fx.ids.rail}`, { name: 'r'.repeat(10_000), slug: 'rail' }, 400, /1 to 200 characters/, page);
        await refused(`/admin/tags/${fx.ids.rail}`, { name: 'Rail', slug: 'climate' }, 409, /already in use/, page);
        await refused(`/admin/tags/${fx.ids.rail}`, { name: 'Rail', slug: '../x' }, 400, /only hold letters/, page);
        await refused('/admin/tags/merge', { into: 'rail' }, 400, /at least one tag/, '/admin/tags');
        await refused('/admin/tags/merge', { ids: [String(fx.ids.rail)], into: 'rail' }, 400, /at least one tag/, '/admin/tags');
        await refused('/admin/tags/merge', { ids: ['x; DROP TABLE tags'], into: 'rail' }, 400, /Tick the tags/, '/admin/tags');
        await refused('/admin/tags/merge', { ids: [String(fx.ids.climate)], into: "nope' OR 1=1 --" }, 400, /There is no tag/, '/admin/tags');
        await refused('/admin/tags/merge', { ids: ['99999'], into: 'rail' }, 404, /no longer exists/, '/admin/tags');
      });

      it('markup and SQL in names are stored as typed and shown escaped, in the admin and on the site', async () => {
        const name = `<script>alert(1)</script>"'; DROP TABLE categories; --`;
        const res = await editor.post(
          '/admin/categories',
          { name, slug: 'hostile', parent: '', description: '<img src=x onerror=alert(1)>' },
          '/admin/categories',
        );
        expect(res.statusCode).toBe(303);
        const row = await db().selectFrom('categories').selectAll().where('slug', '=', 'hostile').executeTakeFirstOrThrow();
        expect(row.name).toBe(name);
        for (const html of [
          (await editor.get('/admin/categories')).body,
          (await editor.get(`/admin/categories/${row.id}`)).body,
          (await pub('/category/hostile/')).body,
        ]) {
          expect(html).not.toContain('<script>alert(1)');
          expect(html).not.toContain('<img src=x');
          expect(html).toContain('&lt;script>alert(1)&lt;/script>');
        }
        const tid = fx.ids.climate;
        expect((await editor.post(`/admin/tags/${tid}`, { name: '<b onmouseover=x>Climate</b>', slug: 'climate' }, `/admin/tags/${tid}`)).statusCode).toBe(303);
        for (const html of [(await editor.get('/admin/tags')).body, (await pub('/tag/climate/')).body]) {
          expect(html).not.toContain('<b onmouseover');
          expect(html).toContain('&lt;b onmouseover=x>Climate&lt;/b>');
        }
        expect((await editor.post(`/admin/tags/${tid}`, { name: 'Climate', slug: 'climate' }, `/admin/tags/${tid}`)).statusCode).toBe(303);
      });

      it('the only category cannot be deleted (no receiver exists)', async () => {
        const t2 = await freshDb(dialect);
        const app2 = await adminApp(t2);
        try {
          const only = await insertCategory(t2.handle.db, { parent_id: null, slug: 'only', name: 'Only' });
          const a = await signedIn(app2, t2, 'owner');
          const page = await a.get(`/admin/categories/${only}`);
          expect(page.body).toContain('cannot be deleted');
          expect(page.body).not.toContain(`action="/admin/categories/${only}/delete"`);
          const res = await a.post(`/admin/categories/${only}/delete`, { receiver: String(only) }, `/admin/categories/${only}`);
          expect(res.statusCode).toBe(400);
          expect(await t2.handle.db.selectFrom('categories').select('id').execute()).toHaveLength(1);
        } finally {
          await app2.close();
          await t2.cleanup();
        }
      });
    });

    describe('categories: changes, redirects and cache', () => {
      it('adds a category under a parent, with the slug made from the name, at the end of its siblings', async () => {
        await pub('/');
        await pub('/');
        const res = await editor.post(
          '/admin/categories',
          { name: 'Nordic Countries', slug: '', parent: String(fx.ids.europe), description: 'North.' },
          '/admin/categories',
        );
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toMatch(/^\/admin\/categories\?notice=category-created#cat-\d+$/);
        const row = await db().selectFrom('categories').selectAll().where('slug', '=', 'nordic-countries').executeTakeFirstOrThrow();
        expect(row.parent_id).toBe(fx.ids.europe);
        expect((await pub('/category/world/europe/nordic-countries/')).statusCode).toBe(200);
        // Every page shows the section navigation: the cached home page was purged.
        expect((await pub('/')).headers['x-cache']).toBe('MISS');
        expect((await editor.get('/admin/categories?notice=category-created')).body).toContain('Category added.');
        const audit = await lastAudit();
        expect(audit.action).toBe('category.created');
        expect(audit.target_type).toBe('category');
        expect(audit.target_id).toBe(row.id);
      });

      it('renaming a slug 301s the old URLs of it, its descendants and their feeds, and purges cached pages', async () => {
        const article = `/${fx.slugs[0]}/`; // story 6, an even number: in Europe
        for (const url of ['/', '/category/world/', '/category/world/europe/', article, '/category/world/feed/']) {
          await pub(url);
          expect((await pub(url)).headers['x-cache'], url).toBe('HIT');
        }
        const res = await editor.post(
          `/admin/categories/${fx.ids.world}`,
          { name: 'International', slug: 'international', description: 'Abroad.' },
          `/admin/categories/${fx.ids.world}`,
        );
        expect(res.statusCode).toBe(303);
        for (const [from, to] of [
          ['/category/world/', '/category/international/'],
          ['/category/world/europe/', '/category/international/europe/'],
          ['/category/world/feed/', '/category/international/feed/'],
          ['/category/world/europe/feed/atom/', '/category/international/europe/feed/atom/'],
          ['/category/world/page/2/', '/category/international/page/2/'],
          ['/category/world/europe/page/3/?x=1', '/category/international/europe/page/3/?x=1'],
        ] as const) {
          const r = await pub(from);
          expect(r.statusCode, from).toBe(301);
          expect(r.headers.location).toBe(to);
        }
        expect((await pub('/category/international/europe/')).statusCode).toBe(200);
        const page = await pub(article);
        expect(page.headers['x-cache']).toBe('MISS');
        expect(page.body).toContain('href="/category/international/europe/"');
        expect((await pub('/')).body).toContain('International');
        expect((await lastAudit()).action).toBe('category.updated');
      });

      it("moving a category changes its subtree's URLs (301s) and refuses nothing else", async () => {
        await pub('/category/politics/');
        await pub('/category/politics/');
        const res = await editor.post(`/admin/categories/${fx.ids.europe}/move`, { parent: String(fx.ids.politics) }, `/admin/categories/${fx.ids.europe}`);
        expect(res.statusCode).toBe(303);
        const old = await pub('/category/international/europe/nordic-countries/');
        expect(old.statusCode).toBe(301);
        expect(old.headers.location).toBe('/category/politics/europe/nordic-countries/');
        expect((await pub('/category/international/europe/')).headers.location).toBe('/category/politics/europe/');
        // The politics archive now includes Europe's stories: its cached copy was purged.
        const politics = await pub('/category/politics/');
        expect(politics.headers['x-cache']).toBe('MISS');
        expect((await lastAudit()).action).toBe('category.moved');
        // Back to the top level.
        expect((await editor.post(`/admin/categories/${fx.ids.europe}/move`, { parent: '' }, `/admin/categories/${fx.ids.europe}`)).statusCode).toBe(303);
        expect((await pub('/category/europe/')).statusCode).toBe(200);
        expect((await pub('/category/politics/europe/')).headers.location).toBe('/category/europe/');
      });

      it('Up and Down reorder siblings without JavaScript; at the edge nothing moves', async () => {
        const roots = async () =>
          (await db().selectFrom('categories').select(['slug', 'position']).where('parent_id', 'is', null).execute())
            .sort((a, b) => a.position - b.position)
            .map((r) => r.slug);
        const before = await roots();
        const first = before[0]!;
        const second = before[1]!;
        await pub('/');
        await pub('/');
        const r = await editor.post(`/admin/categories/${await catId(second)}/up`, {}, '/admin/categories');
        expect(r.statusCode).toBe(303);
        expect((await pub('/')).headers['x-cache']).toBe('MISS');
        expect(r.headers.location).toContain('notice=category-reordered');
        const after = await roots();
        expect(after.slice(0, 2)).toEqual([second, first]);
        expect(new Set(after)).toEqual(new Set(before));
        expect((await editor.post(`/admin/categories/${await catId(second)}/up`, {}, '/admin/categories')).statusCode).toBe(303);
        expect(await roots()).toEqual(after);
        expect((await editor.post(`/admin/categories/${await catId(second)}/down`, {}, '/admin/categories')).statusCode).toBe(303);
        expect((await roots()).slice(0, 2)).toEqual([first, second]);
        const list = (await editor.get('/admin/categories')).body;
        expect(list.indexOf(`id="cat-${await catId(first)}"`)).toBeLessThan(list.indexOf(`id="cat-${await catId(second)}"`));
        expect((await lastAudit()).action).toBe('category.reordered');
      });

      it('deleting hands its articles (primary too) and sub-categories to the receiver and 301s its URL there', async () => {
        const europeArticles = (await db().selectFrom('post_categories').select('post_id').where('category_id', '=', fx.ids.europe).execute()).map(
          (r) => r.post_id,
        );
        expect(europeArticles.length).toBeGreaterThan(0);
        const article = `/${fx.slugs[0]}/`;
        await pub(article);
        await pub('/category/politics/');
        const res = await editor.post(`/admin/categories/${fx.ids.europe}/delete`, { receiver: String(fx.ids.politics) }, `/admin/categories/${fx.ids.europe}`);
        expect(res.statusCode).toBe(303);
        expect(await db().selectFrom('categories').select('id').where('id', '=', fx.ids.europe).executeTakeFirst()).toBeUndefined();
        const nordic = await db().selectFrom('categories').selectAll().where('slug', '=', 'nordic-countries').executeTakeFirstOrThrow();
        expect(nordic.parent_id).toBe(fx.ids.politics);
        for (const id of europeArticles) {
          const cats = (await db().selectFrom('post_categories').select('category_id').where('post_id', '=', id).execute()).map((r) => r.category_id);
          expect(cats).toContain(fx.ids.politics);
          const post = await db().selectFrom('posts').select('primary_category_id').where('id', '=', id).executeTakeFirstOrThrow();
          expect(post.primary_category_id).toBe(fx.ids.politics);
        }
        // No article is left without a category.
        const orphans = await db()
          .selectFrom('posts')
          .select('id')
          .where('type', '=', 'post')
          .where((eb) => eb.not(eb.exists(eb.selectFrom('post_categories').select('post_id').whereRef('post_categories.post_id', '=', 'posts.id'))))
          .execute();
        expect(orphans).toEqual([]);
        const old = await pub('/category/europe/');
        expect(old.statusCode).toBe(301);
        expect(old.headers.location).toBe('/category/politics/');
        expect((await pub('/category/europe/nordic-countries/')).headers.location).toBe('/category/politics/nordic-countries/');
        expect((await pub('/category/international/europe/')).headers.location).toBe('/category/politics/');
        const page = await pub(article);
        expect(page.headers['x-cache']).toBe('MISS');
        expect(page.body).toContain('href="/category/politics/"');
        expect((await pub('/category/politics/')).headers['x-cache']).toBe('MISS');
        expect((await lastAudit()).action).toBe('category.deleted');
      });
    });

    describe('tags: list, rename, merge, delete', () => {
      it('lists tags with article counts, searches and pages', async () => {
        for (let i = 0; i < 55; i++)
          await db()
            .insertInto('tags')
            .values({ slug: `zz-filler-${String(i).padStart(2, '0')}`, name: `Zz filler ${String(i).padStart(2, '0')}`, description: '' })
            .execute();
        const list = await editor.get('/admin/tags');
        expect(list.statusCode).toBe(200);
        const railCount = (await db().selectFrom('post_tags').select('post_id').where('tag_id', '=', fx.ids.rail).execute()).length;
        expect(list.body).toMatch(
          new RegExp(`href="/admin/tags/${fx.ids.rail}">Rail</a></th><td><a href="/tag/rail/">/tag/rail/</a></td><td>${railCount}</td>`),
        );
        expect(list.body).toContain('Page 1 of 2');
        expect(list.body).toContain('href="/admin/tags?page=2"');
        expect((await editor.get('/admin/tags?page=2')).body).toContain('Zz filler 54');
        expect((await editor.get('/admin/tags?page=9')).statusCode).toBe(404);
        const found = await editor.get('/admin/tags?q=RAI');
        expect(found.body).toContain('/tag/rail/');
        expect(found.body).not.toContain('/tag/zz-filler-00/');
        const percent = await editor.get(`/admin/tags?q=${encodeURIComponent("%' OR 1=1 --")}`);
        expect(percent.statusCode).toBe(200);
        expect(percent.body).toContain('No tag matches.');
      });

      it('renaming a tag 301s its old URL and feed, and purges its cached page', async () => {
        await pub('/tag/rail/');
        await pub('/tag/rail/');
        const res = await editor.post(`/admin/tags/${fx.ids.rail}`, { name: 'Railways', slug: 'railways', description: '' }, `/admin/tags/${fx.ids.rail}`);
        expect(res.statusCode).toBe(303);
        expect((await pub('/tag/rail/')).headers.location).toBe('/tag/railways/');
        expect((await pub('/tag/rail/feed/')).headers.location).toBe('/tag/railways/feed/');
        expect((await pub('/tag/rail/page/2/')).headers.location).toBe('/tag/railways/page/2/');
        expect((await pub('/tag/railways/')).body).toContain('Railways');
        expect((await lastAudit()).action).toBe('tag.updated');
      });

      it("merging re-tags articles without duplicates and 301s the merged tags' URLs", async () => {
        const trains = (await db().insertInto('tags').values({ slug: 'trains', name: 'Trains', description: '' }).returning('id').executeTakeFirstOrThrow()).id;
        const railPosts = (await db().selectFrom('post_tags').select('post_id').where('tag_id', '=', fx.ids.rail).execute()).map((r) => r.post_id);
        await db()
          .insertInto('post_tags')
          .values(railPosts.slice(0, 2).map((post_id) => ({ post_id, tag_id: trains })))
          .execute();
        const climatePosts = (await db().selectFrom('post_tags').select('post_id').where('tag_id', '=', fx.ids.climate).execute()).map((r) => r.post_id);
        await pub('/tag/railways/');
        await pub('/tag/railways/');
        await pub(`/${fx.slugs[0]}/`);
        const res = await editor.post(
          '/admin/tags/merge',
          { ids: [String(trains), String(fx.ids.climate), String(fx.ids.rail)], into: 'Railways' },
          '/admin/tags',
        );
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe(`/admin/tags/${fx.ids.rail}?notice=tag-merged`);
        const after = (await db().selectFrom('post_tags').select('post_id').where('tag_id', '=', fx.ids.rail).execute()).map((r) => r.post_id);
        expect(after.length).toBe(new Set(after).size);
        expect(new Set(after)).toEqual(new Set([...railPosts, ...climatePosts]));
        expect(await db().selectFrom('tags').select('id').where('id', 'in', [trains, fx.ids.climate]).execute()).toEqual([]);
        for (const old of ['/tag/trains/', '/tag/climate/']) expect((await pub(old)).headers.location, old).toBe('/tag/railways/');
        expect((await pub('/tag/climate/feed/json/')).headers.location).toBe('/tag/railways/feed/json/');
        expect((await pub('/tag/railways/')).headers['x-cache']).toBe('MISS');
        expect((await pub(`/${fx.slugs[0]}/`)).body).not.toContain('/tag/climate/');
        const audit = await lastAudit();
        expect(audit.action).toBe('tag.merged');
        expect(audit.detail).toContain('climate');
      });

      it('deleting a tag removes it from its articles and its URL (and old ones that led to it) answer 404', async () => {
        const id = await tagId('railways');
        const posts = (await db().selectFrom('post_tags').select('post_id').where('tag_id', '=', id).execute()).length;
        expect(posts).toBeGreaterThan(0);
        await pub(`/${fx.slugs[0]}/`);
        await pub(`/${fx.slugs[0]}/`);
        const res = await editor.post(`/admin/tags/${id}/delete`, {}, `/admin/tags/${id}`);
        expect(res.statusCode).toBe(303);
        expect(await db().selectFrom('post_tags').select('post_id').where('tag_id', '=', id).execute()).toEqual([]);
        for (const url of ['/tag/railways/', '/tag/rail/', '/tag/climate/', '/tag/railways/feed/']) expect((await pub(url)).statusCode, url).toBe(404);
        const article = await pub(`/${fx.slugs[0]}/`);
        expect(article.headers['x-cache']).toBe('MISS');
        expect(article.body).not.toContain('/tag/railways/');
        expect((await lastAudit()).action).toBe('tag.deleted');
        expect((await editor.get('/admin/audit')).statusCode).toBe(403);
      });
    });
  });
}
