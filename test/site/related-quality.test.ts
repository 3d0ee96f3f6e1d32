/**
 * "You may also like" is measured, not assumed: on the demo newsroom, how often does a related
 * article share a section or a tag with its source, against the rate for a random pair of
 * articles in the same language?
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';
import { sharedDemoMedia } from '../helpers/demo-site.js';

for (const dialect of DIALECTS) {
  describe(`related-article quality on the demo corpus (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await freshDb(dialect);
      await seedDemo(t.handle.db, t.handle.dialect.fullText, sharedDemoMedia(t.dataDir), new Date('2026-11-20T12:00:00Z'));
    }, 180_000);
    afterAll(async () => {
      await t?.cleanup();
    });

    it('related articles share a section or tag far more often than chance', async () => {
      const db = t.handle.db;
      const posts = await db.selectFrom('posts').select(['id', 'language']).where('type', '=', 'post').where('status', '=', 'published').execute();
      const cats = await db.selectFrom('post_categories').select(['post_id', 'category_id']).execute();
      const tags = await db.selectFrom('post_tags').select(['post_id', 'tag_id']).execute();
      const related = await db.selectFrom('related_posts').select(['post_id', 'related_id']).execute();
      const labels = new Map<number, Set<string>>();
      for (const c of cats) (labels.get(c.post_id) ?? labels.set(c.post_id, new Set()).get(c.post_id)!).add(`c${c.category_id}`);
      for (const g of tags) (labels.get(g.post_id) ?? labels.set(g.post_id, new Set()).get(g.post_id)!).add(`t${g.tag_id}`);
      const share = (a: number, b: number) => [...(labels.get(a) ?? [])].some((l) => labels.get(b)?.has(l));

      const langOf = new Map(posts.map((p) => [p.id, p.language]));
      const observed = related.filter((r) => share(r.post_id, r.related_id)).length / related.length;
      let pairs = 0;
      let sharing = 0;
      for (const a of posts) for (const b of posts) {
        if (a.id === b.id || a.language !== b.language) continue;
        pairs++;
        if (share(a.id, b.id)) sharing++;
      }
      const chance = sharing / pairs;
      const perPost = new Map<number, number>();
      for (const r of related) perPost.set(r.post_id, (perPost.get(r.post_id) ?? 0) + 1);
      console.log(`[${dialect}] related lists: ${perPost.size} articles, ${related.length} links; share a section or tag: ${(observed * 100).toFixed(1)}% vs ${(chance * 100).toFixed(1)}% by chance`);
      // Every English article gets 3–6; same language only; never itself.
      for (const p of posts.filter((x) => x.language === 'en')) {
        expect(perPost.get(p.id) ?? 0, `post ${p.id}`).toBeGreaterThanOrEqual(3);
        expect(perPost.get(p.id) ?? 0).toBeLessThanOrEqual(6);
      }
      for (const r of related) {
        expect(r.related_id).not.toBe(r.post_id);
        expect(langOf.get(r.related_id)).toBe(langOf.get(r.post_id));
      }
      expect(observed).toBeGreaterThan(chance + 0.25);
      expect(observed).toBeGreaterThan(chance * 1.8);
    });
  });
}
