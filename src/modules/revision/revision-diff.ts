/**
 * @module modules/revision/revision-diff
 * Word-level comparison of two versions of an article: headline, standfirst and body, the body
 * as plain-text blocks (paragraphs, headings, quotes, list items, captions) taken from the
 * document. Each side gets its own list of pieces, so a view can show them in two columns.
 */
import { diffWords } from 'diff';
import type { ArticleDocument, Block, Inline } from '../article/document.js';

export interface Version {
  title: string;
  excerpt: string;
  body: ArticleDocument;
}

/** A run of text; `del` only on the old side, `ins` only on the new side. */
export interface DiffPart {
  text: string;
  change?: 'ins' | 'del';
}

export interface FieldDiff {
  field: 'title' | 'excerpt' | 'body';
  changed: boolean;
  old: DiffPart[];
  new: DiffPart[];
}

/** Past this time a comparison gives up and shows both texts whole (one removal, one insertion). */
const DIFF_TIMEOUT_MS = 1500;

const inlineText = (content: Inline[] | undefined): string => (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');

function blockTexts(b: Block): string[] {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return [inlineText(b.content)];
    case 'blockquote':
      return [...b.content.map((p) => inlineText(p.content)), ...(b.attrs?.citation ? [`— ${b.attrs.citation}`] : [])];
    case 'bulletList':
    case 'orderedList':
      return b.content.map((li) => `• ${li.content.map((p) => inlineText(p.content)).join(' ')}`);
    case 'figure':
      return [`[Image ${b.attrs.mediaId}${b.attrs.caption ? `: ${b.attrs.caption}` : ''}]`];
    case 'gallery':
      return [`[Gallery${b.attrs.caption ? `: ${b.attrs.caption}` : ''}]`, ...b.content.flatMap(blockTexts)];
    case 'quoteCard':
      return [`[${b.attrs.author}: ${b.attrs.text}]`];
    case 'horizontalRule':
      return ['———'];
    case 'html':
      return [
        b.attrs.html
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ];
  }
}

/** The body as plain text: one block per paragraph, separated by blank lines. */
export function documentPlainText(doc: ArticleDocument): string {
  return (doc.content ?? [])
    .flatMap(blockTexts)
    .filter((t) => t.trim() !== '')
    .join('\n\n');
}

/** Two columns of pieces for one field. */
export function diffText(before: string, after: string): Omit<FieldDiff, 'field'> {
  if (before === after) return { changed: false, old: before ? [{ text: before }] : [], new: after ? [{ text: after }] : [] };
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    return { changed: true, old: before ? [{ text: before, change: 'del' }] : [], new: after ? [{ text: after, change: 'ins' }] : [] };
  }
  const old: DiffPart[] = [];
  const neu: DiffPart[] = [];
  for (const c of changes) {
    if (c.added) neu.push({ text: c.value, change: 'ins' });
    else if (c.removed) old.push({ text: c.value, change: 'del' });
    else {
      old.push({ text: c.value });
      neu.push({ text: c.value });
    }
  }
  return { changed: true, old, new: neu };
}

/**
 * Headline, standfirst and body of `before` against `after`.
 * @example compareVersions(revision, current).filter((f) => f.changed)
 */
export function compareVersions(before: Version, after: Version): FieldDiff[] {
  return [
    { field: 'title', ...diffText(before.title, after.title) },
    { field: 'excerpt', ...diffText(before.excerpt, after.excerpt) },
    { field: 'body', ...diffText(documentPlainText(before.body), documentPlainText(after.body)) },
  ];
}
