/**
 * Static pages (/admin/pages): editors and owners make and nest them with the article editor
 * (no JavaScript here: the textarea body); authors and contributors cannot. A child is served at
 * its parent's path (/about/team/), its old one-segment address and a renamed parent's paths
 * answer 301, a cycle or a descendant as parent is refused with the form (400, nothing saved),
 * hostile titles and slugs stay text, the page template has no byline, related stories or comment
 * form, the pages sitemap and a menu link follow the nested path, and a cached child page is
 * purged when its parent is renamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { adminApp, makeUser, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, type Fixture } from '../../../helpers/fixture.js';

const footer = (html: string) => /<ul class="footer__links">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';

for (const dialect of DIALECTS) {
  describe(`static pages (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    let aboutId: number;
    let teamId: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 4, t.handle.dialect.fullText);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      editor = new Agent(app);
      await editor.login((await makeUser(t, 'editor')).email);
      aboutId = (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', 'about').executeTakeFirstOrThrow()).id;
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const db = () => t.handle.db;
    const row = (id: number) => db().selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const pageForm = (over: Record<string, string>) => ({
      title: 'Our team',
      slug: '',
      excerpt: '',
      body_format: 'text',
      body_text: 'The people who make the paper.',
      body_json: '',
      language: 'en',
      featured_media_id: '',
      seo_title: '',
      seo_description: '',
      comment_status: 'closed',
      parent_id: '',
      menu_order: '',
      intent: 'publish',
      ...over,
    });
    const idOf = (location: string | string[] | undefined) => Number(/\/admin\/pages\/(\d+)/.exec(String(location))![1]);
    /** The edit form's version field, as the browser would send it back. */
    const version = async (id: number) => /name="updated_at" value="([^"]*)"/.exec((await editor.get(`/admin/pages/${id}`)).body)![1]!;

    it('is for editors and owners: authors and contributors are refused, and see no Pages link', async () => {
      expect((await editor.get('/admin/pages')).statusCode).toBe(200);
      expect((await editor.get('/admin')).body).toContain('href="/admin/pages"');
      for (const role of ['author', 'contributor'] as const) {
        const agent = await signedIn(app, t, role);
        expect((await agent.get('/admin')).body, role).not.toContain('href="/admin/pages"');
        expect((await agent.get('/admin/pages')).statusCode, role).toBe(403);
        expect((await agent.get(`/admin/pages/${aboutId}`)).statusCode, role).toBe(403);
        const res = await agent.post('/admin/pages', pageForm({ title: 'Sneaky', slug: 'sneaky' }), '/admin');
        expect(res.statusCode, role).toBe(403);
        expect((await agent.post(`/admin/pages/${aboutId}/trash`, {}, '/admin')).statusCode, role).toBe(403);
      }
      expect(await db().selectFrom('posts').select('id').where('slug', '=', 'sneaky').executeTakeFirst()).toBeUndefined();
      expect((await row(aboutId)).status).toBe('published');
    });

    it('lists only pages, and the articles list only posts; an article id is no page and a page id no article', async () => {
      const pages = (await editor.get('/admin/pages')).body;
      expect(pages).toContain(`href="/admin/pages/${aboutId}"`);
      const articles = (await editor.get('/admin/articles')).body;
      expect(articles).not.toContain(`href="/admin/articles/${aboutId}"`);
      expect((await editor.get(`/admin/articles/${aboutId}`)).statusCode).toBe(404);
      const postId = (await db().selectFrom('posts').select('id').where('slug', '=', fx.slugs[0]!).executeTakeFirstOrThrow()).id;
      expect((await editor.get(`/admin/pages/${postId}`)).statusCode).toBe(404);
      expect(pages).not.toContain(`/admin/pages/${postId}"`);
    });

    it('makes a child page in the no-JavaScript form, served at /about/team/ with the plain template', async () => {
      const form = (await editor.get('/admin/pages/new')).body;
      expect(form).toContain('name="parent_id"');
      expect(form).toMatch(/<option value="closed" selected/);
      expect(form).not.toContain('name="category"');
      const res = await editor.post('/admin/pages', pageForm({ parent_id: String(aboutId), featured_media_id: String(fx.ids.photo) }), '/admin/pages/new');
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      teamId = idOf(res.headers.location);
      const saved = await row(teamId);
      expect(saved).toMatchObject({ type: 'page', slug: 'our-team', parent_id: aboutId, status: 'published', comment_status: 'closed' });

      const page = await app.inject('/about/our-team/');
      expect(page.statusCode).toBe(200);
      const html = page.body;
      expect(html).toContain('<h1 class="article__title">Our team</h1>');
      expect(html).toContain('The people who make the paper.');
      expect(html).toContain('<link rel="canonical" href="https://news.example/about/our-team/"');
      // Breadcrumb Home » About » Our team, WebPage and no NewsArticle.
      expect(html).toMatch(
        /<nav[^>]*class="breadcrumb"[\s\S]*href="\/"[\s\S]*href="\/about\/"[^>]*>About us<[\s\S]*aria-current="page">Our team[\s\S]*<\/nav>/,
      );
      expect(html).toContain('"@type":"WebPage"');
      expect(html).not.toContain('NewsArticle');
      // Plain: featured image, no byline, no related stories, no comments.
      expect(html).toContain('<figure class="featured">');
      expect(html).not.toContain('class="byline');
      expect(html).not.toContain('id="related-heading"');
      expect(html).not.toContain('id="comments"');
      expect(html).not.toContain('action="/comments/"');
    });

    it('the old one-segment address and another parent path answer 301 with the nested path', async () => {
      const old = await app.inject('/our-team/');
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/about/our-team/');
      const wrong = await app.inject('/contact/our-team/');
      expect(wrong.statusCode).toBe(301);
      expect(wrong.headers.location).toBe('/about/our-team/');
      // An article is never reached under a page.
      expect((await app.inject(`/about/${fx.slugs[0]}/`)).statusCode).toBe(404);
      expect((await app.inject('/about/no-such-page/')).statusCode).toBe(404);
    });

    it('refuses the page itself or a page under it as its parent, with the form and a clear message', async () => {
      for (const [id, parent] of [
        [aboutId, aboutId],
        [aboutId, teamId],
      ] as const) {
        const before = await row(id);
        const res = await editor.post(
          `/admin/pages/${id}`,
          pageForm({ title: 'About', slug: 'about', parent_id: String(parent), updated_at: await version(id) }),
          `/admin/pages/${id}`,
        );
        expect(res.statusCode).toBe(400);
        expect(res.body).toMatch(/cannot be its own parent|under this page, so it cannot also be its parent/);
        expect(res.body).toContain('id="parent-id-error"');
        expect(await row(id)).toEqual(before);
      }
      const none = await editor.post('/admin/pages', pageForm({ title: 'Orphan', parent_id: '999999' }), '/admin/pages/new');
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('The parent page does not exist');
      const junk = await editor.post('/admin/pages', pageForm({ title: 'Orphan', parent_id: "1' OR 1=1 --", menu_order: 'ten' }), '/admin/pages/new');
      expect(junk.statusCode).toBe(400);
      expect(junk.body).toContain('Choose the parent page from the list.');
      expect(junk.body).toContain('The order is a whole number');
      expect(await db().selectFrom('posts').select('id').where('title', '=', 'Orphan').executeTakeFirst()).toBeUndefined();
    });

    it('keeps hostile titles as text and refuses hostile slugs', async () => {
      const title = '<script>alert(1)</script> "Team" & \'Co\'; DROP TABLE posts; --';
      const res = await editor.post('/admin/pages', pageForm({ title, slug: 'hostile', parent_id: String(aboutId) }), '/admin/pages/new');
      expect(res.statusCode).toBe(303);
      const html = (await app.inject('/about/hostile/')).body;
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&lt;script>alert(1)&lt;/script> &quot;Team&quot; &amp;');
      expect((await editor.get('/admin/pages')).body).not.toContain('<script>alert(1)</script>');
      for (const slug of ['../etc', 'a/b', '<b>x</b>', 'x'.repeat(300), "o'reilly"]) {
        const bad = await editor.post('/admin/pages', pageForm({ title: 'Bad slug', slug }), '/admin/pages/new');
        expect(bad.statusCode, slug).toBe(400);
        expect(bad.body).not.toContain('<b>x</b>');
      }
      const huge = await editor.post('/admin/pages', pageForm({ title: 'x'.repeat(10_000) }), '/admin/pages/new');
      expect(huge.statusCode).toBe(400);
      expect(await db().selectFrom('posts').select('id').where('title', '=', 'Bad slug').executeTakeFirst()).toBeUndefined();
    });

    it('lists the nested path in the pages sitemap, the admin list and the menu editor; a menu link follows it', async () => {
      const sitemap = (await app.inject('/sitemap-pages.xml')).body;
      expect(sitemap).toContain('<loc>https://news.example/about/our-team/</loc>');
      expect(sitemap).not.toContain('<loc>https://news.example/our-team/</loc>');
      expect((await editor.get('/admin/pages')).body).toContain('<code>/about/our-team/</code>');
      const nav = await editor.get('/admin/navigation?menu=footer&language=*');
      expect(nav.body).toContain('Our team (/about/our-team/)');
      const version = /name="version" value="([^"]*)"/.exec(nav.body)![1]!;
      const add = await editor.post(
        '/admin/navigation/add',
        { location: 'footer', language: '*', version, kind: 'page', page: String(teamId) },
        '/admin/navigation',
      );
      expect(add.statusCode).toBe(303);
      expect(footer((await app.inject('/')).body)).toContain('href="/about/our-team/"');
    });

    it('renaming the parent moves the child: purged from the cache, its old path 301s, the menu follows', async () => {
      await app.inject('/about/our-team/');
      expect((await app.inject('/about/our-team/')).headers['x-cache']).toBe('HIT');
      await app.inject('/');
      expect((await app.inject('/')).headers['x-cache']).toBe('HIT');
      const res = await editor.post(
        `/admin/pages/${aboutId}`,
        pageForm({ title: 'About the paper', slug: 'about-us', body_text: 'Who we are.', updated_at: await version(aboutId) }),
        `/admin/pages/${aboutId}`,
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      const moved = await app.inject('/about-us/our-team/');
      expect(moved.statusCode).toBe(200);
      expect(moved.body).toContain('>About the paper<');
      const old = await app.inject('/about/our-team/');
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/about-us/our-team/');
      expect((await app.inject('/about/')).headers.location).toBe('/about-us/');
      expect(footer((await app.inject('/')).body)).toContain('href="/about-us/our-team/"');
      expect((await app.inject('/sitemap-pages.xml')).body).toContain('/about-us/our-team/');
    });

    it('a page under a page named like a site route is refused', async () => {
      const res = await editor.post('/admin/pages', pageForm({ title: 'Tag', slug: 'tag' }), '/admin/pages/new');
      expect(res.statusCode).toBe(303);
      const tagPage = idOf(res.headers.location);
      const child = await editor.post('/admin/pages', pageForm({ title: 'Under tag', parent_id: String(tagPage) }), '/admin/pages/new');
      expect(child.statusCode).toBe(400);
      expect(child.body).toContain('cannot be reached');
    });
  });
}
