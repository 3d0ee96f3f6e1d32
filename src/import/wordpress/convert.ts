/**
 * @module import/wordpress/convert
 * WordPress post content → our structured document. The steps:
 *  0. the raw HTML tokenised by a real parser and every tag written back in one safe shape
 *     (raw-html.ts), so a `>` inside an attribute cannot end a tag early;
 *  1. images that were imported point at our media (by `wp-image-N` class or by URL), and so do
 *     links to their files;
 *  2. shortcodes: [caption] → figures, [gallery] → galleries, [embed]/[audio]/[video] → cards or links,
 *     others kept visible and listed;
 *  3. block-editor delimiters → figures, quotes, quote cards, links; dynamic blocks dropped;
 *     classic (freeform) HTML gets its paragraphs (wpautop);
 *  4. the article sanitiser;
 *  5. the sanitised HTML read into blocks: paragraphs, headings, lists, blockquotes with citation,
 *     figures, quote cards, rules; anything else kept as an `html` block (sanitised again on render).
 *
 * @example
 * const { doc, unknownShortcodes } = convertContent('[caption]<img src="…"> Harbour[/caption]', ctx);
 */
import { sanitizeArticleHtml } from '../../modules/article/sanitize.js';
import {
  isFigureWidth,
  type ArticleDocument,
  type Block,
  type Figure,
  type Gallery,
  type Inline,
  type Mark,
  type ListItem,
  type Paragraph,
  type QuoteCard,
} from '../../modules/article/document.js';
import { decodeEntities, escapeHtml, parseHtml, textOf, toHtml, findFirst, type HtmlElement, type HtmlNode } from '../html-tree.js';
import { normalizeTags } from './raw-html.js';
import type { MissingImage } from '../../modules/article/remote-images.js';
import { hasBlocks, isSocialProvider, parseBlocks, renderBlocks } from './gutenberg.js';
import { convertShortcodes, escapeRegExp, galleryColumns, parseAttrs, surelyShortcodes, type ImageRef } from './shortcodes.js';
import type { EmbeddedPost } from '../../modules/embed/embedded-post.js';
import { postKey } from './oembed-cache.js';

/** An attachment as the importer knows it: imported (mediaId, local src) or not (old URL). */
export interface AttachmentRef extends ImageRef {
  mediaId?: number;
}

export interface ConvertContext {
  /** An attachment by WordPress id. */
  attachment(wpId: number): AttachmentRef | undefined;
  /** An imported image by a URL of the old site (resized variants like -300x200 included). */
  imageByUrl(url: string): AttachmentRef | undefined;
  /** Attachment ids whose parent is this post ([gallery] without ids). */
  childAttachments: number[];
  /** ISO date used for quote cards when the embed carries none (the post's date). */
  date: string;
  /** The posts the item's cached oEmbed answers quote (oembed-cache), by postKey: their words, author and date. */
  embeddedPosts?: ReadonlyMap<string, EmbeddedPost>;
  /** The block editor's footnotes (the `footnotes` post meta): each note's id and HTML. */
  footnotes?: readonly { id: string; content: string }[];
}

export interface ConvertResult {
  doc: ArticleDocument;
  /** Shortcodes not ours, left in the text. */
  unknownShortcodes: string[];
  /** Of those, the ones surely a plugin's: hidden from readers, kept in the document for an editor. */
  hiddenShortcodes: string[];
  /** Dynamic blocks (latest posts, search…) that had nothing to import. */
  droppedBlocks: string[];
  /**
   * Images of the old site with no imported file: left out of the document (never kept as remote
   * references), with their alt text and caption, for the article's editor to upload.
   */
  missingImages: MissingImage[];
}

// ---- embeds: a static quote card for social posts, a plain link for everything else ----

const NETWORKS: [RegExp, string][] = [
  [/(^|\.)twitter\.com$/, 'Twitter'],
  [/(^|\.)x\.com$/, 'X'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
  [/(^|\.)facebook\.com$/, 'Facebook'],
  [/(^|\.)tiktok\.com$/, 'TikTok'],
  [/(^|\.)bsky\.app$/, 'Bluesky'],
  [/(^|\.)threads\.net$/, 'Threads'],
  [/(^|\.)tumblr\.com$/, 'Tumblr'],
];
const VIDEO: [RegExp, string][] = [
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'YouTube'],
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [/(^|\.)wordpress\.tv$/, 'WordPress.tv'],
  [/(^|\.)dailymotion\.com$/, 'Dailymotion'],
  [/(^|\.)spotify\.com$/, 'Spotify'],
  [/(^|\.)soundcloud\.com$/, 'SoundCloud'],
  [/(^|\.)flickr\.com$/, 'Flickr'],
];

