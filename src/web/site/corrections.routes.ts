/**
 * @module web/site/corrections.routes
 * GET /corrections/ and /corrections/page/N/: every correction and update note on a published
 * article, newest first. Cached with the `corrections` tag, which every note's write purges.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { tag } from '../../modules/content/cache-tags.js';
import { countPublicCorrections, listPublicCorrections } from '../../modules/correction/correction.repository.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import { cacheFor } from '../cache/index.js';
import { notFound } from '../errors.js';
import { correctionsPage } from './corrections-presenters.js';
import { pageTags } from './page-tags.js';
import type { SiteContext } from './site-context.js';
import { renderCorrections } from './views/corrections.js';
import { pageOf } from '../../lib/ids.js';
import { sendHtml } from '../html.js';

export const CORRECTIONS_PER_PAGE = 30;

export async function correctionsRoutes(app: FastifyInstance, deps: { db: Db; site: SiteContext; perPage?: number }): Promise<void> {
  const { db, site } = deps;
  const perPage = deps.perPage ?? CORRECTIONS_PER_PAGE;
  const list = async (request: FastifyRequest<{ Params: { n?: string } }>, reply: FastifyReply) => {
    const raw = request.params.n;
    const page = raw === undefined ? 1 : pageOf(raw);
    if (page === undefined) throw notFound('There is no such page.');
    const [tree, total] = await Promise.all([loadCategoryTree(db), countPublicCorrections(db)]);
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    if (page > totalPages) throw notFound('There is no such page.');
    const rows = await listPublicCorrections(db, perPage, (page - 1) * perPage);
    cacheFor(
      reply,
      pageTags(
        tag.corrections,
        rows.map((r) => tag.post(r.post_id)),
      ),
    );
    return sendHtml(reply, renderCorrections(correctionsPage(site, tree, rows, page, totalPages)));
  };
  app.get('/corrections/', list);
  app.get('/corrections/page/:n/', list);
}
