/**
 * @module db/dialects/sqlite-search
 * Full-text search on SQLite: an FTS5 external-content table over posts (title, standfirst, body
 * text), Porter stemming over unicode61 (diacritics folded), kept in step by triggers. Search
 * ranks the newest matches by where each term is found (title 10, standfirst 4, body 1: see
 * rankWindow); related lists use BM25 with the same kind of weights.
 */
import { sql } from 'kysely';
import { filterSql, hasFilter, MARK_END, MARK_START, pageOfWindow, RANK_WINDOW, type FullText, type SearchTerm, type WindowRow } from '../full-text.js';

const quote = (w: string): string => `"${w.replace(/"/g, '""')}"`;

/** FTS5 MATCH text from parsed terms: every term quoted, so no user text is FTS syntax. */
export function ftsMatch(terms: SearchTerm[]): string {
  return terms.map((t) => `${quote(t.words.join(' '))}${t.prefix ? ' *' : ''}`).join(' ');
}

/** Where a term found in the title counts, in the standfirst, and elsewhere (the body). */
const FIELD_WEIGHTS = { title: 10, excerpt: 4, body: 1 } as const;
/** Terms beyond these count as found in the body (a query of many words is rare). */
const RANKED_TERMS = 6;

/**
 * Relevance for the window's matches: each term counts where it is found, in the title (10), the
 * standfirst (4) or else the body (1), as BM25's field weights did; equal scores go newest first.
 * FTS5's bm25() also weighs each term by how many posts in the whole archive hold it, and finds
 * out by reading every one of them: 14–34 ms a search at a million articles, against under a
 * millisecond for these reads, each bounded by the window (its oldest id as a lower rowid bound,
 * given as an integer: FTS5 uses a bound only when it is one).
 */
async function rankWindow(db: Parameters<FullText['search']>[0], terms: SearchTerm[], rows: { id: number }[]): Promise<WindowRow[]> {
  const inWindow = rows.slice(0, RANK_WINDOW);
  if (inWindow.length === 0) return [];
  const oldest = BigInt(inWindow[inWindow.length - 1]!.id);
  const score = new Map(inWindow.map((r) => [r.id, 0]));
  for (const [i, term] of terms.entries()) {
    const found = new Map<number, number>();
    if (i < RANKED_TERMS) {
      for (const field of ['excerpt', 'title'] as const) {
        const hits = await sql<{ id: number }>`select rowid as id from posts_fts
          where posts_fts match ${`{${field}} : ${ftsMatch([term])}`} and rowid >= ${oldest}`.execute(db);
        for (const h of hits.rows) found.set(h.id, FIELD_WEIGHTS[field]);
      }
    }
    for (const [id, s] of score) score.set(id, s + (found.get(id) ?? FIELD_WEIGHTS.body));
  }
  return [...inWindow.map((r) => ({ id: r.id, rank: score.get(r.id)! })), ...rows.slice(RANK_WINDOW).map((r) => ({ id: r.id, rank: 0 }))];
}

