import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, setArticleStatus, updateArticle } from '../../../src/modules/article/article.service.js';
import { doc, p } from '../../../src/modules/article/document.js';
import { searchArticles } from '../../../src/modules/search/search.service.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { buildFixture, type Fixture } from '../../helpers/fixture.js';

for (const dialect of DIALECTS) {
  describe(`full-text search (${dialect})`, () => {
    let t: TestDb;
    let fx: Fixture;
    const search = (q: string, filter = {}, page = 1) => searchArticles(t.handle.db, t.handle.dialect.fullText, q, filter, page, 10);
    const titles = async (q: string, filter = {}) => {
      const r = await search(q, filter);
      return r.rows.map((x) => x.title);
    };
    beforeAll(async () => {
      t = await freshDb(dialect);
      fx = await buildFixture(t.handle.db, path.join(t.dataDir, 'media'), 4);
      const add = (slug: string, title: string, body: string, language = 'en', status: 'published' | 'draft' = 'published') =>
        createArticle(t.handle.db, { status, slug, title, body: doc(p(body)), language, publishedAt: '2026-11-01T10:00:00Z' });
      await add('zeppelin-title', 'Zeppelins return to the northern sky', 'An airship company opened a hangar.');
      await add('zeppelin-body-many', 'Airship news', 'Zeppelins zeppelins zeppelin fleets and more zeppelins flew over the bay.');
      await add('zeppelin-body-once', 'A day at the harbour', 'Among the boats, one old zeppelin was moored near the pier for a festival.');
      await add('zeppelin-draft', 'Zeppelin draft never shown', 'Zeppelin.', 'en', 'draft');
      await add('fa-library', 'کتابخانه‌ی شهر بازگشایی شد', 'کتابخانه‌ی مرکزی شهر پس از دو سال بازسازی دوباره باز شد.', 'fa');
      await add('sq-library', 'Biblioteka e qytetit rihapet', 'Biblioteka qendrore u rihap pas dy vitesh rindërtimi.', 'sq');
      // Where the words are: the title, the standfirst, the body (each newer than the one before).
      const withStandfirst = (slug: string, title: string, excerpt: string, body: string) =>
        createArticle(t.handle.db, { status: 'published', slug, title, excerpt, body: doc(p(body)), language: 'en', publishedAt: '2026-11-01T10:00:00Z' });
      await withStandfirst('quasar-title', 'Quasar found by a student', 'A faint object in an old plate.', 'The observatory confirmed the telescope find.');
      await withStandfirst('quasar-standfirst', 'Night shift at the observatory', 'A quasar and a comet in one week.', 'The telescope team worked late.');
      await withStandfirst('quasar-body', 'Observatory open day', 'Visitors queue at the dome.', 'Among the slides, a quasar seen through the telescope.');
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('ranks title matches above body matches, stems English, and never shows drafts', async () => {
      const r = await titles('zeppelin');
      expect(r[0]).toBe('Zeppelins return to the northern sky');
      expect(r).toContain('Airship news');
      expect(r).toContain('A day at the harbour');
      expect(r).not.toContain('Zeppelin draft never shown');
      // Two body matches: PostgreSQL's ts_rank counts the occurrences; SQLite ranks by where the
      // words are found, then the newest (FTS5's bm25() would read every post holding the word).
      if (dialect === 'postgres') expect(r.indexOf('Airship news')).toBeLessThan(r.indexOf('A day at the harbour'));
      else expect(r.indexOf('A day at the harbour')).toBeLessThan(r.indexOf('Airship news'));
    });

    it('ranks a word in the title above one in the standfirst, above one in the body, whichever is newer', async () => {
      expect(await titles('quasar')).toEqual(['Quasar found by a student', 'Night shift at the observatory', 'Observatory open day']);
      // Each word counts where it is found: every body holds "telescope".
      expect(await titles('quasar telescope')).toEqual(['Quasar found by a student', 'Night shift at the observatory', 'Observatory open day']);
      expect((await titles('telescope student'))[0]).toBe('Quasar found by a student');
      expect(await titles('observatory')).toEqual(['Observatory open day', 'Night shift at the observatory', 'Quasar found by a student']);
    });

    it('holds published posts only, following an article through publish, edit, unpublish, trash and delete', async () => {
      const filtered = { language: 'en' };
      const found = async (q: string) => [(await titles(q)).includes('Quokkas at the ferry'), (await titles(q, filtered)).includes('Quokkas at the ferry')];
      const id = await createArticle(t.handle.db, {
        status: 'draft',
        slug: 'quokka',
        title: 'Quokkas at the ferry',
        body: doc(p('A marsupial boards.')),
        language: 'en',
      });
      expect(await found('quokkas')).toEqual([false, false]);
      await setArticleStatus(t.handle.db, id, 'published');
      expect(await found('quokkas')).toEqual([true, true]);
      await updateArticle(t.handle.db, id, {
        status: 'published',
        slug: 'quokka',
        title: 'Quokkas at the ferry',
        body: doc(p('A wallaby boards instead.')),
        language: 'en',
      });
      expect(await found('wallaby')).toEqual([true, true]);
      expect(await found('marsupial')).toEqual([false, false]);
      await setArticleStatus(t.handle.db, id, 'draft');
      expect(await found('wallaby')).toEqual([false, false]);
      await setArticleStatus(t.handle.db, id, 'published');
      expect(await found('wallaby')).toEqual([true, true]);
      await setArticleStatus(t.handle.db, id, 'trash');
      expect(await found('wallaby')).toEqual([false, false]);
      await setArticleStatus(t.handle.db, id, 'published');
      await t.handle.db.deleteFrom('posts').where('id', '=', id).execute();
      expect(await found('wallaby')).toEqual([false, false]);
      if (dialect === 'sqlite') {
        // What the index holds is exactly the published posts, and its own structure is sound.
        const { sql } = await import('kysely');
        await sql`insert into posts_fts(posts_fts) values ('integrity-check')`.execute(t.handle.db);
        const held = await sql<{
          n: number;
        }>`select count(*) as n from posts_fts where posts_fts match 'zeppelin OR zeppelins OR biblioteka OR airship'`.execute(t.handle.db);
        expect(held.rows[0]!.n).toBe(3 + 1);
      }
    });

    it.runIf(dialect === 'postgres')('finds the same whether matches lie among the newest posts or only in the index beyond them', async () => {
      const { pgSearchTuning } = await import('../../../src/db/dialects/postgres-search.js');
      const all = async () => Promise.all(['zeppelin', 'biblioteka', 'festival', 'nothingatall'].map(async (q) => (await search(q)).rows.map((r) => r.id)));
      const related = () => t.handle.dialect.fullText.similar(t.handle.db, ['zeppelin', 'airship', 'harbour'], { language: 'en', excludeId: -1 }, 5);
      const walked = { found: await all(), related: await related() };
      const before = { ...pgSearchTuning };
      try {
        // The walk covers the newest post alone: the rest comes through the GIN index.
        pgSearchTuning.recentScan = 1;
        expect({ found: await all(), related: await related() }).toEqual(walked);
        pgSearchTuning.recentScan = 0;
        expect({ found: await all(), related: await related() }).toEqual(walked);
        // Matches frequent among the newest: walking on, as far as that frequency says, then the index.
        pgSearchTuning.recentScan = 2;
        pgSearchTuning.indexMax = 0;
        expect({ found: await all(), related: await related() }).toEqual(walked);
      } finally {
        Object.assign(pgSearchTuning, before);
      }
      expect(walked.found[0]).toHaveLength(3);
      expect(walked.related.length).toBeGreaterThan(0);
    });

    it('highlights matches in snippets', async () => {
      const r = await search('festival');
      expect(r.total).toBe(1);
      const snippet = r.snippets.get(r.rows[0]!.id)!;
      expect(snippet).toMatch(/\u0001festival\u0002/i);
    });

    it('understands phrases and prefixes', async () => {
      expect(await titles('"northern sky"')).toEqual(['Zeppelins return to the northern sky']);
      expect(await titles('"sky northern"')).toEqual([]);
      expect(await titles('harb*')).toContain('A day at the harbour');
    });

    it('finds Persian and Albanian text', async () => {
      expect(await titles('کتابخانه')).toEqual(['کتابخانه‌ی شهر بازگشایی شد']);
      expect(await titles('biblioteka')).toEqual(['Biblioteka e qytetit rihapet']);
    });

    it('filters by category (with children), tag, author, language and date', async () => {
      expect((await search('rail', { categoryIds: [fx.ids.world, fx.ids.europe] })).total).toBe(2);
      expect((await search('rail', { tagId: fx.ids.climate })).total).toBe(1);
      expect((await search('rail', { authorId: fx.ids.omar })).total).toBe(2);
      expect((await search('biblioteka', { language: 'en' })).total).toBe(0);
      expect((await search('zeppelin', { from: '2026-11-02T00:00:00Z' })).total).toBe(0);
    });

    it('treats hostile input as words or nothing, never as an error', async () => {
      for (const q of [
        '"',
        '""',
        'NEAR(zeppelin',
        "zeppelin' OR 1=1 --",
        '*',
        'a*',
        '\u0000',
        'x'.repeat(10_000),
        'title:zeppelin',
        '(((',
        '\ufffd',
        'AND OR NOT',
      ]) {
        const r = await search(q);
        expect(r.total).toBeGreaterThanOrEqual(0);
      }
      expect((await search('!!!')).searchable).toBe(false);
      expect((await search('zeppelin', {}, 50)).rows).toEqual([]);
    });
  });
}
