/**
 * @module web/admin/articles/editorial/translations.routes
 * /admin/articles/:id/translations: link an article to its versions in other languages, found by
 * headline words or ID, and unlink them. The user must be able to edit both articles; both pages
 * (and the rest of the group) are purged, since their hreflang alternates change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  linkTranslation,
  translationCandidates,
  translationsFor,
  TranslationError,
  unlinkTranslation,
} from '../../../../modules/translation/translation.service.js';
import { can } from '../../../../modules/user/permissions.js';
import type { User } from '../../../../modules/user/user.js';
import { purgePosts } from '../../../cache/index.js';
import { EDIT_ARTICLE, editableOf, type Editable } from '../editable.js';
import { findArticleForUser } from '../../../../modules/article/article-editing.service.js';
import { forbidden, signedIn } from '../../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../../shell/context.js';
import { sendHtml } from '../../../html.js';
import { fieldsOf, idOf } from '../../shell/forms.js';
import { renderTranslations } from './editorial.view.js';

export async function translationRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const db = c.db;
  const purge = (ids: number[], extra: string[] = []) => purgePosts(app.pageCache, db, ids, extra);

  const translationsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    e: Editable,
    o: { q: string; target: string; errors: Record<string, string> },
    code = 200,
  ) => {
    const csrf = csrfFor(reply);
    const base = `/admin/articles/${e.id}`;
    const { user } = signedIn(request);
    const visible = can(user.role, 'post.edit.any') ? {} : { ownerUserId: user.id };
    const [linked, results] = await Promise.all([translationsFor(db, e.id), o.q.trim() ? translationCandidates(db, e.id, o.q, visible) : Promise.resolve([])]);
    return sendHtml(
      reply,
      renderTranslations({
        layout: pageLayout(c, request, csrf, `Translations: ${e.post.title}`.slice(0, 200)),
        csrf,
        editUrl: base,
        title: e.post.title,
        language: e.post.language,
        linked: linked.map((t) => ({
          id: t.id,
          title: t.title,
          language: t.language,
          editUrl: `/admin/articles/${t.id}`,
          unlinkUrl: `${base}/translations/unlink`,
        })),
        linkUrl: `${base}/translations`,
        searchUrl: `${base}/translations`,
        q: o.q,
        target: o.target,
        results: results.map((r) => ({ id: r.id, title: r.title, language: r.language, status: r.status })),
        errors: o.errors,
      }),
      code,
    );
  };

  // GET /admin/articles/:id/translations?q=: the linked versions, and a search to link more.
  app.get('/articles/:id/translations', EDIT_ARTICLE, async (request, reply) => {
    const e = editableOf(request);
    const raw = (request.query as Record<string, unknown>).q;
    return translationsPage(request, reply, e, { q: typeof raw === 'string' ? raw.slice(0, 200) : '', target: '', errors: {} });
  });

  /** The other article: must exist and be editable by this user too (its page changes as well). */
  const otherArticle = async (user: User, raw: unknown): Promise<number | { error: string }> => {
    const target = idOf(typeof raw === 'string' ? raw.trim() : raw);
    if (target === undefined) return { error: 'Enter the number (ID) of the other article, or pick it from the search.' };
    const a = await findArticleForUser(db, user, target);
    if (!a) return { error: `There is no article ${target}.` };
    if (!a.mayEdit) return { error: `Your role does not allow you to edit article ${target}, so you cannot link it.` };
    if ((a.article.post.status === 'published' || a.article.post.status === 'scheduled') && !a.mayPublish) {
      return { error: `Article ${target} is published; your role does not allow you to change it.` };
    }
    return target;
  };

  const linkMove = (path: string, act: typeof linkTranslation) => {
    app.post(path, EDIT_ARTICLE, async (request, reply) => {
      const e = editableOf(request);
      if ((e.post.status === 'published' || e.post.status === 'scheduled') && !e.mayPublish)
        throw forbidden(e.mine ? 'post.publish.own' : 'post.publish.any', e.user);
      const raw = fieldsOf(request.body).target;
      const shown = typeof raw === 'string' ? raw.slice(0, 20) : '';
      const target = await otherArticle(e.user, raw);
      if (typeof target !== 'number') return translationsPage(request, reply, e, { q: '', target: shown, errors: { target: target.error } }, 400);
      let ids: number[];
      try {
        ids = await act(db, e.id, target);
      } catch (err) {
        if (!(err instanceof TranslationError)) throw err;
        return translationsPage(request, reply, e, { q: '', target: shown, errors: { target: err.message } }, err.code === 'TRANSLATION_NOT_FOUND' ? 404 : 400);
      }
      await purge(ids);
      return reply.redirect(`/admin/articles/${e.id}/translations`, 303);
    });
  };
  // POST /admin/articles/:id/translations (target=ID): link.
  linkMove('/articles/:id/translations', linkTranslation);
  // POST /admin/articles/:id/translations/unlink (target=ID)
  linkMove('/articles/:id/translations/unlink', unlinkTranslation);
}
