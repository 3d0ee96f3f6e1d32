/**
 * @module web/api/search.routes
 * GET /api/v1/search?q=…: the site's search as JSON (allow-listed fields only), run exactly as
 * the search page runs it (web/site/search-query); kept in the page cache with the same tags.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { categoryPath, postPath } from '../../modules/article/permalink.js';
import { cacheFor } from '../cache/index.js';
import { absolute, cardVM } from '../site/presenters.js';
import { one, readParams, runSearch, snippetParts, type SearchDeps } from '../site/search-query.js';

export async function apiSearchRoutes(app: FastifyInstance, deps: SearchDeps): Promise<void> {
  const { site } = deps;

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
          image: img
            ? { url: absolute(site, cardVM(row, result, tree, site.siteLanguage, site.dates).image!.src), width: img.width, height: img.height, alt: img.alt }
            : null,
        };
      }),
    });
  });
}
