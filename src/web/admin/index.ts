/**
 * @module web/admin
 * The newsroom admin under /admin. Registered as one encapsulated plugin, so its hooks apply to
 * admin routes only:
 *   onRequest  → load the session (request.adminAuth)
 *   onRoute    → every route declares its access (shell/access); a route without one stops the start
 *   preHandler → signed in unless the route is public, CSRF on every non-GET, then the declared
 *                access: a permission, or the article of :id that the user may edit
 *   onSend     → Cache-Control: private, no-store on every admin response (its static files say their own)
 */
import { promisify } from 'node:util';
import { brotliCompress, gzip as gzipCallback, constants as zlibConstants } from 'node:zlib';
import { negotiateEncoding } from '../cache/validators.js';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import csrfProtection from '@fastify/csrf-protection';
import { loadAssetDir } from '../static-assets.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { toPublicError, type ErrorCode } from '../errors.js';
import { PRIVATE } from '../cache/index.js';
import { accountRoutes } from './account/account.routes.js';
import { authorsRoutes } from './authors/authors.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { articlesRoutes, pagesRoutes } from './articles/articles.routes.js';
import { editorScript } from './shell/script-bundle.js';
import type { LiveSite } from '../site/site-context.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { frontPageRoutes } from './front-page/front-page.routes.js';
import { navigationRoutes } from './navigation/navigation.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { commentsRoutes } from './comments/comments.routes.js';
import { commentRulesRoutes } from './comments/comment-rules.routes.js';
import { commentSettingsRoutes } from './comments/comment-settings.routes.js';
import { CSRF_COOKIE, loadAuth, redirectToLogin } from './shell/auth.js';
import { declaredAccessHook, enforceAccess } from './shell/access.js';
import { csrfFor, makeContext, pageLayout, type AdminContext, type AdminTuning } from './shell/context.js';
import { sendHtml } from '../html.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { taxonomyRoutes } from './taxonomy/taxonomy.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { mediaRoutes } from './media/media.routes.js';
import { embedsRoutes } from './embeds/embeds.routes.js';
import type { MediaStore } from '../../modules/media/media-store.js';
import { renderAdminError } from './shell/error.view.js';

export type { AdminTuning };

export interface AdminOptions extends AdminTuning {
  db: Db;
  config: Config;
  /** The app's live site settings (web/site/site-context), refreshed before every request. */
  site: LiveSite;
  /** Queues related-list refreshes after article writes (jobs/related-refresh). */
  related?: { enqueue(postId: number): void };
  /** The cookie-signing secret (settings `secret.cookie`); also keys the CSRF token HMAC. */
  cookieSecret: string;
  /** Where media files live (modules/media/media-store). */
  media: MediaStore;
  /** The app's background queues by name (read by /metrics); the admin adds its own (AVIF). */
  queues?: Record<string, { readonly pending: number }>;
  now?: () => Date;
  /** Comments approved in the queue or by a staff reply (reply emails, spam-filter feedback). */
  onCommentsApproved?: (ids: readonly number[]) => Promise<void>;
  /** Moderators' spam/ham decisions, for an outside spam filter (AKISMET_KEY). */
  onCommentsSpamVerdict?: (ids: readonly number[], spam: boolean) => Promise<void>;
}

/** admin.css, minified, hashed and precompressed (web/static-assets), at /admin/assets/. */
const ADMIN_ASSETS_DIR = path.join(path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..'), 'src', 'web', 'admin', 'assets');

const CSRF_MESSAGE = 'This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.';

const HEADINGS: Record<number, string> = {
  400: 'Something in the request needs fixing',
  401: 'Please log in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported content',
  429: 'Too many requests',
};

function errorPage(c: AdminContext, request: FastifyRequest, reply: FastifyReply, status: number, message: string, code: ErrorCode): FastifyReply {
  let csrf = '';
  try {
    csrf = csrfFor(reply);
  } catch {
    /* the error page renders without the header's log-out button token */
  }
  // The admin's scripts ask for JSON (autosave, lookups): the error as data, the same code and message.
  const accept = request.headers.accept ?? '';
  if (accept.includes('application/json') && !accept.includes('text/html'))
    return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } });
  const links = request.adminAuth ? [{ label: 'Back to the dashboard', url: '/admin' }] : [{ label: 'Log in', url: '/admin/login' }];
  const layout = pageLayout(c, request, csrf, HEADINGS[status] ?? (status >= 500 ? 'Something went wrong' : 'Error'));
  return sendHtml(reply, renderAdminError({ layout, status, code, message, links }), status);
}

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

/**
 * An admin page, compressed for the client that takes it: each is rendered for one person and
 * never cached, so it is compressed as it goes out, brotli at a quick level (a few milliseconds
 * for the editor's page), gzip otherwise.
 */