/**
 * A quote card for a post URL: from the item's cached oEmbed answer when it has one (the post's
 * own words, author, handle and date), else from the URL and the words around the embed.
 */
function quoteCardFor(url: URL, text: string, date: string, posts?: ReadonlyMap<string, EmbeddedPost>): QuoteCard['attrs'] | undefined {
  const card = cardFromUrl(url, text, date);
  const key = card ? postKey(url.toString()) : undefined;
  const cached = key ? posts?.get(key) : undefined;
  if (!card || !cached) return card;
  return {
    ...card,
    text: cached.text,
    ...(cached.author ? { author: cached.author } : {}),
    ...(cached.handle ? { handle: cached.handle } : {}),
    ...(cached.date ? { date: cached.date } : {}),
  };
}

function cardFromUrl(url: URL, text: string, date: string): QuoteCard['attrs'] | undefined {
  const network = NETWORKS.find(([re]) => re.test(url.hostname))?.[1] ?? (/^\/@[\w.]+\/\d+/.test(url.pathname) ? 'Mastodon' : undefined);
  if (!network) return undefined;
  const seg = url.pathname.split('/').filter(Boolean);
  let handle = '';
  if (network === 'Mastodon') handle = `${seg[0]}@${url.hostname}`;
  else if (network === 'Bluesky') handle = seg[1] ? `@${seg[1]}` : '';
  else if (seg[0]?.startsWith('@')) handle = seg[0];
  else if (seg[0] && !['p', 'reel', 'status', 'i', 'watch', 'permalink.php', 'posts', 'story.php'].includes(seg[0])) handle = `@${seg[0]}`;
  const author = handle ? handle.replace(/^@/, '').split('@')[0]! : network;
  return { author, handle, date, text: text.trim() || `A post on ${network}.`, url: url.toString(), network };
}

