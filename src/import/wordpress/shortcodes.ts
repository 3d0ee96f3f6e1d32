/**
 * @module import/wordpress/shortcodes
 * WordPress shortcodes in post content: [caption] becomes our figure and [gallery] our gallery, [embed],
 * [audio] and [video] become links (no third-party player ever loads), and every other shortcode
 * stays in the text, visible, and is listed so the report can name it.
 */
import { escapeHtml } from '../html-tree.js';
import { GALLERY_COLUMNS } from '../../modules/article/document.js';

/** Attributes of a shortcode or a raw HTML tag: name="v", name='v', name=v, and bare values. */
export function parseAttrs(raw: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (const m of raw.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]]+))|"([^"]*)"|(\S+)/g)) {
    if (m[1]) named[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
    else positional.push(m[5] ?? m[6] ?? '');
  }
  return { named, positional };
}

/** An image as WordPress knew it, and our media row's URL when the file was imported. */
export interface ImageRef {
  src: string;
  alt: string;
  caption: string;
}

export interface ShortcodeContext {
  /** An attachment by WordPress id (its local URL if imported, else the old URL). */
  attachment(wpId: number): ImageRef | undefined;
  /** Attachment ids attached to this post, for [gallery] without ids. */
  childAttachments: number[];
  /** HTML for an embedded URL (quote card or link). */
  embed(url: string, caption: string): string;
}

const ALIGN: Record<string, string> = {
  alignleft: 'left',
  alignright: 'right',
  aligncenter: 'center',
  alignnone: 'center',
  alignwide: 'wide',
  alignfull: 'wide',
};
export const alignOf = (value: string | undefined): string =>
  ALIGN[(value ?? '').trim()] ?? (['left', 'right', 'center', 'wide'].includes(value ?? '') ? value! : 'center');

const figureHtml = (img: string, caption: string, align: string): string =>
  `\n\n<figure class="figure figure--${align}">${img}${caption.trim() ? `<figcaption>${caption.trim()}</figcaption>` : ''}</figure>\n\n`;

/** [caption id="attachment_12" align="alignleft" caption="…"]<a><img></a> Caption[/caption] */
function caption(attrsRaw: string, body: string): string {
  const { named } = parseAttrs(attrsRaw);
  const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(body);
  const img = m ? m[1]! : body;
  const text = named.caption !== undefined ? escapeHtml(named.caption) : m ? m[2]! : '';
  return figureHtml(img, text, alignOf(named.align));
}

function gallery(attrsRaw: string, ctx: ShortcodeContext): string {
  const { named } = parseAttrs(attrsRaw);
  const ids =
    named.ids || named.include
      ? (named.ids ?? named.include ?? '')
          .split(',')
          .map((s) => Number(s.trim()))
          .filter((n) => Number.isInteger(n) && n > 0)
      : ctx.childAttachments;
  const items = ids
    .map((id) => ctx.attachment(id))
    .filter((x): x is ImageRef => x !== undefined)
    .map((a) => figureHtml(`<img src="${escapeHtml(a.src)}" alt="${escapeHtml(a.alt)}">`, escapeHtml(a.caption), 'center'))
    .join('');
  // WordPress' default is three columns.
  return items ? galleryHtml(items, galleryColumns(named.columns, 3)) : '';
}

/** A gallery's columns as WordPress gave them, within what a gallery may have (1 to 8). */
export const galleryColumns = (raw: string | number | undefined, fallback: number): number => {
  const n = Math.round(Number(raw));
  return Number.isFinite(n) && raw !== undefined && raw !== '' ? Math.min(GALLERY_COLUMNS.max, Math.max(GALLERY_COLUMNS.min, n)) : fallback;
};

/** Figures wrapped as one gallery (read back into a gallery block by convert.ts), its caption under them. */
export const galleryHtml = (figures: string, columns: number, caption = ''): string =>
  `\n\n<figure class="gallery gallery--cols-${columns}">${figures}${caption.trim() ? `<figcaption>${caption.trim()}</figcaption>` : ''}</figure>\n\n`;

function media(kind: string, attrsRaw: string): string {
  const { named, positional } = parseAttrs(attrsRaw);
  const url = named.src ?? named.mp3 ?? named.m4a ?? named.ogg ?? named.wav ?? named.mp4 ?? named.webm ?? positional.find((p) => /^https?:\/\//.test(p)) ?? '';
  if (!/^https?:\/\//i.test(url)) return '';
  const name = decodeURIComponent(url.split('?')[0]!.split('/').pop() ?? url);
  return `\n\n<p><a href="${escapeHtml(url)}">${kind === 'audio' ? 'Audio' : 'Video'}: ${escapeHtml(name)}</a></p>\n\n`;
}

const KNOWN =
  /\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]|\[gallery\b([^\]]*)\]|\[embed\b([^\]]*)\]([\s\S]*?)\[\/embed\]|\[(audio|video)\b([^\]]*)\](?:([\s\S]*?)\[\/\7\])?/g;

/**
 * Replaces the shortcodes we understand; returns the HTML and the names of the others (each once),
 * which stay in the text as they were.
 */
export function convertShortcodes(content: string, ctx: ShortcodeContext): { html: string; unknown: string[] } {
  if (!content.includes('[')) return { html: content, unknown: [] };
  const html = content.replace(KNOWN, (...m: (string | undefined)[]) => {
    if (m[1]) return caption(m[2] ?? '', m[3] ?? '');
    if (m[4] !== undefined) return gallery(m[4], ctx);
    if (m[6] !== undefined) return `\n\n${ctx.embed((m[6] ?? '').trim(), '')}\n\n`;
    if (m[7]) return media(m[7], m[8] ?? '');
    return m[0] ?? '';
  });
  return { html, unknown: unknownShortcodes(html) };
}

/** Names of shortcodes left in the text: `[name` followed by a space, `]` or `/]`; `[[x]]` is an escape. */
export function unknownShortcodes(html: string): string[] {
  const names = new Set<string>();
  const text = html.replace(/<[^>]*>/g, ' ');
  for (const m of text.matchAll(/(\[?)\[([a-zA-Z_][\w-]*)(?=[\s\]/])[^\]]*\](\]?)/g)) {
    if (m[1] && m[3]) continue;
    names.add(m[2]!.toLowerCase());
  }
  return [...names];
}

/** Text as a regular expression that matches it literally (a shortcode's name). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Of the unknown names, those surely a plugin's shortcode, hidden from readers: used with
 * attributes (`[poll id=3]`), closed (`[/poll]`), self-closed (`[poll /]`), or named as plugins
 * name them (`contact-form-7`, `et_pb_text`). A bare bracketed word an editor may have written
 * ("[sic]", "[laughs]") stays visible: listed, not hidden.
 */
export function surelyShortcodes(html: string, names: readonly string[]): string[] {
  const text = html.replace(/<[^>]*>/g, ' ');
  return names.filter((name) => {
    if (/[_-]/.test(name)) return true;
    const n = escapeRegExp(name);
    return new RegExp(`\\[\\/${n}\\]|\\[${n}\\s+[^\\]]*(=|/\\])`, 'i').test(text);
  });
}
