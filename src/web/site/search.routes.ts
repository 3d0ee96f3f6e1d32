/**
 * @module web/site/search.routes
 * GET /search: the search page (the JSON twin is api/search.routes; both run web/site/search-query).
 * Any input gives results or a friendly empty page; filters that do not parse are ignored.
 * Both are kept in the page cache, tagged `search` (purged by every post change) and with the
 * tags of the cards they show.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publishedLanguages } from '../../modules/article/article.repository.js';
import { authorChoices } from '../../modules/author/author-lookup.repository.js';
import { cacheFor } from '../cache/index.js';
import { tag as cacheTag } from '../../modules/content/cache-tags.js';
import { findMediaByIds } from '../../modules/media/media.repository.js';
import { nameKey } from '../../modules/person/person.js';
import { publicPeopleMatching } from '../../modules/person/person.repository.js';
import { personCardVM } from './people-presenters.js';
import { sendHtml } from '../html.js';
import { languageName, stringsFor } from './i18n.js';
import { cardVM, layoutVM } from './presenters.js';
import { readParams, runSearch, snippetParts, type SearchDeps, type SearchParams } from './search-query.js';
import type { SearchVM } from './view-models.js';
import { renderSearch } from './views/index.js';

export type { SearchDeps };
export { snippetParts };

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

/** People shown above the articles at most. */
const PEOPLE_SHOWN = 5;

export async function searchRoutes(app: FastifyInstance, deps: SearchDeps): Promise<void> {
  const { db, site } = deps;

  // GET /search?q=…&category=&tag=&author=&lang=&from=&to=&page=
  app.get('/search', async (request: FastifyRequest, reply: FastifyReply) => {
    const params = readParams(request.query);
    const { tree, result, tagName, cacheTags } = await runSearch(deps, params, site.postsPerPage);
    // People whose name starts a word with the query, above the articles (first page only).
    const peopleKey = params.page === 1 ? nameKey(params.q) : '';
    const [authors, languages, people] = await Promise.all([
      authorChoices(db, 500),
      publishedLanguages(db),
      peopleKey ? publicPeopleMatching(db, peopleKey, PEOPLE_SHOWN) : [],
    ]);
    const photoIds = people.map((p) => p.photo_media_id).filter((id): id is number => id !== null);
    const photos = photoIds.length ? await findMediaByIds(db, photoIds) : new Map();
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
      people: people.map((p) => personCardVM(p, photos)),
      results: result.rows.map((row) => ({ ...cardVM(row, result, tree, lang, site.dates), snippet: snippetParts(result.snippets.get(row.id) ?? '') })),
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
    // A person's rename, merge or deletion purges `search`; their role or photo, `person:`.
    if (cacheTags) cacheFor(reply, [...cacheTags, ...people.map((p) => cacheTag.person(p.id))]);
    return sendHtml(reply, renderSearch(vm));
  });
}