function makeEmbed(cards: Map<string, QuoteCard['attrs']>, date: string, posts?: ReadonlyMap<string, EmbeddedPost>) {
  return (rawUrl: string, captionHtml: string): string => {
    let url: URL;
    try {
      url = new URL(rawUrl.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    } catch {
      return '';
    }
    const caption = textOf(parseHtml(sanitizeArticleHtml(captionHtml))).trim();
    const card = quoteCardFor(url, caption, date, posts);
    if (card) {
      cards.set(card.url, card);
      return `<figure class="quote-card"><blockquote cite="${escapeHtml(card.url)}"><p>${escapeHtml(card.text)}</p></blockquote></figure>`;
    }
    const provider = VIDEO.find(([re]) => re.test(url.hostname))?.[1] ?? url.hostname.replace(/^www\./, '');
    return `<p><a href="${escapeHtml(url.toString())}">${escapeHtml(caption || `${provider}: ${url.toString()}`)}</a></p>`;
  };
}

/** `<blockquote class="twitter-tweet">…</blockquote>` (classic oEmbed HTML) → quote card. */
function tweetBlockquotes(html: string, cards: Map<string, QuoteCard['attrs']>, date: string, posts?: ReadonlyMap<string, EmbeddedPost>): string {
  return html.replace(
    /<blockquote class="(?:twitter-tweet|instagram-media)"[^>]*>([\s\S]*?)<\/blockquote>(?:\s*<script[^>]*><\/script>)?/gi,
    (whole, inner: string) => {
      const links = [...inner.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      const link = links.reverse().find((l) => /\/status\/|\/p\//.test(l)) ?? links[0];
      if (!link) return whole;
      let url: URL;
      try {
        url = new URL(link.replace(/&amp;/g, '&'));
      } catch {
        return whole;
      }
      const text = textOf(parseHtml(sanitizeArticleHtml(/<p[^>]*>([\s\S]*?)<\/p>/i.exec(inner)?.[1] ?? ''))).trim();
      const when = /<a[^>]*>([^<]*\d{4})<\/a>\s*$/.exec(inner.trim())?.[1];
      const parsed = when ? new Date(`${when} UTC`) : undefined;
      const card = quoteCardFor(url, text, parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : date, posts);
      if (!card) return whole;
      const named = /&mdash;\s*([^(<]+)\s*\((@[\w.]+)\)/.exec(inner) ?? /—\s*([^(<]+)\s*\((@[\w.]+)\)/.exec(inner);
      if (named) {
        card.author = named[1]!.trim();
        card.handle = named[2]!;
      }
      cards.set(card.url, card);
      return `\n\n<figure class="quote-card"><blockquote cite="${escapeHtml(card.url)}"><p>${escapeHtml(card.text)}</p></blockquote></figure>\n\n`;
    },
  );
}

/**
 * A pull quote's saved markup outside block delimiters (pasted into classic content, or a block
 * whose delimiters were lost): `<figure class="wp-block-pullquote"><blockquote>…` → our pull quote.
 */
function pullquotes(html: string): string {
  return html.replace(
    /<figure\b[^>]*\bclass="[^"]*\bwp-block-pullquote\b[^"]*"[^>]*>\s*<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>\s*<\/figure>/gi,
    (_m, inner: string) => `<blockquote class="pullquote">${inner}</blockquote>`,
  );
}

// ---- footnotes ----

const FOOTNOTE_REF = /<sup\b[^>]*\bdata-fn="([^"]+)"[^>]*>[\s\S]*?<\/sup>/gi;
const FOOTNOTES_BLOCK = /<!--\s+wp:(?:core\/)?footnotes\s+(?:\{[\s\S]*?\}\s+)?\/?-->(?:\s*<!--\s+\/wp:(?:core\/)?footnotes\s+-->)?/g;

/**
 * The block editor's footnotes (WordPress 6.3+): each reference `<sup data-fn="id">` becomes a
 * numbered link to its note, in order of appearance, and the footnotes block (or, without one,
 * the end of the post) the list of notes, each linking back. Notes no reference names follow.
 */
function withFootnotes(content: string, notes: readonly { id: string; content: string }[]): string {
  if (notes.length === 0 && !content.includes('data-fn=')) return content.replace(FOOTNOTES_BLOCK, '');
  const byId = new Map(notes.map((n) => [n.id, n.content]));
  const order: string[] = [];
  const numbered = content.replace(FOOTNOTE_REF, (whole, id: string) => {
    if (!byId.has(id)) return '';
    if (!order.includes(id)) order.push(id);
    const n = order.indexOf(id) + 1;
    return `<sup class="fn" id="fnref-${n}"><a href="#fn-${n}">${n}</a></sup>`;
  });
  for (const n of notes) if (!order.includes(n.id)) order.push(n.id);
  if (order.length === 0) return numbered.replace(FOOTNOTES_BLOCK, '');
  const list = `\n\n<ol class="footnotes">${order
    .map((id, i) => `<li id="fn-${i + 1}">${byId.get(id) ?? ''} <a class="footnote-back" href="#fnref-${i + 1}" aria-label="Back to the text">↩︎</a></li>`)
    .join('')}</ol>\n\n`;
  let placed = false;
  const out = numbered.replace(FOOTNOTES_BLOCK, () => {
    if (placed) return '';
    placed = true;
    return list;
  });
  return placed ? out : `${out}${list}`;
}

/** The `footnotes` post meta: a JSON list of {id, content}; anything else is no footnotes. */
export function footnotesOf(raw: string | undefined): { id: string; content: string }[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    if (!Array.isArray(v)) return [];
    return v.flatMap((n) =>
      n && typeof n === 'object' && typeof (n as { id?: unknown }).id === 'string' && typeof (n as { content?: unknown }).content === 'string'
        ? [{ id: (n as { id: string }).id, content: (n as { content: string }).content }]
        : [],
    );
  } catch {
    return [];
  }
}

// ---- unknown shortcodes: kept for the editor, hidden from readers ----

/**
 * Wraps each unknown shortcode's tags (`[poll id=3]`, `[/poll]`) in `<span class="shortcode">`:
 * the stored document keeps them for an editor to see and fix, readers never see them (the
 * renderer takes such spans out, modules/article/sanitize). What they enclose stays readable.
 */
function wrapShortcodes(nodes: HtmlNode[], names: readonly string[]): HtmlNode[] {
  if (names.length === 0) return nodes;
  const token = new RegExp(`\\[\\/?(?:${names.map(escapeRegExp).join('|')})(?=[\\s\\]/])[^\\]]*\\]`, 'gi');
  return nodes.flatMap((n): HtmlNode[] => {
    if (n.type === 'el') return [{ ...n, children: wrapShortcodes(n.children, names) }];
    const out: HtmlNode[] = [];
    let last = 0;
    for (const m of n.text.matchAll(token)) {
      // `[[name]]` is WordPress' escape for the literal text: left alone.
      if (n.text[m.index - 1] === '[' && n.text[m.index + m[0].length] === ']') continue;
      if (m.index > last) out.push({ type: 'text', text: n.text.slice(last, m.index) });
      out.push({ type: 'el', tag: 'span', attrs: { class: 'shortcode' }, children: [{ type: 'text', text: m[0] }] });
      last = m.index + m[0].length;
    }
    if (out.length === 0) return [n];
    if (last < n.text.length) out.push({ type: 'text', text: n.text.slice(last) });
    return out;
  });
}

// ---- wpautop ----

const BLOCK_TAGS =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|audio|video|iframe|object|embed|picture|source';
const OPEN_BLOCK = new RegExp(`(<(?:${BLOCK_TAGS})[\\s/>])`, 'gi');
const CLOSE_BLOCK = new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'gi');
const STARTS_BLOCK = new RegExp(`^<\\/?(?:${BLOCK_TAGS})[\\s/>]|^<!--`, 'i');

/** WordPress' wpautop, simplified: blank lines make paragraphs, single newlines make <br>. */
export function autop(html: string): string {
  if (!html.trim()) return '';
  const pres: string[] = [];
  let s = html.replace(/\r\n?/g, '\n').replace(/<pre\b[\s\S]*?<\/pre>/gi, (m) => `<pre data-autop="${pres.push(m) - 1}"></pre>`);
  s = s.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n');
  const chunks = s
    .split(/\n\s*\n/)
    .map((c) => c.trim())
    .filter(Boolean);
  const out = chunks.map((c) => (STARTS_BLOCK.test(c) ? c : `<p>${c.replace(/\n/g, '<br>\n')}</p>`)).join('\n');
  return out.replace(/<pre data-autop="(\d+)"><\/pre>/g, (_m, i: string) => pres[Number(i)] ?? '');
}

// ---- images: point imported ones at our media ----

/**
 * Stands for an image we have no file of, through the shortcode, block and sanitiser steps (a
 * local-looking path, so nothing drops it on the way); blocksOf takes it out with its caption.
 */
const MISSING_PREFIX = '/broadsheet-missing-image/';
const missingSrc = (n: number): string => `${MISSING_PREFIX}${n}`;
const missingIndex = (src: string | undefined): number | undefined => {
  const m = src?.startsWith(MISSING_PREFIX) ? Number(src.slice(MISSING_PREFIX.length)) : Number.NaN;
  return Number.isInteger(m) && m >= 0 ? m : undefined;
};

/**
 * Marks a classic image's own alignment and placed width on its address
 * (`/media/a.jpg#broadsheet-img:left:300`), through the steps that keep only a few attributes.
 */
const IMG_FRAGMENT = '#broadsheet-img:';
const IMG_FRAGMENT_RE = /#broadsheet-img:[a-z]*:\d*"/g;
const srcAndAlign = (src: string | undefined): { src: string; align?: 'left' | 'right'; width?: number } => {
  const at = (src ?? '').indexOf(IMG_FRAGMENT);
  if (at < 0) return { src: src ?? '' };
  const [align, width] = src!.slice(at + IMG_FRAGMENT.length).split(':');
  const w = width ? Number(width) : undefined;
  return {
    src: src!.slice(0, at),
    ...(align === 'left' || align === 'right' ? { align } : {}),
    ...(isFigureWidth(w) ? { width: w } : {}),
  };
};

/**
 * The width an image was placed at, when WordPress placed it at one of its smaller sizes
 * (`size-thumbnail`, `size-medium`, `size-large`, a custom size) rather than the full file: its
 * `width` attribute, or the width the block editor resized it to (`style="width:300px"`). None for
 * full-size images, which take the width of their place.
 */
function placedWidth(named: Record<string, string>): number | undefined {
  // Resized in the block editor (WordPress 6.3+): the width it was given, in its style.
  const styled = Number(/(?:^|;)\s*width:\s*(\d+)px/i.exec(named.style ?? '')?.[1]);
  if (isFigureWidth(styled)) return styled;
  const size = /\bsize-([\w-]+)\b/.exec(named.class ?? '')?.[1];
  const width = Number(named.width);
  return size && size !== 'full' && isFigureWidth(width) ? width : undefined;
}

function rewriteImages(html: string, ctx: ConvertContext, local: Map<string, number>, missing: MissingImage[]): string {
  return html.replace(/<img\b[^>]*>/gi, (tag) => {
    const { named } = parseAttrs(tag.slice(4, -1).replace(/\/$/, ''));
    const wpId = /\bwp-image-(\d+)\b/.exec(named.class ?? '')?.[1];
    const src = named.src !== undefined ? decodeEntities(named.src).trim() : '';
    const ref = (wpId ? ctx.attachment(Number(wpId)) : undefined) ?? (src ? ctx.imageByUrl(src) : undefined);
    // Values come back from raw-html with their references: decoded once here, escaped once below.
    const alt = named.alt !== undefined ? decodeEntities(named.alt) : (ref?.alt ?? '');
    if (ref?.mediaId === undefined) {
      if (!src) return '';
      // A file the export did not carry, another host's image, a path on the old site: listed for
      // the editor, never shown from there. (An inline data: image is named, not copied.)
      const url = /^data:/i.test(src) ? `${src.slice(0, 60)}… (an image inside the post's HTML)` : (ref?.src ?? src);
      return `<img src="${missingSrc(missing.push({ url, alt, caption: '' }) - 1)}" alt="">`;
    }
    local.set(ref.src, ref.mediaId);
    // A classic image's own alignment (class="alignleft"), for the figure made of it when no
    // [caption] or block says otherwise: carried in the address's fragment, which blocksOf drops.
    const align = /\balign(left|right)\b/.exec(named.class ?? '')?.[1];
    const width = placedWidth(named);
    const mark = align || width ? `${IMG_FRAGMENT}${align ?? ''}:${width ?? ''}` : '';
    return `<img src="${escapeHtml(ref.src)}${mark}" alt="${escapeHtml(alt)}">`;
  });
}

/**
 * Links to an image file we hold (WordPress' "link to media file", the full size of a thumbnail)
 * point at our copy instead of the old site.
 */
function rewriteImageLinks(html: string, ctx: ConvertContext): string {
  return html.replace(/<a\b[^>]*>/gi, (tag) => {
    const m = /\shref="([^"]*)"/.exec(tag);
    if (!m) return tag;
    const href = decodeEntities(m[1]!).trim();
    if (!/\.(jpe?g|png|webp|gif|avif)(?:[?#]|$)/i.test(href)) return tag;
    const ref = ctx.imageByUrl(href);
    if (ref?.mediaId === undefined) return tag;
    return tag.replace(m[0], ` href="${escapeHtml(ref.src)}"`);
  });
}

// ---- sanitised HTML → document blocks ----

const INLINE_MARK: Record<string, Mark['type']> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', code: 'code' };

/** Inline nodes → our inline model; undefined when something cannot be modelled (an image, a span). */
function inlineOf(nodes: HtmlNode[], marks: Mark[] = []): Inline[] | undefined {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const t = n.text.replace(/[ \t\r\n\f]+/g, ' ');
      if (t) out.push(marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t });
      continue;
    }
    if (n.tag === 'br') {
      out.push({ type: 'hardBreak' });
      continue;
    }
    if (n.tag === 'a' && !n.attrs.href) {
      // A link without a target (a WordPress button whose URL was dropped): its text.
      const inner = inlineOf(n.children, marks);
      if (!inner) return undefined;
      out.push(...inner);
      continue;
    }
    const mark: Mark | undefined = INLINE_MARK[n.tag]
      ? { type: INLINE_MARK[n.tag]! }
      : n.tag === 'a' && n.attrs.href && !n.attrs.class
        ? { type: 'link', attrs: { href: n.attrs.href } }
        : undefined;
    if (!mark) return undefined;
    const inner = inlineOf(n.children, [...marks.filter((m) => m.type !== mark.type), mark]);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/** Trims the outer whitespace of a run of inline nodes and drops a trailing line break. */
function tidy(inline: Inline[]): Inline[] {
  const list = [...inline];
  while (list.at(-1)?.type === 'hardBreak') list.pop();
  while (list[0]?.type === 'hardBreak') list.shift();
  const first = list[0];
  if (first?.type === 'text') list[0] = { ...first, text: first.text.trimStart() };
  const last = list.at(-1);
  if (last?.type === 'text') list[list.length - 1] = { ...last, text: last.text.trimEnd() };
  // The newline after a <br> is not a space the author typed.
  for (let i = 1; i < list.length; i++) {
    const n = list[i]!;
    if (n.type === 'text' && list[i - 1]!.type === 'hardBreak') list[i] = { ...n, text: n.text.trimStart() };
  }
  return list.filter((n) => n.type !== 'text' || n.text !== '');
}

const isBlank = (nodes: HtmlNode[]): boolean => nodes.every((n) => (n.type === 'text' ? !n.text.trim() : n.tag === 'br'));
/** Kept as HTML; an image inside keeps its plain address (no alignment mark). */
const htmlBlock = (nodes: HtmlNode[]): Block => ({ type: 'html', attrs: { html: toHtml(nodes).replace(IMG_FRAGMENT_RE, '"') } });

function paragraphOf(nodes: HtmlNode[]): Paragraph | undefined {
  const inline = inlineOf(nodes);
  return inline ? { type: 'paragraph', content: tidy(inline) } : undefined;
}

/** An element holding one image (in a link or a picture) and nothing else but whitespace. */
function loneImage(nodes: HtmlNode[]): HtmlElement | undefined {
  const els = nodes.filter((n) => n.type === 'el' || n.text.trim());
  if (els.length !== 1 || els[0]!.type !== 'el') return undefined;
  const el = els[0] as HtmlElement;
  if (el.tag === 'img') return el;
  if (el.tag === 'a' || el.tag === 'picture') return loneImage(el.children);
  return undefined;
}

interface BlockState {
  local: Map<string, number>;
  cards: Map<string, QuoteCard['attrs']>;
  missing: MissingImage[];
}

/** A figure or lone image of an image we have no file of: its caption goes to the list; true when so. */
function takeMissing(el: HtmlElement, state: BlockState): boolean {
  const img = el.tag === 'img' ? el : findFirst(el.children, 'img');
  const n = missingIndex(img?.attrs.src);
  if (n === undefined || !state.missing[n]) return false;
  const caption = captionOf(el);
  if (caption) state.missing[n]!.caption = caption;
  return true;
}

/** A figure's caption as plain text ('' without one). */
function captionOf(el: HtmlElement): string {
  const cap = el.children.find((c): c is HtmlElement => c.type === 'el' && c.tag === 'figcaption');
  return cap ? textOf(cap.children).replace(/\s+/g, ' ').trim() : '';
}

function figureOf(el: HtmlElement, state: BlockState): Block | undefined {
  const img = findFirst(el.children, 'img');
  const own = srcAndAlign(img?.attrs.src);
  const mediaId = img ? state.local.get(own.src) : undefined;
  if (!img || mediaId === undefined) return undefined;
  const classes = (el.attrs.class ?? '').split(/\s+/);
  // The figure's class ([caption align], the image block's align) first, then the image's own (classic alignleft).
  const align = (['wide', 'left', 'right', 'center'] as const).find((a) => classes.includes(`figure--${a}`)) ?? own.align ?? 'center';
  const caption = captionOf(el);
  return { type: 'figure', attrs: { mediaId, alt: img.attrs.alt ?? '', ...(caption ? { caption } : {}), align, ...(own.width ? { width: own.width } : {}) } };
}

/**
 * A gallery (shortcodes.ts / gutenberg.ts galleryHtml): its figures, those we have no file of
 * listed and left out, and its own caption. Undefined when none of its images is ours (nothing to show).
 */
function galleryOf(el: HtmlElement, state: BlockState): Gallery | undefined {
  const figures: Figure[] = [];
  let caption = '';
  for (const c of el.children) {
    if (c.type !== 'el') continue;
    if (c.tag === 'figcaption') caption = textOf(c.children).replace(/\s+/g, ' ').trim();
    else if (c.tag === 'figure' && !takeMissing(c, state)) {
      const f = figureOf(c, state);
      // A gallery's images have no alignment or size of their own: its grid places them.
      if (f?.type === 'figure') {
        const { width: _, ...attrs } = f.attrs;
        figures.push({ type: 'figure', attrs: { ...attrs, align: 'center' } });
      }
    }
  }
  if (figures.length === 0) return undefined;
  const columns = galleryColumns(/\bgallery--cols-(\d+)\b/.exec(el.attrs.class ?? '')?.[1], 3);
  return { type: 'gallery', attrs: { columns, ...(caption ? { caption } : {}) }, content: figures };
}

function listOf(el: HtmlElement): Block | undefined {
  const items: ListItem[] = [];
  for (const c of el.children) {
    if (c.type === 'text') {
      if (c.text.trim()) return undefined;
      continue;
    }
    if (c.tag !== 'li') return undefined;
    const paras = c.children.some((x) => x.type === 'el' && x.tag === 'p')
      ? c.children.filter((x): x is HtmlElement => x.type === 'el').map((x) => (x.tag === 'p' ? paragraphOf(x.children) : undefined))
      : [paragraphOf(c.children)];
    if (paras.some((p) => !p)) return undefined;
    items.push({ type: 'listItem', content: paras as Paragraph[] });
  }
  return { type: el.tag === 'ol' ? 'orderedList' : 'bulletList', content: items };
}

function blockquoteOf(el: HtmlElement): Block | undefined {
  const paras: Paragraph[] = [];
  let citation = '';
  let loose: HtmlNode[] = [];
  const flush = (): boolean => {
    if (isBlank(loose)) {
      loose = [];
      return true;
    }
    const p = paragraphOf(loose);
    loose = [];
    if (!p) return false;
    paras.push(p);
    return true;
  };
  for (const raw of el.children) {
    // wpautop puts a <cite> after the last paragraph into a paragraph of its own.
    const only = raw.type === 'el' && raw.tag === 'p' ? raw.children.filter((x) => x.type === 'el' || x.text.trim()) : [];
    const c = only.length === 1 && only[0]!.type === 'el' && only[0]!.tag === 'cite' ? only[0]! : raw;
    if (c.type === 'el' && (c.tag === 'cite' || c.tag === 'footer')) {
      citation = textOf(c.children)
        .replace(/\s+/g, ' ')
        .replace(/^[—–-]\s*/, '')
        .trim();
    } else if (c.type === 'el' && c.tag === 'p') {
      if (!flush()) return undefined;
      const p = paragraphOf(c.children);
      if (!p) return undefined;
      if (p.content?.length) paras.push(p);
    } else if (c.type === 'el' && !['strong', 'b', 'em', 'i', 'a', 'code', 'br'].includes(c.tag)) {
      return undefined;
    } else {
      loose.push(c);
    }
  }
  if (!flush() || paras.length === 0) return undefined;
  // A pull quote (the block editor's pullquote, marked by gutenberg.ts or freeform below) keeps its kind.
  const pull = (el.attrs.class ?? '').split(/\s+/).includes('pullquote');
  const attrs = { ...(citation ? { citation } : {}), ...(pull ? { kind: 'pull' as const } : {}) };
  return { type: 'blockquote', ...(Object.keys(attrs).length ? { attrs } : {}), content: paras };
}

/** Drops elements left empty by the sanitiser (a cover block's <span></span>, an emptied <figure>). */
function prune(nodes: HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      out.push(n);
      continue;
    }
    const children = prune(n.children);
    const keepEmpty = ['br', 'hr', 'img', 'source', 'td', 'th', 'tr', 'li'].includes(n.tag);
    if (!keepEmpty && children.every((c) => c.type === 'text' && !c.text.trim())) continue;
    out.push({ ...n, children });
  }
  return out;
}

