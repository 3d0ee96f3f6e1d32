/**
 * @module modules/embed/embedded-post
 * Reads the HTML of an oEmbed answer that quotes a post (X/Twitter, Bluesky, Instagram, Facebook,
 * Threads, Tumblr): the post's words, its author, handle and date. Two callers: the WordPress
 * import (the answers WordPress cached as post meta, import/wordpress/oembed-cache) and the
 * editor's link lookup (an answer fetched now, embed.service). The HTML is parsed, never shown:
 * what comes out is text (tags gone, entities decoded; a script's source would be words).
 *
 * @example
 * readEmbeddedPost('<blockquote class="twitter-tweet"><p>Hi</p>&mdash; Ana (@ana) <a href="https://x.com/ana/status/1">May 13, 2024</a></blockquote>');
 * // { url: 'https://x.com/ana/status/1', text: 'Hi', author: 'Ana', handle: '@ana', date: '2024-05-13T00:00:00.000Z' }
 */
import { DomUtils, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** What an oEmbed answer says about the post it quotes. */
export interface EmbeddedPost {
  /** The post's address, as the answer links it. */
  url: string;
  text: string;
  author?: string;
  handle?: string;
  /** ISO date-time of the post, when the answer dates it. */
  date?: string;
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
export function dateOf(raw: string | undefined): string | undefined {
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

/** One answer's HTML, read; undefined when it quotes no post (an iframe player, a video). */
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
