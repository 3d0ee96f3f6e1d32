/**
 * A live page as readers get it, on both databases with the page cache on: the summary, the key
 * events, entries newest first with their permalinks, LiveBlogPosting JSON-LD, the entries
 * endpoint the page's script polls (cacheable, revalidated with its ETag), an entry's own page,
 * older entries on later pages; a new entry shows on the very next request after its save
 * (nothing stale on the instance that took the write); the end of the coverage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp, signedIn } from '../../helpers/admin.js';
import type { Agent } from '../../helpers/agent.js';
import { Clock } from '../../helpers/clock.js';

const jsonLdOf = (html: string): Record<string, unknown>[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

for (const dialect of DIALECTS) {
  describe(`live pages on the site (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let editor: Agent;
    const clock = new Clock();
    let id: number;

    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock, env: { PAGE_CACHE_MB: '16' } });
      id = await createArticle(
        t.handle.db,
        {
          slug: 'storm-live',
          title: 'Storm: live',
          excerpt: 'The storm, as it happens.',
          body: doc(p('A storm reaches the coast tonight.')),
          status: 'published',
          publishedAt: clock.now().toISOString(),
        },
        clock.now(),
      );
      editor = await signedIn(app, t, 'editor');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const read = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
    const entry = async (headline: string, text: string, pinned = false) => {
      clock.advance(60_000);
      const res = await editor.post(
        `/admin/articles/${id}/live/entries`,
        { headline, body_format: 'text', body_text: text, ...(pinned ? { pinned: '1' } : {}) },
        `/admin/articles/${id}`,
      );
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      return Number(/#entry-(\d+)$/.exec(res.headers.location ?? '')![1]);
    };

    it('shows entries newest first with key events, JSON-LD and the polling endpoint; a new entry is never stale', async () => {
      // Cached before it goes live: starting it purges the page.
      expect((await read('/storm-live/')).body).not.toContain('class="live"');
      expect((await editor.post(`/admin/articles/${id}/live/start`, {}, `/admin/articles/${id}`)).statusCode).toBe(303);
      const first = await entry('Winds reach 120 km/h', 'Gusts on the coast.', true);
      const second = await entry(
        '',
        '[social-post author="Coastguard" handle="@coastguard" date="2026-11-20T12:30:00Z" url="https://social.example/1"]\nStay off the piers. #storm\n[/social-post]',
      );
      const third = await entry('Bridge closed', 'The harbour bridge is closed.', true);

      const page = await read('/storm-live/');
      expect(page.statusCode).toBe(200);
      const html = page.body;
      expect(html).toContain('A storm reaches the coast tonight.');
      expect(html).toContain('<span class="live__badge">Live</span>');
      const order = [...html.matchAll(/<li class="live-entry[^"]*" id="entry-(\d+)"/g)].map((m) => Number(m[1]));
      expect(order).toEqual([third, second, first]);
      const keys = html.slice(html.indexOf('live__key-list'), html.indexOf('</ol>', html.indexOf('live__key-list')));
      expect([...keys.matchAll(/href="#entry-(\d+)"/g)].map((m) => Number(m[1]))).toEqual([third, first]);
      expect(html).toContain(`href="/storm-live/entry/${second}/"`);
      expect(html).toContain(`data-live="/storm-live/live.json?after=${third}"`);
      expect(html).toMatch(/<script src="\/assets\/live\.[0-9a-f]{10}\.js" defer><\/script>/);
      expect(html).toContain('class="quote-card"');
      const ld = jsonLdOf(html).find((x) => x['@type'] === 'LiveBlogPosting')!;
      expect(ld).toMatchObject({ headline: 'Storm: live', coverageStartTime: expect.any(String) });
      expect(ld.coverageEndTime).toBeUndefined();
      const updates = ld.liveBlogUpdate as { headline: string; url: string }[];
      expect(updates.map((u) => u.headline)).toEqual(['Bridge closed', expect.stringMatching(/^Stay off the piers\. #storm/), 'Winds reach 120 km/h']);
      expect(updates[0]!.url).toBe(`${(ld.mainEntityOfPage as { '@id': string })['@id']}#entry-${third}`);

      // Cached now; the next save is seen by the very next reader.
      expect((await read('/storm-live/')).headers['x-cache']).toMatch(/hit/i);
      const fourth = await entry('Power cut in the old town', 'About 2,000 homes are without power.');
      const after = await read('/storm-live/');
      expect(after.body).toContain(`id="entry-${fourth}"`);
      expect(after.body).toContain(`data-live="/storm-live/live.json?after=${fourth}"`);
    });

    it('the entries endpoint sends newer entries, is cached and revalidates with its ETag', async () => {
      const page = (await read('/storm-live/')).body;
      const newest = Number(/live\.json\?after=(\d+)/.exec(page)![1]);
      const none = await read(`/storm-live/live.json?after=${newest}`);
      expect(none.statusCode).toBe(200);
      expect(none.headers['content-type']).toContain('application/json');
      expect(JSON.parse(none.body)).toMatchObject({ status: 'live', entries: [] });
      const etag = none.headers.etag as string;
      expect(etag).toBeTruthy();
      expect((await read(`/storm-live/live.json?after=${newest}`, { 'if-none-match': etag })).statusCode).toBe(304);
      const added = await entry('Trains stopped', 'No trains until morning.');
      const fresh = await read(`/storm-live/live.json?after=${newest}`, { 'if-none-match': etag });
      expect(fresh.statusCode).toBe(200);
      const body = JSON.parse(fresh.body) as { entries: { id: number; html: string }[] };
      expect(body.entries.map((e) => e.id)).toEqual([added]);
      expect(body.entries[0]!.html).toContain(`<li class="live-entry" id="entry-${added}"`);
      expect(body.entries[0]!.html).toContain('Trains stopped');
      expect((await read('/storm-live/live.json?after=0')).statusCode).toBe(200);
      expect((await read('/storm-live/live.json?after=abc')).statusCode).toBe(400);
      expect((await read("/storm-live/live.json?after=1'%20OR%201=1")).statusCode).toBe(400);
      expect((await read('/no-such-live/live.json?after=0')).statusCode).toBe(404);
    });

    it('an entry has its own page to share, with its own title and description', async () => {
      const entries = await t.handle.db.selectFrom('live_entries').select(['id', 'headline']).where('post_id', '=', id).orderBy('id').execute();
      const bridge = entries.find((e) => e.headline === 'Bridge closed')!;
      const res = await read(`/storm-live/entry/${bridge.id}/`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Bridge closed – Storm: live |');
      expect(res.body).toContain('<meta property="og:title" content="Bridge closed – Storm: live |');
      expect(res.body).toContain('content="The harbour bridge is closed."');
      expect(res.body).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/storm-live/entry/${bridge.id}/"`));
      expect(res.body).toContain(`href="/storm-live/#entry-${bridge.id}"`);
      expect([...res.body.matchAll(/<li class="live-entry/g)]).toHaveLength(1);
      expect(res.body).not.toContain('data-live=');
      expect((await read('/storm-live/entry/999999/')).statusCode).toBe(404);
      const other = await createArticle(t.handle.db, { slug: 'other-story', title: 'Other', body: doc(p('Text.')), status: 'published' }, clock.now());
      expect(other).toBeGreaterThan(0);
      expect((await read(`/other-story/entry/${bridge.id}/`)).statusCode).toBe(404);
    });

    it('cards say Live; the feed carries the newest entries; the news sitemap has the page with its latest update', async () => {
      const home = (await read('/')).body;
      expect(home).toMatch(/<a class="card__link" href="\/storm-live\/"><span class="card__live">Live<\/span>Storm: live<\/a>/);
      const latest = await entry('Ferry cancelled', 'The evening ferry is cancelled.');
      const feed = (await read('/feed/')).body;
      const item = feed.slice(feed.indexOf('<link>http'), feed.indexOf('</item>'));
      expect(feed).toContain('Ferry cancelled');
      expect(item.length).toBeGreaterThan(0);
      const row = await t.handle.db.selectFrom('live_entries').select('created_at').where('id', '=', latest).executeTakeFirstOrThrow();
      const news = await read('/sitemap-news.xml');
      expect(news.statusCode).toBe(200);
      expect(news.body).toContain('/storm-live/</loc>');
      expect(news.body).toContain(`<lastmod>${row.created_at}</lastmod>`);
    });

    it('older entries are on later pages; the end keeps them all and stops the polling', async () => {
      for (let i = 0; i < 18; i++) await entry(`Update ${i}`, `Text of update ${i}.`);
      const total = Number(
        (
          await t.handle.db
            .selectFrom('live_entries')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('post_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(total).toBe(24);
      const page1 = (await read('/storm-live/')).body;
      expect([...page1.matchAll(/<li class="live-entry/g)]).toHaveLength(20);
      expect(page1).toContain('href="/storm-live/live/2/"');
      const page2 = await read('/storm-live/live/2/');
      expect(page2.statusCode).toBe(200);
      expect([...page2.body.matchAll(/<li class="live-entry/g)]).toHaveLength(4);
      expect(page2.body).toContain('Updates, page 2');
      expect(page2.body).toContain('href="/storm-live/"');
      expect(page2.body).not.toContain('id="comments"');
      expect((await read('/storm-live/live/3/')).statusCode).toBe(404);
      expect((await read('/storm-live/live/1/')).statusCode).toBe(301);

      clock.advance(60_000);
      expect((await editor.post(`/admin/articles/${id}/live/end`, {}, `/admin/articles/${id}`)).statusCode).toBe(303);
      const ended = (await read('/storm-live/')).body;
      expect(ended).toContain('Live coverage ended');
      expect(ended).not.toContain('data-live=');
      expect(ended).not.toMatch(/\/assets\/live\./);
      const ld = jsonLdOf(ended).find((x) => x['@type'] === 'LiveBlogPosting')!;
      expect(ld.coverageEndTime).toBe(clock.now().toISOString());
      expect(JSON.parse((await read('/storm-live/live.json?after=0')).body).status).toBe('ended');
    });
  });
}