/** Images at the edges of a paragraph (classic "alignleft" images) → figures before it. */
function splitImages(children: HtmlNode[], state: BlockState): { figures: Block[]; rest: HtmlNode[] } {
  const figures: Block[] = [];
  const rest: HtmlNode[] = [];
  for (const c of children) {
    const img = c.type === 'el' ? loneImage([c]) : undefined;
    if (img && takeMissing(img, state)) continue;
    const fig = img ? figureOf({ type: 'el', tag: 'figure', attrs: {}, children: [img] }, state) : undefined;
    if (fig) figures.push(fig);
    else rest.push(c);
  }
  return { figures, rest };
}

function blocksOf(nodes: HtmlNode[], state: BlockState): Block[] {
  const out: Block[] = [];
  let inline: HtmlNode[] = [];
  const flushInline = (): void => {
    if (!isBlank(inline)) {
      const img = loneImage(inline);
      if (img && takeMissing(img, state)) {
        inline = [];
        return;
      }
      const fig = img ? figureOf({ type: 'el', tag: 'figure', attrs: {}, children: [img] }, state) : undefined;
      out.push(fig ?? paragraphOf(inline) ?? htmlBlock([{ type: 'el', tag: 'p', attrs: {}, children: inline }]));
    }
    inline = [];
  };
  for (const n of nodes) {
    if (
      n.type === 'text' ||
      ['strong', 'b', 'em', 'i', 'a', 'code', 'br', 'img', 'span', 'sub', 'sup', 'mark', 'small', 'abbr', 'q', 's', 'u', 'time', 'cite', 'picture'].includes(
        n.tag,
      )
    ) {
      inline.push(n);
      continue;
    }
    flushInline();
    const el = n;
    let block: Block | undefined;
    if (el.tag === 'p') {
      const { figures, rest } = splitImages(el.children, state);
      out.push(...figures);
      if (isBlank(rest)) continue;
      block = paragraphOf(rest);
      if (!block && figures.length) {
        out.push(htmlBlock([{ ...el, children: rest }]));
        continue;
      }
    } else if (/^h[1-6]$/.test(el.tag)) {
      const inl = inlineOf(el.children);
      const level = Math.min(4, Math.max(2, Number(el.tag[1]))) as 2 | 3 | 4;
      if (inl && !isBlank(el.children)) block = { type: 'heading', attrs: { level }, content: tidy(inl) };
      else if (isBlank(el.children)) continue;
    } else if (el.tag === 'ol' && (el.attrs.class ?? '').includes('footnotes')) {
      // The footnotes keep their ids (the links both ways): as HTML.
      block = htmlBlock([el]);
    } else if (el.tag === 'ul' || el.tag === 'ol') {
      block = listOf(el);
    } else if (el.tag === 'blockquote') {
      block = blockquoteOf(el);
    } else if (el.tag === 'hr') {
      block = { type: 'horizontalRule' };
    } else if (el.tag === 'figure' && (el.attrs.class ?? '').includes('quote-card')) {
      const cite = findFirst(el.children, 'blockquote')?.attrs.cite;
      const card = cite ? state.cards.get(cite) : undefined;
      if (card) block = { type: 'quoteCard', attrs: card };
    } else if (el.tag === 'figure' && (el.attrs.class ?? '').split(/\s+/).includes('gallery')) {
      const g = galleryOf(el, state);
      if (!g) continue;
      block = g;
    } else if (el.tag === 'figure') {
      // A figure of an image we have no file of is left out (its caption goes to the list).
      if (takeMissing(el, state)) continue;
      block = figureOf(el, state);
    }
    out.push(block ?? htmlBlock([el]));
  }
  flushInline();
  return out;
}

