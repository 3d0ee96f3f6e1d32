/**
 * Hashtags in quoted social posts link to the site's tag page while a tag of that name (or slug)
 * exists, over HTTP with the page cache on: a tag created from the article form, renamed or
 * deleted in /admin/tags changes the cached article page at once, and leaves other pages cached.
 * Hostile hashtags and text around them stay text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p, quoteCard } from '../../../src/modules/article/document.js';
import { hashtagsIn, linkHashtags } from '../../../src/modules/article/hashtags.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp, signedIn } from '../../helpers/admin.js';
import type { Agent } from '../../helpers/agent.js';

const card = (text: string) =>
  quoteCard({ author: 'Maria Lind', handle: '@maria', date: '2026-11-02T09:30:00Z', text, url: 'https://social.example/@maria/1', network: 'Mastodon' });

/** The hashtag links of a page: [text, href]. */
const hashtagLinks = (html: string): [string, string][] => [...html.matchAll(/<a class="hashtag" href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2]!, m[1]!]);

describe('hashtags in a body', () => {
  it('are read from quoted posts only, outside links and code, in any script, never from entities, addresses or words', () => {
    const html =
      '<p>#Outside a card</p><figure class="quote-card"><blockquote cite="https://x.example/1"><p>Vote #Budget and #budget, #ایران, #climate_change, #2027, it&#39;s a&#35;b x#y https://e.example/#top &amp;#38;</p></blockquote>' +
      '<figcaption><span class="quote-card__author">#NotInCaption</span></figcaption></figure>' +
      '<figure class="quote-card"><blockquote><p><a href="https://x.example">#InLink</a> <code>#InCode</code> #Last</p></blockquote></figure><blockquote class="quote"><p>#PlainQuote</p></blockquote>';
    expect(hashtagsIn(html)).toEqual(['Budget', 'ایران', 'climate_change', 'Last']);
    const linked = linkHashtags(html, (h) => (h.toLowerCase() === 'budget' ? { slug: 'budget' } : undefined));
    expect(hashtagLinks(linked)).toEqual([
      ['#Budget', '/tag/budget/'],
      ['#budget', '/tag/budget/'],
    ]);
    expect(linked).toContain('<a href="https://x.example">#InLink</a>');
    expect(linked.replace(/<a class="hashtag"[^>]*>[^<]*<\/a>/g, '')).toBe(html.replace(/#Budget|#budget/g, ''));
  });
});

for (const dialect of DIALECTS) {
  describe(`hashtag links on the article page (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    const pub = (url: string) => app.inject({ method: 'GET', url });
    const tagId = async (slug: string) => (await t.handle.db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { env: { PAGE_CACHE_MB: '16' } });
      editor = await signedIn(app, t, 'editor');
      const db = t.handle.db;
      const common = { status: 'published' as const, excerpt: 'Standfirst.', publishedAt: '2026-11-19T10:00:00Z' };
      await createArticle(db, {
        ...common,
        slug: 'quoting',
        title: 'The council votes',
        body: doc(p('The #Budget vote is today.'), card('Big day for the #Budget. Also #ایران and #BUDGET.\n\n#Harbour_Works next.'), {
          type: 'html',
          attrs: { html: '<figure class="quote-card"><blockquote><p><a href="https://else.example/">#Budget inside a link</a></p></blockquote></figure>' },
        }),
      });
      await createArticle(db, {
        ...common,
        slug: 'hostile-tags',
        title: 'Hostile hashtags',
        body: doc(
          card(
            `#x<script>alert(1)</script> #"><img src=x onerror=alert(1)> #a'--;DROP_TABLE_tags #%3Cb%3E #javascript:alert(1) #${'Long'.repeat(30)} #ok\u202Egnp`,
          ),
        ),
      });
      await createArticle(db, { ...common, slug: 'unrelated', title: 'Unrelated', body: doc(p('No posts quoted here.')) });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('a hashtag links to /tag/budget/ once that tag exists, and not before; tag changes purge exactly the page quoting it', async () => {
      const before = await pub('/quoting/');
      expect(before.statusCode).toBe(200);
      expect(before.body).toContain('Big day for the #Budget.');
      expect(hashtagLinks(before.body)).toEqual([]);
      expect((await pub('/quoting/')).headers['x-cache']).toBe('HIT');
      await pub('/unrelated/');
      expect((await pub('/unrelated/')).headers['x-cache']).toBe('HIT');

      // A tag made from the article form (another article) links the hashtags of every case, and no other text.
      const made = await editor.post('/admin/articles', {
        title: 'Budget explainer',
        excerpt: 'Standfirst.',
        body_text: 'Text.',
        language: 'en',
        comment_status: 'open',
        tags: 'Budget',
      });
      expect(made.statusCode).toBe(303);
      const after = await pub('/quoting/');
      expect(after.headers['x-cache']).toBe('MISS');
      expect(hashtagLinks(after.body)).toEqual([
        ['#Budget', '/tag/budget/'],
        ['#BUDGET', '/tag/budget/'],
      ]);
      expect(after.body).toContain('<p>The #Budget vote is today.</p>');
      expect(after.body).toContain('<a href="https://else.example/" rel="noopener">#Budget inside a link</a>');
      expect((await pub('/unrelated/')).headers['x-cache']).toBe('HIT');

      // Matched by slug (#Harbour_Works → harbour-works) and in Persian by name.
      const owner = await signedIn(app, t, 'owner');
      for (const name of ['Harbour works', 'ایران'])
        expect(
          (await owner.post('/admin/articles', { title: `On ${name}`, excerpt: 'S.', body_text: 'T.', language: 'en', comment_status: 'open', tags: name }))
            .statusCode,
        ).toBe(303);
      const more = hashtagLinks((await pub('/quoting/')).body);
      expect(more).toContainEqual(['#Harbour_Works', '/tag/harbour-works/']);
      expect(more).toContainEqual(['#ایران', `/tag/${encodeURIComponent('ایران')}/`]);
      expect((await pub('/unrelated/')).headers['x-cache']).toBe('HIT');

      // Renamed: the links follow the new slug. Deleted: the hashtags are text again.
      const id = await tagId('budget');
      expect((await editor.post(`/admin/tags/${id}`, { name: 'Budget', slug: 'state-budget', description: '' }, `/admin/tags/${id}`)).statusCode).toBe(303);
      expect(hashtagLinks((await pub('/quoting/')).body)).toContainEqual(['#Budget', '/tag/state-budget/']);
      expect((await editor.post(`/admin/tags/${id}/delete`, {}, `/admin/tags/${id}`)).statusCode).toBe(303);
      const gone = await pub('/quoting/');
      expect(gone.body).toContain('Big day for the #Budget.');
      expect(hashtagLinks(gone.body).map(([text]) => text)).not.toContain('#Budget');
      expect((await pub('/unrelated/')).headers['x-cache']).toBe('HIT');
    });

    it('hostile hashtags stay escaped text, link only to a real tag, and break no query', async () => {
      for (const name of ["a'--", 'x', 'javascript', 'ok']) {
        const r = await editor.post('/admin/articles', {
          title: `Tag ${name}`,
          excerpt: 'S.',
          body_text: 'T.',
          language: 'en',
          comment_status: 'open',
          tags: name,
        });
        expect(r.statusCode).toBe(303);
      }
      const res = await pub('/hostile-tags/');
      expect(res.statusCode).toBe(200);
      const body = res.body;
      expect(body).not.toContain('<script>alert(1)');
      expect(body).not.toMatch(/<img[^>]+onerror/);
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(body).not.toMatch(/href="\s*javascript:/i);
      const links = hashtagLinks(body);
      expect(links).toContainEqual(['#x', '/tag/x/']);
      expect(links).toContainEqual(['#a', '/tag/a/']);
      expect(links).toContainEqual(['#javascript', '/tag/javascript/']);
      // Too long to be a hashtag; a right-to-left override ends it.
      expect(links.map(([text]) => text)).not.toContain(`#${'Long'.repeat(30)}`);
      for (const [, href] of links) expect(href).toMatch(/^\/tag\/[^"<>]+\/$/);
      // The tags table is intact and the site still answers.
      expect(await t.handle.db.selectFrom('tags').select('id').execute()).not.toHaveLength(0);
      expect((await pub('/')).statusCode).toBe(200);
    });
  });
}
