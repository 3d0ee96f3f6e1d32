/**
 * @module web/cache/serve
 * The page cache in the request path: hits answered on node's request before Fastify sees it
 * (a hit costs what a static file server's answer costs), the onRequest hook for `inject`, and
 * the onSend hook that stores a fresh cacheable response with Cache-Control and, for a CDN,
 * Surrogate-Key. Anonymous GETs only: any session cookie, /admin and /preview/ bypass it.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { owned } from '../buffers.js';
import { BYPASS_COOKIES, type Encoding, type Entry, type PageCache, type RenderOutcome, type Variant } from './page-cache.js';
import { CLOCK, LOOKED_UP, TAGS, type Clocked, type LookedUp, type Tagged } from './response-tags.js';
import { etagMatches, etagOf, negotiateEncoding } from './validators.js';

/** What decides whether a request may be answered from the cache (Fastify's and node's requests alike). */
interface CacheProbe {
  method?: string | undefined;
  url?: string | undefined;
  headers: IncomingHttpHeaders;
}

/** Whether a response to this request may be kept and shared by the page cache (no cookie, no credentials, not the admin). */
export const mayBeCached = (request: CacheProbe): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !request.headers.authorization &&
  !BYPASS_COOKIES.test(request.headers.cookie ?? '') &&
  request.url !== undefined &&
  !request.url.startsWith('/admin') &&
  !request.url.startsWith('/preview/');

export interface CacheOptions {
  cache: PageCache;
  /** Seconds a CDN or browser may reuse a response (then revalidate). */
  maxAge: number;
  staleWhileRevalidate: number;
  /**
   * Send the tags as `Surrogate-Key`, for a CDN that purges by them. Off without one: the header
   * would only tell every reader the site's internal ids, in about 300 bytes on every answer.
   */
  surrogateKeys?: boolean;
}

/** The answer to a hit: 304 on a matching ETag, else the body in the encoding the client takes. */
function hitAnswer(cache: PageCache, headers: IncomingHttpHeaders, e: Entry): { status: number; encoding?: Encoding; variant?: Variant } {
  if (etagMatches(headers['if-none-match'], e.etag)) return { status: 304 };
  const encoding = negotiateEncoding(headers['accept-encoding']);
  return { status: e.status, ...(encoding ? { encoding } : {}), variant: cache.variant(e, encoding) };
}

function sendEntry(cache: PageCache, request: FastifyRequest, reply: FastifyReply, e: Entry): void {
  // One object of ready-made headers: a hit is the hot path, so no per-request header building.
  reply.headers(e.hitHeaders);
  const a = hitAnswer(cache, request.headers, e);
  if (a.encoding) reply.header('content-encoding', a.encoding);
  reply.code(a.status).send(a.variant?.body);
}

/** What the app adds to a hit answered before Fastify: a request id header, and its log line. */
export interface HitObserver {
  /** The response header that carries the id. */
  header: string;
  id(req: IncomingMessage): string;
  answered(id: string, req: IncomingMessage, status: number, startedAt: bigint): void;
}

/**
 * Answers cache hits on node's request before Fastify sees it (Fastify's `serverFactory`): a hit
 * then costs what a static file server's answer costs. Misses fall through to `next` (Fastify),
 * marked as looked up; the onRequest hook answers hits made through `inject` the same way.
 */
export function answerHitsFirst(
  cache: PageCache,
  next: (req: IncomingMessage, res: ServerResponse) => void,
  observer?: HitObserver,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const e = mayBeCached(req) ? cache.get(req.url!) : undefined;
    if (!e) {
      (req as LookedUp)[LOOKED_UP] = true;
      next(req, res);
      return;
    }
    cache.stats.hits++;
    const a = hitAnswer(cache, req.headers, e);
    const headers = a.variant ? a.variant.rawHeaders : e.hitHeaders;
    const startedAt = observer ? process.hrtime.bigint() : 0n;
    const id = observer?.id(req);
    res.writeHead(a.status, observer && id !== undefined ? { ...headers, [observer.header]: id } : headers);
    res.end(req.method === 'HEAD' ? undefined : a.variant?.body);
    if (observer && id !== undefined) observer.answered(id, req, a.status, startedAt);
  };
}

/** Headers never replayed from a stored response. */
const NOT_REPLAYED = new Set([
  'content-length',
  'content-encoding',
  'content-type',
  'date',
  'set-cookie',
  'x-cache',
  // Each response's own (web/request-log).
  'x-request-id',
  'etag',
  'cache-control',
  'surrogate-key',
  'vary',
  'connection',
  'transfer-encoding',
  'keep-alive',
]);

/**
 * Installs the cache hooks on the root instance. Register it FIRST: a hit is answered before
 * any later onRequest hook (security headers, cookie parsing) runs, with the headers those hooks
 * set on the first response replayed.
 */
