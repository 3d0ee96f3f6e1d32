/**
 * @module web/admin/shell/access
 * What every admin route declares it needs, in its options, and the one check that enforces it
 * before any handler runs:
 *
 *   app.get('/users', { config: { access: 'users.manage' } }, handler)      a permission
 *   app.post('/logout', { config: { access: 'signed-in' } }, handler)        any signed-in user
 *   app.get('/login', { config: { access: 'public' } }, handler)             anyone
 *   app.post('/articles/:id', { config: { access: { article: 'edit' } } }, handler)
 *       the article of :id, which the user may edit (404 / 403 otherwise); the handler takes it
 *       with editableOf(request)
 *   app.post('/pages/:id', { config: { access: { page: 'edit' } } }, handler)
 *       the same for a static page (pages.manage: 403 without it; 404 for an article's id)
 *
 * The admin plugin refuses to start when a route declares nothing (declaredAccessHook), so a new
 * screen cannot forget its check. Signed-out visitors of a non-public route go to the login page.
 */
import type { FastifyRequest, RouteOptions } from 'fastify';
import { articleForEditing, type ArticleForEditing } from '../../../modules/article/article-editing.service.js';
import { ACTIONS, can, type Action } from '../../../modules/user/permissions.js';
import type { User } from '../../../modules/user/user.js';
import { notFound } from '../../errors.js';
import { forbidden, signedIn } from './auth.js';
import type { AdminContext } from './context.js';
import { idOf } from './forms.js';

export type Access = 'public' | 'signed-in' | Action | { article: 'edit' } | { page: 'edit' };

/** The article a `{ article: 'edit' }` route works on, with the user's rights on it. */
export interface Editable extends Omit<ArticleForEditing, 'article'> {
  user: User;
  id: number;
  found: ArticleForEditing['article'];
  post: ArticleForEditing['article']['post'];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the admin route needs (see web/admin/shell/access). Every admin route declares it. */
    access?: Access;
  }
  interface FastifyRequest {
    /** Set before the handler of an `{ article: 'edit' }` route. */
    editable?: Editable;
  }
}

const isAccess = (a: unknown): a is Access =>
  a === 'public' ||
  a === 'signed-in' ||
  (typeof a === 'string' && (ACTIONS as readonly string[]).includes(a)) ||
  (typeof a === 'object' &&
    a !== null &&
    Object.keys(a).length === 1 &&
    ((a as { article?: unknown }).article === 'edit' || (a as { page?: unknown }).page === 'edit'));

/** A route's declared access, as the routes listing shows it ("post.create", "article:edit"…). */
export const accessLabel = (a: Access): string => (typeof a === 'string' ? a : 'page' in a ? `page:${a.page}` : `article:${a.article}`);

/** onRoute: refuses (throws at startup) a route that declares no access, or one that is not known. */
export function declaredAccessHook(route: RouteOptions): void {
  const access = route.config?.access;
  if (!isAccess(access)) {
    const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
    throw new Error(
      `Admin route ${methods} ${route.url} declares no access: add { config: { access: 'public' | 'signed-in' | <permission> | { article: 'edit' } } } (see web/admin/shell/access.ts).`,
    );
  }
}

/**
 * Enforces the route's declared access; throws 403/404 errors for the error page. Runs after the
 * plugin's sign-in check (a signed-out visitor of a non-public route was sent to the login page);
 * the media upload also runs it before reading its body.
 */
export async function enforceAccess(c: AdminContext, request: FastifyRequest): Promise<void> {
  const access = request.routeOptions.config.access;
  // No declaration: the not-found handler (every route declares one, or the start fails).
  if (access === 'public' || access === undefined) return;
  const { user } = signedIn(request);
  if (access === 'signed-in') return;
  if (typeof access === 'string') {
    if (!can(user.role, access)) throw forbidden(access, user);
    return;
  }
  const type = 'page' in access ? 'page' : 'post';
  const id = idOf((request.params as { id?: string }).id);
  if (id === undefined) throw notFound(type === 'page' ? 'There is no such page.' : 'There is no such article.');
  const { article, ...rights } = await articleForEditing(c.db, user, id, type);
  request.editable = { ...rights, user, id, found: article, post: article.post };
}

/** The article of an `{ article: 'edit' }` route, loaded and checked before the handler. */
export function editableOf(request: FastifyRequest): Editable {
  if (!request.editable) throw new Error(`${request.routeOptions.url} does not declare access { article: 'edit' } or { page: 'edit' }`);
  return request.editable;
}
