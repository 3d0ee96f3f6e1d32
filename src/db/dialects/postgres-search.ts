/**
 * @module db/dialects/postgres-search
 * Full-text search on PostgreSQL: a stored generated tsvector over title (weight A), standfirst (B)
 * and body text (C), English stemming for English posts and the 'simple' configuration for other
 * languages, a GIN index, ts_rank for order and ts_headline for snippets.
 */
import { sql, type Kysely } from 'kysely';
import { COUNT_CAP, filterSql, MARK_END, MARK_START, RANK_WINDOW, type FullText, type SearchTerm } from '../full-text.js';

const lexeme = (w: string): string => `'${w.replace(/'/g, "''").replace(/\\/g, '')}'`;

/** to_tsquery text from parsed terms (words hold only letters, digits and marks). */
export function tsQueryText(terms: SearchTerm[]): string {
  return terms
    .map((t) => {
      const words = t.words.map(lexeme);
      if (t.prefix) words[words.length - 1] += ':*';
      return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
    })
    .join(' & ');
}

// Persian writes some word parts joined by a zero-width non-joiner; treat it as a word break, as
// the query parser and SQLite's tokenizer do. (A literal: generated columns take no parameters.)
const ZWNJ = sql.lit('\u200c');

const CONFIG = sql`(case when language like 'en%' then 'english'::regconfig else 'simple'::regconfig end)`;

/** The same text in both configurations, so English stems and other scripts both match. */
const tsQuery = (text: string) => sql`(to_tsquery('english', ${text}) || to_tsquery('simple', ${text}))`;

export const postgresFullText: FullText = {
  async createIndex(db) {
    await sql`alter table posts add column search_vector tsvector generated always as (
      setweight(to_tsvector(${CONFIG}, translate(coalesce(title, ''), ${ZWNJ}, ' ')), 'A') ||
      setweight(to_tsvector(${CONFIG}, translate(coalesce(excerpt, ''), ${ZWNJ}, ' ')), 'B') ||
      setweight(to_tsvector(${CONFIG}, translate(coalesce(search_text, ''), ${ZWNJ}, ' ')), 'C')) stored`.execute(db);
    await sql`create index posts_search_vector on posts using gin (search_vector)`.execute(db);
  },

  async search(db, terms, filter, limit, offset) {
    if (terms.length === 0) return { total: 0, capped: false, hits: [] };
    const q = tsQuery(tsQueryText(terms));
    const where = filterSql(filter);
    const count = await sql<{ n: number }>`select count(*) as n from (select 1 from posts p where p.search_vector @@ ${q} and ${where}
      limit ${COUNT_CAP + 1}) matches`.execute(db);
    const n = Number(count.rows[0]?.n ?? 0);
    const total = Math.min(n, COUNT_CAP);
    if (total === 0 || offset >= RANK_WINDOW) return { total, capped: n > COUNT_CAP, hits: [] };
    // Newest matches first (the window), rank them, cut the page; ts_headline only on the page.
    const rows = await sql<{ id: number; snippet: string }>`select page.id,
        ts_headline((case when page.language like 'en%' then 'english'::regconfig else 'simple'::regconfig end), page.search_text, ${q},
          ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=16, ShortWord=2, FragmentDelimiter=" … ", MaxFragments=1`}) as snippet
      from (select w.id, w.language, translate(w.search_text, ${ZWNJ}, ' ') as search_text, w.published_at, ts_rank(w.search_vector, ${q}) as rank
            from (select p.id, p.language, p.search_text, p.search_vector, p.published_at from posts p
                  where p.search_vector @@ ${q} and ${where} order by p.id desc limit ${RANK_WINDOW}) w
            order by rank desc, w.published_at desc limit ${limit} offset ${offset}) page
      order by page.rank desc, page.published_at desc`.execute(db);
    return { total, capped: n > COUNT_CAP, hits: rows.rows.map((r) => ({ id: r.id, snippet: r.snippet ?? '' })) };
  },

  async similar(db, words, filter, limit) {
    if (words.length === 0) return [];
    const q = tsQuery(words.map(lexeme).join(' | '));
    const rows = await sql<{ id: number; score: number }>`select w.id, ts_rank(w.search_vector, ${q}) as score
      from (select p.id, p.search_vector from posts p where p.search_vector @@ ${q} and ${filterSql(filter)}
            order by p.id desc limit ${RANK_WINDOW}) w
      order by score desc limit ${limit}`.execute(db);
    return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  },
};
