/**
 * @module modules/embed/embed.service
 * `lookupSocialPost`: the quote card of a social post from its link, for the editor. The server
 * fetches it (never the reader's browser): the network's oEmbed answer where it gives one without
 * a token (X, Bluesky; any network configured with an endpoint), else the post's page and its
 * OpenGraph meta (Mastodon, whose oEmbed is only an iframe; Threads, Facebook, Instagram).
 *
 * Every fetch goes through lib/download: http(s) only, private, loopback and link-local addresses
 * refused unless `allowPrivate` (checked on connect, for every redirect too), one deadline for the
 * whole exchange, at most 1 MB, at most 3 redirects, JSON or HTML only. A configured oEmbed
 * endpoint is the operator's, so its own address is not checked, but where it redirects is.
 * What comes back is plain text (no markup survives, scripts' text dropped), clamped to what a
 * quote card holds (QUOTE_CARD_LIMITS).
 *
 * @example
 * const { card, source } = await lookupSocialPost(config.embed, 'https://mastodon.social/@ana/111');
 * // card: { url, network: 'Mastodon', author: 'Ana', handle: '@ana@mastodon.social', text: '…', date: '2024-…' }, source: 'opengraph'
 */
import type dns from 'node:dns';
import { DomUtils, parseDocument } from 'htmlparser2';
import { DownloadError, Downloader, type Fetched, type FetchRequest } from '../../lib/download.js';
import { clampCard, EmbedError, handleInUrl, networkOf, postUrlOf, type EmbedSettings, type Network, type SocialPostLookup } from './embed.js';
import { dateOf, readEmbeddedPost } from './embedded-post.js';
import { readOpenGraph } from './opengraph.js';

/** The size and redirect limits of a lookup (the deadline is the settings'). */
export const LOOKUP_LIMITS = { maxBytes: 1024 * 1024, maxRedirects: 3 } as const;

const USER_AGENT = 'Broadsheet-Embed/1.0 (a newsroom quoting a post in an article)';
const OEMBED: FetchRequest = { accept: 'application/json', types: ['application/json', 'text/json', 'application/json+oembed'], trusted: true };
const PAGE: FetchRequest = { accept: 'text/html,application/xhtml+xml;q=0.9', types: ['text/html', 'application/xhtml+xml'] };

export interface LookupOptions {
  /** Resolves host names instead of dns.lookup (tests: a network's host to a local server); the address check still applies. */
  resolve?: typeof dns.lookup;
}

/**
 * The card of the post at `rawUrl`, and what answered. Refuses with an EmbedError: a link that is
 * not one (EMBED_URL_INVALID), on no known network (EMBED_UNSUPPORTED), leading to a private
 * address (EMBED_PRIVATE_ADDRESS), a post the network does not have (EMBED_POST_NOT_FOUND), an
 * answer without a post's text (EMBED_NO_POST), a network that fails (EMBED_UPSTREAM) or is too
 * slow (EMBED_TIMEOUT).
 */
export async function lookupSocialPost(settings: EmbedSettings, rawUrl: unknown, o: LookupOptions = {}): Promise<SocialPostLookup> {
  const url = postUrlOf(rawUrl);
  const network = networkOf(url);
  if (!network)
    throw new EmbedError(
      'EMBED_UNSUPPORTED',
      `${url.hostname} is not a network whose posts can be looked up (X, Bluesky, Mastodon, Threads, Facebook, Instagram). Fill in the card by hand.`,
    );
  const endpoint = network === 'Mastodon' ? undefined : settings.oembed[network];
  const downloader = new Downloader(
    { ...LOOKUP_LIMITS, timeoutMs: settings.timeoutMs, retries: 0, backoffMs: 0, allowPrivate: settings.allowPrivate, maxSockets: 1 },
    { userAgent: USER_AGENT, ...(o.resolve ? { resolve: o.resolve } : {}) },
  );
  try {
    if (endpoint) {
      const target = new URL(endpoint);
      target.searchParams.set('url', url.href);
      const what = `${network}’s oEmbed service (${target.host})`;
      return { card: fromOembed(await fetchAs(downloader, target, OEMBED, what, settings), url, network, what), source: 'oembed' };
    }
    return { card: fromPage(await fetchAs(downloader, url, PAGE, url.host, settings), url, network), source: 'opengraph' };
  } finally {
    downloader.close();
  }
}

async function fetchAs(d: Downloader, url: URL, request: FetchRequest, what: string, settings: EmbedSettings): Promise<Fetched> {
  try {
    return await d.fetch(url, request);
  } catch (err) {
    throw err instanceof DownloadError ? failure(err, what, settings) : err;
  }
}

/** A failed fetch as the editor is told it. */
function failure(err: DownloadError, what: string, settings: EmbedSettings): EmbedError {
  const byHand = 'Try again, or fill in the card by hand.';
  switch (err.reason) {
    case 'private-address':
      return new EmbedError('EMBED_PRIVATE_ADDRESS', `Not fetched: ${err.message.replace(/^refused: /, '')}. The server only fetches public addresses.`);
    case 'timeout':
      return new EmbedError('EMBED_TIMEOUT', `${what} did not answer within ${(settings.timeoutMs / 1000).toLocaleString('en')} s. ${byHand}`);
    case 'not-found':
      return new EmbedError(
        'EMBED_POST_NOT_FOUND',
        `${what} has no such post (${err.message}): it may have been deleted or made private, or the link is wrong.`,
      );
    case 'forbidden':
      return new EmbedError('EMBED_UPSTREAM', `${what} refused to show the post (${err.message}): it may be private. Fill in the card by hand.`);
    case 'too-large':
      return new EmbedError(
        'EMBED_UPSTREAM',
        `${what} answered with more than ${LOOKUP_LIMITS.maxBytes / 1024 / 1024} MB, which is not a post. Fill in the card by hand.`,
      );
    case 'unsupported-type':
    case 'bad-url':
      // "answered with text/plain, not …", "redirected to not an http(s) URL (ftp)"
      return new EmbedError('EMBED_UPSTREAM', `${what} ${err.message}. Fill in the card by hand.`);
    case 'too-many-redirects':
      return new EmbedError('EMBED_UPSTREAM', `${what} answered with ${err.message}. Fill in the card by hand.`);
    default:
      return new EmbedError('EMBED_UPSTREAM', `${what} could not be reached (${err.message}). ${byHand}`);
  }
}

