/**
 * @module web/metrics
 *   GET /metrics   Prometheus' text format (prom-client), for the operator's scraper
 * Off unless METRICS_TOKEN is set; then the scraper sends `Authorization: Bearer <token>` (a wrong
 * or missing token is a 401, compared in constant time). Each app has its own registry.
 *
 * Requests that reach the router are counted and timed by route pattern, method and status, with
 * the page cache's verdict (`x-cache`: HIT, MISS, or none for what it does not keep). Cache hits
 * answered before the router (web/cache/serve `answerHitsFirst`) cost no hook: they are the page
 * cache's own counters, read at scrape time with the rest (cache bytes and entries, coalesced
 * misses, purges, the purge-log position, queue and scheduler depths, the database pool, stored
 * comments by status and media files).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DbHandle } from '../db/database.js';
import type { PageCache } from './cache/index.js';
import { PRIVATE } from './cache/index.js';
import { routeAndVerdict } from './request-log.js';
import type { FragmentStoreStats } from './site/article-fragments.js';
import { statusCounts } from '../modules/comment/comment.repository.js';
import { scheduledCounts } from '../modules/content/posts.repository.js';
import { countMedia } from '../modules/media/media.repository.js';
import { lastPurgeId } from '../modules/content/purge-log.repository.js';

export interface MetricsSources {
  handle: DbHandle;
  cache: PageCache;
  /** Background queues by name (ids waiting), read at scrape time. */
  queues: () => Record<string, { readonly pending: number }>;
  /** The article fragments' stores (undefined when FRAGMENT_CACHE_MB=0), read at scrape time. */
  fragments?: () => Record<string, FragmentStoreStats> | undefined;
  /** This instance's place in the purge log (undefined when it does not follow it). */
  purgePosition?: () => { applied: number; readAt: number };
  now: () => Date;
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsRoutes(app: FastifyInstance, token: string, src: MetricsSources): void {
  const register = new Registry();
  collectDefaultMetrics({ register, prefix: 'broadsheet_' });
  const requests = new Counter({
    name: 'broadsheet_http_requests_total',
    help: 'Requests that reached the router, by route pattern, method, status and page-cache verdict',
    labelNames: ['route', 'method', 'status', 'cache'] as const,
    registers: [register],
  });
  const duration = new Histogram({
    name: 'broadsheet_http_request_duration_seconds',
    help: 'Time from the request to the response sent, for requests that reached the router',
    labelNames: ['route', 'method'] as const,
    buckets: SECONDS,
    registers: [register],
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const { route, cache } = routeAndVerdict(request, reply);
    const method = request.method;
    requests.inc({ route, method, status: String(reply.statusCode), cache });
    duration.observe({ route, method }, reply.elapsedTime / 1000);
  });

  const stats = src.cache.stats;
  const gauge = (name: string, help: string, collect: (g: Gauge) => void | Promise<void>, labelNames: string[] = []) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [register],
      async collect() {
        await collect(this);
      },
    });
  const counted = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [register],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  counted('broadsheet_page_cache_hits_total', 'Pages answered from the page cache (before the router or in it)', () => stats.hits);
  counted('broadsheet_page_cache_misses_total', 'Cacheable requests the page cache did not hold', () => stats.misses);
  counted('broadsheet_page_cache_coalesced_total', 'Misses answered from another request’s render of the same page', () => stats.coalesced);
  counted('broadsheet_page_cache_purged_total', 'Entries removed by purges', () => stats.purged);
  gauge('broadsheet_page_cache_entries', 'Pages and searches held', (g) => g.set(stats.entries));
  gauge('broadsheet_page_cache_bytes', 'Bytes held by the page cache, compressed variants included', (g) => g.set(stats.bytes));
  if (src.fragments) {
    const read = src.fragments;
    const each = (pick: (st: FragmentStoreStats) => number) => Object.entries(read() ?? {}).map(([store, st]) => [{ store }, pick(st)] as const);
    const storeCounter = (name: string, help: string, pick: (st: FragmentStoreStats) => number) =>
      new Counter({
        name,
        help,
        labelNames: ['store'],
        registers: [register],
        collect() {
          this.reset();
          for (const [labels, n] of each(pick)) this.inc(labels, n);
        },
      });
    const storeGauge = (name: string, help: string, pick: (st: FragmentStoreStats) => number) =>
      gauge(
        name,
        help,
        (g) => {
          for (const [labels, n] of each(pick)) g.set(labels, n);
        },
        ['store'],
      );
    storeCounter('broadsheet_fragment_cache_hits_total', 'Article fragment lookups that found their fragment, by store', (st) => st.hits);
    storeCounter('broadsheet_fragment_cache_misses_total', 'Article fragment lookups that had to read and render, by store', (st) => st.misses);
    storeGauge('broadsheet_fragment_cache_entries', 'Article fragments held, by store', (st) => st.entries);
    storeGauge('broadsheet_fragment_cache_bytes', 'Bytes held by the article fragments, by store', (st) => st.bytes);
  }
  gauge(
    'broadsheet_queue_pending',
    'Ids waiting in a background queue',
    (g) => {
      for (const [queue, q] of Object.entries(src.queues())) g.set({ queue }, q.pending);
    },
    ['queue'],
  );
  if (src.purgePosition) {
    const position = src.purgePosition;
    gauge('broadsheet_purge_log_lag', 'Purge-log rows written (by any instance) that this instance has not applied yet', async (g) => {
      g.set(Math.max(0, (await lastPurgeId(src.handle.db)) - position().applied));
    });
    gauge('broadsheet_purge_log_read_age_seconds', 'Seconds since this instance last read the purge log', (g) => {
      const at = position().readAt;
      g.set(at ? (src.now().getTime() - at) / 1000 : -1);
    });
  }
  gauge(
    'broadsheet_scheduled_posts',
    'Scheduled posts, and those due but not yet live',
    async (g) => {
      const c = await scheduledCounts(src.handle.db, src.now());
      g.set({ state: 'scheduled' }, c.scheduled);
      g.set({ state: 'due' }, c.due);
    },
    ['state'],
  );
  gauge(
    'broadsheet_comments',
    'Stored comments by status',
    async (g) => {
      for (const [status, n] of Object.entries(await statusCounts(src.handle.db))) g.set({ status }, n);
    },
    ['status'],
  );
  gauge('broadsheet_media_files', 'Files in the media library (uploads and imports)', async (g) => g.set(await countMedia(src.handle.db)));
  const pool = src.handle.dialect.poolStats;
  if (pool) {
    gauge(
      'broadsheet_db_pool_connections',
      'PostgreSQL pool connections: open, idle, and requests waiting for one',
      (g) => {
        const p = pool();
        g.set({ state: 'total' }, p.total);
        g.set({ state: 'idle' }, p.idle);
        g.set({ state: 'waiting' }, p.waiting);
      },
      ['state'],
    );
  }

  app.get('/metrics', { config: { siteless: true, caller: 'bearer-token' } }, async (request, reply) => {
    const auth = String(request.headers.authorization ?? '');
    reply.header('cache-control', PRIVATE);
    if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').type('text/plain; charset=utf-8').send('A metrics token is needed.\n');
    }
    return reply.type(register.contentType).send(await register.metrics());
  });
}
