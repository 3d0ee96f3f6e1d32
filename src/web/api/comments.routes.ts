/**
 * @module web/api/comments.routes
 * GET /api/v1/posts/{id}/comments[?page=N]: an article's approved comments as JSON, in thread
 * order, one comment page at a time; never emails or IP hashes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { idOf, pageOf } from '../../lib/ids.js';
import { postPath } from '../../modules/article/permalink.js';
import { loadCommentSettings } from '../../modules/comment/comment-settings.js';
import { threadPage } from '../../modules/comment/comment.repository.js';
import { commentPagePath } from '../../modules/comment/thread.js';
import { postVisibility } from '../../modules/content/posts.repository.js';
import { badRequest, notFound } from '../errors.js';

export async function apiCommentRoutes(app: FastifyInstance, deps: { db: Db }): Promise<void> {
  // GET /api/v1/posts/{id}/comments[?page=N]: approved comments in thread order, a comment page
  // (perPage threads) at a time; never emails or IP hashes.
  app.get('/api/v1/posts/:id/comments', async (request: FastifyRequest<{ Params: { id: string }; Querystring: { page?: string } }>, reply) => {
    const id = idOf(request.params.id);
    if (id === undefined) throw notFound('There is no such article.');
    const rawPage = request.query.page;
    const page = rawPage === undefined ? 1 : pageOf(rawPage);
    if (page === undefined) throw badRequest('page must be a whole number from 1.');
    const post = await postVisibility(deps.db, id);
    if (post?.status !== 'published') throw notFound('There is no such article.');
    const settings = await loadCommentSettings(deps.db);
    const thread = await threadPage(deps.db, id, [], page, settings.perPage);
    if (page > thread.totalPages) throw notFound('There is no such page of comments.');
    const url = (c: { id: number }) => `${commentPagePath(postPath(post.slug), page)}#comment-${c.id}`;
    reply.header('cache-control', 'public, max-age=60');
    return {
      post_id: id,
      count: thread.approved,
      page,
      total_pages: thread.totalPages,
      comments: thread.comments.map((c) => ({
        id: c.id,
        parent_id: c.parentId,
        depth: c.depth,
        author_name: c.authorName,
        body_html: c.bodyHtml,
        created_at: c.createdAt,
        url: url(c),
      })),
    };
  });
}