export function registerPageCache(app: FastifyInstance, o: CacheOptions): void {
  // Callback-style hooks: no promise per request on the hot path.
  app.addHook('onRequest', (request, reply, done) => {
    if (!mayBeCached(request)) {
      o.cache.stats.misses++;
      done();
      return;
    }
    // A request that came through answerHitsFirst was looked up there already.
    const hit = (request.raw as LookedUp)[LOOKED_UP] ? undefined : o.cache.get(request.url);
    if (hit) {
      o.cache.stats.hits++;
      sendEntry(o.cache, request, reply, hit);
      return;
    }
    admitMiss(o.cache, request, reply, done, true);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const tags = (reply as Tagged)[TAGS];
    if (!tags || reply.statusCode !== 200 || reply.getHeader('x-cache') === 'HIT' || !mayBeCached(request)) {
      endRender(o.cache, request);
      done(null, payload);
      return;
    }
    const sent = store(request, reply, payload, tags, o);
    endRender(o.cache, request);
    done(null, sent);
  });
  // A render that never reached onSend (an aborted request, a failed hook) must not keep others waiting.
  app.addHook('onResponse', (request, _reply, done) => {
    endRender(o.cache, request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    endRender(o.cache, request);
    done();
  });
}

/** Set on the request that renders a missed page others wait for: ends their wait. */
const LEADS = Symbol('cacheLeads');
type Leading = FastifyRequest & { [LEADS]?: (outcome: RenderOutcome) => void };

/**
 * A cacheable request that missed: renders the page, or, when a render of the same URL begun at
 * the same purge clock is under way, waits for it and answers with what it stored. A render that
 * was not kept because a purge ran meanwhile is waited for again (the next one, at the new clock);
 * one that is not cacheable at all (a 404, a redirect) lets each waiter render for itself.
 */
function admitMiss(cache: PageCache, request: FastifyRequest, reply: FastifyReply, done: () => void, mayWait: boolean): void {
  const clock = cache.purgeClock;
  let leads = false;
  const render = mayWait
    ? cache.renders.run(request.url, clock, () => {
        leads = true;
        return new Promise<RenderOutcome>((resolve) => {
          (request as Leading)[LEADS] = resolve;
        });
      })
    : undefined;
  if (!render || leads) {
    cache.stats.misses++;
    (request as Clocked)[CLOCK] = clock;
    done();
    return;
  }
  render.then((outcome) => {
    const e = cache.get(request.url);
    if (e) {
      cache.stats.hits++;
      cache.stats.coalesced++;
      sendEntry(cache, request, reply, e);
      return;
    }
    admitMiss(cache, request, reply, done, outcome === 'purged');
  });
}

/** Ends the wait of the requests sharing this request's render (once; later calls do nothing). */
function endRender(cache: PageCache, request: FastifyRequest): void {
  const resolve = (request as Leading)[LEADS];
  if (!resolve) return;
  (request as Leading)[LEADS] = undefined;
  resolve(cache.get(request.url) ? 'stored' : (request as Clocked)[CLOCK] !== cache.purgeClock ? 'purged' : 'uncacheable');
}

/** What a response that depends on who asks (a cookie, a session, a reply target) says to every cache. */
export const PRIVATE = 'private, no-store';

/** What a public page says to browsers and CDNs. */
const publicPolicy = (o: { maxAge: number; staleWhileRevalidate: number }): string =>
  `public, max-age=${o.maxAge}, stale-while-revalidate=${o.staleWhileRevalidate}`;

/**
 * The rule for every response's `Cache-Control`, with the page cache on or off: a route either
 * says it itself (static files, the comments API), or marked a page public with `cacheFor` and the
 * request carried no cookie or credentials (then `public, …`, what the page cache's hits say
 * too); everything else, which may show what one reader may see (their held comments, a reply
 * form, a preview, the admin), is `private, no-store`, so a CDN or a shared proxy never keeps it.
 * Register it after registerPageCache: a stored page has its header by then.
 */
export function registerCachePolicy(app: FastifyInstance, o: { maxAge: number; staleWhileRevalidate: number }): void {
  const publicHeader = publicPolicy(o);
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) {
      const shared = (reply as Tagged)[TAGS] !== undefined && reply.statusCode === 200 && mayBeCached(request);
      reply.header('cache-control', shared ? publicHeader : PRIVATE);
    }
    done(null, payload);
  });
}

/** Stores a fresh response and returns the payload to send (compressed, then kept so, when the client asks). */
function store(request: FastifyRequest, reply: FastifyReply, payload: unknown, tags: readonly string[], o: CacheOptions): unknown {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  // Kept for long: its own bytes, not a view into a shared slab (see web/buffers).
  const body = Buffer.isBuffer(payload) ? owned(payload) : Buffer.from(payload);
  // A purge ran while this page was rendered: what it read may predate that write. Send, don't keep.
  if ((request as Clocked)[CLOCK] !== o.cache.purgeClock) return payload;
  // A validator the route set already (feeds, sitemaps: see etagOf) is the same hash: not made twice.
  const set = reply.getHeader('etag');
  const etag = typeof set === 'string' ? set : etagOf(body);
  const type = String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8');
  // What this response and every hit say to browsers and CDNs.
  const cacheHeaders = {
    etag,
    'cache-control': publicPolicy(o),
    ...(o.surrogateKeys ? { 'surrogate-key': tags.join(' ') } : {}),
    vary: 'Accept-Encoding',
  };
  const replayed: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) {
    if (v !== undefined && !NOT_REPLAYED.has(k.toLowerCase())) replayed[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  const hitHeaders = { ...replayed, 'content-type': type, ...cacheHeaders, 'x-cache': 'HIT' };
  const entry: Entry = {
    key: request.url,
    status: 200,
    type,
    etag,
    tags,
    hitHeaders,
    identity: { body, rawHeaders: { ...hitHeaders, 'content-length': body.length } },
    bytes: body.length + request.url.length * 2 + 600,
  };
  o.cache.set(entry);
  reply.headers(cacheHeaders);
  reply.header('x-cache', 'MISS');
  const a = hitAnswer(o.cache, request.headers, entry);
  if (a.status === 304) {
    reply.code(304);
    return '';
  }
  if (!a.encoding) return body;
  reply.header('content-encoding', a.encoding);
  reply.removeHeader('content-length');
  return a.variant?.body;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The page cache; writers purge it by tag. */
    pageCache: PageCache;
  }
}
