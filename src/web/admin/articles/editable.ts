/**
 * @module web/admin/articles/editable
 * The article of a `/admin/articles/:id/…` route and the signed-in user's rights on it, shared by
 * the article routes and the editorial route groups (corrections, preview links, translations,
 * comparison, autosave): 404 when there is none, 403 when the user may not edit it.
 */
import type { FastifyRequest } from 'fastify';
import { articleForEditing } from '../../../modules/article/article-editing.service.js';
import { notFound } from '../../errors.js';
import { signedIn } from '../shell/auth.js';
import type { AdminContext } from '../shell/context.js';
import { idOf } from '../shell/forms.js';

export async function editableArticle(c: AdminContext, request: FastifyRequest) {
  const { user } = signedIn(request);
  const id = idOf((request.params as { id?: string }).id);
  if (id === undefined) throw notFound('There is no such article.');
  const { article: found, mine, mayPublish } = await articleForEditing(c.db, user, id);
  return { user, id, found, post: found.post, mine, mayPublish };
}

export type Editable = Awaited<ReturnType<typeof editableArticle>>;