const TAG_LIKE = /<[a-zA-Z!/?]/;
const BLOCKS = new Set(['p', 'div', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr']);
type Node = ReturnType<typeof parseDocument>['children'][number];

/** Text of markup: tags gone, scripts and styles with their text, a <br> a line, a paragraph two. */
function textOfMarkup(nodes: Node[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text' && 'data' in n) return n.data;
      // Elements only: a script or style (types of their own), a comment or a directive says nothing.
      if (n.type !== 'tag' || !('children' in n) || !('name' in n)) return '';
      if (n.name === 'br') return '\n';
      const inner = textOfMarkup(n.children);
      return BLOCKS.has(n.name) ? `\n\n${inner}\n\n` : inner;
    })
    .join('');
}

/**
 * Plain text: what looks like markup is read as HTML and only its text kept (a post quoting
 * `<script>` loses those words, never its safety), again if that text is markup in its turn.
 */
function plainText(s: string): string {
  let out = s;
  for (let pass = 0; pass < 3 && TAG_LIKE.test(out); pass++) out = textOfMarkup(parseDocument(out).children);
  return out.replace(/<(?=[a-zA-Z!/?])/g, '');
}

/** HTML without its scripts and styles: their source is never a post's words. */
function withoutCode(html: string): string {
  const dom = parseDocument(html);
  for (const el of DomUtils.findAll((e) => e.type !== 'tag', dom.children)) DomUtils.removeElement(el);
  return DomUtils.getOuterHTML(dom);
}

/** A handle's account name: '@ana@mastodon.social' → 'ana'. */
const nameOfHandle = (handle: string): string => handle.replace(/^@/, '').split('@')[0] ?? '';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function fromOembed(answer: Fetched, url: URL, network: Network, what: string): SocialPostLookup['card'] {
  let data: unknown;
  try {
    data = JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new EmbedError('EMBED_NO_POST', `${what} answered with something that is not oEmbed JSON. Fill in the card by hand.`);
  }
  const html = isObject(data) && typeof data.html === 'string' ? data.html : '';
  const post = html ? readEmbeddedPost(withoutCode(html)) : undefined;
  const text = plainText(post?.text ?? '');
  if (!post || !text.trim()) throw new EmbedError('EMBED_NO_POST', `${what} answered without the post’s text. Fill in the card by hand.`);
  let profile: URL | undefined;
  try {
    profile = isObject(data) && typeof data.author_url === 'string' ? new URL(data.author_url) : undefined;
  } catch {
    profile = undefined;
  }
  const handle = plainText(post.handle ?? '') || (profile ? handleInUrl(profile, network) : '') || handleInUrl(url, network);
  const authorName = isObject(data) && typeof data.author_name === 'string' ? data.author_name : '';
  const author = plainText(post.author || authorName) || nameOfHandle(handle);
  return clampCard({ url: url.href, network, author, handle, text, date: post.date ?? '' });
}

/** An og:title's author and handle: "Name (@user@instance)" (Mastodon), "Name (@user) on Threads", 'Name on Instagram: "…"'. */
function titleParts(title: string): { author?: string; handle?: string } {
  const named = /^(.*?)\s*\((@[^()\s]+)\)/.exec(title);
  if (named) return { ...(named[1] ? { author: named[1] } : {}), handle: named[2]! };
  const on = /^(.+?)\s+on\s+(?:Instagram|Threads|Facebook)\b/i.exec(title);
  return on ? { author: on[1]! } : {};
}

/** Instagram's og:description: '12 likes, 3 comments - user on March 3, 2024: "the caption"'. */
const INSTAGRAM_DESCRIPTION = /^(?:[\d.,]+[KMB]?\s+(?:likes?|comments?)[,\s]*)+-\s+([\w.]+)\s+on\s+([^:]+?):\s*["“]([\s\S]*)["”]\.?$/;

function fromPage(page: Fetched, url: URL, network: Network): SocialPostLookup['card'] {
  const meta = readOpenGraph(page.body.toString('utf8'));
  let description = meta.description ?? '';
  let handle = '';
  let date = dateOf(meta.published) ?? '';
  const insta = network === 'Instagram' ? INSTAGRAM_DESCRIPTION.exec(description) : null;
  if (insta) {
    handle = `@${insta[1]}`;
    date ||= dateOf(insta[2]) ?? '';
    description = insta[3]!;
  }
  const text = plainText(description);
  if (!text.trim())
    throw new EmbedError('EMBED_NO_POST', `The page at ${url.host} does not describe a post (it has no og:description). Fill in the card by hand.`);
  const byTitle = titleParts(plainText(meta.title ?? ''));
  handle = byTitle.handle ?? (handle || handleInUrl(url, network));
  const author = byTitle.author ?? nameOfHandle(handle);
  return clampCard({ url: url.href, network, author, handle, text, date });
}
