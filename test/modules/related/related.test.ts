import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, setArticleStatus, updateArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { computeRelated, refreshRelatedAround } from '../../../src/modules/related/related.service.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture, type Fixture } from '../../helpers/fixture.js';
import { testApp } from '../../helpers/app.js';
import { NOW } from '../../helpers/clock.js';

for (const dialect of DIALECTS) {
  describe(`related articles (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    const idOf = async (slug: string) => (await t.handle.db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 10, t.handle.dialect.fullText);
      const add = (slug: string, title: string, body: string, categoryIds: number[], status: 'published' | 'draft' = 'published', language = 'en') =>
        createArticle(t.handle.db, { status, slug, title, body: doc(p(body)), categoryIds, language, publishedAt: '2026-11-10T10:00:00Z' }, NOW);
      await add('glacier-a', 'Glacier retreat measured by drones', 'Drones measured the glacier retreat in the valley; the glacier lost ice.', [
        fx.ids.politics,
      ]);
      await add('glacier-b', 'Alpine glacier loses ice faster', 'Scientists say the alpine glacier loses ice faster than forecast; drones helped.', [
        fx.ids.europe,
      ]);
      await add('glacier-draft', 'Glacier draft', 'Glacier glacier glacier drones ice.', [fx.ids.politics], 'draft');
      await add('glacier-fa', 'یخچال طبیعی', 'glacier glacier drones', [fx.ids.politics], 'published', 'fa');
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('finds articles on the same subject, never itself, drafts or other languages', async () => {
      const a = await idOf('glacier-a');
      const related = await computeRelated(t.handle.db, t.handle.dialect.fullText, a, NOW);
      expect(related[0]).toBe(await idOf('glacier-b'));
      expect(related).not.toContain(a);
      expect(related).not.toContain(await idOf('glacier-draft'));
      expect(related).not.toContain(await idOf('glacier-fa'));
      expect(related.length).toBeGreaterThanOrEqual(3);
      expect(related.length).toBeLessThanOrEqual(6);
    });

    it('prefers articles that share categories and tags when text is equal', async () => {
      const id = await idOf(fx.slugs[0]!); // Europe, tag rail
      const related = await computeRelated(t.handle.db, t.handle.dialect.fullText, id, NOW);
      const rows = await t.handle.db.selectFrom('post_categories').select(['post_id', 'category_id']).where('post_id', 'in', related).execute();
      const inEurope = new Set(rows.filter((r) => r.category_id === fx.ids.europe).map((r) => r.post_id));
      // All fixture stories share their text; the first ones listed share the section.
      expect(inEurope.has(related[0]!)).toBe(true);
    });

    it('is stored and shown under the article; neighbours are refreshed when an article is published', async () => {
      const app = await testApp(t);
      const b = await idOf('glacier-b');
      await computeRelated(t.handle.db, t.handle.dialect.fullText, b, NOW);
      const html = (await app.inject('/glacier-b/')).body;
      const section = html.slice(html.indexOf('You may also like'));
      expect(section).toContain('Glacier retreat measured by drones');
      const c = await createArticle(
        t.handle.db,
        {
          status: 'published',
          slug: 'glacier-c',
          title: 'Glacier ice and drones: a new survey',
          body: doc(p('Glacier drones ice retreat survey.')),
          categoryIds: [fx.ids.europe],
          publishedAt: '2026-11-15T10:00:00Z',
        },
        NOW,
      );
      await refreshRelatedAround(t.handle.db, t.handle.dialect.fullText, c, NOW);
      const stored = await t.handle.db.selectFrom('related_posts').select('related_id').where('post_id', '=', b).execute();
      expect(stored.map((r) => r.related_id)).toContain(c);
      await app.close();
    });

    it('a save that changes nothing the lists depend on is skipped; one that does is not', async () => {
      const { db } = t.handle;
      const fullText = t.handle.dialect.fullText;
      const refreshed = new Map<number, string>();
      const a = await idOf('glacier-a');
      const b = await idOf('glacier-b');
      const listOf = async (id: number) =>
        (await db.selectFrom('related_posts').select('related_id').where('post_id', '=', id).execute()).map((r) => r.related_id);
      const save = (time: string) =>
        updateArticle(
          db,
          a,
          {
            slug: 'glacier-a',
            title: 'Glacier retreat measured by drones',
            body: doc(p(`Drones measured the glacier retreat in the valley; the glacier lost ice. Updated ${time}.`)),
          },
          NOW,
        );
      await save('10:05');
      await refreshRelatedAround(db, fullText, a, NOW, refreshed);
      expect(await listOf(b)).toContain(a);
      // The desk's next update of the story: only the time changed, so no key term did.
      await save('10:06');
      t.handle.stats.queries = 0;
      await refreshRelatedAround(db, fullText, a, NOW, refreshed);
      const skipped = t.handle.stats.queries;
      t.handle.stats.queries = 0;
      await refreshRelatedAround(db, fullText, a, NOW); // nothing remembered: everything recomputed
      const full = t.handle.stats.queries;
      expect(skipped).toBeLessThanOrEqual(3); // the post, its tags and its sections: no full-text query, no write
      expect(full).toBeGreaterThan(skipped * 3);
      // Unpublishing changes what every list may hold: it is not skipped, and the neighbour drops it.
      await setArticleStatus(db, a, 'draft', NOW);
      await refreshRelatedAround(db, fullText, a, NOW, refreshed);
      expect(await listOf(a)).toEqual([]);
      expect(await listOf(b)).not.toContain(a);
      await setArticleStatus(db, a, 'published', NOW);
      await refreshRelatedAround(db, fullText, a, NOW, refreshed);
      expect(await listOf(b)).toContain(a);
    });
  });
}
