/**
 * @module config
 * Reads the environment once, validates it and returns a frozen Config.
 * Every default lives in `defaults` below; nothing else in the code reads process.env.
 */
import path from 'node:path';
import type { S3Settings } from '../modules/media/media-store.js';
import { OEMBED_NETWORKS, type EmbedSettings, type OembedNetwork } from '../modules/embed/embed.js';

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** `postgres://…` selects PostgreSQL; undefined means SQLite at `${dataDir}/broadsheet.db`. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL connections per instance for queries (DATABASE_POOL_SIZE); one more listens for purges. */
  readonly databasePoolSize: number;
  /** Public base URL without trailing slash, used for canonical links, feeds and JSON-LD. */
  readonly siteUrl: string;
  readonly demo: boolean;
  readonly logLevel: string;
  /** Site-wide language of navigation and archives (articles carry their own). */
  readonly siteLanguage: string;
  readonly siteName: string;
  readonly siteDescription: string;
  readonly postsPerPage: number;
  /** Feeds carry whole articles (true) or the standfirst only. */
  readonly feedFullText: boolean;
  /**
   * Proxies in front of the site whose X-Forwarded-For to believe: false (none, the default),
   * a number of hops, or addresses/CIDRs. Per-IP limits need it behind a CDN or load balancer.
   */
  readonly trustProxy: boolean | number | string;
  /** SMTP server for comment notifications (`smtp://user:pass@host:587`); undefined: no mail. */
  readonly smtpUrl: string | undefined;
  /** Where purges are forwarded (a CDN's or Varnish's purge endpoint); undefined: nowhere. */
  readonly purgeUrl: string | undefined;
  /** Send `Surrogate-Key` (the cache tags) with cacheable responses: for a CDN in front (SURROGATE_KEYS; default: when PURGE_URL is set). */
  readonly surrogateKeys: boolean;
  /** Page cache size in MiB; 0 turns it off. */
  readonly pageCacheMb: number;
  /** Memory for article fragments (pages but their comments) in MiB; 0 turns them off. */
  readonly fragmentCacheMb: number;
  /** Where media files live: `fs` (DATA_DIR/media) or `s3` (a bucket; see `s3`). MEDIA_STORE. */
  readonly mediaStore: 'fs' | 's3';
  /** The bucket when MEDIA_STORE=s3 (S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_PREFIX, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE). */
  readonly s3: S3Settings | undefined;
  /** Largest image upload accepted, in MiB (MEDIA_MAX_MB). */
  readonly mediaMaxMb: number;
  /** Days a comment keeps its IP hash (rate limits, IP rules); 0 keeps them forever. */
  readonly commentIpRetentionDays: number;
  /** Akismet-compatible spam check: off (undefined) unless AKISMET_KEY is set. */
  readonly akismet: { readonly key: string; readonly url: string } | undefined;
  /** GET /metrics is served to a scraper sending this bearer token (METRICS_TOKEN); off when undefined. */
  readonly metricsToken: string | undefined;
  /** How often each instance looks for scheduled articles whose time has come (SCHEDULE_CHECK_SECONDS). */
  readonly scheduleCheckSeconds: number;
  /** The editor's social-post lookup: oEmbed endpoints (EMBED_OEMBED_X, _BLUESKY, _THREADS, _FACEBOOK, _INSTAGRAM), EMBED_TIMEOUT_MS, EMBED_ALLOW_PRIVATE. */
  readonly embed: EmbedSettings;
}

