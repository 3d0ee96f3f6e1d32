/**
 * @module web/admin/articles/editorial/compare.routes
 * GET /admin/articles/:id/revisions/:rid/compare?with=current|previous: one revision against the
 * current version or the save before it, word by word, in two columns (works without JS).
 */
import type { FastifyInstance } from 'fastify';
import type { ArticleDocument } from '../../../../modules/article/document.js';
import { compareVersions } from '../../../../modules/revision/revision-diff.js';
import { revisionToCompare } from '../../../../modules/article/editorial.service.js';
import { notFound } from '../../../errors.js';
import { EDIT_ARTICLE, editableOf } from '../editable.js';
import { csrfFor, pageLayout, type AdminContext } from '../../shell/context.js';
import { sendHtml } from '../../../html.js';
import { dateVM } from '../../shell/presenters.js';
import { renderCompare } from './editorial.view.js';
import { idOf } from '../../shell/forms.js';

export async function compareRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const db = c.db;

  // GET /admin/articles/:id/revisions/:rid/compare?with=current|previous
  app.get('/articles/:id/revisions/:rid/compare', EDIT_ARTICLE, async (request, reply) => {
    const { id, post } = editableOf(request);
    const rid = idOf((request.params as { rid?: string }).rid);
    const withRaw = (request.query as Record<string, unknown>).with;
    const mode = withRaw === 'previous' ? 'previous' : 'current';
    const found = rid !== undefined ? await revisionToCompare(db, id, rid, mode === 'previous') : {};
    const rev = found.revision;
    if (!rev) throw notFound('There is no such revision of this article.');
    const docOf = (json: string) => JSON.parse(json) as ArticleDocument;
    const revLabel = (at: string) => `Revision of ${dateVM(at, c.site.dates.timeZone).label}`;
    let fields: ReturnType<typeof compareVersions>;
    let oldLabel: string;
    let newLabel: string;
    if (mode === 'previous') {
      const prev = found.previous;
      if (!prev) throw notFound('This is the first revision; there is nothing before it to compare with.');
      fields = compareVersions(
        { title: prev.title, excerpt: prev.excerpt, body: docOf(prev.body_doc) },
        { title: rev.title, excerpt: rev.excerpt, body: docOf(rev.body_doc) },
      );
      oldLabel = revLabel(prev.created_at);
      newLabel = revLabel(rev.created_at);
    } else {
      fields = compareVersions(
        { title: rev.title, excerpt: rev.excerpt, body: docOf(rev.body_doc) },
        { title: post.title, excerpt: post.excerpt, body: docOf(post.body_doc) },
      );
      oldLabel = revLabel(rev.created_at);
      newLabel = 'Current version';
    }
    const LABELS = { title: 'Headline', excerpt: 'Standfirst', body: 'Body' } as const;
    const csrf = csrfFor(reply);
    const base = `/admin/articles/${id}/revisions/${rev.id}/compare`;
    return sendHtml(
      reply,
      renderCompare({
        layout: pageLayout(c, request, csrf, `Compare: ${post.title}`.slice(0, 200)),
        revisionsUrl: `/admin/articles/${id}/revisions`,
        oldLabel,
        newLabel,
        fields: fields.map((f) => ({ label: LABELS[f.field], changed: f.changed, old: f.old, new: f.new })),
        switchUrl: mode === 'current' ? `${base}?with=previous` : `${base}?with=current`,
        switchLabel: mode === 'current' ? 'Compare with the save before it instead' : 'Compare with the current version instead',
      }),
    );
  });
}
