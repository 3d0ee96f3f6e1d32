/**
 * @module web/cache
 * The page cache: anonymous GETs of pages, feeds and sitemaps are served from memory as rendered
 * bytes with brotli and gzip variants made once each, when a client first asks for one, an ETag (304 on a match), and the dependency tags
 * of what they show. A write purges exactly the entries carrying the tags it touched, before its
 * response returns. Bounded by bytes (least recently used out first, approximately: see tagged-store).
 *
 * Routes opt in by calling `cacheFor(reply, tags)`; anything else, any request with a session
 * cookie, and every non-GET bypass it. Responses also carry `Cache-Control` with
 * stale-while-revalidate and a `Surrogate-Key` header with the same tags, so a CDN can cache and
 * purge the same way.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { tagsForPostChange } from '../modules/content/cache-tags.js';
import type { PurgeTags } from '../jobs/purge-log.js';
import { ALL, TaggedStore, type Tagged as StoredThing } from './tagged-store.js';
import { owned } from './buffers.js';

type Encoding = 'br' | 'gzip';

interface Variant {
  body: Buffer;
  /** Every header an answer in this encoding sends, content-length included, for answers below Fastify. */
  rawHeaders: OutgoingHttpHeaders;
}

interface Entry {
  key: string;
  status: number;
  type: string;
  /** Every header a hit sends (the first response's, security headers included), built once. */
  hitHeaders: Record<string, string>;
  /** The body as rendered, and compressed variants, each made when a client first asks for it. */
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
  etag: string;
  tags: readonly string[];
  /** Grows as variants are made (see `PageCache.variant`). */
  bytes: number;
}

export interface CacheStats { entries: number; bytes: number; hits: number; misses: number; purged: number }

/** Cookies that mean "a logged-in user or a personalised page": such requests bypass the cache. */
const BYPASS_COOKIES = /(?:^|;\s*)(bs_session|bs_commenter)=/;


/** The share of the page cache's memory that search results may take. */
const SEARCH_SHARE = 1 / 8;
/** The search page and the search API, not an article whose slug begins with "search". */
const SEARCH_URL = /^\/(?:api\/v1\/)?search(?:\?|$)/;

/** The tag every cached response carries: purging it empties the cache (and a CDN's). */
export { ALL };

export class PageCache {
  private readonly pages: TaggedStore<Entry>;
  private readonly searches: TaggedStore<Entry>;
  /** Other stores emptied by the same purges (article fragments): see `attach`. */
  private readonly attached: TaggedStore<StoredThing>[] = [];
  /** Counts purges: a response rendered across a purge is not stored (it may predate the write). */
  private clock = 0;
  private broadcast: ((tags: PurgeTags) => Promise<unknown>) | undefined;
  private onBroadcastError: (err: unknown) => void = () => {};
  private pending: Promise<void> = Promise.resolve();
  readonly stats: CacheStats = { entries: 0, bytes: 0, hits: 0, misses: 0, purged: 0 };

  /**
   * @param onPurge called with every purge's tags (forwarded to a CDN: see `cdnPurger`), whether
   *   or not this instance held a matching entry.
   */
  constructor(maxBytes: number, private readonly onPurge?: (tags: string[]) => void) {
    this.pages = new TaggedStore<Entry>(maxBytes - Math.floor(maxBytes * SEARCH_SHARE));
    this.searches = new TaggedStore<Entry>(Math.floor(maxBytes * SEARCH_SHARE));
  }

  /** Searches (any text makes a new URL) have a share of their own: a flood of them never evicts pages. */
  private storeFor(key: string): TaggedStore<Entry> {
    return SEARCH_URL.test(key) ? this.searches : this.pages;
  }

  /**
   * Where this instance's purges go besides itself (the purge log other instances follow).
   * Appends run in order, after the local purge, off the writer's response path; a failed append is
   * retried (5 tries over about 3 s) and then reported to `onError`.
   */
  broadcastTo(fn: (tags: PurgeTags) => Promise<unknown>, onError: (err: unknown) => void): void {
    this.broadcast = fn;
    this.onBroadcastError = onError;
  }

  /**
   * Another store of rendered things purged with this cache, locally and from elsewhere. What it
   * stores must be rendered between two reads of `purgeClock` that agree, as the cache's own entries are.
   */
  attach(store: TaggedStore<StoredThing>): void {
    this.attached.push(store);
  }

  /** Resolves when every purge so far has been handed to the broadcast (tests, shutdown). */
  flush(): Promise<void> {
    return this.pending;
  }

  /** Purge counter; see `store`. */
  get purgeClock(): number {
    return this.clock;
  }

