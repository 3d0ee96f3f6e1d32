/**
 * @module app
 * buildApp(deps) assembles the HTTP application and never listens, so tests can `inject`.
 */
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { Config } from './config/config.js';
import type { DbHandle } from './db/database.js';
import { ASSETS_DIR } from './web/site/assets.js';
import { sendError, siteNotFoundHandler, siteRoutes, type SiteDeps } from './web/site/routes.js';
import { siteContextFrom } from './web/site/site-context.js';
import { searchRoutes } from './web/site/search.js';

export interface AppDeps {
  config: Config;
  handle: DbHandle;
  /** Injected clock (scheduled publishing, dates in tests). */
  now?: () => Date;
  /** Fastify logger setting; tests pass false. */
  logger?: boolean | { level: string };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, handle } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // Slugs in non-Latin scripts are long once percent-encoded.
    routerOptions: { maxParamLength: 1000, ignoreDuplicateSlashes: false },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  const https = config.siteUrl.startsWith('https:');
  await app.register(helmet, {
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

  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
  await app.register(fastifyStatic, {
    root: path.join(config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    maxAge: '30d',
    immutable: true,
    index: false,
  });
  app.get('/favicon.svg', (_req, reply) => reply.header('cache-control', 'public, max-age=86400').sendFile('favicon.svg', ASSETS_DIR));
  app.get('/favicon.ico', (_req, reply) => reply.redirect('/favicon.svg', 301));

  app.get('/healthz', async () => {
    await handle.db.selectFrom('settings').select('key').limit(1).execute();
    return { ok: true };
  });

  const siteDeps: SiteDeps = { db: handle.db, site: siteContextFrom(config, deps.now) };
  // Before any route plugin: a child scope takes the error handler in force when it loads.
  app.setErrorHandler((err, request, reply) => sendError(siteDeps, request, reply, err));
  app.setNotFoundHandler(siteNotFoundHandler(siteDeps));
  await app.register(async (scope) => siteRoutes(scope, siteDeps));
  await app.register(async (scope) => searchRoutes(scope, { ...siteDeps, fullText: handle.dialect.fullText }));
  return app;
}
