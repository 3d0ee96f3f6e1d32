/**
 * @module web/admin/shell/auth
 * Sessions on the HTTP side: the `bs_session` cookie, loading the signed-in user on each admin
 * request, the 403 for a refused action, and the only-same-site `next` rule. What each route
 * needs is declared in its options and checked by shell/access.
 */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/database.js';
import { forbiddenMessage, type Action } from '../../../modules/user/permissions.js';
import { findLiveSession, SESSION_TTL_MS } from '../../../modules/user/session.js';
import { toUser, type Actor, type User } from '../../../modules/user/user.js';
import { HttpError } from '../../errors.js';

export const SESSION_COOKIE = 'bs_session';
export const CSRF_COOKIE = 'bs_csrf';

/** Who is signed in on this request. */
export interface AdminAuth {
  user: User;
  /** SHA-256 of the token: the sessions row id. */
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin scope's onRequest hook; null when nobody is signed in. */
    adminAuth: AdminAuth | null;
  }
}

export interface CookiePolicy {
  secure: boolean;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure under an https SITE_URL. */
export function setSessionCookie(reply: FastifyReply, token: string, policy: CookiePolicy): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, policy: CookiePolicy): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: policy.secure });
}

/**
 * onRequest: looks the session cookie up and sets request.adminAuth. When the lookup slid the
 * session's expiry, the cookie is sent again so the browser's copy slides with it.
 */
export function loadAuth(db: Db, now: () => Date, policy: CookiePolicy) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.adminAuth = null;
    const token = request.cookies[SESSION_COOKIE];
    const live = await findLiveSession(db, token, now());
    if (!live || token === undefined) return;
    request.adminAuth = { user: toUser(live.user), sessionId: live.session.id };
    if (live.touched) setSessionCookie(reply, token, policy);
  };
}

/** The audit-log actor for this request. */
export const actorOf = (request: FastifyRequest): Actor => ({
  id: request.adminAuth?.user.id ?? null,
  label: request.adminAuth?.user.email ?? '',
  ip: request.ip,
});

/**
 * A `next` target is only ever an admin page of this site. The raw string is refused when it
 * carries a backslash, whitespace or a control character; what is left is resolved against the
 * site's origin (so "/.//evil.example", "/admin/..//evil.example" and "%2F%2F…" are seen as what a
 * browser makes of them) and accepted only when the result has this origin and an /admin path.
 * Anything else becomes undefined (and the caller uses /admin).
 * @example safeNext('/admin/users?page=2') // '/admin/users?page=2'
 * @example safeNext('/.//evil.example')     // undefined
 */
export function safeNext(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return undefined;
  if (!raw.startsWith('/') || /[\\\p{Cc}\p{Z}\s]/u.test(raw)) return undefined;
  const origin = 'http://same.invalid';
  try {
    const u = new URL(raw, origin);
    if (u.origin !== origin || u.username !== '' || u.password !== '') return undefined;
    if (u.pathname !== '/admin' && !u.pathname.startsWith('/admin/')) return undefined;
    const target = u.pathname + u.search;
    // What the browser will resolve the Location to must be the same page: never "//host".
    const again = new URL(target, origin);
    return again.origin === origin && again.pathname === u.pathname ? target : undefined;
  } catch {
    return undefined;
  }
}

export const loginUrl = (next?: string): string => (next && next !== '/admin' ? `/admin/login?next=${encodeURIComponent(next)}` : '/admin/login');

/** 303 to the login page, coming back here afterwards (for GET requests). */
export function redirectToLogin(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const next = request.method === 'GET' || request.method === 'HEAD' ? safeNext(request.url) : undefined;
  return reply.redirect(loginUrl(next), 303);
}

export const forbidden = (action: Action, user: User): HttpError => new HttpError('FORBIDDEN', forbiddenMessage(action, user.role));

/** The signed-in user of a route behind the scope's guard (which guarantees one). */
export function signedIn(request: FastifyRequest): AdminAuth {
  if (!request.adminAuth) throw new HttpError('UNAUTHENTICATED', 'Please log in.');
  return request.adminAuth;
}