export const sqliteFullText: FullText = {
  async createIndex(db) {
    await sql`create virtual table posts_fts using fts5(title, excerpt, search_text, content='posts', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`create trigger posts_fts_ai after insert on posts begin
      insert into posts_fts(rowid, title, excerpt, search_text) values (new.id, new.title, new.excerpt, new.search_text); end`.execute(db);
    await sql`create trigger posts_fts_ad after delete on posts begin
      insert into posts_fts(posts_fts, rowid, title, excerpt, search_text) values ('delete', old.id, old.title, old.excerpt, old.search_text); end`.execute(db);
    await sql`create trigger posts_fts_au after update of title, excerpt, search_text on posts begin
      insert into posts_fts(posts_fts, rowid, title, excerpt, search_text) values ('delete', old.id, old.title, old.excerpt, old.search_text);
      insert into posts_fts(rowid, title, excerpt, search_text) values (new.id, new.title, new.excerpt, new.search_text); end`.execute(db);
    await sql`insert into posts_fts(posts_fts) values ('rebuild')`.execute(db);
  },

  async indexOnlyPublished(db) {
    for (const t of ['ai', 'ad', 'au']) await sql.raw(`drop trigger posts_fts_${t}`).execute(db);
    // A row is in the index while it is a published post. An external-content index must be told
    // the old values of what it holds to remove it, so each trigger says what it held and holds.
    const indexed = (row: 'new.' | 'old.' | '') => `${row}status = 'published' and ${row}type = 'post'`;
    const add = `insert into posts_fts(rowid, title, excerpt, search_text) select new.id, new.title, new.excerpt, new.search_text where ${indexed('new.')};`;
    const remove = `insert into posts_fts(posts_fts, rowid, title, excerpt, search_text) select 'delete', old.id, old.title, old.excerpt, old.search_text where ${indexed('old.')};`;
    await sql.raw(`create trigger posts_fts_ai after insert on posts begin ${add} end`).execute(db);
    await sql.raw(`create trigger posts_fts_ad after delete on posts begin ${remove} end`).execute(db);
    await sql.raw(`create trigger posts_fts_au after update of title, excerpt, search_text, status, type on posts begin ${remove} ${add} end`).execute(db);
    await sql`insert into posts_fts(posts_fts) values ('delete-all')`.execute(db);
    await sql
      .raw(`insert into posts_fts(rowid, title, excerpt, search_text) select id, title, excerpt, search_text from posts where ${indexed('')}`)
      .execute(db);
    // One b-tree segment instead of the many a bulk insert leaves: fewer pages read per match.
    await sql`insert into posts_fts(posts_fts) values ('optimize')`.execute(db);
  },

  async search(db, terms, filter, limit, offset) {
    if (terms.length === 0) return { total: 0, capped: false, hits: [] };
    const match = ftsMatch(terms);
    // The window: the newest matches, which also gives the count. The index holds published posts
    // only (indexOnlyPublished), so a search without a filter never looks its matches up in posts.
    const newest = hasFilter(filter)
      ? await sql<{ id: number }>`select p.id as id from posts_fts join posts p on p.id = posts_fts.rowid
          where posts_fts match ${match} and ${filterSql(filter)}
          order by posts_fts.rowid desc limit ${RANK_WINDOW + 1}`.execute(db)
      : await sql<{ id: number }>`select rowid as id from posts_fts where posts_fts match ${match}
          order by rowid desc limit ${RANK_WINDOW + 1}`.execute(db);
    const window = await rankWindow(db, terms, newest.rows);
    const { total, capped, ids } = pageOfWindow(window, limit, offset);
    if (ids.length === 0) return { total, capped, hits: [] };
    // `rowid in (…)` beside MATCH makes FTS5 walk every match (or, per id, worse); the page's ids
    // all lie in the window, so walk the matches newest first, as the window did, and stop once all
    // are found. The unary + keeps the list out of FTS5's hands.
    const snippets = await sql<{ id: number; snippet: string }>`select rowid as id, snippet(posts_fts, 2, ${MARK_START}, ${MARK_END}, '…', 28) as snippet
      from posts_fts where posts_fts match ${match} and +rowid in (${sql.join(ids)})
      order by rowid desc limit ${ids.length}`.execute(db);
    const snippetOf = new Map(snippets.rows.map((r) => [r.id, r.snippet ?? '']));
    return { total, capped, hits: ids.map((id) => ({ id, snippet: snippetOf.get(id) ?? '' })) };
  },

  async similar(db, words, filter, limit) {
    if (words.length === 0) return [];
    const match = words.map(quote).join(' OR ');
    const rows = await sql<{ id: number; score: number }>`select id, score from (
        select p.id as id, -bm25(posts_fts, 3.0, 2.0, 1.0) as score
        from posts_fts join posts p on p.id = posts_fts.rowid
        where posts_fts match ${match} and ${filterSql(filter)}
        order by posts_fts.rowid desc limit ${RANK_WINDOW}) w
      order by score desc limit ${limit}`.execute(db);
    return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  },
};