/** A classic post's page break: its pages become one, divided by a rule (see gutenberg.ts). */
const NEXTPAGE = /<!--\s*nextpage\s*-->/gi;

/** Converts one post's content; pure apart from the lookups in `ctx`. */
export function convertContent(content: string, ctx: ConvertContext): ConvertResult {
  const local = new Map<string, number>();
  const cards = new Map<string, QuoteCard['attrs']>();
  const dropped = new Set<string>();
  const embed = makeEmbed(cards, ctx.date, ctx.embeddedPosts);
  const missing: MissingImage[] = [];
  const images = rewriteImageLinks(rewriteImages(withFootnotes(normalizeTags(content), ctx.footnotes ?? []), ctx, local, missing), ctx);
  const attachment = (id: number): ImageRef | undefined => {
    const a = ctx.attachment(id);
    if (a?.mediaId !== undefined) local.set(a.src, a.mediaId);
    else if (a) return { ...a, src: missingSrc(missing.push({ url: a.src, alt: a.alt, caption: a.caption }) - 1) };
    return a;
  };
  const sc = convertShortcodes(images, { attachment, childAttachments: ctx.childAttachments, embed });
  const freeform = (html: string): string =>
    autop(
      pullquotes(tweetBlockquotes(html.replace(NEXTPAGE, '\n\n<hr>\n\n'), cards, ctx.date, ctx.embeddedPosts)).replace(
        /^\s*(https?:\/\/[^\s<]+)\s*$/gm,
        (line, url: string) => {
          const e = embed(url, '');
          return /quote-card|<a href/.test(e) && isEmbeddable(url) ? `\n\n${e}\n\n` : line;
        },
      ),
    );
  const html = hasBlocks(sc.html) ? renderBlocks(parseBlocks(sc.html), { embed, freeform, dropped }) : freeform(sc.html);
  // <h1> is the page's headline: an h1 in a post body becomes an h2 (the sanitiser drops h1).
  const clean = sanitizeArticleHtml(html.replace(/<(\/?)h1\b/gi, '<$1h2'));
  const state: BlockState = { local, cards, missing };
  const hidden = surelyShortcodes(sc.html, sc.unknown);
  const blocks = withoutPlaceholders(blocksOf(wrapShortcodes(prune(parseHtml(clean)), hidden), state), state);
  return {
    doc: { type: 'doc', content: blocks },
    unknownShortcodes: sc.unknown,
    hiddenShortcodes: hidden,
    droppedBlocks: [...dropped],
    missingImages: missing,
  };
}

/** Placeholders left inside html blocks (an image in a table, a paragraph with text) are taken out. */
function withoutPlaceholders(blocks: Block[], state: BlockState): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type !== 'html' || !b.attrs.html.includes(MISSING_PREFIX)) {
      out.push(b);
      continue;
    }
    const nodes = strip(parseHtml(b.attrs.html), state);
    if (!isBlank(nodes)) out.push(htmlBlock(prune(nodes)));
  }
  return out;
}

function strip(nodes: HtmlNode[], state: BlockState): HtmlNode[] {
  return nodes.flatMap((n): HtmlNode[] => {
    if (n.type === 'text') return [n];
    if ((n.tag === 'img' && missingIndex(n.attrs.src) !== undefined) || (n.tag === 'figure' && takeMissing(n, state))) return [];
    return [{ ...n, children: strip(n.children, state) }];
  });
}

/** A URL alone on a line is auto-embedded by WordPress only for known providers. */
function isEmbeddable(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return [...NETWORKS, ...VIDEO].some(([re]) => re.test(host)) || isSocialProvider(host);
  } catch {
    return false;
  }
}
