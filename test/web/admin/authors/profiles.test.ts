/**
 * Author profiles: every signed-in user edits their own at /admin/account and the author page,
 * bylines and Person JSON-LD show it at once (the page cache purges exactly those pages); editors
 * and owners edit everyone's and manage guest authors at /admin/authors; authors and contributors
 * cannot touch anyone else's profile; hostile or invalid input is refused with a message and
 * saves nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import { storeImage } from '../../../../src/modules/media/media.service.js';
import { adminApp, makeUser, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';
import { jsonLd } from '../../../helpers/app.js';
import { NOW } from '../../../helpers/clock.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { buildFixture, testImage, type Fixture } from '../../../helpers/fixture.js';

const EMPTY = { name: '', title: '', bio: '', photoId: '', publicEmail: '', links: '' };

type Person = { '@type': string; name: string; url: string; jobTitle?: string; image?: string; sameAs?: string[]; email?: string; description?: string };

for (const dialect of DIALECTS) {
  describe(`author profiles (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let app: FastifyInstance;
    let editor: Agent;
    let portrait: number;
    /** An article by Omar alone, with no related list: nothing on it shows Ana. */
    const unrelated = 'omar-alone';

    const authorRow = (id: number) => t.handle.db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, `${t.dataDir}/media`, 4, t.handle.dialect.fullText);
      portrait = await storeImage(t.handle.db, `${t.dataDir}/media`, {
        fileName: 'portrait-ana.jpg',
        bytes: await testImage(500, 500, '#446688'),
        alt: 'Ana Berg in the newsroom',
        folder: 'people',
        now: NOW,
      });
      await createArticle(
        t.handle.db,
        {
          type: 'post',
          status: 'published',
          slug: unrelated,
          title: 'Omar on the budget',
          body: doc(p('Numbers.')),
          authorIds: [fx.ids.omar],
          publishedAt: new Date(NOW.getTime() - 3600_000).toISOString(),
        },
        NOW,
      );
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('lets every role edit only its own profile; the authors screen is for editors and owners', async () => {
      const before = await authorRow(fx.ids.ana);
      for (const role of ['author', 'contributor'] as const) {
        const agent = await signedIn(app, t, role);
        expect((await agent.get('/admin/account')).statusCode, role).toBe(200);
        expect((await agent.get('/admin')).body, role).not.toContain('href="/admin/authors"');
        expect((await agent.get('/admin/authors')).statusCode, role).toBe(403);
        expect((await agent.get(`/admin/authors/${fx.ids.ana}`)).statusCode, role).toBe(403);
        const edit = await agent.post(`/admin/authors/${fx.ids.ana}`, { ...EMPTY, name: 'Taken over', title: 'Hacked' });
        expect(edit.statusCode, role).toBe(403);
        expect((await agent.post('/admin/authors', { name: 'Sock puppet' })).statusCode, role).toBe(403);
        expect((await agent.post(`/admin/authors/${fx.ids.omar}/delete`)).statusCode, role).toBe(403);
        // /admin/account is found by the user's id: naming another author's id changes nothing of theirs.
        const own = await agent.post(
          '/admin/account',
          { ...EMPTY, name: `${role} self`, id: String(fx.ids.ana), authorId: String(fx.ids.ana) },
          '/admin/account',
        );
        expect(own.statusCode, role).toBe(303);
      }
      expect(await authorRow(fx.ids.ana)).toEqual(before);
      const names = (await t.handle.db.selectFrom('authors').select('name').execute()).map((r) => r.name);
      expect(names).not.toContain('Sock puppet');
      expect(names).toEqual(expect.arrayContaining(['author self', 'contributor self']));
      for (const role of ['editor', 'owner'] as const) {
        const agent = role === 'editor' ? editor : await signedIn(app, t, role);
        expect((await agent.get('/admin')).body, role).toContain('href="/admin/authors"');
        expect((await agent.get('/admin/authors')).statusCode, role).toBe(200);
      }
      const anonymous = await app.inject('/admin/account');
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toContain('/admin/login');
    });

    it('an author fills in their profile, and their author page and articles show it', async () => {
      const user = await makeUser(t, 'author');
      const agent = new Agent(app);
      await agent.login(user.email);
      // Never written: the form starts from the account's name, and the header links to it.
      const form = (await agent.get('/admin/account')).body;
      expect(form).toContain(`value="${user.name}"`);
      expect(form).toContain(user.email);
      expect((await agent.get('/admin')).body).toContain('href="/admin/account"');
      const res = await agent.post(
        '/admin/account',
        {
          name: 'Parisa Rahimi',
          title: 'Science reporter',
          bio: 'Parisa reports on climate and health.\r\n\r\nShe trained as a hydrologist\r\nand worked on groundwater surveys.',
          photoId: String(portrait),
          publicEmail: ' Tips@Example.ORG ',
          links: 'https://social.example/@parisa\nhttps://www.parisa.example/',
        },
        '/admin/account',
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/account?notice=saved');
      const saved = (await agent.get('/admin/account?notice=saved')).body;
      expect(saved).toContain('Profile saved');
      expect(saved).toContain('href="/author/parisa-rahimi/"');
      const row = await t.handle.db.selectFrom('authors').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        slug: 'parisa-rahimi',
        name: 'Parisa Rahimi',
        role_title: 'Science reporter',
        avatar_media_id: portrait,
        public_email: 'tips@example.org',
      });
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['detail', 'target_id'])
        .where('action', '=', 'author.updated')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ detail: 'Profile: title, bio, photo, public email, links', target_id: row.id });

      // Their article: the byline links to the author page and carries the title and photo.
      await createArticle(
        t.handle.db,
        {
          type: 'post',
          status: 'published',
          slug: 'aquifer',
          title: 'The aquifer is falling',
          body: doc(p('Wells are drying.')),
          authorIds: [row.id],
          publishedAt: NOW.toISOString(),
        },
        NOW,
      );
      const article = (await app.inject('/aquifer/')).body;
      expect(article).toMatch(/<a href="\/author\/parisa-rahimi\/" rel="author">Parisa Rahimi<\/a>/);
      expect(article).toContain('Science reporter');
      const news = jsonLd(article).find((x) => x['@type'] === 'NewsArticle') as { author: Person[] };
      expect(news.author).toEqual([
        {
          '@type': 'Person',
          name: 'Parisa Rahimi',
          url: 'https://news.example/author/parisa-rahimi/',
          jobTitle: 'Science reporter',
          image: expect.stringMatching(/^https:\/\/news\.example\/media\/people\/.+\.jpg$/),
          sameAs: ['https://social.example/@parisa', 'https://www.parisa.example/'],
        },
      ]);

      // The author page: photo with its alt text, title, two paragraphs, the mailto link and the links.
      const page = (await app.inject('/author/parisa-rahimi/')).body;
      expect(page).toContain('alt="Ana Berg in the newsroom"');
      expect(page).toContain('<p class="archive__role">Science reporter</p>');
      expect(page).toContain('<p>Parisa reports on climate and health.</p><p>She trained as a hydrologist and worked on groundwater surveys.</p>');
      expect(page).toContain('href="mailto:tips@example.org"');
      expect(page).toMatch(/<a href="https:\/\/social\.example\/@parisa" rel="me noopener" dir="ltr">social\.example\/@parisa<\/a>/);
      expect(page).toContain('>parisa.example</a>');
      const profile = jsonLd(page).find((x) => x['@type'] === 'ProfilePage') as { mainEntity: Person };
      expect(profile.mainEntity).toMatchObject({
        '@type': 'Person',
        name: 'Parisa Rahimi',
        url: 'https://news.example/author/parisa-rahimi/',
        jobTitle: 'Science reporter',
        sameAs: ['https://social.example/@parisa', 'https://www.parisa.example/'],
        email: 'tips@example.org',
      });
      expect(profile.mainEntity.image).toMatch(/^https:\/\/news\.example\/media\//);
      expect(profile.mainEntity.description).toContain('hydrologist');
      // Without alt text of its own, the photo is named after the author.
      await t.handle.db.updateTable('media').set({ alt: '' }).where('id', '=', portrait).execute();
      await agent.post('/admin/account', { ...EMPTY, name: 'Parisa Rahimi', photoId: String(portrait) }, '/admin/account');
      expect((await app.inject('/author/parisa-rahimi/')).body).toContain('alt="Photo of Parisa Rahimi"');
      await t.handle.db.updateTable('media').set({ alt: 'Ana Berg in the newsroom' }).where('id', '=', portrait).execute();
    });

    it('a title in other languages is the byline of articles in that language; the main one elsewhere', async () => {
      const user = await makeUser(t, 'author');
      const agent = new Agent(app);
      await agent.login(user.email);
      const form = (await agent.get('/admin/account')).body;
      expect(form).toContain('<summary>Title in other languages</summary>');
      expect(form).toContain('name="title-fa"');
      expect(form).not.toContain('name="title-en"');
      const res = await agent.post(
        '/admin/account',
        { ...EMPTY, name: 'Sima Karimi', title: 'Science reporter', 'title-fa': 'خبرنگار علمی', 'title-de': 'Wissenschaftsreporterin' },
        '/admin/account',
      );
      expect(res.statusCode).toBe(303);
      const row = await t.handle.db.selectFrom('authors').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.role_titles)).toEqual({ fa: 'خبرنگار علمی', de: 'Wissenschaftsreporterin' });
      for (const [slug, language] of [
        ['tide-fa', 'fa'],
        ['tide-en', 'en'],
        ['tide-de', 'de'],
      ] as const)
        await createArticle(
          t.handle.db,
          {
            type: 'post',
            status: 'published',
            slug,
            title: `Tide ${language}`,
            language,
            body: doc(p('Water.')),
            authorIds: [row.id],
            publishedAt: NOW.toISOString(),
          },
          NOW,
        );
      const fa = (await app.inject('/tide-fa/')).body;
      expect(fa).toContain('خبرنگار علمی');
      expect(fa).not.toContain('Science reporter');
      const news = jsonLd(fa).find((x) => x['@type'] === 'NewsArticle') as { author: Person[] };
      expect(news.author[0]!.jobTitle).toBe('خبرنگار علمی');
      expect((await app.inject('/tide-en/')).body).toContain('Science reporter');
      expect((await app.inject('/tide-de/')).body).toContain('Wissenschaftsreporterin');
      // The form shows them again; a title that is not one line is refused, nothing saved.
      expect((await agent.get('/admin/account')).body).toContain('value="خبرنگار علمی"');
      const bad = await agent.post('/admin/account', { ...EMPTY, name: 'Sima Karimi', 'title-fr': 'Journaliste\nscientifique' }, '/admin/account');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('The title must be one line');
      const xss = await agent.post('/admin/account', { ...EMPTY, name: 'Sima Karimi', 'title-ar': '<script>alert(1)</script>' }, '/admin/account');
      expect(xss.statusCode).toBe(400);
      expect(xss.body).toContain('cannot contain &lt; or >');
      expect(xss.body).not.toContain('<script>alert(1)');
      const after = await t.handle.db.selectFrom('authors').select('role_titles').where('id', '=', row.id).executeTakeFirstOrThrow();
      expect(after.role_titles).toBe(row.role_titles);
    });

    it('a saved profile purges its author page, feed and bylined articles, and nothing unrelated', async () => {
      const ana = `/${fx.slugs.find((s) => s.endsWith('-2'))}/`;
      const urls = ['/author/ana-berg/', '/author/ana-berg/feed/', ana, `/${unrelated}/`];
      for (const url of urls) {
        await app.inject(url);
        expect((await app.inject(url)).headers['x-cache'], url).toBe('HIT');
      }
      const res = await editor.post(
        `/admin/authors/${fx.ids.ana}`,
        { ...EMPTY, name: 'Ana Berg', title: 'Transport editor', bio: 'Ana covers trains.', photoId: String(portrait), links: 'https://social.example/@ana' },
        `/admin/authors/${fx.ids.ana}`,
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/authors/${fx.ids.ana}?notice=author-saved`);
      const page = await app.inject('/author/ana-berg/');
      expect(page.headers['x-cache']).not.toBe('HIT');
      expect(page.body).toContain('Transport editor');
      const article = await app.inject(ana);
      expect(article.headers['x-cache']).not.toBe('HIT');
      expect(article.body).toContain('Transport editor');
      const person = (jsonLd(article.body).find((x) => x['@type'] === 'NewsArticle') as { author: Person[] }).author[0]!;
      expect(person.jobTitle).toBe('Transport editor');
      expect(person.sameAs).toEqual(['https://social.example/@ana']);
      expect((await app.inject('/author/ana-berg/feed/')).headers['x-cache']).not.toBe('HIT');
      expect((await app.inject(`/${unrelated}/`)).headers['x-cache']).toBe('HIT');
      // Saving the same profile again changes nothing and purges nothing.
      await app.inject('/author/ana-berg/');
      expect((await app.inject('/author/ana-berg/')).headers['x-cache']).toBe('HIT');
      const again = await editor.post(
        `/admin/authors/${fx.ids.ana}`,
        { ...EMPTY, name: 'Ana Berg', title: 'Transport editor', bio: 'Ana covers trains.', photoId: String(portrait), links: 'https://social.example/@ana' },
        `/admin/authors/${fx.ids.ana}`,
      );
      expect(again.statusCode).toBe(303);
      expect((await app.inject('/author/ana-berg/')).headers['x-cache']).toBe('HIT');
    });

    it('editors add guest authors, who can be chosen as bylines, and delete them only without articles', async () => {
      const res = await editor.post('/admin/authors', { name: 'Velmar Wire Service', title: 'Agency copy' }, '/admin/authors');
      expect(res.statusCode).toBe(303);
      const id = Number(/\/admin\/authors\/(\d+)\?notice=author-added/.exec(res.headers.location as string)![1]);
      const edit = (await editor.get(`/admin/authors/${id}?notice=author-added`)).body;
      expect(edit).toContain('Guest author added');
      expect(edit).toContain('Guest author (no login).');
      expect(edit).toContain(`action="/admin/authors/${id}/delete"`);
      const list = (await editor.get('/admin/authors')).body;
      expect(list).toContain('Velmar Wire Service');
      expect(list).toMatch(/Author · author-\d+@example\.com/);
      // The article form's byline choices include the guest.
      expect((await editor.get('/admin/articles/new')).body).toMatch(new RegExp(`<option value="${id}"[^>]*>Velmar Wire Service`));
      // Its author page exists at once.
      expect((await app.inject('/author/velmar-wire-service/')).body).toContain('Agency copy');
      // A second guest of the same name gets its own address.
      const twin = await editor.post('/admin/authors', { name: 'Velmar Wire Service' }, '/admin/authors');
      const twinId = Number(/\/admin\/authors\/(\d+)/.exec(twin.headers.location as string)![1]);
      expect((await authorRow(twinId)).slug).toBe('velmar-wire-service-2');

      // On a byline: the delete is explained, and refused.
      await createArticle(t.handle.db, { type: 'post', status: 'draft', slug: 'wire-copy', title: 'Wire copy', body: doc(p('Copy.')), authorIds: [id] }, NOW);
      expect((await editor.get(`/admin/authors/${id}`)).body).toContain('is on the byline of 1 article (drafts and the trash included)');
      const refused = await editor.post(`/admin/authors/${id}/delete`, {}, `/admin/authors/${id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('give them another author first');
      expect(await authorRow(id)).toBeDefined();
      // A login's profile cannot be deleted on its own.
      const loginAuthor = await t.handle.db.selectFrom('authors').select('id').where('user_id', 'is not', null).executeTakeFirstOrThrow();
      expect((await editor.get(`/admin/authors/${loginAuthor.id}`)).body).toContain('belongs to a user account');
      expect((await editor.post(`/admin/authors/${loginAuthor.id}/delete`, {}, '/admin/authors')).statusCode).toBe(409);
      // Without articles it goes, with an audit row, and its page with it.
      const gone = await editor.post(`/admin/authors/${twinId}/delete`, {}, `/admin/authors/${twinId}`);
      expect(gone.statusCode).toBe(303);
      expect(gone.headers.location).toBe('/admin/authors?notice=author-deleted');
      expect((await app.inject('/author/velmar-wire-service-2/')).statusCode).toBe(404);
      expect(await t.handle.db.selectFrom('audit_log').select('target_id').where('action', '=', 'author.deleted').executeTakeFirstOrThrow()).toEqual({
        target_id: twinId,
      });
      expect((await editor.get('/admin/authors/99999')).statusCode).toBe(404);
      expect((await editor.get('/admin/authors/abc')).statusCode).toBe(404);
      expect((await editor.post('/admin/authors/99999', { ...EMPTY, name: 'Nobody' }, '/admin/authors')).statusCode).toBe(404);
    });

    it('refuses hostile and invalid input with a message per field, and saves nothing of that form', async () => {
      const url = `/admin/authors/${fx.ids.omar}`;
      const before = await authorRow(fx.ids.omar);
      const good = { name: 'Omar Haddad', title: 'Economics editor', bio: 'Omar writes about money.' };
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ name: '<script>alert(1)</script>' }, 'name', /cannot contain &lt; or >: it is plain text/],
        [{ name: '' }, 'name', /Enter the name readers see/],
        [{ name: 'x'.repeat(101) }, 'name', /at most 100 characters \(it has 101\)/],
        [{ name: 'Two\nlines' }, 'name', /one line/],
        [{ title: '"><img src=x onerror=alert(1)>' }, 'title', /cannot contain &lt; or >: it is plain text/],
        [{ bio: 'Hello <script>alert(document.cookie)</script>' }, 'bio', /plain text: remove the HTML tags/],
        [{ bio: '<a href="javascript:alert(1)">me</a>' }, 'bio', /plain text: remove the HTML tags/],
        [{ bio: 'b'.repeat(200_000) }, 'bio', /at most 2000 characters/],
        [{ bio: 'Nul\u0000byte' }, 'bio', /control character/],
        [{ links: 'javascript:alert(1)' }, 'links', /does not start with https:\/\//],
        [{ links: 'my site' }, 'links', /not a web address/],
        [{ links: 'http://plain.example/omar' }, 'links', /does not start with https:\/\//],
        [{ links: 'https://user:pw@evil.example/' }, 'links', /not a web address/],
        [{ links: 'https://a.example/"onmouseover="alert(1)' }, 'links', /not a web address/],
        [{ links: Array.from({ length: 11 }, (_, i) => `https://s${i}.example/`).join('\n') }, 'links', /at most 10 links/],
        [{ publicEmail: 'not-an-email' }, 'publicEmail', /like name@example\.com/],
        [{ publicEmail: 'a@b.example<script>' }, 'publicEmail', /like name@example\.com/],
        [{ photoId: '999999' }, 'photoId', /no image 999999 in the media library/],
        [{ photoId: "1' OR '1'='1" }, 'photoId', /number of an image/],
      ];
      for (const [form, field, message] of cases) {
        const res = await editor.post(url, { ...EMPTY, ...good, ...form }, url);
        expect(res.statusCode, field).toBe(400);
        expect(res.body, field).toMatch(message);
        expect(res.body, field).toContain('There is a problem');
        expect(res.body, field).toContain('aria-invalid="true"');
        expect(res.body, field).not.toContain('<script>alert');
        expect(res.body, field).not.toContain('<img src=x');
      }
      // The same through /admin/account, for the editor's own profile.
      for (const [form, field] of cases.slice(0, 3)) {
        expect((await editor.post('/admin/account', { ...EMPTY, ...good, ...form }, '/admin/account')).statusCode, field).toBe(400);
      }
      expect(await authorRow(fx.ids.omar)).toEqual(before);
      // A field sent twice is not text: refused, not a crash.
      expect((await editor.postRaw(url, { _csrf: await editor.csrf(url), ...EMPTY, name: ['A', 'B'] })).statusCode).toBe(400);
      // Quotes, ampersands, SQL and a lone "<" are text: stored as typed, shown escaped.
      const res = await editor.post(
        url,
        { ...EMPTY, name: `Omar "O'Brien" Haddad; DROP TABLE authors;--`, title: 'Money & markets', bio: 'He thinks 2 < 3 & says so.' },
        url,
      );
      expect(res.statusCode).toBe(303);
      expect((await authorRow(fx.ids.omar)).name).toBe(`Omar "O'Brien" Haddad; DROP TABLE authors;--`);
      const page = (await app.inject('/author/omar-haddad/')).body;
      expect(page).toContain('<h1 class="archive__heading">Omar &quot;O\'Brien&quot; Haddad; DROP TABLE authors;--</h1>');
      expect(page).toContain('Money &amp; markets');
      expect(page).toContain('He thinks 2 &lt; 3 &amp; says so.');
      const profile = jsonLd(page).find((x) => x['@type'] === 'ProfilePage') as { mainEntity: Person };
      expect(profile.mainEntity.name).toBe(`Omar "O'Brien" Haddad; DROP TABLE authors;--`);
      expect(await t.handle.db.selectFrom('authors').select('id').execute()).not.toHaveLength(0);
    });
  });
}
