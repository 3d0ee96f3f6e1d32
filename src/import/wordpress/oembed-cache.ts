/**
 * @module import/wordpress/oembed-cache
 * WordPress keeps the oEmbed answer of every post URL an article embeds as post meta
 * (`_oembed_<hash>`: the network's HTML, `_oembed_time_<hash>`: when it was fetched). For the
 * networks whose answer quotes the post (X/Twitter, Bluesky, Instagram, Facebook, Threads, Tumblr),
 * that HTML holds the post's words, its author, handle and date: read here, so the imported quote
 * card says what the post said, not a placeholder, and is dated when it was posted, not when the
 * article was. The HTML is parsed, never shown.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { WxrMeta } from './wxr.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** What a cached oEmbed answer says about the post it quotes. */
export interface EmbeddedPost {
  /** The post's address, as the answer links it. */
  url: string;
  text: string;
  author?: string;
  handle?: string;
  /** ISO date-time of the post, when the answer dates it. */
  date?: string;
}

/**
 * One post address as a key, so the embed's URL and the one in the answer meet: no scheme, no
 * `www.`, twitter.com and x.com as one, no query or fragment, no trailing slash, in lower case.
 */
export function postKey(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const host = u.hostname
      .toLowerCase()
      .replace(/^(www|mobile|m)\./, '')
      .replace(/^twitter\.com$/, 'x.com');
    return `${host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}

const isElement = (n: Node): n is Element => n.type === 'tag';
const all = (nodes: Node[], name: string): Element[] => DomUtils.findAll((e) => e.name === name, nodes);
const attr = (el: Element | undefined, name: string): string | undefined => (el ? DomUtils.getAttributeValue(el, name) : undefined);
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Text of nodes, a <br> as a line break. */
function textWithBreaks(nodes: Node[]): string {
  return nodes.map((n) => (isElement(n) ? (n.name === 'br' ? '\n' : textWithBreaks(n.children)) : DomUtils.textContent(n))).join('');
}

/** A date as the networks write it ("October 30, 2018", "November 18, 2024 at 10:00 AM", an ISO time). */
function dateOf(raw: string | undefined): string | undefined {
  const s = clean(raw ?? '');
  if (!s) return undefined;
  const t = Date.parse(`${s.replace(/\s+at\s+/i, ' ')}${/\d{4}$/.test(s) ? ' UTC' : ''}`);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  return d.getUTCFullYear() >= 1995 && d.getUTCFullYear() <= 2100 ? d.toISOString() : undefined;
}

/** The paragraphs of a quoted post, each line as written, links as their text. */
function wordsOf(paras: Element[]): string {
  return paras
    .map((p) => textWithBreaks(p.children).split('\n').map(clean).join('\n').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** "— Name (@handle)" after the words (X/Twitter, Bluesky): the name and the handle. */
function byline(quote: Element): { author?: string; handle?: string } {
  const rest = quote.children.filter((c) => !(isElement(c) && c.name === 'p'));
  const after = clean(DomUtils.textContent(rest)).replace(/^[^—–]*[—–]/, '');
  const m = /^(.*?)\s*\(\s*(@[^)\s]+)\s*\)/.exec(after.trim());
  return m ? { ...(m[1] ? { author: m[1].trim() } : {}), handle: m[2]! } : {};
}

/** One cached answer, read; undefined when it quotes no post (an iframe player, a video). */
export function readEmbeddedPost(html: string): EmbeddedPost | undefined {
  const dom = parseDocument(html);
  const quotes = all(dom.children, 'blockquote');
  const quote =
    quotes.find((b) => /\b(twitter-tweet|bluesky-embed|instagram-media|text-post-media|tumblr-post)\b/.test(attr(b, 'class') ?? '')) ??
    quotes.find((b) => attr(b, 'cite'));
  if (!quote) return undefined;
  const cls = attr(quote, 'class') ?? '';
  const links = all(quote.children, 'a');
  const paras = all(quote.children, 'p');
  if (/\b(instagram-media|text-post-media)\b/.test(cls)) {
    // Instagram and Threads: the address on the blockquote, "A post shared by Name (@handle)", a <time>.
    const url = attr(quote, 'data-instgrm-permalink') ?? attr(quote, 'data-text-post-permalink') ?? attr(links[0], 'href');
    if (!url) return undefined;
    const by = /(?:shared by\s+)?([^()]*?)\s*\((@[\w.]+)\)/i.exec(clean(DomUtils.textContent(quote)));
    const time = all(quote.children, 'time')[0];
    const caption = paras.filter((p) => !/shared by|\(@[\w.]+\)/i.test(DomUtils.textContent(p)));
    const date = dateOf(attr(time, 'datetime') ?? (time ? DomUtils.textContent(time) : undefined));
    return {
      url,
      text: wordsOf(caption),
      ...(by?.[1] ? { author: by[1].replace(/^.*shared by\s+/i, '').trim() } : {}),
      ...(by?.[2] ? { handle: by[2] } : {}),
      ...(date ? { date } : {}),
    };
  }
  // X/Twitter, Bluesky, Facebook, Tumblr and the like: the post's address is its last link (or the cite), dated by that link's text.
  const last = links.at(-1);
  const url = attr(quote, 'cite') ?? attr(last, 'href');
  if (!url) return undefined;
  const date = dateOf(last ? DomUtils.textContent(last) : undefined);
  return { url, text: wordsOf(paras.length ? paras : [quote]), ...byline(quote), ...(date ? { date } : {}) };
}

/**
 * The posts an item's cached oEmbed answers quote, by `postKey` of their address. Answers that
 * failed (`{{unknown}}`) and the fetch times are skipped.
 */
export function embeddedPosts(meta: readonly WxrMeta[]): Map<string, EmbeddedPost> {
  const out = new Map<string, EmbeddedPost>();
  for (const m of meta) {
    if (!m.key.startsWith('_oembed_') || m.key.startsWith('_oembed_time_') || !m.value.includes('<')) continue;
    const post = readEmbeddedPost(m.value);
    const key = post ? postKey(post.url) : undefined;
    if (post && key && post.text) out.set(key, post);
  }
  return out;
}
