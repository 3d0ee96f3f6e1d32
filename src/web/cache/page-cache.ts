/**
 * @module web/cache/page-cache
 * The page cache's store: rendered responses by URL, with their ETag, dependency tags and
 * compressed variants made the first time a client asks for each; bounded by bytes, searches in a
 * share of their own so a flood of distinct queries never pushes articles out. Purges by tag,
 * here and (through the purge log) on every other instance.
 */
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { OutgoingHttpHeaders } from 'node:http';
import type { PurgeTags } from '../../jobs/purge-log.js';
import { ALL, TaggedStore, type Tagged as StoredThing } from './tagged-store.js';
import { Coalescer } from './coalesce.js';

export type Encoding = 'br' | 'gzip';

export interface Variant {
  body: Buffer;
  /** Every header an answer in this encoding sends, content-length included, for answers below Fastify. */
  rawHeaders: OutgoingHttpHeaders;
}

export interface Entry {
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

export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  /** Misses answered from another request's render of the same page (see `renders`). */
  coalesced: number;
  purged: number;
}

/** How a render that others waited for ended: kept, not kept because a purge ran meanwhile, or not cacheable. */
export type RenderOutcome = 'stored' | 'purged' | 'uncacheable';

/** Cookies that mean "a logged-in user or a personalised page": such requests bypass the cache. */
export const BYPASS_COOKIES = /(?:^|;\s*)(bs_session|bs_commenter)=/;

/** The share of the page cache's memory that search results may take. */
const SEARCH_SHARE = 1 / 8;
/** The search page and the search API, not an article whose slug begins with "search". */
const SEARCH_URL = /^\/(?:api\/v1\/)?search(?:\?|$)/;

/** The tag every cached response carries: purging it empties the cache (and a CDN's). */
export { ALL };

/** Brotli at quality 5 (about gzip's speed, smaller), gzip at 6. */
function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}

export class PageCache {
  private readonly pages: TaggedStore<Entry>;
  private readonly searches: TaggedStore<Entry>;
  /** Other stores emptied by the same purges (article fragments): see `attach`. */
  private readonly attached: TaggedStore<StoredThing>[] = [];
  /** Told of every purge, local or remote (what keeps other state in step with pages: the site settings). */
  private readonly watchers: ((tags: readonly string[]) => void)[] = [];
  /** Counts purges: a response rendered across a purge is not stored (it may predate the write). */
  private clock = 0;
  private broadcast: ((tags: PurgeTags) => Promise<unknown>) | undefined;
  private onBroadcastError: (err: unknown) => void = () => {};
  private pending: Promise<void> = Promise.resolve();
  /** Tags of the next append, not begun yet: later purges join it. */
  private queued: Set<string> | 'all' | undefined;
  readonly stats: CacheStats = { entries: 0, bytes: 0, hits: 0, misses: 0, coalesced: 0, purged: 0 };
  /** Renders of missed pages under way, by URL: concurrent misses of one page wait for one render. */
  readonly renders = new Coalescer<RenderOutcome>();

  /**
   * @param onPurge called with every purge's tags (forwarded to a CDN: see `cdnPurger`), whether
   *   or not this instance held a matching entry.
   */
  constructor(
    maxBytes: number,
    private readonly onPurge?: (tags: string[]) => void,
  ) {
    this.pages = new TaggedStore<Entry>(maxBytes - Math.floor(maxBytes * SEARCH_SHARE));
    this.searches = new TaggedStore<Entry>(Math.floor(maxBytes * SEARCH_SHARE));
  }

  /** Searches (any text makes a new URL) have a share of their own: a flood of them never evicts pages. */
  private storeFor(key: string): TaggedStore<Entry> {
    return SEARCH_URL.test(key) ? this.searches : this.pages;
  }

  /**
   * Where this instance's purges go besides itself (the purge log other instances follow).
   * Appends run in order, after the local purge, off the writer's response path; purges made while
   * an append is under way go together in the next one. A failed append is retried (5 tries over
   * about 3 s) and then reported to `onError`.
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

  /** Calls `fn` with the tags of every purge here, local or from another instance. */
  watch(fn: (tags: readonly string[]) => void): void {
    this.watchers.push(fn);
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
      if (this.queued) {
        // An append is waiting for the one before it: this purge joins it (a busy story's comments
        // and edits make one log row per append under way, not one per write).
        if (list.includes(ALL)) this.queued = 'all';
        else if (this.queued !== 'all') for (const t of list) this.queued.add(t);
        return n;
      }
      this.queued = list.includes(ALL) ? 'all' : new Set(list);
      const onError = this.onBroadcastError;
      this.pending = this.pending
        .then(() => {
          const queued = this.queued!;
          this.queued = undefined;
          const scope: PurgeTags = queued === 'all' ? 'all' : [...queued];
          return retry(() => send(scope), 5, 200);
        })
        .then(() => {}, onError);
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
    for (const fn of this.watchers) fn(list);
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
