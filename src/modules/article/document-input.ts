/**
 * @module modules/article/document-input
 * A body as a client sent it, checked before it reaches the article service: every node type,
 * attribute and size of the editor's JSON checked against modules/article/document.ts. The
 * no-JavaScript textarea's text is read by document-text.ts and checked here too.
 */
import { AppError } from '../../lib/errors.js';
import {
  FIGURE_WIDTH,
  GALLERY_COLUMNS,
  isFigureWidth,
  QUOTE_CARD_LIMITS,
  type ArticleDocument,
  type Block,
  type Figure,
  type Inline,
  type Mark,
  type Paragraph,
} from './document.js';
import { isId } from '../../lib/ids.js';

/** Largest body accepted, as text or as JSON characters. */
export const MAX_BODY_CHARS = 500_000;
const MAX_NODES = 20_000;
const MAX_DEPTH = 8;

/** A body that cannot be read or breaks a limit (ARTICLE_BODY_INVALID, 400). */
export class DocumentError extends AppError<'ARTICLE_BODY_INVALID'> {
  constructor(message: string) {
    super('ARTICLE_BODY_INVALID', message);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function str(v: unknown, what: string, max: number, required = false): string {
  if (v === undefined || v === null) {
    if (required) throw new DocumentError(`${what} is missing.`);
    return '';
  }
  if (typeof v !== 'string') throw new DocumentError(`${what} must be text.`);
  if (v.length > max) throw new DocumentError(`${what} is longer than ${max.toLocaleString('en')} characters.`);
  return v;
}

/** A quotation's or figure's person: an id (checked against the people table by the article service), or none. */
function personOf(v: unknown, what: string): { personId?: number } {
  if (v === undefined || v === null || v === '') return {};
  if (!isId(v)) throw new DocumentError(`${what}’s person must be the number of a person at People.`);
  return { personId: v };
}

/** A figure's own display width: whole CSS pixels within FIGURE_WIDTH, or none. */
function widthOf(v: unknown): { width?: number } {
  if (v === undefined || v === null || v === '') return {};
  if (!isFigureWidth(v))
    throw new DocumentError(`A figure’s width must be a whole number of pixels from ${FIGURE_WIDTH.min} to ${FIGURE_WIDTH.max.toLocaleString('en')}.`);
  return { width: v };
}

/** Walks a parsed JSON value and returns a clean document, or throws DocumentError with a reason. */
export function checkDocument(raw: unknown): ArticleDocument {
  let nodes = 0;
  const count = (): void => {
    if (++nodes > MAX_NODES) throw new DocumentError('The body has too many parts.');
  };

  const marks = (v: unknown): Mark[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length > 4) throw new DocumentError('The body has malformed text formatting.');
    return v.map((m): Mark => {
      if (!isObj(m)) throw new DocumentError('The body has malformed text formatting.');
      if (m.type === 'bold' || m.type === 'italic' || m.type === 'code') return { type: m.type };
      if (m.type === 'link') {
        const href = str(isObj(m.attrs) ? m.attrs.href : undefined, 'A link address', 2000, true).trim();
        if (!/^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href))
          throw new DocumentError(`The link "${href.slice(0, 60)}" must start with https://, http://, mailto: or /.`);
        return { type: 'link', attrs: { href } };
      }
      throw new DocumentError('The body has an unknown kind of text formatting.');
    });
  };

  const inline = (v: unknown): Inline[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw new DocumentError('The body has a malformed paragraph.');
    return v.map((n): Inline => {
      count();
      if (!isObj(n)) throw new DocumentError('The body has a malformed paragraph.');
      if (n.type === 'hardBreak') return { type: 'hardBreak' };
      if (n.type !== 'text') throw new DocumentError('The body has an unknown kind of text.');
      const m = marks(n.marks);
      const text = str(n.text, 'Text', MAX_BODY_CHARS, true);
      return m?.length ? { type: 'text', text, marks: m } : { type: 'text', text };
    });
  };

  const paragraph = (n: unknown): Paragraph => {
    count();
    if (!isObj(n) || n.type !== 'paragraph') throw new DocumentError('A list item or quotation may only hold paragraphs.');
    const content = inline(n.content);
    return content ? { type: 'paragraph', content } : { type: 'paragraph' };
  };

  const paragraphs = (v: unknown, what: string): Paragraph[] => {
    if (!Array.isArray(v) || v.length === 0) throw new DocumentError(`${what} is empty.`);
    return v.map(paragraph);
  };

