/**
 * @module db/dialects/postgres-search
 * Full-text search on PostgreSQL: a stored generated tsvector over title (weight A), standfirst (B)
 * and body text (C), English stemming for English posts and the 'simple' configuration for other
 * languages, a GIN index, ts_rank for order and ts_headline for snippets.
 */
import { sql } from 'kysely';
import { filterSql, MARK_END, MARK_START, pageOfWindow, RANK_WINDOW, type FullText, type SearchTerm, type WindowRow } from '../full-text.js';

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

  async indexOnlyPublished(db) {
    // A partial index: search and related lists always ask for published posts (filterSql).
    await sql`create index posts_search_published on posts using gin (search_vector) where status = 'published' and type = 'post'`.execute(db);
    await sql`drop index posts_search_vector`.execute(db);
  },

  async search(db, terms, filter, limit, offset) {
    if (terms.length === 0) return { total: 0, capped: false, hits: [] };
    const q = tsQuery(tsQueryText(terms));
    // One query for the window (newest matches with ts_rank) gives the count too; ts_headline
    // (costly) then runs only for the page.
    const window = await sql<WindowRow>`select p.id, ts_rank(p.search_vector, ${q}) as rank
      from posts p where p.search_vector @@ ${q} and ${filterSql(filter)}
      order by p.id desc limit ${RANK_WINDOW + 1}`.execute(db);
    const { total, capped, ids } = pageOfWindow(
      window.rows.map((r) => ({ ...r, rank: Number(r.rank) })),
      limit,
      offset,
    );
    if (ids.length === 0) return { total, capped, hits: [] };
    const snippets = await sql<{ id: number; snippet: string }>`select p.id,
        ts_headline((case when p.language like 'en%' then 'english'::regconfig else 'simple'::regconfig end), translate(p.search_text, ${ZWNJ}, ' '), ${q},
          ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=16, ShortWord=2, FragmentDelimiter=" … ", MaxFragments=1`}) as snippet
      from posts p where p.id in (${sql.join(ids)})`.execute(db);
    const snippetOf = new Map(snippets.rows.map((r) => [r.id, r.snippet ?? '']));
    return { total, capped, hits: ids.map((id) => ({ id, snippet: snippetOf.get(id) ?? '' })) };
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