  get(key: string): Entry | undefined {
    return this.storeFor(key).get(key);
  }

  /**
   * The entry's body in an encoding, compressed the first time a client asks for it (a page asked
   * for once, or only by clients that take no compression, is never compressed).
   */
  variant(e: Entry, encoding: Encoding | undefined): Variant {
    if (!encoding) return e.identity;
    let v = e[encoding];
    if (!v) {
      const body = compress(e.identity.body, encoding);
      v = { body, rawHeaders: { ...e.hitHeaders, 'content-encoding': encoding, 'content-length': body.length } };
      e[encoding] = v;
      this.storeFor(e.key).grow(e.key, body.length + 300);
      this.refreshStats();
    }
    return v;
  }

  set(entry: Entry): void {
    this.storeFor(entry.key).set(entry.key, entry);
    this.refreshStats();
  }

  /**
   * Removes every entry carrying any of the tags (`all`: every entry), synchronously, then tells
   * the CDN and the other instances. Returns how many entries went here.
   */
  purge(tags: Iterable<string>): number {
    const list = [...tags];
    if (list.length === 0) return 0;
    const n = this.purgeLocal(list);
    this.onPurge?.(list);
    const send = this.broadcast;
    if (send) {
      const scope: PurgeTags = list.includes(ALL) ? 'all' : list;
      const onError = this.onBroadcastError;
      this.pending = this.pending.then(() => retry(() => send(scope), 5, 200)).then(() => {}, onError);
    }
    return n;
  }

  /** A purge made elsewhere (another instance, a CLI command): this cache only. */
  applyRemote(scope: PurgeTags): number {
    return this.purgeLocal(scope === 'all' ? [ALL] : scope);
  }

  private purgeLocal(list: readonly string[]): number {
    this.clock++;
    const n = this.pages.purge(list) + this.searches.purge(list);
    for (const store of this.attached) store.purge(list);
    this.stats.purged += n;
    this.refreshStats();
    return n;
  }

  private refreshStats(): void {
    this.stats.entries = this.pages.size + this.searches.size;
    this.stats.bytes = this.pages.bytes + this.searches.bytes;
  }
}

async function retry<T>(fn: () => Promise<T>, tries: number, delayMs: number): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, delayMs * 2 ** (i - 1)));
    }
  }
}

const TAGS = Symbol('cacheTags');
const CLOCK = Symbol('cacheClock');
const LOOKED_UP = Symbol('cacheLookedUp');
type LookedUp = IncomingMessage & { [LOOKED_UP]?: true };
type Tagged = FastifyReply & { [TAGS]?: readonly string[] };
type Clocked = FastifyRequest & { [CLOCK]?: number };

/** Tag lists made by `cacheTags`: ready to use as they are. */
const READY = new WeakSet<readonly string[]>();

/** A response's tag list made once, for something served many times (an article fragment). */
export function cacheTags(tags: Iterable<string>): readonly string[] {
  const list = Object.freeze([...new Set([...tags, ALL])]);
  READY.add(list);
  return list;
}

/** Marks this response cacheable, with the dependency tags of everything it shows. */
export function cacheFor(reply: FastifyReply, tags: Iterable<string> | readonly string[]): void {
  (reply as Tagged)[TAGS] = READY.has(tags as readonly string[]) ? (tags as readonly string[]) : [...new Set(tags), ALL];
}

/** What decides whether a request may be answered from the cache (Fastify's and node's requests alike). */
interface CacheProbe { method?: string | undefined; url?: string | undefined; headers: IncomingHttpHeaders }

const cacheable = (request: CacheProbe): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !request.headers.authorization &&
  !BYPASS_COOKIES.test(request.headers.cookie ?? '') &&
  request.url !== undefined &&
  !request.url.startsWith('/admin') &&
  !request.url.startsWith('/preview/');

