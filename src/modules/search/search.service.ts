/**
 * @module modules/search/search.service
 * Article search: parse what the reader typed, ask the database's own full-text index, and load
 * the page of results as story cards with highlighted snippets.
 */
import type { Db } from '../../db/database.js';
import type { FullText, SearchFilter } from '../../db/full-text.js';
import { cardsByIds, type CardBundle } from '../article/reading.service.js';
import { parseQuery } from './search.js';

export interface SearchPage extends CardBundle {
  /** Whether the query had anything searchable in it. */
  searchable: boolean;
  total: number;
  /** More matches exist than `total` counts (shown as "1,000+"). */
  capped: boolean;
  page: number;
  totalPages: number;
  /** Snippet per post id, with \u0001…\u0002 around matches. */
  snippets: Map<number, string>;
}

export const MAX_SEARCH_PAGE = 1000;

export async function searchArticles(db: Db, fullText: FullText, raw: string, filter: SearchFilter, page: number, perPage: number): Promise<SearchPage> {
  const terms = parseQuery(raw);
  const empty = { rows: [], authors: new Map(), media: new Map(), snippets: new Map<number, string>() };
  if (terms.length === 0) return { ...empty, searchable: false, total: 0, capped: false, page, totalPages: 1 };
  const { total, capped, hits } = await fullText.search(db, terms, filter, perPage, (page - 1) * perPage);
  const bundle = await cardsByIds(
    db,
    hits.map((h) => h.id),
  );
  return {
    ...bundle,
    searchable: true,
    total,
    capped,
    page,
    totalPages: Math.max(1, Math.min(MAX_SEARCH_PAGE, Math.ceil(total / perPage))),
    snippets: new Map(hits.map((h) => [h.id, h.snippet])),
  };
}
