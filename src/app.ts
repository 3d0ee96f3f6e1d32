/**
 * @module app
 * buildApp(deps) assembles the HTTP application and never listens, so tests can `inject`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { registerSecurityHeaders } from './web/security-headers.js';
import cookie from '@fastify/cookie';
import type { Config } from './config/config.js';
import type { DbHandle } from './db/database.js';
import { loadOrCreateSecret } from './modules/user/secret.js';
import { adminRoutes, type AdminTuning } from './web/admin/index.js';
import { ASSETS_DIR } from './web/site/assets.js';
import { loadAssetDir, sendAsset } from './web/static-assets.js';
import { feedRoutes } from './web/site/feeds.routes.js';
import { sendError, siteNotFoundHandler, siteRoutes, type SiteDeps } from './web/site/site.routes.js';
import { sitemapRoutes } from './web/site/sitemaps.routes.js';
import { liveSite } from './web/site/site-context.js';
import { brandRoutes } from './web/site/brand.routes.js';
import { correctionsRoutes } from './web/site/corrections.routes.js';
import { previewRoutes } from './web/site/preview.routes.js';
import { strictHttp } from './web/strict-http.js';
import { registerRouteInventory, type RouteEntry } from './web/route-inventory.js';
import { answerHitsFirst, cdnPurger, mayBeCached, type HitObserver, PageCache, purgePosts, registerCachePolicy, registerPageCache } from './web/cache/index.js';
import { apiPostRoutes } from './web/api/posts.routes.js';
import { apiSearchRoutes } from './web/api/search.routes.js';
import { apiCommentRoutes } from './web/api/comments.routes.js';
import { searchRoutes } from './web/site/search.routes.js';
import { RelatedRefresher } from './jobs/related-refresh.js';
import { startScheduler } from './jobs/scheduler.js';
import { startIpPurge } from './jobs/comment-ip-purge.js';
import { PurgeFollower } from './jobs/purge-follower.js';
import { appendPurge } from './jobs/purge-log.js';
import { ArticleFragments } from './web/site/article-fragments.js';
import { commentRoutes, makeCommentsWeb, type CommentsWebDeps } from './web/site/comments.routes.js';
import { legacyIpHashKey } from './import/secrets.js';
import { IpKeyCache } from './modules/comment/ip-keys.js';
import { commentNotifier } from './modules/comment/notify.js';
import { akismetClient, reportVerdicts } from './modules/comment/akismet.js';
import { healthRoutes, type Readiness } from './web/health.routes.js';
import { metricsRoutes } from './web/metrics.js';
import { logHit, REQUEST_ID_HEADER, registerRequestLog, requestIds } from './web/request-log.js';
import { mediaFileRoutes } from './web/media-files.js';
import { openMediaStore, type MediaStore } from './modules/media/media-store.js';

export interface AppDeps {
  config: Config;
  handle: DbHandle;
  /** Injected clock (scheduled publishing, dates in tests). */
  now?: () => Date;
  /** The page cache (main and tests keep a handle to purge it); made from config when absent. */
  cache?: PageCache;
  /** Fastify logger setting; tests pass false (or a stream to read what was logged). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Admin tunables (tests: a low scrypt cost, a throttle policy); defaults otherwise. */
  admin?: AdminTuning;
  /** After a reader's comment is stored (notifications); see web/site/comments.ts. */
  onCommentSubmitted?: CommentsWebDeps['onSubmitted'];
  /** SMTP for comment notifications (default: $SMTP_URL; none: no emails). */
  smtpUrl?: string;
  /** Filled with every route and its guards when the app is ready (web/route-inventory). */
  routes?: RouteEntry[];
  /** How often the purge-log follower polls (default 300 ms on SQLite, 5 s as PostgreSQL's safety net). */
  purgePollMs?: number;
  /** Where media files live (default: the store MEDIA_STORE names; modules/media/media-store). */
  media?: MediaStore;
}

