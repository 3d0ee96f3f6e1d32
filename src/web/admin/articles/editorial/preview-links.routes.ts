/**
 * @module web/admin/articles/editorial/preview-links.routes
 * /admin/articles/:id/preview-links: private links to an unpublished article (public side:
 * web/site/preview.ts). Whoever may edit the article may make or revoke one; the token is shown
 * once, on the page that answers the creation, and only its hash is stored.
 */
import type { FastifyInstance } from 'fastify';
import { PREVIEW_DAYS } from '../../../../modules/preview/preview.js';
import { revokePreview } from '../../../../modules/article/editorial.service.js';
import { createPreviewLink } from '../../../../modules/preview/preview.service.js';
import { HttpError, notFound } from '../../../errors.js';
import type { SiteContext } from '../../../site/site-context.js';
import { EDIT_ARTICLE, editableOf } from '../editable.js';
import { csrfFor, pageLayout, type AdminContext } from '../../shell/context.js';
import { sendHtml } from '../../../html.js';
import { fieldsOf, idOf } from '../../shell/forms.js';
import { dateVM } from '../../shell/presenters.js';
import { renderPreviewCreated } from './editorial.view.js';

export async function previewLinkRoutes(app: FastifyInstance, c: AdminContext, deps: { site: SiteContext }): Promise<void> {
  const db = c.db;

  // POST /admin/articles/:id/preview-links (days=1|7): a new link, shown once.
  app.post('/articles/:id/preview-links', EDIT_ARTICLE, async (request, reply) => {
    const { id, post, user } = editableOf(request);
    if (post.status === 'published') throw new HttpError('ARTICLE_PUBLISHED', 'The article is published: share its public address instead.');
    if (post.status === 'trash') throw new HttpError('ARTICLE_TRASHED', 'The article is in the trash; restore it first.');
    const raw = fieldsOf(request.body).days;
    const days = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!PREVIEW_DAYS.includes(days)) throw new HttpError('PREVIEW_INVALID', `Choose how long the link works: ${PREVIEW_DAYS.join(' or ')} days.`);
    const link = await createPreviewLink(db, id, days, user.id, c.now());
    const csrf = csrfFor(reply);
    return sendHtml(
      reply,
      renderPreviewCreated({
        layout: pageLayout(c, request, csrf, 'Preview link created'),
        url: `${deps.site.siteUrl}/preview/${link.token}/`,
        expires: dateVM(link.expiresAt.toISOString(), c.site.dates.timeZone),
        editUrl: `/admin/articles/${id}`,
      }),
      201,
    );
  });

  // POST /admin/articles/:id/preview-links/:lid/revoke
  app.post('/articles/:id/preview-links/:lid/revoke', EDIT_ARTICLE, async (request, reply) => {
    const { id } = editableOf(request);
    const lid = idOf((request.params as { lid?: string }).lid);
    if (lid === undefined || !(await revokePreview(db, id, lid, c.now()))) throw notFound('There is no such active preview link for this article.');
    return reply.redirect(`/admin/articles/${id}?saved=1#preview-links`, 303);
  });
}