export const defaults = {
  HOST: '127.0.0.1',
  PORT: '3000',
  DATA_DIR: './data',
  DEMO: '1',
  LOG_LEVEL: 'info',
  SITE_LANGUAGE: 'en',
  SITE_NAME: 'The Broadsheet',
  SITE_DESCRIPTION: 'Independent reporting and analysis on world affairs, politics, business, science and culture.',
  POSTS_PER_PAGE: '12',
  PAGE_CACHE_MB: '64',
  FRAGMENT_CACHE_MB: '32',
  FEED_FULL_TEXT: '1',
  MEDIA_MAX_MB: '20',
  COMMENT_IP_RETENTION_DAYS: '90',
  AKISMET_URL: 'https://rest.akismet.com',
  SCHEDULE_CHECK_SECONDS: '15',
  DATABASE_POOL_SIZE: '10',
  MEDIA_STORE: 'fs',
  S3_REGION: 'us-east-1',
  // The networks whose oEmbed answers without a token; the others are read from the post's page.
  EMBED_OEMBED_X: 'https://publish.twitter.com/oembed?omit_script=1',
  EMBED_OEMBED_BLUESKY: 'https://embed.bsky.app/oembed',
  EMBED_TIMEOUT_MS: '5000',
  EMBED_ALLOW_PRIVATE: '0',
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment object (process.env by default) into a frozen Config; throws ConfigError on bad values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const get = (key: keyof typeof defaults): string => {
    const v = env[key];
    return v === undefined || v === '' ? defaults[key] : v;
  };
  const port = Number(get('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  const perPage = Number(get('POSTS_PER_PAGE'));
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new ConfigError('POSTS_PER_PAGE must be an integer 1–100');
  const cacheMb = Number(get('PAGE_CACHE_MB'));
  if (!Number.isFinite(cacheMb) || cacheMb < 0 || cacheMb > 65536) throw new ConfigError('PAGE_CACHE_MB must be a number of MiB from 0 (off) to 65536');
  const fragmentMb = Number(get('FRAGMENT_CACHE_MB'));
  if (!Number.isFinite(fragmentMb) || fragmentMb < 0 || fragmentMb > 65536)
    throw new ConfigError('FRAGMENT_CACHE_MB must be a number of MiB from 0 (off) to 65536');
  const mediaMaxMb = Number(get('MEDIA_MAX_MB'));
  if (!Number.isFinite(mediaMaxMb) || mediaMaxMb <= 0 || mediaMaxMb > 1024)
    throw new ConfigError('MEDIA_MAX_MB must be a number of MiB above 0 and at most 1024');
  const trustRaw = (env.TRUST_PROXY ?? '').trim();
  let trustProxy: boolean | number | string = false;
  if (/^(1|true)$/i.test(trustRaw)) trustProxy = true;
  else if (/^\d{1,2}$/.test(trustRaw)) trustProxy = Number(trustRaw);
  else if (/^[0-9a-f.:/, ]+$/i.test(trustRaw)) trustProxy = trustRaw;
  else if (trustRaw && !/^(0|false)$/i.test(trustRaw))
    throw new ConfigError('TRUST_PROXY must be true, false, a number of hops, or proxy addresses (CIDR allowed)');
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const purgeUrl = env.PURGE_URL || undefined;
  if (purgeUrl && !/^https?:\/\//.test(purgeUrl)) throw new ConfigError('PURGE_URL must be an http(s) URL');
  const surrogateRaw = env.SURROGATE_KEYS ?? '';
  if (!['', '0', '1'].includes(surrogateRaw)) throw new ConfigError('SURROGATE_KEYS must be 1 (send them) or 0 (do not)');
  const surrogateKeys = surrogateRaw === '' ? purgeUrl !== undefined : surrogateRaw === '1';
  const ipDays = get('COMMENT_IP_RETENTION_DAYS');
  if (!/^\d{1,5}$/.test(ipDays) || Number(ipDays) > 36500)
    throw new ConfigError('COMMENT_IP_RETENTION_DAYS must be a whole number of days (0 keeps IP hashes forever)');
  const akismetKey = (env.AKISMET_KEY ?? '').trim();
  if (akismetKey && !/^[A-Za-z0-9_-]{1,200}$/.test(akismetKey)) throw new ConfigError('AKISMET_KEY must be letters, digits, - or _');
  let akismetUrl = get('AKISMET_URL');
  try {
    const u = new URL(akismetUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    akismetUrl = u.toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(`AKISMET_URL must be an http(s) URL, got "${env.AKISMET_URL}"`);
  }
  const feedFull = get('FEED_FULL_TEXT');
  if (feedFull !== '0' && feedFull !== '1') throw new ConfigError(`FEED_FULL_TEXT must be 0 or 1, got "${feedFull}"`);
  const demo = get('DEMO');
  if (demo !== '0' && demo !== '1') throw new ConfigError(`DEMO must be 0 or 1, got "${demo}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  }
  const mediaStore = get('MEDIA_STORE');
  if (mediaStore !== 'fs' && mediaStore !== 's3') throw new ConfigError(`MEDIA_STORE must be fs (DATA_DIR/media) or s3 (a bucket), got "${mediaStore}"`);
  let s3: S3Settings | undefined;
  if (mediaStore === 's3') {
    const bucket = (env.S3_BUCKET ?? '').trim();
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
      throw new ConfigError('MEDIA_STORE=s3 needs S3_BUCKET, a bucket name (3–63 lowercase letters, digits, dots, hyphens)');
    const endpoint = (env.S3_ENDPOINT ?? '').trim() || undefined;
    if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new ConfigError('S3_ENDPOINT must be an http(s) URL, such as https://s3.example.com');
    let prefix = (env.S3_PREFIX ?? '').trim().replace(/^\/+/, '');
    if (prefix && !prefix.endsWith('/')) prefix += '/';
    if (prefix.length > 200 || /[\\\0]|\.\.|\/\//.test(prefix)) throw new ConfigError('S3_PREFIX must be a plain key prefix such as media/');
    const keyId = (env.S3_ACCESS_KEY_ID ?? '').trim();
    const secret = env.S3_SECRET_ACCESS_KEY ?? '';
    if (!!keyId !== !!secret)
      throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (or leave both unset for the SDK’s own credentials)');
    const pathStyle = env.S3_FORCE_PATH_STYLE ?? '';
    if (!['', '0', '1'].includes(pathStyle)) throw new ConfigError('S3_FORCE_PATH_STYLE must be 1 or 0');
    s3 = {
      bucket,
      region: get('S3_REGION'),
      endpoint,
      prefix,
      credentials: keyId ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
      // S3-compatible services mostly want the bucket in the path; AWS in the host name.
      forcePathStyle: pathStyle === '' ? endpoint !== undefined : pathStyle === '1',
    };
  }
  const poolSize = get('DATABASE_POOL_SIZE');
  if (!/^\d{1,3}$/.test(poolSize) || Number(poolSize) < 1 || Number(poolSize) > 500)
    throw new ConfigError('DATABASE_POOL_SIZE must be a whole number of connections from 1 to 500');
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters (a random string)');
  const scheduleCheck = get('SCHEDULE_CHECK_SECONDS');
  if (!/^\d{1,4}$/.test(scheduleCheck) || Number(scheduleCheck) < 1 || Number(scheduleCheck) > 3600)
    throw new ConfigError('SCHEDULE_CHECK_SECONDS must be a whole number of seconds from 1 to 3600');
  const embed = embedSettings(env, get);
  const host = get('HOST');
  let siteUrl = env.SITE_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    const u = new URL(siteUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    siteUrl = u.toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(`SITE_URL must be an http(s) URL, got "${env.SITE_URL}"`);
  }
  return Object.freeze({
    host,
    port,
    dataDir: path.resolve(get('DATA_DIR')),
    databaseUrl,
    databasePoolSize: Number(poolSize),
    siteUrl,
    demo: demo === '1',
    logLevel: get('LOG_LEVEL'),
    siteLanguage: get('SITE_LANGUAGE'),
    siteName: get('SITE_NAME'),
    siteDescription: get('SITE_DESCRIPTION'),
    postsPerPage: perPage,
    pageCacheMb: cacheMb,
    fragmentCacheMb: fragmentMb,
    mediaMaxMb,
    mediaStore,
    s3: s3 ? Object.freeze(s3) : undefined,
    feedFullText: feedFull === '1',
    purgeUrl,
    surrogateKeys,
    trustProxy,
    smtpUrl,
    commentIpRetentionDays: Number(ipDays),
    akismet: akismetKey ? Object.freeze({ key: akismetKey, url: akismetUrl }) : undefined,
    metricsToken,
    scheduleCheckSeconds: Number(scheduleCheck),
    embed,
  });
}

/** EMBED_*: an http(s) endpoint per network (unset: none, but X's and Bluesky's defaults), a deadline, the private-address switch. */
function embedSettings(env: Record<string, string | undefined>, get: (key: keyof typeof defaults) => string): EmbedSettings {
  const oembed: Partial<Record<OembedNetwork, string>> = {};
  for (const network of OEMBED_NETWORKS) {
    const key = `EMBED_OEMBED_${network.toUpperCase()}`;
    const raw = (Object.hasOwn(defaults, key) ? get(key as keyof typeof defaults) : (env[key] ?? '')).trim();
    if (!raw) continue;
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
      oembed[network] = u.toString();
    } catch {
      throw new ConfigError(`${key} must be an http(s) URL (the network's oEmbed endpoint), got "${raw}"`);
    }
  }
  const timeout = get('EMBED_TIMEOUT_MS');
  if (!/^\d{1,5}$/.test(timeout) || Number(timeout) < 100 || Number(timeout) > 60_000)
    throw new ConfigError('EMBED_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000');
  const allowPrivate = get('EMBED_ALLOW_PRIVATE');
  if (allowPrivate !== '0' && allowPrivate !== '1') throw new ConfigError(`EMBED_ALLOW_PRIVATE must be 0 or 1, got "${allowPrivate}"`);
  return Object.freeze({ oembed: Object.freeze(oembed), timeoutMs: Number(timeout), allowPrivate: allowPrivate === '1' });
}