/** How long a CDN or browser may reuse a public page, in seconds (then revalidate). */
const PUBLIC_LIFETIME = { maxAge: 60, staleWhileRevalidate: 600 };

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, handle } = deps;
  // The page cache exists before the server: hits are answered on node's request, before Fastify.
  const cache =
    deps.cache ??
    new PageCache(
      config.pageCacheMb * 1024 * 1024,
      config.purgeUrl ? cdnPurger(config.purgeUrl, (err) => app.log.warn({ err }, 'CDN purge failed')) : undefined,
    );
  // One line per request (web/request-log), under an id the proxy may give: Fastify's own pair of
  // request lines is off.
  const genReqId = requestIds();
  const hitObserver: HitObserver = {
    header: REQUEST_ID_HEADER,
    id: genReqId,
    answered: (id, req, status, startedAt) => logHit(app.log, id, req, status, startedAt),
  };
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId,
    // Slugs in non-Latin scripts are long once percent-encoded.
    routerOptions: { maxParamLength: 1000, ignoreDuplicateSlashes: false },
    bodyLimit: 1024 * 1024,
    // While stopping, a request that arrives on a keep-alive connection already open (a proxy's)
    // is served, with Connection: close, rather than refused with Fastify's bare 503: a proxy does
    // not retry a 503, so a rolling restart would show readers errors (seen in the cluster test).
    return503OnClosing: false,
    // A number of hops is supported at run time (lib/request.js) though the typings omit it.
    trustProxy: config.trustProxy as boolean | string,
    // Malformed requests are refused first (web/strict-http), then cache hits answered before Fastify.
    serverFactory: (handler: http.RequestListener) =>
      http.createServer(strictHttp(config.pageCacheMb > 0 ? answerHitsFirst(cache, handler, hitObserver) : handler)),
  });
  // Before any route: every route is listed with its guards; one that changes state unguarded stops the start.
  registerRouteInventory(app, deps.routes);
  registerRequestLog(app);
  app.decorate('pageCache', cache);
  // First of all hooks: what reaches Fastify (misses, and everything through `inject`) is looked up here.
  if (config.pageCacheMb > 0) registerPageCache(app, { cache, ...PUBLIC_LIFETIME, surrogateKeys: config.surrogateKeys });
  registerCachePolicy(app, PUBLIC_LIFETIME);
  // Purges reach every instance: each one is appended to the purge log, which every instance follows.
  const origin = `app:${randomUUID()}`;
  cache.broadcastTo(
    (tags) => appendPurge(handle, tags, origin),
    (err) => app.log.error({ err }, 'purge log append failed'),
  );
  const follower = new PurgeFollower({
    handle,
    origin,
    apply: (tags) => cache.applyRemote(tags),
    onError: (err) => app.log.warn({ err }, 'purge log follower'),
    ...(deps.purgePollMs ? { pollMs: deps.purgePollMs } : {}),
  });
  // Pages and article fragments both follow other instances' purges (and so do the site settings).
  const followsPurges = config.pageCacheMb > 0 || config.fragmentCacheMb > 0;
  if (followsPurges) await follower.start();
  // Background queues by name, filled as their owners start (related lists below, AVIF in the admin's media).
  const queues: Record<string, { readonly pending: number }> = {};
  // Before the routes, so that its response hook times every one of them.
  if (config.metricsToken) {
    metricsRoutes(app, config.metricsToken, {
      handle,
      cache,
      queues: () => queues,
      fragments: () => siteDeps.fragments?.stats(),
      ...(followsPurges ? { purgePosition: () => follower.position } : {}),
      now: deps.now ?? (() => new Date()),
    });
  }
  app.addHook('onClose', async () => {
    await cache.flush();
    await follower.stop();
  });
  // Uploaded and generated media: DATA_DIR/media (@fastify/static wants the folder to exist) or a bucket.
  const media = deps.media ?? (await openMediaStore(config));
  if (media.root) fs.mkdirSync(media.root, { recursive: true });
  const https = config.siteUrl.startsWith('https:');
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000 } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  // 32 random bytes made on first start and kept in settings, so every instance signs alike.
  const cookieSecret = await loadOrCreateSecret(handle.db, 'secret.cookie');
  await app.register(cookie, { secret: cookieSecret });

  // The theme's files, minified, hashed and precompressed once (web/static-assets).
  const assets = await loadAssetDir(ASSETS_DIR, '/assets/');
  assets.route(app, '/assets/');
  await app.register(async (scope) => mediaFileRoutes(scope, media));
  app.get('/favicon.svg', (request, reply) => sendAsset(request, reply, assets.get('favicon.svg')!, 'public, max-age=86400'));
  app.get('/favicon.ico', (_req, reply) => reply.redirect('/favicon.svg', 301));

  const readiness: Readiness = { jobs: false, draining: false };
  app.decorate('readiness', readiness);
  await app.register(async (scope) => healthRoutes(scope, { handle, readiness }));

  const site = liveSite(config, deps.now, {
    siteCss: assets.url('site.css'),
    articleCss: assets.url('article.css'),
    commentsJs: assets.url('comments.js'),
    liveJs: assets.url('live.js'),
    favicon: assets.url('favicon.svg'),
  });
  const commentsDeps: CommentsWebDeps = {
    db: handle.db,
    secret: cookieSecret,
    ipKeys: new IpKeyCache(handle.db, {
      legacy: legacyIpHashKey(config.dataDir),
      retentionDays: config.commentIpRetentionDays,
      now: deps.now ?? (() => new Date()),
    }),
    siteUrl: config.siteUrl,
    // The owner's setting, refreshed before each request: untranslated error messages fall back to it.
    siteLanguage: () => site.siteLanguage,
    now: deps.now ?? (() => new Date()),
    // A page the cache keeps carries one form token for every reader (swapped by the form's script).
    sharedForms: (request) => config.pageCacheMb > 0 && mayBeCached(request),
  };
  const smtpUrl = deps.smtpUrl ?? config.smtpUrl;
  const notifier = smtpUrl ? commentNotifier(handle.db, { smtpUrl, siteUrl: config.siteUrl, siteName: config.siteName, secret: cookieSecret }) : undefined;
  const notify = deps.onCommentSubmitted ?? notifier?.submitted;
  if (notify) commentsDeps.onSubmitted = notify;
  const spamFilter = config.akismet ? akismetClient({ ...config.akismet, blog: config.siteUrl }) : undefined;
  if (spamFilter) commentsDeps.spamFilter = spamFilter;
  if (followsPurges) site.followPurges(cache);
  // The owner's settings (name, logo, colours…) before any route reads them; unchanged, one tiny read.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.siteless !== true) await site.refresh(handle.db);
  });
  const siteDeps: SiteDeps = {
    db: handle.db,
    site,
    comments: makeCommentsWeb(commentsDeps),
    ...(config.fragmentCacheMb > 0 ? { fragments: new ArticleFragments(config.fragmentCacheMb * 1024 * 1024, cache, site) } : {}),
  };
  // Before any route plugin: a child scope takes the error handler in force when it loads.
  app.setErrorHandler((err, request, reply) => sendError(siteDeps, request, reply, err));
  app.setNotFoundHandler(siteNotFoundHandler(siteDeps));
  await app.register(async (scope) => brandRoutes(scope, site));
  await app.register(async (scope) => siteRoutes(scope, siteDeps));
  await app.register(async (scope) => correctionsRoutes(scope, siteDeps));
  await app.register(async (scope) => previewRoutes(scope, siteDeps));
  await app.register(async (scope) => feedRoutes(scope, siteDeps));
  await app.register(async (scope) => sitemapRoutes(scope, siteDeps));
  await app.register(async (scope) => commentRoutes(scope, commentsDeps));
  await app.register(async (scope) => apiPostRoutes(scope, { db: handle.db, siteUrl: config.siteUrl }));
  await app.register(async (scope) => searchRoutes(scope, { ...siteDeps, fullText: handle.dialect.fullText }));
  await app.register(async (scope) => apiSearchRoutes(scope, { ...siteDeps, fullText: handle.dialect.fullText }));
  await app.register(async (scope) => apiCommentRoutes(scope, { db: handle.db }));
  // Article saves in the admin queue their related-list refresh here; drained before close.
  const related = new RelatedRefresher(handle.db, handle.dialect.fullText, (err, id) => app.log.error({ err, postId: id }, 'related refresh failed'), deps.now);
  app.decorate('related', related);
  queues.related = related;
  app.addHook('onClose', async () => related.idle());
  await app.register(adminRoutes, {
    prefix: '/admin',
    db: handle.db,
    config,
    site,
    cookieSecret,
    related,
    queues,
    media,
    ...(deps.now ? { now: deps.now } : {}),
    ...(notifier ? { onCommentsApproved: notifier.approved } : {}),
    ...(spamFilter
      ? { onCommentsSpamVerdict: (ids: readonly number[], spam: boolean) => reportVerdicts(handle.db, spamFilter, config.siteUrl, ids, spam) }
      : {}),
    ...deps.admin,
  });
  return app;
}

