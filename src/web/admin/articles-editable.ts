/**
 * @module web/admin/articles-editable
 * The article of a `/admin/articles/:id/…` route and the signed-in user's rights on it, shared by
 * the editorial route groups (corrections, preview links, translations, comparison, autosave).
 */
import type { FastifyRequest } from 'fastify';
import { canOn } from '../../modules/user/permissions.js';
import { notFound } from '../errors.js';
import * as q from './articles-queries.js';
import { forbidden, signedIn } from './auth.js';
import type { AdminContext } from './context.js';
import { idOf } from './forms.js';

/** A positive database id from a path or form value, or undefined. */
export const optId = idOf;

/** The article of `:id`, and whether the user owns it and may publish it; 404 / 403 otherwise. */
export async function editableArticle(c: AdminContext, request: FastifyRequest) {
  const { user } = signedIn(request);
  const id = optId((request.params as { id?: string }).id);
  if (id === undefined) throw notFound('There is no such article.');
  const found = await q.findArticle(c.db, id);
  if (!found) throw notFound('There is no such article.');
  const mine = await q.ownsArticle(c.db, id, user.id);
  if (!canOn(user.role, 'post.edit', { own: mine })) throw forbidden('post.edit.any', user);
  const mayPublish = canOn(user.role, 'post.publish', { own: mine });
  return { user, id, post: found.post, mine, mayPublish };
}

export type Editable = Awaited<ReturnType<typeof editableArticle>>;
