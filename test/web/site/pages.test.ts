import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { DIALECTS, type TestDb } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';
import type { Fixture } from '../../helpers/fixture.js';
import { jsonLd } from '../../helpers/app.js';

for (const dialect of DIALECTS) {
  describe(`public pages (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    fixtureSite(dialect, (s) => ({ t, app, fx } = s));

    it('home lists the latest stories with the lead first and paginates at /page/N/', async () => {
      const res = await app.inject('/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      const html = res.body;
      expect(html).toMatch(/<html lang="en" dir="ltr"/);
      // The newest story leads, and the draft never shows.
      const first = html.indexOf('Rail line story number 14');
      expect(first).toBeGreaterThan(0);
      expect(html.indexOf('Rail line story number 13')).toBeGreaterThan(first);
      expect(html).not.toContain('Not yet');
      expect(html).toContain('href="/page/2/"');
      const p2 = await app.inject('/page/2/');
      expect(p2.statusCode).toBe(200);
      expect(p2.body).toContain('Rail line story number 9');
      expect(p2.body).not.toContain('Rail line story number 14<');
      expect(p2.body).toContain('rel="prev"');
    });

    it('article page shows headline, bylines, dates, figures with captions, quotes, quote card, tags and reading time', async () => {
      const res = await app.inject(`/${fx.slugs[0]}/`);
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toContain('<h1');
      expect(html).toContain('Rail line story number 14');
      expect(html).toContain('Standfirst of story 14.');
      expect(html).toMatch(/href="\/author\/ana-berg\/"/);
      expect(html).toMatch(/<time[^>]+datetime="2026-11-20T11:00:00.000Z"/);
      // Updated after publication: both dates shown.
      expect(html).toMatch(/<time[^>]+datetime="2026-11-20T13:00:00.000Z"/);
      // Featured image: figure, caption and credit.
      expect(html).toMatch(
        /<figure[^>]*>[\s\S]*?<img[^>]+alt="Cranes over the harbour at dawn"[\s\S]*?<figcaption dir="auto">[\s\S]*?The northern harbour at dawn[\s\S]*?Lena Park/,
      );
      // The credit as typed, like inline figures' (no "Photo:" put before "Illustration: …").
      expect(html).toMatch(/<figure class="featured">[\s\S]*?<span class="figure__credit" dir="auto">Lena Park<\/span><\/figcaption>/);
      expect(html).not.toContain('Photo: ');
      expect(html).toMatch(/<source type="image\/webp" srcset="[^"]+480w/);
      // Inline portrait with "Name, role" caption; quote with cite; static quote card.
      expect(html).toMatch(/<figcaption dir="auto">Maria Lind, harbour master/);
      expect(html).toMatch(
        /<blockquote class="quote" dir="auto"><p>We have waited twenty years for this train.<\/p><footer><cite>Maria Lind, harbour master<\/cite><\/footer><\/blockquote>/,
      );
      expect(html).toMatch(/class="quote-card"[\s\S]*@portnorden[\s\S]*href="https:\/\/social.example\/@portnorden\/1"/);
      expect(html).toContain('href="/tag/rail/"');
      expect(html).toMatch(/1 min read/);
      expect(html).toMatch(/<h2 class="section-heading" id="comments-heading">Comments<\/h2>/);
      expect(html).toContain('>Leave a comment</h3>');
      expect(html).toContain('id="comments"');
    });

    it('article breadcrumb is visible and in JSON-LD; NewsArticle, OpenGraph, Twitter and canonical are present', async () => {
      const html = (await app.inject(`/${fx.slugs[0]}/`)).body;
      const nav = html.match(/<nav[^>]*aria-label="Breadcrumb"[^>]*>([\s\S]*?)<\/nav>/);
      expect(nav).not.toBeNull();
      const crumbs = [...nav![1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
      expect(crumbs).toEqual(['Home', 'World', 'Europe', 'Rail line story number 14']);
      expect(nav![1]).toContain('href="/category/world/europe/"');
      const ld = jsonLd(html);
      const bc = ld.find((x) => x['@type'] === 'BreadcrumbList') as { itemListElement: { name: string; item: string; position: number }[] };
      expect(bc.itemListElement.map((i) => i.name)).toEqual(['Home', 'World', 'Europe', 'Rail line story number 14']);
      expect(bc.itemListElement[2]!.item).toBe('https://news.example/category/world/europe/');
      const article = ld.find((x) => x['@type'] === 'NewsArticle') as Record<string, unknown>;
      expect(article.headline).toBe('Rail line story number 14');
      expect(article.datePublished).toBe('2026-11-20T11:00:00.000Z');
      expect(article.dateModified).toBe('2026-11-20T13:00:00.000Z');
      expect((article.image as string[])[0]).toMatch(/^https:\/\/news\.example\/media\//);
      expect((article.author as { name: string }[]).map((a) => a.name)).toEqual(['Ana Berg']);
      expect((article.publisher as { name: string }).name).toBeTruthy();
      expect(html).toContain(`<link rel="canonical" href="https://news.example/${fx.slugs[0]}/"`);
      expect(html).toMatch(/<meta property="og:type" content="article"/);
      expect(html).toMatch(/<meta property="og:image" content="https:\/\/news\.example\/media\//);
      expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"/);
      expect(html).toMatch(/<meta name="description" content="Standfirst of story 14."/);
    });

    it('og:image states the dimensions of the file it names, and JSON-LD names the same file', async () => {
      const html = (await app.inject(`/${fx.slugs[0]}/`)).body;
      const meta = (p: string) => new RegExp(`<meta property="${p}" content="([^"]+)"`).exec(html)?.[1];
      const url = meta('og:image')!;
      const file = await app.inject(url.replace('https://news.example', ''));
      expect(file.statusCode).toBe(200);
      const { width, height } = await sharp(file.rawPayload).metadata();
      expect([Number(meta('og:image:width')), Number(meta('og:image:height'))]).toEqual([width, height]);
      expect(width).toBeGreaterThan(960);
      const article = jsonLd(html).find((x) => x['@type'] === 'NewsArticle')!;
      expect(article.image).toEqual([url]);
    });

    it('several authors are listed in byline order', async () => {
      const html = (await app.inject('/rail-story-1/')).body;
      const ana = html.indexOf('/author/ana-berg/');
      const omar = html.indexOf('/author/omar-haddad/');
      expect(ana).toBeGreaterThan(0);
      expect(omar).toBeGreaterThan(ana);
    });

    it('right-to-left articles set lang and dir and use the Persian calendar', async () => {
      const html = (await app.inject(`/${fx.persianSlug}/`)).body;
      expect(html).toMatch(/<html lang="fa" dir="rtl"/);
      // 19 Nov 2026 is 28 Aban 1405 in the Solar Hijri calendar, written in Persian digits.
      expect(html).toContain('۱۴۰۵');
      expect(html).toContain('آبان');
      // Translations link to each other with hreflang.
      expect(html).toMatch(/hreflang="en"/);
      const en = (await app.inject(`/${fx.slugs[0]}/`)).body;
      expect(en).toMatch(/<link rel="alternate" hreflang="fa" href="https:\/\/news\.example\/rah-ahan-shomal\/"/);
      // Readers in any other language are sent to the version in the site's language (English), from either page.
      for (const page of [html, en]) expect(page).toContain(`<link rel="alternate" hreflang="x-default" href="https://news.example/${fx.slugs[0]}/"/>`);
      expect(en).not.toContain('og:locale:alternate" content="x');
    });

    it('category archive includes its child categories, with breadcrumb and pagination', async () => {
      const world = await app.inject('/category/world/');
      expect(world.statusCode).toBe(200);
      expect(world.body).toContain('Rail line story number 14'); // filed under Europe, a child of World
      expect(world.body).toContain('href="/category/world/europe/"');
      expect(world.body).toContain('href="/category/world/page/2/"');
      const europe = await app.inject('/category/world/europe/');
      expect(europe.statusCode).toBe(200);
      const nav = europe.body.match(/<nav[^>]*aria-label="Breadcrumb"[^>]*>([\s\S]*?)<\/nav>/)![1]!;
      expect(nav).toContain('href="/category/world/"');
      expect(europe.body).not.toContain('Rail line story number 13<'); // 13 is in Politics
      expect((await app.inject('/category/world/page/2/')).statusCode).toBe(200);
      expect((await app.inject('/category/world/page/9/')).statusCode).toBe(404);
      // A child's own slug alone redirects to its full path.
      const short = await app.inject('/category/europe/');
      expect(short.statusCode).toBe(301);
      expect(short.headers.location).toBe('/category/world/europe/');
      expect((await app.inject('/category/europe/world/')).statusCode).toBe(404);
    });

    it('pages announce the site feeds, and archives their own', async () => {
      const home = (await app.inject('/')).body;
      expect(home).toContain('<link rel="alternate" type="application/rss+xml" title="The Broadsheet (RSS)" href="https://news.example/feed/"');
      expect(home).toContain('href="https://news.example/feed/atom/"');
      expect(home).toContain('type="application/feed+json"');
      const tag = (await app.inject('/tag/rail/')).body;
      expect(tag).toContain('href="https://news.example/tag/rail/feed/"');
      const cat = (await app.inject('/category/world/europe/')).body;
      expect(cat).toContain('href="https://news.example/category/world/europe/feed/json/"');
    });

    it('story cards show the number of approved comments, linking to them', async () => {
      const post = await t.handle.db.selectFrom('posts').select('id').where('slug', '=', fx.slugs[1]!).executeTakeFirstOrThrow();
      const at = '2026-11-20T10:00:00.000Z';
      const base = {
        post_id: post.id,
        parent_id: null,
        depth: 0,
        author_name: 'Reader',
        author_email: '',
        author_url: '',
        user_id: null,
        ip_hash: '',
        spam_score: 0,
        spam_reasons: '',
        body: 'Good.',
        body_html: '<p>Good.</p>',
        created_at: at,
        updated_at: at,
      };
      await t.handle.db
        .insertInto('comments')
        .values([
          { ...base, path: 'a', status: 'approved' },
          { ...base, path: 'b', status: 'approved' },
          { ...base, path: 'c', status: 'pending' },
        ])
        .execute();
      const home = (await app.inject('/')).body;
      expect(home).toContain(`<a class="card__comments" href="/${fx.slugs[1]}/#comments">2 comments</a>`);
      expect((await app.inject('/category/politics/')).body).toContain('2 comments');
    });

    it('tag archive, author page and static page', async () => {
      const tag = await app.inject('/tag/climate/');
      expect(tag.statusCode).toBe(200);
      expect(tag.body).toContain('Rail line story number 12');
      expect(tag.body).not.toContain('Rail line story number 13<');
      const author = await app.inject('/author/ana-berg/');
      expect(author.statusCode).toBe(200);
      expect(author.body).toContain('Ana covers transport and cities.');
      expect(author.body).toContain('Europe correspondent');
      const about = await app.inject('/about/');
      expect(about.statusCode).toBe(200);
      expect(about.body).toContain('We are a newsroom.');
      expect(about.body).not.toContain('NewsArticle');
    });

    it('unknown content and bad requests answer 404 or 400, never 500', async () => {
      const cases: [string, number[]][] = [
        ['/no-such-story/', [404]],
        ['/secret-draft/', [404]],
        ['/category/nowhere/', [404]],
        ['/tag/nowhere/', [404]],
        ['/author/nobody/', [404]],
        ['/page/0/', [404]],
        ['/page/abc/', [404]],
        ['/page/99999999/', [404]],
        ['/page/999/', [404]],
        ['/page/-1/', [404]],
        ['/?page=0', [400]],
        ['/?page=abc', [400]],
        ['/?page=99999999', [400]],
        ['/category/world/?page=x', [400]],
        [`/${'x'.repeat(3000)}/`, [404, 414]],
        ['/%E0%A4%A/', [400]],
        ['/%/', [400]],
        ["/'%20OR%201=1--/", [404]],
        ['/tag/%3Cscript%3E/', [404]],
        ['/category/a/b/c/d/e/f/g/h/', [404]],
        ['/author/x/page/0/', [404]],
      ];
      for (const [url, allowed] of cases) {
        const res = await app.inject(url);
        expect(allowed, `${url} → ${res.statusCode}`).toContain(res.statusCode);
      }
      const nf = await app.inject('/no-such-story/');
      expect(nf.body).toContain('<html');
      expect(nf.body).toMatch(/noindex/);
    });

    it('WordPress query-string links answer from the home route', async () => {
      const s = await app.inject('/?s=rail+line');
      expect(s.statusCode).toBe(301);
      expect(s.headers.location).toMatch(/^\/search\?q=rail(\+|%20)line$/);
      // A WordPress link to nothing we have is a 404 (never the home page with a 200), with the site's error page.
      for (const url of [
        '/?p=999999',
        '/?p=abc',
        '/?page_id=4',
        '/?attachment_id=77',
        '/?cat=9',
        '/?m=202405',
        '/?feed=unknown',
        '/?name=no-such-story',
        '/?name=%E0%A4%A',
      ]) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).toContain('<html');
      }
      // A slug WordPress linked by name answers with its page; other queries (a campaign's) are the home page.
      const named = await app.inject(`/?name=${fx.slugs[0]}`);
      expect(named.statusCode).toBe(301);
      expect(named.headers.location).toBe(`/${fx.slugs[0]}/`);
      expect((await app.inject('/?utm_source=newsletter')).statusCode).toBe(200);
    });

    it('a missing trailing slash redirects to the canonical URL', async () => {
      const res = await app.inject(`/${fx.slugs[0]}`);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/${fx.slugs[0]}/`);
    });

    it('never redirects to another host (//host, /\\host, encoded dots)', async () => {
      for (const url of ['//evil.example', '//evil%2Eexample', '//3627732462', '/%2F%2Fevil.example', '/\\evil.example', '//evil.example/page/2/']) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(String(res.headers.location ?? ''), url).not.toMatch(/^\/[/\\]|^[a-z]+:|^\\/i);
      }
    });

    it('pages carry a strict CSP and contain no inline script', async () => {
      for (const url of ['/', `/${fx.slugs[0]}/`, '/category/world/', '/no-such-story/']) {
        const res = await app.inject(url);
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        for (const m of res.body.matchAll(/<script\b([^>]*)>/g)) {
          expect(m[1]).toMatch(/type="application\/ld\+json"|src="\/assets\//);
        }
        expect(res.body).not.toMatch(/\sstyle="/);
        // Nothing is loaded from another host: images and stylesheets are ours.
        expect(res.body).not.toMatch(/\ssrc(set)?="(https?:)?\/\//);
        expect(res.body).not.toMatch(/<link rel="stylesheet" href="(https?:)?\/\//);
      }
    });
  });
}
