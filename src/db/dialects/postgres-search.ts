/**
 * @module db/dialects/postgres-search
 * Full-text search on PostgreSQL: a stored generated tsvector over title (weight A), standfirst (B)
 * and body text (C), English stemming for English posts and the 'simple' configuration for other
 * languages, a GIN index, ts_rank for order and ts_headline for snippets.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { filterSql, MARK_END, MARK_START, pageOfWindow, RANK_WINDOW, type FullText, type SearchFilter, type SearchTerm, type WindowRow } from '../full-text.js';

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

/**
 * How many of the newest published posts the first look walks. PostgreSQL's planner walks posts
 * newest first and checks each (fast while the words are common), or reads the GIN index (fast
 * while they are rare), by its estimate; for a word its statistics never saw it guesses a 1%
 * match and walks: a search for a word nobody wrote took 14 s at a million articles. So the walk is
 * bounded to the newest `recentScan` posts, and what it does not fill is read through the index.
 * Mutable for tests only.
 */
export const pgSearchTuning = {
  recentScan: 2000,
  /** Up to this many expected matches among the older posts, the GIN index lists them (a bitmap of them all). */
  indexMax: 5000,
};

/**
 * The newest `limit` published posts matching `q` and the filter, newest first, with their
 * ts_rank: bounded work, whichever the words.
 */
async function newestMatches(db: Kysely<Database>, q: RawBuilder<unknown>, filter: SearchFilter, limit: number): Promise<WindowRow[]> {
  const match = (range: RawBuilder<unknown>, n: number) => sql<WindowRow>`select p.id, ts_rank(p.search_vector, ${q}) as rank
    from posts p where p.search_vector @@ ${q} and ${filterSql(filter)} and ${range}
    order by p.id desc limit ${n}`;
  /** The id of the published post `n` places below the newest (undefined: there are fewer). */
  const idAt = async (n: number) =>
    (
      await sql<{ id: number }>`select id from posts where status = 'published' and type = 'post'
        order by id desc offset ${n} limit 1`.execute(db)
    ).rows[0]?.id;
  const walk = pgSearchTuning.recentScan;
  const floor = await idAt(walk);
  // A small site: every post is within the walk.
  if (floor === undefined) return (await match(sql`true`, limit).execute(db)).rows;
  const recent = (await match(sql`p.id > ${floor}`, limit).execute(db)).rows;
  if (recent.length >= limit) return recent;
  // Fewer matches among the newest posts than asked for. How many the older ones hold, judged
  // from how often the newest matched: few, and the index answers at once; many, and walking on
  // (as far as that frequency says the rest needs) finds them sooner than the index would list them.
  const density = recent.length / Math.max(1, walk);
  let below = floor;
  let found = recent;
  if (density * floor > pgSearchTuning.indexMax) {
    const further = await idAt(walk + Math.ceil(((limit - recent.length) / density) * 2));
    const more = (await match(further === undefined ? sql`p.id <= ${floor}` : sql`p.id <= ${floor} and p.id > ${further}`, limit - recent.length).execute(db))
      .rows;
    found = [...recent, ...more];
    if (found.length >= limit || further === undefined) return found;
    below = further;
  }
  const rest = limit - found.length;
  const throughIndex = async (trx: Kysely<Database>) => {
    await sql`set local enable_indexscan = off`.execute(trx);
    await sql`set local enable_seqscan = off`.execute(trx);
    try {
      return (await match(sql`p.id <= ${below}`, rest).execute(trx)).rows;
    } finally {
      // Inside a caller's transaction (an import's related lists), its later queries plan as usual.
      await sql`set local enable_indexscan to default`.execute(trx);
      await sql`set local enable_seqscan to default`.execute(trx);
    }
  };
  const older = db.isTransaction ? await throughIndex(db) : await db.transaction().execute(throughIndex);
  return [...found, ...older];
}

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
    const window = await newestMatches(db, q, filter, RANK_WINDOW + 1);
    const { total, capped, ids } = pageOfWindow(
      window.map((r) => ({ ...r, rank: Number(r.rank) })),
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
    const window = await newestMatches(db, q, filter, RANK_WINDOW);
    return window
      .map((r) => ({ id: r.id, score: Number(r.rank) }))
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .slice(0, limit);
  },
};