export interface Jobs {
  /** One pass of scheduled publishing now (the timer's work): the ids that went live. */
  publishDue(): Promise<number[]>;
  /** Ends the timers; resolves once the passes under way are done. */
  stop(): Promise<void>;
}

/**
 * The background jobs of a serving instance: scheduled publishing (what goes live is purged from
 * the page cache and queued for its related list, on the app's own queue) and forgetting old
 * comment IP hashes. Started by main after listening; tests start them with their clock.
 */
export function startJobs(app: FastifyInstance, db: DbHandle['db'], o: { ipRetentionDays: number; now?: () => Date; intervalMs?: number }): Jobs {
  const scheduler = startScheduler(db, {
    ...(o.now ? { now: o.now } : {}),
    ...(o.intervalMs ? { intervalMs: o.intervalMs } : {}),
    onPublished: (ids) => {
      app.log.info({ ids }, 'scheduled posts published');
      purgePosts(app.pageCache, db, ids).catch((err) => app.log.error({ err }, 'cache purge failed'));
      for (const id of ids) app.related.enqueue(id);
    },
    onExpired: (tags) => {
      app.log.info({ tags }, 'pinned stories expired');
      app.pageCache.purge(tags);
    },
    onError: (err) => app.log.error({ err }, 'scheduled publishing failed'),
  });
  const ipPurge = startIpPurge(db, {
    days: o.ipRetentionDays,
    ...(o.now ? { now: o.now } : {}),
    onPurged: (n) => app.log.info({ comments: n }, 'old comment IP hashes purged'),
    onError: (err) => app.log.error({ err }, 'comment IP hash purge failed'),
  });
  app.readiness.jobs = true;
  return {
    publishDue: () => scheduler.tick(),
    stop: async () => {
      app.readiness.jobs = false;
      await Promise.all([scheduler.stop(), ipPurge.stop()]);
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Related-list refreshes off the request path (admin saves, scheduled posts going live). */
    related: RelatedRefresher;
    /** What /readyz reports besides the database (web/health.routes). */
    readiness: Readiness;
  }
}
