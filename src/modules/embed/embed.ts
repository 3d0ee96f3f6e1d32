/**
 * @module modules/embed/embed
 * A social post quoted from its link: which network a link is on, what a looked-up post gives
 * the editor's quote card, the settings the lookup runs with, and the errors it refuses with.
 * The lookup itself is embed.service.
 */
import { AppError } from '../../lib/errors.js';
import { QUOTE_CARD_LIMITS } from '../article/document.js';

export type Network = 'X' | 'Bluesky' | 'Mastodon' | 'Threads' | 'Facebook' | 'Instagram';

/** The networks that may have an oEmbed endpoint configured (Mastodon's is per instance and answers only an iframe). */
export type OembedNetwork = Exclude<Network, 'Mastodon'>;
export const OEMBED_NETWORKS: readonly OembedNetwork[] = ['X', 'Bluesky', 'Threads', 'Facebook', 'Instagram'];

export type EmbedErrorCode =
  | 'EMBED_URL_INVALID'
  | 'EMBED_UNSUPPORTED'
  | 'EMBED_PRIVATE_ADDRESS'
  | 'EMBED_POST_NOT_FOUND'
  | 'EMBED_NO_POST'
  | 'EMBED_UPSTREAM'
  | 'EMBED_TIMEOUT';

export class EmbedError extends AppError<EmbedErrorCode> {}

/** The fields of a quote card, as the editor fills them (QuoteCard's attrs; `date` ISO or ''). */
export interface SocialCard {
  url: string;
  network: Network;
  author: string;
  handle: string;
  text: string;
  date: string;
}

/** A looked-up post and what answered: the network's oEmbed service, or the post's page (OpenGraph). */
export interface SocialPostLookup {
  card: SocialCard;
  source: 'oembed' | 'opengraph';
}

/** How lookups run (config EMBED_*). */
export interface EmbedSettings {
  /** oEmbed endpoint per network (the post's address is added as `url`); a network without one is read from its page's OpenGraph. */
  readonly oembed: Readonly<Partial<Record<OembedNetwork, string>>>;
  /** Milliseconds a lookup may take, from connecting to the last byte, redirects included. */
  readonly timeoutMs: number;
  /** Fetch from private, loopback and link-local addresses too (never in production: a journalist's link could point inside). */
  readonly allowPrivate: boolean;
}

const HOSTS: readonly [RegExp, Network][] = [
  [/(^|\.)(x|twitter)\.com$/, 'X'],
  [/(^|\.)bsky\.app$/, 'Bluesky'],
  [/(^|\.)threads\.(net|com)$/, 'Threads'],
  [/(^|\.)facebook\.com$/, 'Facebook'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
];

/** A Mastodon post's path on any instance: /@user/123 (or /@user@other.instance/123, a remote account's). */
const MASTODON_PATH = /^\/@[\w.-]+(@[\w.-]+)?\/\d+\/?$/;

/**
 * The network a post's link is on, by its host, else a Mastodon-shaped path on any host.
 * @example networkOf(new URL('https://mastodon.social/@ana/1123')) // 'Mastodon'
 */
export function networkOf(url: URL): Network | undefined {
  const host = url.hostname.toLowerCase();
  return HOSTS.find(([re]) => re.test(host))?.[1] ?? (MASTODON_PATH.test(url.pathname) ? 'Mastodon' : undefined);
}

/** First path segments that name a kind of page, not an account (Instagram's /p/, Facebook's /posts/…). */
const NOT_ACCOUNTS = new Set([
  'p',
  'reel',
  'reels',
  'status',
  'i',
  'watch',
  'permalink.php',
  'posts',
  'story.php',
  'share',
  'photo',
  'photo.php',
  'video',
  'tv',
]);

/**
 * The author's handle as the link names it: `@user@instance` on Mastodon, the profile on Bluesky,
 * the first path segment elsewhere (unless it names a kind of page); '' when the link has none.
 * @example handleInUrl(new URL('https://mastodon.social/@ana/1'), 'Mastodon') // '@ana@mastodon.social'
 */
export function handleInUrl(url: URL, network: string): string {
  const seg = url.pathname.split('/').filter(Boolean);
  if (network === 'Mastodon') return seg[0]?.startsWith('@') ? (seg[0].includes('@', 1) ? seg[0] : `${seg[0]}@${url.hostname}`) : '';
  if (network === 'Bluesky') return seg[0] === 'profile' && seg[1] && !seg[1].startsWith('did:') ? `@${seg[1]}` : '';
  if (seg[0]?.startsWith('@')) return seg[0];
  if (seg[0] && !NOT_ACCOUNTS.has(seg[0])) return `@${seg[0]}`;
  return '';
}

/**
 * A pasted link, checked: text, at most QUOTE_CARD_LIMITS.url characters, http(s), no user name
 * or password. Throws EMBED_URL_INVALID.
 */
export function postUrlOf(raw: unknown): URL {
  if (Array.isArray(raw)) throw new EmbedError('EMBED_URL_INVALID', 'Send one link at a time (url once).');
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (!s) throw new EmbedError('EMBED_URL_INVALID', 'Paste the link of a post (url is missing).');
  if (s.length > QUOTE_CARD_LIMITS.url)
    throw new EmbedError('EMBED_URL_INVALID', `The link is longer than ${QUOTE_CARD_LIMITS.url.toLocaleString('en')} characters.`);
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new EmbedError('EMBED_URL_INVALID', 'This is not a link: paste the address of a post, starting with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EmbedError('EMBED_URL_INVALID', 'The link must start with https:// or http://.');
  if (url.username || url.password) throw new EmbedError('EMBED_URL_INVALID', 'The link carries a user name or password.');
  url.hash = '';
  if (url.href.length > QUOTE_CARD_LIMITS.url)
    throw new EmbedError('EMBED_URL_INVALID', `The link is longer than ${QUOTE_CARD_LIMITS.url.toLocaleString('en')} characters.`);
  return url;
}

/** At most `max` characters, never half of a surrogate pair. */
function clamp(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

// C0 controls but tab and line feed, DEL, C1 controls, and the line/paragraph separators.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const oneLine = (s: string): string => s.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();

/** Lines kept, spaces in each collapsed, at most one blank line between paragraphs. */
function paragraphs(s: string): string {
  return s
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROLS, ' ')
    .split('\n')
    .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A card whose every field fits the quote card's limits (QUOTE_CARD_LIMITS) and is one clean line (the text keeps its lines). */
export function clampCard(card: SocialCard): SocialCard {
  const L = QUOTE_CARD_LIMITS;
  return {
    url: clamp(card.url, L.url),
    network: card.network,
    author: clamp(oneLine(card.author), L.author).trim(),
    handle: clamp(oneLine(card.handle), L.handle).trim(),
    text: clamp(paragraphs(card.text), L.text).trim(),
    date: card.date.length <= L.date ? card.date : '',
  };
}
