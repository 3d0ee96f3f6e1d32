/**
 * @module web/site/preview.routes
 * GET /preview/TOKEN/: an unpublished article through the real article template, for whoever holds
 * a private preview link (made in the admin). Never cached, anywhere: `private, no-store`, and the
 * page cache skips any URL with "preview" in it. `noindex` in the page and in X-Robots-Tag.
 * Unknown tokens are 404; expired or revoked ones 410 with a message saying so.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { lookupPreviewToken } from '../../modules/preview/preview.service.js';
import { readPreview } from '../../modules/article/reading.service.js';
import { loadCategoryTree } from '../../modules/taxonomy/taxonomy.service.js';
import { HttpError, notFound } from '../errors.js';
import { articlePage } from './pages.js';
import type { SiteContext } from './site-context.js';
import { renderArticle } from './views/index.js';
import { sendHtml } from '../html.js';
import { PRIVATE } from '../cache/index.js';

/**
 * Post `id` through the public article template whatever its status (a trashed one only when
 * `trash` is set), marked noindex; undefined when there is none to show.
 */
export async function previewHtml(db: Db, site: SiteContext, id: number, o: { trash: boolean }): Promise<string | undefined> {
  const [bundle, tree] = await Promise.all([readPreview(db, id), loadCategoryTree(db)]);
  if (!bundle || (!o.trash && bundle.post.status === 'trash')) return undefined;
  const vm = articlePage(site, tree, bundle);
  vm.layout.noindex = true;
  return renderArticle(vm);
}

const GONE = {
  expired: 'This preview link has expired. Ask the newsroom for a new one.',
  revoked: 'This preview link has been withdrawn. Ask the newsroom for a new one.',
} as const;

export async function previewRoutes(app: FastifyInstance, deps: { db: Db; site: SiteContext }): Promise<void> {
  const { db, site } = deps;
  // GET /preview/:token/
  app.get('/preview/:token/', async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
    // Set first: the error page for a bad token must not be cached or indexed either.
    reply.header('cache-control', PRIVATE).header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
    const found = await lookupPreviewToken(db, request.params.token, site.now());
    if (found.state === 'unknown') throw notFound('There is no such preview.');
    if (found.state !== 'valid') throw new HttpError(found.state === 'expired' ? 'PREVIEW_EXPIRED' : 'PREVIEW_REVOKED', GONE[found.state]);
    const html = await previewHtml(db, site, found.postId, { trash: false });
    if (html === undefined) throw notFound('There is no such preview.');
    return sendHtml(reply, html);
  });
}
