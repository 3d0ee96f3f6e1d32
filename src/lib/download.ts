/**
 * @module lib/download
 * Fetches URLs that come from untrusted input (a WordPress export's files, a social post's link
 * pasted in the editor) over HTTP(S):
 *  - http and https only, no credentials in the URL;
 *  - private, loopback, link-local and other non-public addresses refused unless `allowPrivate`
 *    (checked when the connection is made, on the address it connects to, for every redirect too,
 *    so a name that resolves elsewhere the second time — DNS rebinding — gains nothing);
 *  - one deadline per try covering the whole exchange (connect, headers, every byte of the body,
 *    redirects), so a server that trickles bytes is cut off like one that never answers;
 *  - a size limit checked against Content-Length and again while the body streams: the download
 *    stops as soon as it exceeds the limit, nothing more is buffered;
 *  - redirects followed up to a limit; retries with exponential backoff (or Retry-After, capped)
 *    for network errors, 429 and 5xx, never for 404, 410, 403 or a timeout;
 *  - `fetch` only: the answer's Content-Type must be one of those asked for.
 * Node's own http/https clients: no dependency, and the `lookup` hook is where addresses are checked.
 *
 * @example
 * const d = new Downloader({ ...DEFAULT_DOWNLOAD_LIMITS, allowPrivate: false });
 * try { const bytes = await d.download('https://old.example/wp-content/uploads/a.jpg'); } finally { d.close(); }
 * // A page, HTML only:
 * const page = await d.fetch('https://mastodon.example/@ana/1', { accept: 'text/html', types: ['text/html'] });
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export type DownloadFailure =
  | 'bad-url'
  | 'private-address'
  | 'not-found'
  | 'forbidden'
  | 'http-error'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'network'
  | 'unsupported-type'
  | 'aborted';

/** Why a download failed, with a message for the person running the import. */
export class DownloadError extends Error {
  constructor(
    readonly reason: DownloadFailure,
    message: string,
    readonly retryable = false,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadLimits {
  /** Milliseconds one try may take, from connecting to the last byte (redirects included). */
  timeoutMs: number;
  /** Bytes a file may have; a larger one is abandoned as soon as that shows. */
  maxBytes: number;
  maxRedirects: number;
  /** Tries after the first, for network errors, 429 and 5xx. */
  retries: number;
  /** First backoff in milliseconds; doubled each retry, with ±25% jitter. */
  backoffMs: number;
  /** Connect to private, loopback and link-local addresses too (an import from an intranet, tests). */
  allowPrivate: boolean;
  /** Connections kept open at once (the import's download concurrency). */
  maxSockets: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: Readonly<DownloadLimits> = Object.freeze({
  timeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  backoffMs: 500,
  allowPrivate: false,
  maxSockets: 4,
});

/** What a Downloader says about itself and how it finds addresses; none of it is a limit. */
export interface DownloaderOptions {
  /** Ends every download under way and every wait between tries. */
  signal?: AbortSignal;
  /** The User-Agent sent (who is asking, and why). */
  userAgent?: string;
  /** Said after a refused address: how the person running this may allow it (a flag, a variable). */
  privateHint?: string;
  /** Resolves host names instead of dns.lookup (tests: a network's host name to a local server); its answers are checked all the same. */
  resolve?: typeof dns.lookup;
}

/** What `fetch` asks for and accepts. */
export interface FetchRequest {
  /** The Accept header. */
  accept: string;
  /** Media types the answer may have (`text/html`, `application/json`…); another one is refused. */
  types: readonly string[];
  /**
   * The URL is the operator's own (from configuration, such as an oEmbed endpoint): its first
   * request is made whatever its address, on a connection of its own; every redirect is checked.
   */
  trusted?: boolean;
}

/** A fetched answer: its bytes, its media type (lower case, without parameters) and the URL it came from after redirects. */
export interface Fetched {
  body: Buffer;
  type: string;
  url: URL;
}

/** The longest Retry-After we wait for; a server asking for more is retried after this. */
const MAX_RETRY_AFTER_MS = 30_000;
const USER_AGENT = 'Broadsheet/1.0';
const IMAGES: FetchRequest = { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,*/*;q=0.5', types: [] };

// ---- addresses ----

const BLOCKED = new net.BlockList();
for (const [a, p] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata endpoints live here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(a, p, 'ipv4');
}
for (const [a, p] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001::', 32], // Teredo (tunnels to any IPv4 address)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (likewise)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(a, p, 'ipv6');
}

/** The IPv4 address inside a NAT64 address (64:ff9b::a.b.c.d), if it is one. */
function nat64Embedded(ip: string): string | undefined {
  const m = /^64:ff9b::(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ip);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const hi = Number.parseInt(m[2]!, 16);
  const lo = Number.parseInt(m[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * True for an address a server-side fetch of untrusted URLs must not reach by default: loopback,
 * private (RFC 1918, unique local), link-local, carrier-grade NAT, multicast, reserved and
 * documentation ranges, IPv4-mapped and NAT64 forms of those, and anything that is not an IP.
 */
export function isNonPublicAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(bare);
  if (family === 0) return true;
  if (family === 6) {
    const v4 = nat64Embedded(bare);
    if (v4) return BLOCKED.check(v4, 'ipv4');
  }
  return BLOCKED.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

const refused = (what: string, hint: string | undefined): DownloadError =>
  new DownloadError('private-address', `refused: ${what} is a private, loopback or link-local address${hint ? ` ${hint}` : ''}`);

/** `resolve` (dns.lookup), refusing names that resolve to a non-public address (every address is checked). */
function guardedLookup(allowPrivate: boolean, hint: string | undefined, resolve: typeof dns.lookup): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, '', 4);
        return;
      }
      const list = addresses as unknown as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isNonPublicAddress(a.address));
      if (bad) {
        callback(refused(`${hostname} (${bad.address})`, hint) as NodeJS.ErrnoException, '', 4);
        return;
      }
      if (list.length === 0) {
        callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
        return;
      }
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

// ---- one try ----

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

function networkError(err: unknown): DownloadError {
  if (err instanceof DownloadError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  const text =
    code === 'ENOTFOUND'
      ? 'the host name does not resolve'
      : code === 'ECONNREFUSED'
        ? 'connection refused'
        : /CERT|SSL|TLS/i.test(code)
          ? `TLS error (${code})`
          : `network error${code ? ` (${code})` : ''}: ${String(e.message ?? err).slice(0, 120)}`;
  return new DownloadError('network', text, RETRYABLE_CODES.has(code) || code === 'ERR_STREAM_PREMATURE_CLOSE');
}

/** Seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : undefined;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** A URL we may request, or the reason not. */
export function checkUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = typeof raw === 'string' ? new URL(raw) : raw;
  } catch {
    throw new DownloadError('bad-url', 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DownloadError('bad-url', `not an http(s) URL (${url.protocol.replace(/:$/, '')})`);
  if (url.username || url.password) throw new DownloadError('bad-url', 'the URL carries a user name or password');
  return url;
}

/** Downloads with one set of limits; keeps connections alive between files. close() when done. */
export class Downloader {
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly lookup: net.LookupFunction;
  /** For a trusted URL's first request only (FetchRequest.trusted). */
  private readonly openLookup: net.LookupFunction;
  private readonly inflight = new Set<http.ClientRequest>();
  private readonly signal: AbortSignal | undefined;

  constructor(
    readonly limits: DownloadLimits,
    private readonly options: DownloaderOptions = {},
  ) {
    const resolve = options.resolve ?? dns.lookup;
    this.lookup = guardedLookup(limits.allowPrivate, options.privateHint, resolve);
    this.openLookup = guardedLookup(true, undefined, resolve);
    this.signal = options.signal;
    const opts = { keepAlive: true, maxSockets: Math.max(1, limits.maxSockets), maxFreeSockets: Math.max(1, limits.maxSockets) };
    this.agents = { http: new http.Agent(opts), https: new https.Agent(opts) };
    this.signal?.addEventListener('abort', () => {
      for (const req of this.inflight) req.destroy(new DownloadError('aborted', 'interrupted'));
    });
  }

  /** The file's bytes, after up to `retries` further tries for failures worth another one. */
  async download(url: string | URL): Promise<Buffer> {
    return (await this.fetch(url, IMAGES)).body;
  }

  /**
   * The answer to a GET of `url` (bytes, media type, final URL), refused unless its Content-Type
   * is one of `request.types` (any type when empty); tries as `download` does.
   */
  async fetch(url: string | URL, request: FetchRequest): Promise<Fetched> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(checkUrl(url), request);
      } catch (err) {
        const e = networkError(err);
        if (!e.retryable || attempt >= this.limits.retries || this.signal?.aborted) {
          if (e.retryable && attempt > 0) throw new DownloadError(e.reason, `${e.message} (after ${attempt + 1} tries)`);
          throw e;
        }
        const backoff = this.limits.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
        await this.sleep(e.retryAfterMs ?? backoff);
      }
    }
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      const signal = this.signal;
      function done(): void {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** One try: redirects followed within one deadline. */
  private once(start: URL, request: FetchRequest): Promise<Fetched> {
    if (this.signal?.aborted) return Promise.reject(new DownloadError('aborted', 'interrupted'));
    const { timeoutMs, maxBytes, maxRedirects, allowPrivate } = this.limits;
    const userAgent = this.options.userAgent ?? USER_AGENT;
    return new Promise<Fetched>((resolve, reject) => {
      let current: http.ClientRequest | undefined;
      let settled = false;
      const finish = (err: unknown, fetched?: Fetched): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (current) this.inflight.delete(current);
        if (err) {
          current?.destroy();
          reject(networkError(err));
        } else resolve(fetched!);
      };
      const timer = setTimeout(() => {
        const err = new DownloadError('timeout', `timed out after ${(timeoutMs / 1000).toLocaleString('en')} s`);
        current?.destroy(err);
        finish(err);
      }, timeoutMs);

      const hop = (url: URL, redirects: number): void => {
        const host = url.hostname.replace(/^\[|\]$/g, '');
        // A trusted first request gets a connection of its own (agent: false), so no socket it
        // opened is ever reused for a checked one.
        const open = request.trusted === true && redirects === 0;
        if (!allowPrivate && !open && net.isIP(host) && isNonPublicAddress(host)) {
          finish(refused(host, this.options.privateHint));
          return;
        }
        const client = url.protocol === 'https:' ? https : http;
        const req = client.request(
          url,
          {
            method: 'GET',
            agent: open ? false : url.protocol === 'https:' ? this.agents.https : this.agents.http,
            lookup: open ? this.openLookup : this.lookup,
            headers: { 'user-agent': userAgent, accept: request.accept, 'accept-encoding': 'identity' },
          },
          (res) => {
            const status = res.statusCode ?? 0;
            if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
              res.resume();
              this.inflight.delete(req);
              if (redirects >= maxRedirects) {
                finish(new DownloadError('too-many-redirects', `more than ${maxRedirects} redirects`));
                return;
              }
              let next: URL;
              try {
                next = checkUrl(new URL(res.headers.location, url));
              } catch (err) {
                finish(err instanceof DownloadError ? new DownloadError(err.reason, `redirected to ${err.message}`) : err);
                return;
              }
              hop(next, redirects + 1);
              return;
            }
            if (status !== 200) {
              if (status === 404 || status === 410) finish(new DownloadError('not-found', `not found (HTTP ${status})`));
              else if (status === 401 || status === 403) finish(new DownloadError('forbidden', `refused by the server (HTTP ${status})`));
              else if (status === 429 || status >= 500)
                finish(new DownloadError('http-error', `HTTP ${status}`, true, retryAfterMs(res.headers['retry-after'] as string | undefined)));
              else finish(new DownloadError('http-error', `HTTP ${status}`));
              return;
            }
            const type = String(res.headers['content-type'] ?? '')
              .split(';')[0]!
              .trim()
              .toLowerCase();
            if (request.types.length > 0 && !request.types.includes(type)) {
              finish(new DownloadError('unsupported-type', `answered with ${type ? type.slice(0, 60) : 'no content type'}, not ${request.types.join(' or ')}`));
              return;
            }
            const declared = Number(res.headers['content-length']);
            // finish() first: it settles with this reason, then destroys the request (and `res`).
            if (Number.isFinite(declared) && declared > maxBytes) {
              finish(new DownloadError('too-large', `larger than ${mb(maxBytes)} (${mb(declared)})`));
              return;
            }
            const chunks: Buffer[] = [];
            let total = 0;
            res.on('data', (chunk: Buffer) => {
              total += chunk.length;
              if (total > maxBytes) {
                finish(new DownloadError('too-large', `larger than ${mb(maxBytes)}`));
                return;
              }
              chunks.push(chunk);
            });
            res.on('error', (err) => finish(err));
            res.on('aborted', () => finish(new DownloadError('network', 'the connection closed before the file was complete', true)));
            res.on('end', () => {
              if (!res.complete || (Number.isFinite(declared) && total !== declared))
                finish(new DownloadError('network', 'the connection closed before the file was complete', true));
              else finish(undefined, { body: Buffer.concat(chunks, total), type, url });
            });
          },
        );
        current = req;
        this.inflight.add(req);
        req.on('error', (err) => finish(err));
        req.end();
      };
      hop(start, 0);
    });
  }
}
