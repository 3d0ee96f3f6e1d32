/**
 * "You may also like" is measured, not assumed: on the demo newsroom and on the WordPress theme
 * unit test export, how often does a related article share a section or a tag with its source,
 * against the rate for a random pair of articles in the same language?
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '../../../src/demo/seed-demo.js';
import type { Db } from '../../../src/db/database.js';
import { importWordPress } from '../../../src/import/wordpress/import-wordpress.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { createArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { insertCategory } from '../../../src/modules/taxonomy/taxonomy.repository.js';
import { refreshAllRelated } from '../../../src/modules/related/related.service.js';
import { sharedDemoMedia } from '../../helpers/demo-site.js';

const WXR = fileURLToPath(new URL('../../fixtures/wxr/themeunittestdata.wordpress.xml', import.meta.url));

interface Quality {
  observed: number;
  chance: number;
  articles: number;
  links: number;
  perPost: Map<number, number>;
  posts: { id: number; language: string }[];
}

/** Share of related links whose two articles share a section or tag, and the same for random pairs. */
async function measure(db: Db): Promise<Quality> {
  const posts = await db.selectFrom('posts').select(['id', 'language']).where('type', '=', 'post').where('status', '=', 'published').execute();
  const cats = await db.selectFrom('post_categories').select(['post_id', 'category_id']).execute();
  const tags = await db.selectFrom('post_tags').select(['post_id', 'tag_id']).execute();
  const related = await db.selectFrom('related_posts').select(['post_id', 'related_id']).execute();
  const labels = new Map<number, Set<string>>();
  const add = (id: number, l: string) => (labels.get(id) ?? labels.set(id, new Set()).get(id)!).add(l);
  for (const c of cats) add(c.post_id, `c${c.category_id}`);
  for (const g of tags) add(g.post_id, `t${g.tag_id}`);
  const share = (a: number, b: number) => [...(labels.get(a) ?? [])].some((l) => labels.get(b)?.has(l));
  const langOf = new Map(posts.map((p) => [p.id, p.language]));
  for (const r of related) {
    expect(r.related_id).not.toBe(r.post_id);
    expect(langOf.get(r.related_id)).toBe(langOf.get(r.post_id));
  }
  let pairs = 0;
  let sharing = 0;
  for (const a of posts)
    for (const b of posts) {
      if (a.id === b.id || a.language !== b.language) continue;
      pairs++;
      if (share(a.id, b.id)) sharing++;
    }
  const perPost = new Map<number, number>();
  for (const r of related) perPost.set(r.post_id, (perPost.get(r.post_id) ?? 0) + 1);
  return {
    observed: related.filter((r) => share(r.post_id, r.related_id)).length / Math.max(1, related.length),
    chance: sharing / Math.max(1, pairs),
    articles: perPost.size,
    links: related.length,
    perPost,
    posts,
  };
}

const report = (name: string, q: Quality) =>
  console.log(
    `[${name}] related lists: ${q.articles} articles, ${q.links} links; share a section or tag: ${(q.observed * 100).toFixed(1)}% vs ${(q.chance * 100).toFixed(1)}% by chance`,
  );

