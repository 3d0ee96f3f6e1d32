/**
 * @module modules/article/document
 * The structured article document, stored as JSON in posts.body_doc. Its shape follows
 * ProseMirror's JSON (type, attrs, content, marks) so the editor can load and save it directly.
 * renderDocument() is the one renderer from document to HTML; its output is sanitised by
 * sanitizeArticleHtml() before it is stored.
 */

export interface Mark {
  type: 'bold' | 'italic' | 'link' | 'code';
  attrs?: { href?: string };
}

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}
export interface HardBreak {
  type: 'hardBreak';
}
export type Inline = TextNode | HardBreak;

export interface Paragraph {
  type: 'paragraph';
  content?: Inline[];
}
export interface Heading {
  type: 'heading';
  attrs: { level: 2 | 3 | 4 };
  content?: Inline[];
}
export interface Blockquote {
  type: 'blockquote';
  attrs?: {
    /** Who said it, e.g. "Maria Lind, harbour master"; rendered as <cite>. */
    citation?: string;
    /**
     * 'pull': a pull quote, a short line repeated from the story and set large for display
     * (WordPress' pullquote block). Without it, a quotation: body size, indented, however long.
     */
    kind?: 'pull';
    /** people.id of who said it: the citation links to their page (modules/person). */
    personId?: number;
  };
  content: Paragraph[];
}
export interface Figure {
  type: 'figure';
  attrs: {
    /** media.id; the renderer fills src, srcset, width and height from the media row. */
    mediaId: number;
    alt?: string;
    caption?: string;
    credit?: string;
    align?: 'wide' | 'center' | 'left' | 'right';
    /** people.id of the person the photo shows: their name in the caption links to their page. */
    personId?: number;
    /**
     * Shown at most this wide, in CSS pixels: an image placed at a size of its own (a WordPress
     * thumbnail or medium image, 150 or 300 px) is not stretched to the column. None: as wide as its place.
     */
    width?: number;
  };
}
/**
 * Several images shown together in a grid of `columns` (two on a narrow screen), each a figure with
 * its own caption and credit; the gallery's caption, if any, once under the grid.
 */
export interface Gallery {
  type: 'gallery';
  attrs: { columns: number; caption?: string };
  content: Figure[];
}
/** The columns a gallery may have. */
export const GALLERY_COLUMNS = { min: 1, max: 8 } as const;
/** The widths, in CSS pixels, a figure may be placed at (Figure `width`). */
export const FIGURE_WIDTH = { min: 16, max: 4000 } as const;
export const isFigureWidth = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= FIGURE_WIDTH.min && (v as number) <= FIGURE_WIDTH.max;
/** The longest value, in characters, each field of a quote card may hold (document-input checks them). */
export const QUOTE_CARD_LIMITS = { author: 200, handle: 200, date: 40, text: 10_000, url: 2000, network: 60 } as const;
/** A quoted social post, shown as a static card: no third-party script ever loads. */
export interface QuoteCard {
  type: 'quoteCard';
  attrs: {
    author: string;
    handle: string;
    /** ISO date-time of the original post. */
    date: string;
    text: string;
    url: string;
    network?: string;
  };
}
export interface ListItem {
  type: 'listItem';
  content: Paragraph[];
}
export interface BulletList {
  type: 'bulletList';
  content: ListItem[];
}
export interface OrderedList {
  type: 'orderedList';
  content: ListItem[];
}
export interface HorizontalRule {
  type: 'horizontalRule';
}
/**
 * HTML the editor cannot model as blocks (an imported table, a WordPress widget's markup). It is
 * rendered through the article sanitiser like everything else, and shown as source in the editor.
 */
export interface HtmlBlock {
  type: 'html';
  attrs: { html: string };
}

export type Block = Paragraph | Heading | Blockquote | Figure | Gallery | QuoteCard | BulletList | OrderedList | HorizontalRule | HtmlBlock;

export interface ArticleDocument {
  type: 'doc';
  content: Block[];
}

/** Builders used by demo content and tests: `doc(p('Hello ', b('world')))`. */
export const text = (t: string, marks?: Mark[]): TextNode => (marks?.length ? { type: 'text', text: t, marks } : { type: 'text', text: t });
type InlineArg = string | Inline;
const inl = (parts: InlineArg[]): Inline[] => parts.map((x) => (typeof x === 'string' ? text(x) : x));
export const p = (...parts: InlineArg[]): Paragraph => ({ type: 'paragraph', content: inl(parts) });
export const h = (level: 2 | 3 | 4, t: string): Heading => ({ type: 'heading', attrs: { level }, content: [text(t)] });
export const b = (t: string): TextNode => text(t, [{ type: 'bold' }]);
export const i = (t: string): TextNode => text(t, [{ type: 'italic' }]);
export const a = (t: string, href: string): TextNode => text(t, [{ type: 'link', attrs: { href } }]);
export const quote = (said: string, citation?: string): Blockquote => ({
  type: 'blockquote',
  ...(citation ? { attrs: { citation } } : {}),
  content: [p(said)],
});
/** A pull quote: the same words set large, for display. */
export const pullQuote = (said: string, citation?: string): Blockquote => ({
  type: 'blockquote',
  attrs: { ...(citation ? { citation } : {}), kind: 'pull' },
  content: [p(said)],
});
export const figure = (attrs: Figure['attrs']): Figure => ({ type: 'figure', attrs });
export const gallery = (columns: number, figures: Figure[], caption?: string): Gallery => ({
  type: 'gallery',
  attrs: { columns, ...(caption ? { caption } : {}) },
  content: figures,
});

/** The document's blocks in reading order with each gallery replaced by its figures (for what reads captions). */
export function flatBlocks(doc: ArticleDocument): Block[] {
  return (Array.isArray(doc?.content) ? doc.content : []).flatMap((b) => (b.type === 'gallery' ? b.content : [b]));
}

/** Every figure of a document, those in galleries included, in reading order. */
export function figuresOf(doc: ArticleDocument): Figure[] {
  return flatBlocks(doc).filter((b): b is Figure => b?.type === 'figure');
}

/** The document with each figure (those in galleries included) replaced by what `f` makes of it. */
export function mapFigures(doc: ArticleDocument, f: (figure: Figure) => Figure): ArticleDocument {
  return {
    ...doc,
    content: doc.content.map((b): Block => (b.type === 'figure' ? f(b) : b.type === 'gallery' ? { ...b, content: b.content.map(f) } : b)),
  };
}
export const quoteCard = (attrs: QuoteCard['attrs']): QuoteCard => ({ type: 'quoteCard', attrs });
export const ul = (...items: string[]): BulletList => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [p(t)] })) });
export const hr = (): HorizontalRule => ({ type: 'horizontalRule' });
export const doc = (...content: Block[]): ArticleDocument => ({ type: 'doc', content });
