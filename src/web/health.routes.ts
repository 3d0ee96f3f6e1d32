/**
 * @module web/health.routes
 * For load balancers and orchestrators (docs/deploy):
 *   GET /healthz  the process is alive and its event loop answers; reads nothing: 200
 *   GET /readyz   it can serve: the database answers, every migration is applied, the background
 *                 jobs run and the instance is not shutting down: 200, or 503 naming what failed
 * Both are `private, no-store`: a CDN or the page cache never answers for them.
 */
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { PRIVATE } from './cache/index.js';

/** What /readyz reports besides the database; main and startJobs keep it. */
export interface Readiness {
  /** Scheduled publishing and the other background jobs are running (startJobs). */
  jobs: boolean;
  /** A shutdown has begun: finishing what is in flight, taking nothing new. */
  draining: boolean;
}

type Check = 'ok' | string;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without the site's settings (so without the database): the health checks. */
    siteless?: boolean;
  }
}

const SITELESS = { config: { siteless: true } };

export async function healthRoutes(app: FastifyInstance, deps: { handle: DbHandle; readiness: Readiness }): Promise<void> {
  app.get('/healthz', SITELESS, async (_request, reply) => {
    reply.header('cache-control', PRIVATE);
    return { ok: true };
  });

  app.get('/readyz', SITELESS, async (_request, reply) => {
    const checks: Record<'database' | 'migrations' | 'jobs' | 'shutdown', Check> = {
      database: 'ok',
      migrations: 'ok',
      jobs: deps.readiness.jobs ? 'ok' : 'background jobs are not running',
      shutdown: deps.readiness.draining ? 'shutting down' : 'ok',
    };
    try {
      // Reading the applied migrations is also the proof that the database answers.
      const pending = await pendingMigrations(deps.handle);
      if (pending.length) checks.migrations = `not applied: ${pending.join(', ')}`;
    } catch (err) {
      checks.database = `unreachable: ${(err as Error).message}`;
      checks.migrations = 'unknown';
    }
    const ok = Object.values(checks).every((c) => c === 'ok');
    reply.header('cache-control', PRIVATE).code(ok ? 200 : 503);
    return { ok, checks };
  });
}