  const block = (n: unknown, depth: number): Block => {
    count();
    if (depth > MAX_DEPTH || !isObj(n)) throw new DocumentError('The body has a malformed block.');
    const attrs = isObj(n.attrs) ? n.attrs : {};
    switch (n.type) {
      case 'paragraph':
        return paragraph({ ...n, type: 'paragraph' });
      case 'heading': {
        const level = attrs.level;
        if (level !== 2 && level !== 3 && level !== 4) throw new DocumentError('Headings must be of level 2, 3 or 4.');
        const content = inline(n.content);
        return content ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } };
      }
      case 'blockquote': {
        const citation = str(attrs.citation, 'A quotation’s citation', 500);
        if (attrs.kind !== undefined && attrs.kind !== null && attrs.kind !== 'pull')
          throw new DocumentError('A quotation’s kind must be "pull" (a pull quote) or left out (a quotation).');
        const kind = attrs.kind === 'pull' ? ({ kind: 'pull' } as const) : {};
        const a = { ...(citation ? { citation } : {}), ...kind, ...personOf(attrs.personId, 'A quotation') };
        return { type: 'blockquote', ...(Object.keys(a).length ? { attrs: a } : {}), content: paragraphs(n.content, 'A quotation') };
      }
      case 'bulletList':
      case 'orderedList': {
        if (!Array.isArray(n.content) || n.content.length === 0) throw new DocumentError('A list is empty.');
        const items = n.content.map((li) => {
          count();
          if (!isObj(li) || li.type !== 'listItem') throw new DocumentError('A list may only hold list items.');
          return { type: 'listItem' as const, content: paragraphs(li.content, 'A list item') };
        });
        return { type: n.type, content: items };
      }
      case 'horizontalRule':
        return { type: 'horizontalRule' };
      case 'gallery': {
        const columns = attrs.columns ?? 3;
        if (!Number.isInteger(columns) || (columns as number) < GALLERY_COLUMNS.min || (columns as number) > GALLERY_COLUMNS.max)
          throw new DocumentError(`A gallery’s columns must be a whole number from ${GALLERY_COLUMNS.min} to ${GALLERY_COLUMNS.max}.`);
        if (!Array.isArray(n.content) || n.content.length === 0) throw new DocumentError('A gallery is empty: it needs at least one image.');
        const figures = n.content.map((f) => {
          if (!isObj(f) || f.type !== 'figure') throw new DocumentError('A gallery may only hold images (figures).');
          return block(f, depth + 1) as Figure;
        });
        const caption = str(attrs.caption, 'A gallery’s caption', 2000);
        return { type: 'gallery', attrs: { columns: columns as number, ...(caption ? { caption } : {}) }, content: figures };
      }
      case 'figure': {
        const id = attrs.mediaId;
        if (!isId(id)) throw new DocumentError('A figure needs the id of an image from the media library.');
        const align = attrs.align ?? 'center';
        if (align !== 'wide' && align !== 'center' && align !== 'left' && align !== 'right')
          throw new DocumentError('A figure’s alignment must be wide, center, left or right.');
        return {
          type: 'figure',
          attrs: {
            mediaId: id,
            alt: str(attrs.alt, 'A figure’s alt text', 1000),
            caption: str(attrs.caption, 'A caption', 2000),
            credit: str(attrs.credit, 'A credit', 300),
            align,
            ...personOf(attrs.personId, 'A figure'),
            ...widthOf(attrs.width),
          },
        };
      }
      case 'quoteCard': {
        const L = QUOTE_CARD_LIMITS;
        const date = str(attrs.date, 'A quoted post’s date', L.date);
        if (date && Number.isNaN(Date.parse(date))) throw new DocumentError('A quoted post’s date is not a date.');
        const url = str(attrs.url, 'A quoted post’s link', L.url).trim();
        if (url && !/^https?:\/\//i.test(url)) throw new DocumentError('A quoted post’s link must start with https:// or http://.');
        const network = str(attrs.network, 'A quoted post’s network', L.network);
        return {
          type: 'quoteCard',
          attrs: {
            author: str(attrs.author, 'A quoted post’s author', L.author, true),
            handle: str(attrs.handle, 'A quoted post’s handle', L.handle),
            date,
            text: str(attrs.text, 'A quoted post’s text', L.text, true),
            url,
            ...(network ? { network } : {}),
          },
        };
      }
      case 'html':
        return { type: 'html', attrs: { html: str(attrs.html, 'An HTML block', MAX_BODY_CHARS, true) } };
      default:
        throw new DocumentError(`The body has an unknown block "${String(n.type).slice(0, 40)}".`);
    }
  };

  if (!isObj(raw) || raw.type !== 'doc' || !Array.isArray(raw.content)) throw new DocumentError('The body is not an editor document.');
  return { type: 'doc', content: raw.content.map((b) => block(b, 0)) };
}

/** The editor's JSON text as a checked document. */
export function parseDocumentJson(json: string): ArticleDocument {
  if (json.length > MAX_BODY_CHARS * 2) throw new DocumentError('The body is too long.');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DocumentError('The body could not be read (it is not valid JSON).');
  }
  return checkDocument(raw);
}