for (const dialect of DIALECTS) {
  describe(`related-article quality (${dialect})`, () => {
    let demo: TestDb;
    let wxr: TestDb;
    beforeAll(async () => {
      [demo, wxr] = await Promise.all([freshDb(dialect), freshDb(dialect)]);
      await seedDemo(demo.handle.db, demo.handle.dialect.fullText, sharedDemoMedia(demo.dataDir), new Date('2026-11-20T12:00:00Z'));
      await importWordPress(wxr.handle.db, {
        file: WXR,
        mediaRoot: path.join(wxr.dataDir, 'media'),
        ipHashKey: Buffer.alloc(32, 7),
        now: new Date('2026-11-20T12:00:00Z'),
        fullText: wxr.handle.dialect.fullText,
        related: true,
      });
    }, 180_000);
    afterAll(async () => {
      await demo?.cleanup();
      await wxr?.cleanup();
    });

    it('on the demo corpus, related articles share a section or tag far more often than chance', async () => {
      const q = await measure(demo.handle.db);
      report(`${dialect} demo`, q);
      // Every English article gets 3–6.
      for (const p of q.posts.filter((x) => x.language === 'en')) {
        expect(q.perPost.get(p.id) ?? 0, `post ${p.id}`).toBeGreaterThanOrEqual(3);
        expect(q.perPost.get(p.id) ?? 0).toBeLessThanOrEqual(6);
      }
      expect(q.observed).toBeGreaterThan(q.chance + 0.25);
      expect(q.observed).toBeGreaterThan(q.chance * 1.8);
    });

    it('on the imported WordPress theme unit test data, too', async () => {
      const q = await measure(wxr.handle.db);
      report(`${dialect} wxr`, q);
      expect(q.articles).toBeGreaterThan(30);
      for (const n of q.perPost.values()) expect(n).toBeLessThanOrEqual(6);
      expect(q.observed).toBeGreaterThan(q.chance + 0.15);
      expect(q.observed).toBeGreaterThan(q.chance * 1.5);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`related articles on a small mixed site (${dialect})`, () => {
    let t: TestDb;
    const ids: Record<string, number> = {};
    beforeAll(async () => {
      t = await freshDb(dialect);
      const db = t.handle.db;
      const now = new Date('2026-11-20T12:00:00Z');
      const section = async (slug: string, name: string) => insertCategory(db, { slug, name, parent_id: null, description: '' });
      const [news, food, weather] = [await section('news', 'News'), await section('food', 'Food'), await section('weather', 'Weather')];
      const stories: [string, number, string, string, string][] = [
        [
          'harbour-reopens',
          news,
          'The harbour reopens after the storm',
          'Ships are back at the quay.',
          'The harbour reopened on Monday. The water in the basin is calm again and the quay is repaired.',
        ],
        [
          'ferries-return',
          news,
          'Ferries return to the harbour',
          'The first crossing since the storm.',
          'Ferries left the harbour at dawn. The water was rough but the crossing was safe.',
        ],
        [
          'quay-repairs',
          news,
          'Quay repairs cost more than planned',
          'The harbour board will pay.',
          'Repairs to the harbour quay cost twice the estimate, the board said.',
        ],
        ['pilot-boat', news, 'A new pilot boat for the harbour', 'It arrives in spring.', 'The harbour will get a new pilot boat. It can work in rough water.'],
        [
          'fish-stew',
          food,
          'A slow fish stew for a cold evening',
          'Simmer it for an hour.',
          'Bring the water to a boil, add the fish and simmer the stew for an hour. Season it at the end.',
        ],
        [
          'weekend-rain',
          weather,
          'Rain and wind for the weekend',
          'Take an umbrella.',
          'Rain will fall on Saturday and the wind will turn cold. Water may gather on low roads.',
        ],
      ];
      for (const [slug, category, title, excerpt, body] of stories)
        ids[slug] = await createArticle(
          db,
          { slug, title, excerpt, body: doc(p(body)), categoryIds: [category], status: 'published', publishedAt: now.toISOString() },
          now,
        );
      await refreshAllRelated(db, t.handle.dialect.fullText, now);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('never offers an article that shares no section, tag or leading term, even if that means fewer than three', async () => {
      const rows = await t.handle.db.selectFrom('related_posts').select(['post_id', 'related_id']).execute();
      const listOf = (slug: string) => rows.filter((r) => r.post_id === ids[slug]).map((r) => r.related_id);
      const newsIds = ['harbour-reopens', 'ferries-return', 'quay-repairs', 'pilot-boat'].map((s) => ids[s]!);
      for (const slug of ['harbour-reopens', 'ferries-return', 'quay-repairs', 'pilot-boat']) {
        const list = listOf(slug);
        // The other harbour stories, and nothing else: not the stew, not the rain (they only share "water").
        expect(list.sort(), slug).toEqual(newsIds.filter((id) => id !== ids[slug]).sort());
      }
      for (const slug of ['fish-stew', 'weekend-rain']) expect(listOf(slug), slug).toEqual([]);
    });
  });
}