/** Chooses the encoding the client accepts: brotli, then gzip, then none. */
function negotiate(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

/** A strong validator for a body: a hash of its bytes. */
export const etagOf = (body: Buffer | string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Whether an If-None-Match header names this ETag, compared weakly (RFC 9110 §13.1.2); `*` names
 * any current representation, so a page that exists matches it.
 */
export const etagMatches = (header: string | undefined, etag: string): boolean =>
  !!header && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

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

/** Brotli at quality 5 (about gzip's speed, smaller), gzip at 6. */
function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}

/** The answer to a hit: 304 on a matching ETag, else the body in the encoding the client takes. */
function hitAnswer(cache: PageCache, headers: IncomingHttpHeaders, e: Entry): { status: number; encoding?: Encoding; variant?: Variant } {
  if (etagMatches(headers['if-none-match'], e.etag)) return { status: 304 };
  const encoding = negotiate(headers['accept-encoding']);
  return { status: e.status, ...(encoding ? { encoding } : {}), variant: cache.variant(e, encoding) };
}

function sendEntry(cache: PageCache, request: FastifyRequest, reply: FastifyReply, e: Entry): void {
  // One object of ready-made headers: a hit is the hot path, so no per-request header building.
  reply.headers(e.hitHeaders);
  const a = hitAnswer(cache, request.headers, e);
  if (a.encoding) reply.header('content-encoding', a.encoding);
  reply.code(a.status).send(a.variant?.body);
}

/**
 * Answers cache hits on node's request before Fastify sees it (Fastify's `serverFactory`): a hit
 * then costs what a static file server's answer costs. Misses fall through to `next` (Fastify),
 * marked as looked up; the onRequest hook answers hits made through `inject` the same way.
 */
export function answerHitsFirst(cache: PageCache, next: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const e = cacheable(req) ? cache.get(req.url!) : undefined;
    if (!e) {
      (req as LookedUp)[LOOKED_UP] = true;
      next(req, res);
      return;
    }
    cache.stats.hits++;
    const a = hitAnswer(cache, req.headers, e);
    res.writeHead(a.status, a.variant ? a.variant.rawHeaders : e.hitHeaders);
    res.end(req.method === 'HEAD' ? undefined : a.variant?.body);
  };
}

/** Headers never replayed from a stored response. */
const NOT_REPLAYED = new Set(['content-length', 'content-encoding', 'content-type', 'date', 'set-cookie', 'x-cache', 'etag', 'cache-control', 'surrogate-key', 'vary', 'connection', 'transfer-encoding', 'keep-alive']);

/**
 * Installs the cache hooks on the root instance. Register it FIRST: a hit is answered before
 * any later onRequest hook (security headers, cookie parsing) runs, with the headers those hooks
 * set on the first response replayed.
 */
export function registerPageCache(app: FastifyInstance, o: CacheOptions): void {
  // Callback-style hooks: no promise per request on the hot path.
  app.addHook('onRequest', (request, reply, done) => {
    // A request that came through answerHitsFirst was looked up there already.
    const hit = !(request.raw as LookedUp)[LOOKED_UP] && cacheable(request) ? o.cache.get(request.url) : undefined;
    if (!hit) {
      o.cache.stats.misses++;
      (request as Clocked)[CLOCK] = o.cache.purgeClock;
      done();
      return;
    }
    o.cache.stats.hits++;
    sendEntry(o.cache, request, reply, hit);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const tags = (reply as Tagged)[TAGS];
    if (!tags || reply.statusCode !== 200 || reply.getHeader('x-cache') === 'HIT' || !cacheable(request)) {
      done(null, payload);
      return;
    }
    done(null, store(request, reply, payload, tags, o));
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
    'cache-control': `public, max-age=${o.maxAge}, stale-while-revalidate=${o.staleWhileRevalidate}`,
    ...(o.surrogateKeys ? { 'surrogate-key': tags.join(' ') } : {}),
    vary: 'Accept-Encoding',
  };
  const replayed: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) {
    if (v !== undefined && !NOT_REPLAYED.has(k.toLowerCase())) replayed[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  const hitHeaders = { ...replayed, 'content-type': type, ...cacheHeaders, 'x-cache': 'HIT' };
  const entry: Entry = {
    key: request.url, status: 200, type, etag, tags,
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

/**
 * Purges what changing these posts touches (call after the write commits, before responding).
 * `extra` adds tags the caller knows about, e.g. the lists a post left when its sections changed.
 */
export async function purgePosts(cache: PageCache, db: Db, postIds: number[], extra: Iterable<string> = []): Promise<number> {
  return cache.purge(await tagsForPostChange(db, postIds, extra));
}

/** One purge request to a CDN purge endpoint (see `cdnPurger`); rejects on failure. */
export async function sendCdnPurge(url: string, tags: readonly string[]): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'surrogate-key': tags.join(' '), 'content-type': 'application/json' },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`CDN purge answered ${res.status}`);
}

/**
 * Forwards purges to a CDN or a Varnish in front of the site: POST to `url` with the tags in a
 * `Surrogate-Key` header (Fastly's convention, which Varnish xkey setups copy) and as JSON.
 * Fire-and-forget with a timeout: a slow CDN never delays a writer's response. Only the instance
 * (or CLI command) that made a purge forwards it; followers of the purge log do not.
 */
export function cdnPurger(url: string, onError: (err: unknown) => void): (tags: string[]) => void {
  return (tags) => {
    sendCdnPurge(url, tags).catch(onError);
  };
}