async function compressedHtml(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html') || reply.hasHeader('content-encoding')) return payload;
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (body.length < 1024) return payload;
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return payload;
  reply.header('content-encoding', encoding).header('vary', 'Accept-Encoding').removeHeader('content-length');
  return encoding === 'br'
    ? brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzip(body, { level: 6 });
}

export async function adminRoutes(app: FastifyInstance, opts: AdminOptions): Promise<void> {
  const now = opts.now ?? (() => new Date());
  const assets = await loadAssetDir(ADMIN_ASSETS_DIR, '/admin/assets/');
  const c = makeContext(opts.db, opts.site, now, assets.url('admin.css'), {
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    ...(opts.throttle ? { throttle: opts.throttle } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  });

  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/admin', httpOnly: true, sameSite: 'lax', secure: c.cookies.secure, signed: true },
    // Tokens are bound to the session they were issued in (or to "anonymous" before login).
    getUserInfo: (request) => (request.adminAuth ? `session:${request.adminAuth.sessionId}` : 'anonymous'),
    csrfOpts: { hmacKey: createHmac('sha256', opts.cookieSecret).update('broadsheet csrf').digest('hex') },
  });

  app.decorateRequest('adminAuth', null);
  const load = loadAuth(opts.db, now, c.cookies);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url?.startsWith('/admin/assets/')) return;
    await load(request, reply);
  });
  // Every route declares what it needs (shell/access); one without a declaration stops the start.
  app.addHook('onRoute', (route) => {
    declaredAccessHook(route);
    // The preHandler below checks the CSRF token on every state-changing admin route (web/route-inventory lists them).
    route.config = { ...route.config, csrf: 'session-token' };
  });
  // preHandler, not onRequest: the form body (and its _csrf field) is parsed by now. Signed in
  // (unless public), then the CSRF token on every non-GET (a refusal answers and ends the chain),
  // then the route's declared access.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.routeOptions.config.access !== 'public' && !request.adminAuth) {
      redirectToLogin(request, reply);
      return;
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
  app.addHook('preHandler', async (request) => {
    await enforceAccess(c, request);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // The admin's own stylesheet and scripts hold nothing private and say their own lifetime.
    if (!request.routeOptions.url?.startsWith('/admin/assets/') || !reply.hasHeader('cache-control')) reply.header('cache-control', PRIVATE);
    return compressedHtml(request, reply, payload);
  });

  app.setErrorHandler((err, request, reply) => {
    const e = err as { code?: unknown };
    if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') return errorPage(c, request, reply, 403, CSRF_MESSAGE, 'CSRF');
    const pub = toPublicError(err);
    if (pub.internal) request.log.error({ err }, 'admin request failed');
    if (pub.retryAfter !== undefined) reply.header('retry-after', String(pub.retryAfter));
    return errorPage(c, request, reply, pub.status, pub.message, pub.code);
  });
  const adminNotFound = (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.adminAuth) return redirectToLogin(request, reply);
    return errorPage(c, request, reply, 404, 'There is no such page in the admin.', 'NOT_FOUND');
  };
  app.setNotFoundHandler(adminNotFound);
  // GET /admin/* (no other route): the site's catch-all for nested pages would otherwise answer
  // an unknown admin address with the public 404 page; this more specific wildcard wins.
  app.get('/*', { config: { access: 'signed-in' } }, adminNotFound);

  // GET /admin/assets/admin.css (and admin.HASH.css; the script bundles have their own routes)
  assets.route(app, '/assets/', { config: { access: 'public' } });

  await dashboardRoutes(app, c);
  await accountRoutes(app, c);
  await usersRoutes(app, c);
  await authorsRoutes(app, c);
  await peopleRoutes(app, c);
  await auditRoutes(app, c);
  await commentRulesRoutes(app, c);
  await commentSettingsRoutes(app, c);
  await settingsRoutes(app, c);
  await frontPageRoutes(app, c);
  await navigationRoutes(app, c);
  await commentsRoutes(app, c, {
    ...(opts.onCommentsApproved ? { onApproved: opts.onCommentsApproved } : {}),
    ...(opts.onCommentsSpamVerdict ? { onSpamVerdict: opts.onCommentsSpamVerdict } : {}),
  });
  await taxonomyRoutes(app, c);
  await editorScript.route(app);
  await articlesRoutes(app, c, { site: opts.site, ...(opts.related ? { related: opts.related } : {}) });
  await pagesRoutes(app, c, { site: opts.site, ...(opts.related ? { related: opts.related } : {}) });
  await embedsRoutes(app, { settings: opts.config.embed });
  await mediaRoutes(app, c, {
    mediaRoot: opts.media,
    maxMb: opts.config.mediaMaxMb,
    ...(opts.queues ? { queues: opts.queues } : {}),
    ...(opts.imageGate ? { imageGate: opts.imageGate } : {}),
  });
}
