/**
 * @module web/admin/account/account.routes
 * First-run setup, login, logout and "log out everywhere".
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { login, logout, logoutEverywhere, setupFirstOwner, setupOpen, startSession } from '../../../modules/user/user.service.js';
import { UserError, type FieldErrors } from '../../../modules/user/user.js';
import { notFound } from '../../errors.js';
import { clearSessionCookie, loginUrl, safeNext, setSessionCookie, signedIn } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { sendHtml } from '../../html.js';
import { echo, fieldsOf, str, text } from '../shell/forms.js';
import { noticeFor } from '../shell/presenters.js';
import { renderLogin, renderSetup } from './login.view.js';

const query = (request: FastifyRequest): Record<string, unknown> => (request.query ?? {}) as Record<string, unknown>;

export async function accountRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const setupPage = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldErrors, status: number) => {
    const csrf = csrfFor(reply);
    return sendHtml(
      reply,
      renderSetup({ layout: pageLayout(c, request, csrf, 'Set up your newsroom'), csrf, form: { values, errors: errors as Record<string, string> } }),
      status,
    );
  };

  // GET /admin/setup: the first owner account; only while no user exists.
  app.get('/setup', { config: { access: 'public' } }, async (request, reply) => {
    if (!(await setupOpen(c.db))) throw notFound();
    return setupPage(request, reply, {}, {}, 200);
  });

  // POST /admin/setup
  app.post('/setup', { config: { access: 'public' } }, async (request, reply) => {
    if (!(await setupOpen(c.db))) throw notFound();
    const f = fieldsOf(request.body);
    try {
      const user = await setupFirstOwner(c.db, { name: f.name, email: f.email, password: f.password, confirm: f.confirm ?? '' }, request.ip, c.auth());
      const session = await startSession(c.db, user, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' }, c.auth());
      setSessionCookie(reply, session.token, c.cookies);
      return reply.redirect('/admin', 303);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      if (err.code === 'SETUP_CLOSED') throw notFound();
      return setupPage(request, reply, { name: echo(f.name), email: echo(f.email) }, err.fields, err.code === 'USER_EMAIL_TAKEN' ? 409 : 400);
    }
  });

  const loginPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { next?: string | undefined; email?: string; errors?: FieldErrors; problem?: string; status?: number },
  ) => {
    const csrf = csrfFor(reply);
    return sendHtml(
      reply,
      renderLogin({
        layout: pageLayout(c, request, csrf, 'Log in', noticeFor(query(request).notice)),
        csrf,
        ...(o.next !== undefined ? { next: o.next } : {}),
        form: { values: { email: o.email ?? '' }, errors: (o.errors ?? {}) as Record<string, string> },
        ...(o.problem !== undefined ? { problem: o.problem } : {}),
        setupOpen: await setupOpen(c.db),
      }),
      o.status ?? 200,
    );
  };

  // GET /admin/login[?next=/admin/…]
  app.get('/login', { config: { access: 'public' } }, async (request, reply) => {
    const next = safeNext(query(request).next);
    if (request.adminAuth) return reply.redirect(next ?? '/admin', 303);
    return loginPage(request, reply, { next });
  });

  // POST /admin/login: throttled per account and per address.
  app.post('/login', { config: { access: 'public' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    const next = safeNext(f.next);
    const email = str(f.email)?.trim() ?? '';
    const password = text(f.password);
    const errors: FieldErrors = {};
    if (email === '') errors.email = typeof f.email === 'string' || f.email === undefined ? 'Enter your email address.' : 'The email address must be text.';
    if (password === '') errors.password = typeof f.password === 'string' || f.password === undefined ? 'Enter your password.' : 'The password must be text.';
    if (Object.keys(errors).length > 0) return loginPage(request, reply, { next, email: echo(email), errors, status: 400 });
    const result = await login(c.db, { email, password, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' }, c.auth());
    if (!result.ok) {
      if (result.reason === 'throttled') {
        const minutes = result.retryMinutes;
        reply.header('retry-after', String(minutes * 60));
        return loginPage(request, reply, {
          next,
          email: echo(email),
          problem: `Too many attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          status: 429,
        });
      }
      return loginPage(request, reply, { next, email: echo(email), problem: 'The email address or password is incorrect.', status: 401 });
    }
    setSessionCookie(reply, result.token, c.cookies);
    return reply.redirect(next ?? '/admin', 303);
  });

  // POST /admin/logout: ends this session.
  app.post('/logout', { config: { access: 'signed-in' } }, async (request, reply) => {
    const auth = signedIn(request);
    await logout(c.db, auth.sessionId, { id: auth.user.id, label: auth.user.email, ip: request.ip }, c.auth());
    clearSessionCookie(reply, c.cookies);
    return reply.redirect(`${loginUrl()}?notice=logged-out`, 303);
  });

  // POST /admin/logout-everywhere: ends every session of this user, on every device.
  app.post('/logout-everywhere', { config: { access: 'signed-in' } }, async (request, reply) => {
    const auth = signedIn(request);
    await logoutEverywhere(c.db, { id: auth.user.id, label: auth.user.email, ip: request.ip }, c.auth());
    clearSessionCookie(reply, c.cookies);
    return reply.redirect(`${loginUrl()}?notice=logged-out-everywhere`, 303);
  });
}
