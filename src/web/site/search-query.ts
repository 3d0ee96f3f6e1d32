/**
 * @module web/site/search-query
 * One search as the site runs it, for the search page (site/search.routes) and the search API
 * (api/search.routes) alike: the query string read leniently (filters that do not parse are
 * ignored), slugs resolved, the search run, and the cache tags of the result (undefined when it
 * must not be cached).
 */
import type { FullText, SearchFilter } from '../../db/full-text.js';
import { MARK_END, MARK_START } from '../../db/full-text.js';
import { findAuthorBySlug } from '../../modules/author/author.repository.js';
import { tag as cacheTag } from '../../modules/content/cache-tags.js';
import { searchArticles, MAX_SEARCH_PAGE, type SearchPage } from '../../modules/search/search.service.js';
import { MAX_QUERY_CHARS } from '../../modules/search/search.js';
import { findTagBySlug } from '../../modules/taxonomy/taxonomy.repository.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { cardTags, pageTags } from './page-tags.js';
import type { SiteDeps } from './site.routes.js';
import type { SnippetPart } from './view-models.js';

export interface SearchDeps extends SiteDeps {
  fullText: FullText;
}

export interface SearchParams {
  q: string;
  category?: string;
  tag?: string;
  author?: string;
  lang?: string;
  from?: string;
  to?: string;
  page: number;
}

export const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUGISH = /^[\p{L}\p{N}\p{M}_-]{1,200}$/u;

export function readParams(query: unknown): SearchParams {
  const q = (query ?? {}) as Record<string, unknown>;
  const page = Number(one(q.page));
  const pick = (key: string, re: RegExp) => {
    const v = one(q[key])?.trim();
    return v && re.test(v) ? v : undefined;
  };
  const validDate = (v: string | undefined) => (v && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined);
  const params: SearchParams = {
    q: (one(q.q) ?? one(q.s) ?? '').slice(0, MAX_QUERY_CHARS * 2).trim(),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_SEARCH_PAGE ? page : 1,
  };
  const category = pick('category', SLUGISH);
  const tag = pick('tag', SLUGISH);
  const author = pick('author', SLUGISH);
  const lang = pick('lang', /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/);
  const from = validDate(pick('from', DATE));
  const to = validDate(pick('to', DATE));
  return {
    ...params,
    ...(category ? { category } : {}),
    ...(tag ? { tag } : {}),
    ...(author ? { author } : {}),
    ...(lang ? { lang } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** \u0001…\u0002-marked snippet → parts the view escapes and highlights. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index! > last) parts.push({ text: snippet.slice(last, m.index), mark: false });
    parts.push({ text: m[1]!, mark: true });
    last = m.index! + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), mark: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/[\u0001\u0002]/g, '') })).filter((p) => p.text);
}

export interface SearchRun {
  tree: CategoryTree;
  result: SearchPage;
  tagName?: string;
  /**
   * The page's cache tags, or undefined when it must not be cached: a tag or author slug that
   * names nothing yet could name something later without any tag of ours being purged.
   */
  cacheTags: string[] | undefined;
}

export async function runSearch(deps: SearchDeps, params: SearchParams, perPage: number): Promise<SearchRun> {
  const { db } = deps;
  const tree = await loadCategoryTree(db);
  const filter: SearchFilter = {};
  // Any post change purges `search`; section changes purge `nav` (every page carries it), which
  // covers the category filter. Tag and author slugs are resolved here, so their renames must purge.
  const filterTags: string[] = [];
  let resolved = true;
  let tagName: string | undefined;
  if (params.category) {
    const c = tree.findBySlug(params.category);
    filter.categoryIds = c ? tree.subtreeIds(c.id) : [];
  }
  if (params.tag) {
    const tag = await findTagBySlug(db, params.tag);
    filter.tagId = tag?.id ?? -1;
    tagName = tag?.name;
    if (tag) filterTags.push(cacheTag.tag(tag.id));
    else resolved = false;
  }
  if (params.author) {
    const author = await findAuthorBySlug(db, params.author);
    filter.authorId = author?.id ?? -1;
    if (author) filterTags.push(cacheTag.author(author.id));
    else resolved = false;
  }
  if (params.lang) filter.language = params.lang;
  if (params.from) filter.from = `${params.from}T00:00:00.000Z`;
  if (params.to) filter.to = `${params.to}T23:59:59.999Z`;
  const result = await searchArticles(db, deps.fullText, params.q, filter, params.page, perPage);
  const cacheTags = resolved ? pageTags(cacheTag.search, filterTags, cardTags(result)) : undefined;
  return { tree, result, cacheTags, ...(tagName ? { tagName } : {}) };
}
