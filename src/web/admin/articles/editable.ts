/**
 * @module web/admin/articles/editable
 * The article of a `/admin/articles/:id/…` route and the signed-in user's rights on it, shared by
 * the editorial route groups (corrections, preview links, translations, comparison, autosave).
 */
import type { FastifyRequest } from 'fastify';
import { canOn } from '../../../modules/user/permissions.js';
import { notFound } from '../../errors.js';
import * as q from './articles.queries.js';
import { forbidden, signedIn } from '../shell/auth.js';
import type { AdminContext } from '../shell/context.js';
import type { User } from '../../../modules/user/user.js';
import { idOf } from '../shell/forms.js';

/** Article `id` as the editor loads it, and whether `user` owns it (wrote it); undefined when there is none. */
export async function articleFor(db: AdminContext['db'], user: User, id: number): Promise<{ found: q.EditableArticle; mine: boolean } | undefined> {
  const found = await q.findArticle(db, id);
  if (!found) return undefined;
  return { found, mine: await q.ownsArticle(db, id, user.id) };
}

/** The article of `:id`, and whether the user owns it and may publish it; 404 / 403 otherwise. */
export async function editableArticle(c: AdminContext, request: FastifyRequest) {
  const { user } = signedIn(request);
  const id = idOf((request.params as { id?: string }).id);
  const a = id === undefined ? undefined : await articleFor(c.db, user, id);
  if (id === undefined || !a) throw notFound('There is no such article.');
  const { found, mine } = a;
  if (!canOn(user.role, 'post.edit', { own: mine })) throw forbidden('post.edit.any', user);
  const mayPublish = canOn(user.role, 'post.publish', { own: mine });
  return { user, id, found, post: found.post, mine, mayPublish };
}

export type Editable = Awaited<ReturnType<typeof editableArticle>>;
