/**
 * @module db/dialects/sqlite-search
 * Full-text search on SQLite: an FTS5 external-content table over posts (title, standfirst, body
 * text), Porter stemming over unicode61 (diacritics folded), kept in step by triggers; BM25 ranks
 * with the title weighted 10×, the standfirst 4× and the body 1×.
 */
import { sql, type Kysely } from 'kysely';
import { filterSql, type FullText, type SearchTerm, MARK_END, MARK_START } from '../full-text.js';

const quote = (w: string): string => `"${w.replace(/"/g, '""')}"`;

/** FTS5 MATCH text from parsed terms: every term quoted, so no user text is FTS syntax. */
export function ftsMatch(terms: SearchTerm[]): string {
  return terms.map((t) => `${quote(t.words.join(' '))}${t.prefix ? ' *' : ''}`).join(' ');
}

export const sqliteFullText: FullText = {
  async createIndex(db) {
    await sql`create virtual table posts_fts using fts5(title, excerpt, search_text, content='posts', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger posts_fts_ai after insert on posts begin
      insert into posts_fts(rowid, title, excerpt, search_text) values (new.id, new.title, new.excerpt, new.search_text); end`.execute(db);
    await sql`create trigger posts_fts_ad after delete on posts begin
      insert into posts_fts(posts_fts, rowid, title, excerpt, search_text) values ('delete', old.id, old.title, old.excerpt, old.search_text); end`.execute(db);
    await sql`create trigger posts_fts_au after update of title, excerpt, search_text on posts begin
      insert into posts_fts(posts_fts, rowid, title, excerpt, search_text) values ('delete', old.id, old.title, old.excerpt, old.search_text);
      insert into posts_fts(rowid, title, excerpt, search_text) values (new.id, new.title, new.excerpt, new.search_text); end`.execute(db);
    await sql`insert into posts_fts(posts_fts) values ('rebuild')`.execute(db);
  },

  async search(db, terms, filter, limit, offset) {
    if (terms.length === 0) return { total: 0, hits: [] };
    const match = ftsMatch(terms);
    const where = filterSql(filter);
    const count = await sql<{ n: number }>`select count(*) as n from posts_fts join posts p on p.id = posts_fts.rowid
      where posts_fts match ${match} and ${where}`.execute(db);
    const total = Number(count.rows[0]?.n ?? 0);
    if (total === 0 || offset >= total) return { total, hits: [] };
    const rows = await sql<{ id: number; snippet: string }>`select p.id as id,
        snippet(posts_fts, 2, ${MARK_START}, ${MARK_END}, '…', 28) as snippet
      from posts_fts join posts p on p.id = posts_fts.rowid
      where posts_fts match ${match} and ${where}
      order by bm25(posts_fts, 10.0, 4.0, 1.0), p.published_at desc
      limit ${limit} offset ${offset}`.execute(db);
    return { total, hits: rows.rows.map((r) => ({ id: r.id, snippet: r.snippet ?? '' })) };
  },

  async similar(db, words, filter, limit) {
    if (words.length === 0) return [];
    const match = words.map(quote).join(' OR ');
    const rows = await sql<{ id: number; score: number }>`select p.id as id, -bm25(posts_fts, 3.0, 2.0, 1.0) as score
      from posts_fts join posts p on p.id = posts_fts.rowid
      where posts_fts match ${match} and ${filterSql(filter)}
      order by bm25(posts_fts, 3.0, 2.0, 1.0) limit ${limit}`.execute(db);
    return rows.rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  },
};
