/**
 * @module db/full-text
 * The full-text search capability each dialect provides (FTS5 with BM25 on SQLite, tsvector with
 * ts_rank and a GIN index on PostgreSQL). Queries reach it already parsed into safe terms, so no
 * user text is ever spliced into FTS syntax.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

/** One term of a parsed query: letters, digits and marks only. */
export interface SearchTerm {
  /** One word, or several for a quoted phrase. */
  words: string[];
  /** `word*`: match words that start with it. */
  prefix: boolean;
}

export interface SearchFilter {
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  language?: string;
  /** ISO timestamps, inclusive. */
  from?: string;
  to?: string;
}

export interface SearchHit {
  id: number;
  /** Plain text with matches wrapped in \u0001 … \u0002 (callers escape, then mark up). */
  snippet: string;
}

export interface FullText {
  /** Creates the index and keeps it in step with posts (migration 0002). */
  createIndex(db: Kysely<any>): Promise<void>;
  /**
   * Narrows the index to what search and related lists ever ask for, published posts (migration
   * 0025): drafts, pages and trash are neither read nor ranked, and a search without a filter
   * need not look every match up in `posts`.
   */
  indexOnlyPublished(db: Kysely<any>): Promise<void>;
  /**
   * Published posts matching every term, best first (title matches weigh most), one page of them.
   * Bounded work whatever the site size: relevance ranks the newest RANK_WINDOW matches, and the
   * total is counted up to COUNT_CAP (`capped` says there are more).
   */
  search(
    db: Kysely<Database>,
    terms: SearchTerm[],
    filter: SearchFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; capped: boolean; hits: SearchHit[] }>;
  /**
   * Published posts most similar to a weighted bag of words (related articles): each word is
   * OR-ed; the score is the index's own relevance, within the newest RANK_WINDOW matches.
   * Excludes `excludeId`.
   */
  similar(db: Kysely<Database>, words: string[], filter: SearchFilter & { excludeId: number }, limit: number): Promise<{ id: number; score: number }[]>;
}

/**
 * A word found in most of a million articles must not make one search rank them all: results
 * are ranked among the newest RANK_WINDOW matches (news readers want recent stories anyway).
 */
export const RANK_WINDOW = 1000;
/** Totals are exact up to this; beyond it the page says "1,000+". One window query counts too. */
export const COUNT_CAP = RANK_WINDOW;

/** A match in the window: relevance (higher is better); equal relevance, the newer post (higher id) first. */
export interface WindowRow {
  id: number;
  rank: number;
}

/**
 * Turns the window (newest RANK_WINDOW + 1 matches) into the total and one page of ids, best
 * first. Shared by both dialects, so ordering and counting cannot drift apart.
 */
export function pageOfWindow(rows: WindowRow[], limit: number, offset: number): { total: number; capped: boolean; ids: number[] } {
  const capped = rows.length > COUNT_CAP;
  const ranked = rows.slice(0, RANK_WINDOW).sort((a, b) => b.rank - a.rank || b.id - a.id);
  return { total: Math.min(rows.length, COUNT_CAP), capped, ids: ranked.slice(offset, offset + limit).map((r) => r.id) };
}

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/** The conditions a filter adds to "a published post" (what the full-text index holds), on `posts` as p. */
function narrowing(filter: SearchFilter & { excludeId?: number }): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.categoryIds) {
    const ids = filter.categoryIds.length ? filter.categoryIds : [-1];
    parts.push(sql`p.id in (select post_id from post_categories where category_id in (${sql.join(ids)}))`);
  }
  if (filter.tagId !== undefined) parts.push(sql`p.id in (select post_id from post_tags where tag_id = ${filter.tagId})`);
  if (filter.authorId !== undefined) parts.push(sql`p.id in (select post_id from post_authors where author_id = ${filter.authorId})`);
  if (filter.language !== undefined) parts.push(sql`p.language = ${filter.language}`);
  if (filter.from !== undefined) parts.push(sql`p.published_at >= ${filter.from}`);
  if (filter.to !== undefined) parts.push(sql`p.published_at <= ${filter.to}`);
  if (filter.excludeId !== undefined) parts.push(sql`p.id <> ${filter.excludeId}`);
  return parts;
}

/** Whether a search narrows its matches beyond "published posts" (what the index holds). */
export const hasFilter = (filter: SearchFilter & { excludeId?: number }): boolean => narrowing(filter).length > 0;

/** SQL text of a filter on `posts` (alias p), shared by both dialects; values go in as parameters. */
export function filterSql(filter: SearchFilter & { excludeId?: number }): RawBuilder<unknown> {
  return sql.join([sql`p.status = 'published'`, sql`p.type = 'post'`, ...narrowing(filter)], sql` and `);
}
