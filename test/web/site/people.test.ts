/**
 * People in the news on the public site, as a reader finds them: a person's page (photo with its
 * credit, role, links, every published article about or quoting them, newest first, in pages,
 * with feeds), "People in this story" on the article page with `about`/`mentions` in its
 * JSON-LD, /people/, the people sitemap and people above the search results. With the page cache
 * on, a rename shows at once on the article and the person's page, and a new article naming them
 * appears on their page. A name or role holding markup (saved behind the form's back) is shown
 * as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import Parser from 'rss-parser';
import { XMLValidator } from 'fast-xml-parser';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import type { PersonProfile } from '../../../src/modules/person/person.js';
import { setPostPeople, updatePerson } from '../../../src/modules/person/person.repository.js';
import { createPerson, mergePeople, savePerson } from '../../../src/modules/person/person.service.js';
import { purgePosts } from '../../../src/web/cache/purge.js';
import { cliActor } from '../../../src/modules/user/user.js';
import type { Db } from '../../../src/db/database.js';
import { DIALECTS, type TestDb } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';
import type { Fixture } from '../../helpers/fixture.js';
import { jsonLd, testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';

const person = (name: string, extra: Partial<PersonProfile> = {}): PersonProfile => ({ name, description: '', photoId: null, links: [], note: '', ...extra });

const postId = async (db: Db, slug: string): Promise<number> =>
  (await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

/** The headlines of the story cards on a page, in order. */
const headlines = (html: string): string[] => [...html.matchAll(/class="card__link" href="[^"]+">([^<]+)</g)].map((m) => m[1]!);

const parser = new Parser();

for (const dialect of DIALECTS) {
  describe(`people on the public site (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    fixtureSite(dialect, (s) => ({ t, app, fx } = s));
    let maria: { id: number; slug: string };
    let jonas: { id: number; slug: string };

    beforeAll(async () => {
      const db = t.handle.db;
      maria = await createPerson(
        db,
        person('Maria Lind', {
          description: 'Harbour master',
          photoId: fx.ids.photo,
          links: ['https://example.org/maria', 'https://social.example/@maria'],
          note: 'EDITORS ONLY: prefers a phone call',
        }),
        cliActor,
        NOW,
      );
      jonas = await createPerson(db, person('Jonas Ek', { description: 'Transport minister' }), cliActor, NOW);
      // Maria is quoted in all 14 stories; the newest is also about Jonas. A draft, a trashed post
      // and a page name her too: none of them may show.
      for (const slug of fx.slugs) await setPostPeople(db, await postId(db, slug), [{ personId: maria.id, role: 'quoted', picked: true }]);
      await setPostPeople(db, await postId(db, fx.slugs[0]!), [
        { personId: jonas.id, role: 'subject', picked: true },
        { personId: maria.id, role: 'quoted', picked: false },
      ]);
      const trashed = await createArticle(db, { type: 'post', status: 'published', slug: 'binned-story', title: 'Binned story', body: doc(p('Gone.')) }, NOW);
      await db.updateTable('posts').set({ status: 'trash' }).where('id', '=', trashed).execute();
      for (const slug of ['secret-draft', 'binned-story', 'about'])
        await setPostPeople(db, await postId(db, slug), [{ personId: maria.id, role: 'quoted', picked: true }]);
    });

    it('the person page shows the photo with its credit, the role, plain links and their published articles, newest first, in pages', async () => {
      const res = await app.inject(`/people/${maria.slug}/`);
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toMatch(/<h1 class="archive__heading"><bdi>Maria Lind<\/bdi><\/h1>/);
      expect(html).toContain('Harbour master');
      expect(html).toMatch(
        /<figure class="person-header__photo">[\s\S]*?<img[^>]+alt="Cranes over the harbour at dawn"[\s\S]*?<figcaption class="figure__credit" dir="auto">Lena Park<\/figcaption>/,
      );
      expect(html).toMatch(/<source type="image\/webp" srcset="[^"]+480w/);
      // Their own pages elsewhere, shown by host, and not rel="me" (that is for the author's pages).
      expect(html).toMatch(/<a href="https:\/\/social.example\/@maria" rel="noopener" dir="ltr">social.example\/@maria<\/a>/);
      expect(html).not.toMatch(/rel="me/);
      expect(html).not.toContain('EDITORS ONLY');
      expect(html).toContain('Articles about or quoting Maria Lind');
      // Five per page (the fixture's setting), newest first; no draft, trash or page.
      expect(headlines(html)).toEqual([14, 13, 12, 11, 10].map((n) => `Rail line story number ${n}`));
      expect(html).toContain(`href="/people/${maria.slug}/page/2/"`);
      const p3 = await app.inject(`/people/${maria.slug}/page/3/`);
      expect(p3.statusCode).toBe(200);
      expect(headlines(p3.body)).toEqual([4, 3, 2, 1].map((n) => `Rail line story number ${n}`));
      for (const body of [html, (await app.inject(`/people/${maria.slug}/page/2/`)).body, p3.body]) {
        expect(body).not.toContain('Not yet');
        expect(body).not.toContain('Binned story');
        expect(headlines(body)).not.toContain('About us');
      }
      expect((await app.inject(`/people/${maria.slug}/page/4/`)).statusCode).toBe(404);
      expect(html).toContain(`<link rel="canonical" href="https://news.example/people/${maria.slug}/"`);
    });

    it('a person page makes a fixed number of queries, whatever the number of articles on it; /people/ too', async () => {
      const count = async (url: string): Promise<number> => {
        await app.inject(url);
        t.handle.stats.queries = 0;
        expect((await app.inject(url)).statusCode, url).toBe(200);
        return t.handle.stats.queries;
      };
      // No query per card, author or image: five cards cost what four do, one what none do.
      const five = await count(`/people/${maria.slug}/`);
      expect(await count(`/people/${maria.slug}/page/3/`)).toBe(five);
      expect(five).toBeLessThanOrEqual(8);
      expect(await count(`/people/${jonas.slug}/`)).toBeLessThanOrEqual(five);
      expect(await count('/people/')).toBeLessThanOrEqual(6);
    });

    it('the person page carries a ProfilePage with the Person, a breadcrumb Home » People » Name, and links to its feeds', async () => {
      const html = (await app.inject(`/people/${maria.slug}/`)).body;
      const ld = jsonLd(html);
      const profile = ld.find((x) => x['@type'] === 'ProfilePage') as { mainEntity: Record<string, unknown> };
      expect(profile.mainEntity).toMatchObject({
        '@type': 'Person',
        name: 'Maria Lind',
        description: 'Harbour master',
        url: `https://news.example/people/${maria.slug}/`,
        sameAs: ['https://example.org/maria', 'https://social.example/@maria'],
      });
      expect(profile.mainEntity.image).toMatch(/^https:\/\/news\.example\/media\//);
      expect(JSON.stringify(ld)).not.toContain('EDITORS ONLY');
      const bc = ld.find((x) => x['@type'] === 'BreadcrumbList') as { itemListElement: { name: string; item?: string }[] };
      expect(bc.itemListElement.map((i) => i.name)).toEqual(['Home', 'People', 'Maria Lind']);
      expect(bc.itemListElement[1]!.item).toBe('https://news.example/people/');
      const feeds: [type: string, path: string][] = [
        ['application/rss+xml', 'feed/'],
        ['application/atom+xml', 'feed/atom/'],
        ['application/feed+json', 'feed/json/'],
      ];
      for (const [type, path] of feeds)
        expect(html).toMatch(
          new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}"[^>]+href="https://news.example/people/${maria.slug}/${path}"`),
        );
    });

    it('the feeds are valid and list the articles about or quoting them, newest first', async () => {
      for (const suffix of ['', 'rss2/', 'atom/']) {
        const res = await app.inject(`/people/${maria.slug}/feed/${suffix}`);
        expect(res.statusCode, suffix).toBe(200);
        expect(XMLValidator.validate(res.body), suffix).toBe(true);
        const feed = await parser.parseString(res.body);
        expect(feed.title).toBe('Maria Lind | The Broadsheet');
        expect(feed.items.map((i) => i.title).slice(0, 3)).toEqual([14, 13, 12].map((n) => `Rail line story number ${n}`));
        expect(feed.items.map((i) => i.title)).not.toContain('Not yet');
        expect(feed.items).toHaveLength(14);
      }
      const json = await app.inject(`/people/${jonas.slug}/feed/json/`);
      expect(json.headers['content-type']).toContain('application/feed+json');
      const body = JSON.parse(json.body) as { title: string; items: { title: string }[] };
      expect(body.items.map((i) => i.title)).toEqual(['Rail line story number 14']);
      expect((await app.inject('/people/nobody-at-all/feed/')).statusCode).toBe(404);
    });

    it('an unknown person is the 404 page; an old address answers 301 with the new one', async () => {
      const missing = await app.inject('/people/nobody-at-all/');
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('Page not found');
      expect((await app.inject('/people/%3Cscript%3E/')).statusCode).toBe(404);
      const db = t.handle.db;
      const lena = await createPerson(db, person('Lena Park'), cliActor, NOW);
      await setPostPeople(db, await postId(db, fx.slugs[3]!), [{ personId: lena.id, role: 'quoted', picked: true }]);
      await savePerson(db, lena.id, { ...person('Lena Park'), slug: 'lena-park-photographer' }, cliActor, NOW);
      const moved = await app.inject('/people/lena-park/');
      expect(moved.statusCode).toBe(301);
      expect(moved.headers.location).toBe('/people/lena-park-photographer/');
      expect((await app.inject('/people/lena-park-photographer/')).statusCode).toBe(200);
      // A merged duplicate's page leads to the one who stays.
      const dup = await createPerson(db, person('Maria  Lind'), cliActor, NOW);
      await mergePeople(db, dup.id, maria.id, cliActor, NOW);
      const merged = await app.inject(`/people/${dup.slug}/`);
      expect(merged.statusCode).toBe(301);
      expect(merged.headers.location).toBe(`/people/${maria.slug}/`);
    });

    it('the article lists the people in it after the body, with about and mentions in its JSON-LD', async () => {
      const html = (await app.inject(`/${fx.slugs[0]}/`)).body;
      const section = html.match(/<section class="story-people"[\s\S]*?<\/section>/)?.[0] ?? '';
      expect(section).toContain('People in this story');
      // The editor's order: Jonas (about), then Maria (quoted); each name links to their page.
      const names = [...section.matchAll(/class="person-card__name" href="([^"]+)"><bdi>([^<]+)</g)].map((m) => [m[1], m[2]]);
      expect(names).toEqual([
        [`/people/${jonas.slug}/`, 'Jonas Ek'],
        [`/people/${maria.slug}/`, 'Maria Lind'],
      ]);
      expect(section).toContain('Transport minister');
      expect(section).toMatch(/<img class="person-card__photo"[^>]+ alt(="")? /);
      // After the body, before the tags.
      expect(html.indexOf('class="article__body"')).toBeLessThan(html.indexOf('class="story-people"'));
      expect(html.indexOf('class="story-people"')).toBeLessThan(html.indexOf('class="tags"'));
      const article = jsonLd(html).find((x) => x['@type'] === 'NewsArticle') as Record<string, { name: string; url: string }[]>;
      expect(article.about!.map((x) => [x.name, x.url])).toEqual([['Jonas Ek', `https://news.example/people/${jonas.slug}/`]]);
      expect(article.mentions!.map((x) => x.name)).toEqual(['Maria Lind']);
      // An article without people has no list and no about/mentions; a page never lists them.
      const plain = await app.inject(`/${fx.persianSlug}/`);
      expect(plain.body).not.toContain('story-people');
      expect(JSON.stringify(jsonLd(plain.body))).not.toMatch(/"about"|"mentions"/);
      expect((await app.inject('/about/')).body).not.toContain('story-people');
    });

    it('/people/ lists everyone with a published article, alphabetically, linked to their pages', async () => {
      const db = t.handle.db;
      await createPerson(db, person('Aaron Nobody', { description: 'Never in a published story' }), cliActor, NOW);
      const res = await app.inject('/people/');
      expect(res.statusCode).toBe(200);
      const names = [...res.body.matchAll(/class="person-card__name" href="[^"]+"><bdi>([^<]+)</g)].map((m) => m[1]);
      expect(names).toEqual(['Jonas Ek', 'Lena Park', 'Maria Lind']);
      expect(res.body).not.toContain('Aaron Nobody');
      expect((await app.inject('/people/page/2/')).statusCode).toBe(404);
      const bc = jsonLd(res.body).find((x) => x['@type'] === 'BreadcrumbList') as { itemListElement: { name: string }[] };
      expect(bc.itemListElement.map((i) => i.name)).toEqual(['Home', 'People']);
    });

    it('the sitemap index lists the people sitemap, which lists each person with a published article', async () => {
      const index = (await app.inject('/sitemap.xml')).body;
      expect(index).toContain('<loc>https://news.example/sitemap-people.xml</loc>');
      const res = await app.inject('/sitemap-people.xml');
      expect(res.statusCode).toBe(200);
      expect(XMLValidator.validate(res.body)).toBe(true);
      const locs = [...res.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      expect(locs).toContain(`https://news.example/people/${maria.slug}/`);
      expect(locs).toContain(`https://news.example/people/${jonas.slug}/`);
      expect(locs.join(' ')).not.toContain('aaron-nobody');
    });

    it('search shows the people whose name matches above the articles, however the name is typed', async () => {
      for (const q of ['maria', 'LIND', 'Mária', 'lin']) {
        const html = (await app.inject(`/search?q=${encodeURIComponent(q)}`)).body;
        const people = html.match(/<section class="search-page__people"[\s\S]*?<\/section>/)?.[0] ?? '';
        expect(people, q).toContain(`href="/people/${maria.slug}/"`);
        expect(people, q).toContain('Harbour master');
        expect(html.indexOf('search-page__people')).toBeLessThan(html.indexOf('class="results"') === -1 ? Infinity : html.indexOf('class="results"'));
      }
      // A word inside a name, not inside a word; nobody without a published article.
      expect((await app.inject('/search?q=ind')).body).not.toContain('search-page__people');
      expect((await app.inject('/search?q=aaron')).body).not.toContain('search-page__people');
      // SQL metacharacters and a huge query: an ordinary page.
      for (const q of ["' OR 1=1 --", '%_%', '\\', 'm'.repeat(5000)]) {
        const res = await app.inject(`/search?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, q.slice(0, 20)).toBe(200);
        expect(res.body).not.toContain('search-page__people');
      }
    });

    it('a name or role holding markup is shown as text everywhere', async () => {
      const db = t.handle.db;
      const evil = await createPerson(db, person('Evil Person'), cliActor, NOW);
      // Saved behind the form's back: the form refuses < and >.
      await updatePerson(db, evil.id, {
        slug: evil.slug,
        name: '<script>alert(1)</script> Eve',
        name_key: 'eve',
        description: '"><img src=x onerror=alert(2)>',
        photo_media_id: null,
        links: JSON.stringify(['javascript:alert(3)', 'https://ok.example/"><b>x</b>']),
        note: '',
        updated_at: NOW.toISOString(),
      });
      await setPostPeople(db, await postId(db, fx.slugs[5]!), [{ personId: evil.id, role: 'subject', picked: true }]);
      const pages = [
        (await app.inject(`/people/${evil.slug}/`)).body,
        (await app.inject(`/${fx.slugs[5]}/`)).body,
        (await app.inject('/search?q=eve')).body,
        (await app.inject('/people/')).body,
      ];
      for (const html of pages) {
        expect(html).toContain('&lt;script>alert(1)&lt;/script> Eve');
        expect(html).not.toContain('<script>alert(1)');
        expect(html).not.toContain('<img src=x');
      }
      // Only https links are ever shown, whatever the row holds.
      expect(pages[0]).not.toContain('javascript:');
      expect(pages[0]).not.toContain('<b>x</b>');
      const feed = (await app.inject(`/people/${evil.slug}/feed/`)).body;
      expect(XMLValidator.validate(feed)).toBe(true);
      expect(feed).not.toContain('<script>alert(1)');
      // In JSON-LD the markup cannot close the script element.
      const blocks = [...pages[1]!.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      for (const b of blocks) expect(b).not.toContain('<');
      expect(JSON.stringify(jsonLd(pages[1]!))).toContain('alert(1)');
    });
  });

  describe(`people pages in the page cache (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    let cached: FastifyInstance;
    fixtureSite(dialect, (s) => ({ t, fx } = s));
    beforeAll(async () => {
      cached = await testApp(t, { PAGE_CACHE_MB: '16' });
    });
    afterAll(async () => {
      await cached?.close();
    });

    it('a rename shows on the article and the person page at the next request; a new article naming them appears on their page', async () => {
      const db = t.handle.db;
      const ana = await createPerson(db, person('Anna Sten', { description: 'Mayor' }), cliActor, NOW);
      await setPostPeople(db, await postId(db, fx.slugs[0]!), [{ personId: ana.id, role: 'subject', picked: true }]);
      await purgePosts(cached.pageCache, db, [await postId(db, fx.slugs[0]!)]);
      const article = `/${fx.slugs[0]}/`;
      const page = `/people/${ana.slug}/`;
      for (const url of [article, page, article, page]) expect((await cached.inject(url)).body, url).toContain('Anna Sten');

      const saved = await savePerson(db, ana.id, person('Anna Sten-Berg', { description: 'Mayor of Norden' }), cliActor, NOW);
      cached.pageCache.purge(saved.purge);
      const a = (await cached.inject(article)).body;
      expect(a).toContain('Anna Sten-Berg');
      expect(a).toContain('Mayor of Norden');
      expect((await cached.inject(page)).body).toContain('Anna Sten-Berg');

      // A new article about her, published through the article service: on her page at once.
      const id = await createArticle(
        db,
        {
          type: 'post',
          status: 'published',
          slug: 'mayor-speaks',
          title: 'The mayor speaks',
          body: doc(p('The mayor spoke.')),
          people: [{ personId: ana.id, role: 'subject' }],
          publishedAt: new Date(NOW.getTime() + 60_000).toISOString(),
        },
        NOW,
      );
      await purgePosts(cached.pageCache, db, [id]);
      expect(headlines((await cached.inject(page)).body)[0]).toBe('The mayor speaks');
    });
  });
}
