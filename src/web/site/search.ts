/**
 * @module web/site/search
 * GET /search (the page) and GET /api/v1/search (JSON): the same search, two renderings.
 * Any input gives results or a friendly empty page; filters that do not parse are ignored.
 * Both are kept in the page cache, tagged `search` (purged by every post change) and with the
 * tags of the cards they show.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FullText, SearchFilter } from '../../db/full-text.js';
import { MARK_END, MARK_START } from '../../db/full-text.js';
import { findAuthorBySlug } from '../../modules/author/author.repository.js';
import { categoryPath, postPath } from '../../modules/article/permalink.js';
import { publishedLanguages } from '../../modules/article/article.repository.js';
import { searchArticles, MAX_SEARCH_PAGE, type SearchPage } from '../../modules/search/search.service.js';
import { MAX_QUERY_CHARS } from '../../modules/search/search.js';
import { findTagBySlug } from '../../modules/taxonomy/taxonomy.repository.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { languageName, stringsFor } from './i18n.js';
import { absolute, cardVM, layoutVM } from './presenters.js';
import type { SiteDeps } from './routes.js';
import type { SearchVM, SnippetPart } from './view-models.js';
import { renderSearch } from './views/index.js';
import { sendHtml } from '../html.js';
import { cacheFor } from '../cache/index.js';
import { tag as cacheTag } from '../../modules/content/cache-tags.js';
import { cardTags, pageTags } from './page-tags.js';
import { authorChoices } from '../../modules/author/author-lookup.repository.js';

export interface SearchDeps extends SiteDeps {
  fullText: FullText;
}

interface SearchParams {
  q: string;
  category?: string;
  tag?: string;
  author?: string;
  lang?: string;
  from?: string;
  to?: string;
  page: number;
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUGISH = /^[\p{L}\p{N}\p{M}_-]{1,200}$/u;

function readParams(query: unknown): SearchParams {
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
  return { ...params, ...(category ? { category } : {}), ...(tag ? { tag } : {}), ...(author ? { author } : {}), ...(lang ? { lang } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The query string for these params (page 1 omitted), for pagination and filter links. */
function queryString(p: SearchParams, overrides: Partial<SearchParams> = {}): string {
  const merged = { ...p, ...overrides };
  const usp = new URLSearchParams();
  usp.set('q', merged.q);
  for (const k of ['category', 'tag', 'author', 'lang', 'from', 'to'] as const) {
    const v = merged[k];
    if (v) usp.set(k, v);
  }
  if (merged.page > 1) usp.set('page', String(merged.page));
  return `/search?${usp.toString()}`;
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

interface SearchRun {
  tree: CategoryTree;
  result: SearchPage;
  tagName?: string;
  /**
   * The page's cache tags, or undefined when it must not be cached: a tag or author slug that
   * names nothing yet could name something later without any tag of ours being purged.
   */
  cacheTags: string[] | undefined;
}

async function runSearch(deps: SearchDeps, params: SearchParams, perPage: number): Promise<SearchRun> {
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

export async function searchRoutes(app: FastifyInstance, deps: SearchDeps): Promise<void> {
  const { db, site } = deps;

  // GET /search?q=…&category=&tag=&author=&lang=&from=&to=&page=
  app.get('/search', async (request: FastifyRequest, reply: FastifyReply) => {
    const params = readParams(request.query);
    const { tree, result, tagName, cacheTags } = await runSearch(deps, params, site.postsPerPage);
    const [authors, languages] = await Promise.all([
      authorChoices(db, 500),
      publishedLanguages(db),
    ]);
    const lang = site.siteLanguage;
    const t = stringsFor(lang);
    const categories: SearchVM['filters']['categories'] = [];
    const walk = (ids: { id: number; slug: string; name: string }[], depth: number) => {
      for (const c of ids) {
        categories.push({ value: c.slug, name: c.name, depth, selected: c.slug === params.category });
        walk(tree.childrenOf(c.id), depth + 1);
      }
    };
    walk(tree.roots(), 0);
    const vm: SearchVM = {
      layout: layoutVM(site, {
        title: params.q ? `${t.searchResults}: ${params.q.slice(0, 80)}` : t.search,
        description: t.searchResults,
        path: params.q ? queryString(params) : '/search',
        tree,
        noindex: true,
      }),
      query: params.q,
      searchable: result.searchable,
      total: result.total,
      capped: result.capped,
      results: result.rows.map((row) => ({ ...cardVM(row, result, tree, lang), snippet: snippetParts(result.snippets.get(row.id) ?? '') })),
      pagination: {
        page: result.page,
        totalPages: result.totalPages,
        ...(result.page > 1 ? { prevUrl: queryString(params, { page: result.page - 1 }) } : {}),
        ...(result.page < result.totalPages ? { nextUrl: queryString(params, { page: result.page + 1 }) } : {}),
      },
      filters: {
        categories,
        authors: authors.map((a) => ({ value: a.slug, name: a.name, selected: a.slug === params.author })),
        languages: languages.map((l) => ({ value: l, name: languageName(l), selected: l === params.lang })),
        ...(params.tag ? { tag: { name: tagName ?? params.tag, removeUrl: queryString(params, { tag: undefined, page: 1 }) } } : {}),
        from: params.from ?? '',
        to: params.to ?? '',
      },
    };
    // The key is the URL as sent: two spellings of one search are two entries, never one mixed up.
    if (cacheTags) cacheFor(reply, cacheTags);
    return sendHtml(reply, renderSearch(vm));
  });

  // GET /api/v1/search?q=…: the same search as JSON (allow-listed fields only).
  app.get('/api/v1/search', async (request: FastifyRequest, reply: FastifyReply) => {
    const params = readParams(request.query);
    const q = request.query as Record<string, unknown>;
    const perPageRaw = Number(one(q.per_page));
    const perPage = Number.isInteger(perPageRaw) && perPageRaw >= 1 && perPageRaw <= 50 ? perPageRaw : 10;
    const { tree, result, cacheTags } = await runSearch(deps, params, perPage);
    if (cacheTags) cacheFor(reply, cacheTags);
    return reply.send({
      query: params.q,
      total: result.total,
      total_capped: result.capped,
      page: result.page,
      total_pages: result.totalPages,
      results: result.rows.map((row) => {
        const cat = tree.get(row.primary_category_id);
        const img = row.featured_media_id !== null ? result.media.get(row.featured_media_id) : undefined;
        return {
          id: row.id,
          title: row.title,
          url: absolute(site, postPath(row.slug)),
          excerpt: row.excerpt,
          snippet: snippetParts(result.snippets.get(row.id) ?? ''),
          language: row.language,
          published_at: row.published_at,
          updated_at: row.updated_at,
          category: cat ? { name: cat.name, url: absolute(site, categoryPath(tree.pathOf(cat.id))) } : null,
          authors: (result.authors.get(row.id) ?? []).map((a) => ({ name: a.name, url: absolute(site, `/author/${encodeURIComponent(a.slug)}/`) })),
          image: img ? { url: absolute(site, cardVM(row, result, tree, site.siteLanguage).image!.src), width: img.width, height: img.height, alt: img.alt } : null,
        };
      }),
    });
  });
}

