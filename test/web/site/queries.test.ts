import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { bulkSeed } from '../../../src/demo/bulk-seed.js';
import { changeSlug } from '../../../src/modules/article/article.service.js';
import { DIALECTS, type TestDb } from '../../helpers/db.js';
import { fixtureSite } from '../../helpers/site.js';
import type { Fixture } from '../../helpers/fixture.js';

/**
 * Queries one request makes, in steady state: a first request loads the category tree, which is
 * then kept in memory and checked against its change counter (one single-row query).
 */
async function queriesFor(app: FastifyInstance, t: TestDb, url: string): Promise<number> {
  await app.inject(url);
  t.handle.stats.queries = 0;
  const res = await app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return t.handle.stats.queries;
}

for (const dialect of DIALECTS) {
  describe(`query counts and redirects (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let fx: Fixture;
    fixtureSite(dialect, (s) => ({ t, app, fx } = s));

    it('article, home and archive pages make the same number of queries however large the site', async () => {
      const urls = [`/${fx.slugs[0]}/`, '/', '/page/2/', '/category/world/', '/tag/rail/', '/author/ana-berg/'];
      const before: number[] = [];
      for (const u of urls) before.push(await queriesFor(app, t, u));
      // Small, fixed budgets: no query per story, author or image. The article page also reads its
      // comment thread (one query, however many comments) and the comment settings. The category
      // tree is one of them: a single-row change-counter check once the tree is in memory; so are
      // the site settings (this app has no page cache to follow purges, so it checks their counter).
      // The article page's eleventh is its people ("People in this story", read beside the tags).
      before.forEach((n, i) => {
        expect(n, urls[i]).toBeLessThanOrEqual(i === 0 ? 11 : 8);
      });
      await bulkSeed(t.handle.db, { articles: 300, categories: 10, tags: 30, authors: 8 });
      const after = [];
      for (const u of urls) after.push(await queriesFor(app, t, u));
      // Never more (a page whose stories have no images skips the media read, so it may be fewer).
      after.forEach((n, i) => {
        expect(n, urls[i]).toBeLessThanOrEqual(before[i]!);
      });
    });

    it('the category tree is read once, then only its change counter, and a change made anywhere reloads it', async () => {
      const { loadCategoryTree } = await import('../../../src/modules/taxonomy/taxonomy.service.js');
      const { updateCategory } = await import('../../../src/modules/taxonomy/taxonomy.service.js');
      const { openDb } = await import('../../../src/db/database.js');
      await loadCategoryTree(t.handle.db);
      t.handle.stats.queries = 0;
      const same = await loadCategoryTree(t.handle.db);
      expect(t.handle.stats.queries).toBe(1);
      // Another connection (another process or instance) renames a section.
      const other = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
      try {
        await updateCategory(other.db, fx.ids.politics, { name: 'Government' });
      } finally {
        await other.close();
      }
      const fresh = await loadCategoryTree(t.handle.db);
      expect(fresh).not.toBe(same);
      expect(fresh.get(fx.ids.politics)?.name).toBe('Government');
      expect((await app.inject('/category/politics/')).body).toContain('Government');
    });

    it('a changed slug keeps the old URL working with a 301, without chains', async () => {
      const row = await t.handle.db.selectFrom('posts').select('id').where('slug', '=', fx.slugs[1]!).executeTakeFirstOrThrow();
      await changeSlug(t.handle.db, row.id, 'renamed-once');
      await changeSlug(t.handle.db, row.id, 'renamed-twice');
      for (const old of [`/${fx.slugs[1]}/`, '/renamed-once/']) {
        const res = await app.inject(old);
        expect(res.statusCode, old).toBe(301);
        expect(res.headers.location).toBe('/renamed-twice/');
      }
      expect((await app.inject('/renamed-twice/')).statusCode).toBe(200);
      // Taking the old slug back makes it live again rather than redirecting.
      await changeSlug(t.handle.db, row.id, fx.slugs[1]!);
      expect((await app.inject(`/${fx.slugs[1]}/`)).statusCode).toBe(200);
      expect((await app.inject('/renamed-twice/')).headers.location).toBe(`/${fx.slugs[1]}/`);
    });

    it('a slug already in use is refused and nothing changes', async () => {
      const row = await t.handle.db.selectFrom('posts').select(['id', 'slug']).where('slug', '=', fx.slugs[2]!).executeTakeFirstOrThrow();
      await expect(changeSlug(t.handle.db, row.id, fx.slugs[3]!)).rejects.toMatchObject({ code: 'ARTICLE_SLUG_TAKEN' });
      await expect(changeSlug(t.handle.db, row.id, 'Bad Slug!')).rejects.toMatchObject({ code: 'ARTICLE_INVALID' });
      expect((await app.inject(`/${row.slug}/`)).statusCode).toBe(200);
    });
  });
}
