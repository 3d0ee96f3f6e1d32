/**
 * @module modules/article/document-text
 * The article document as text a person edits in a plain textarea (the article form without
 * JavaScript), and that text read back. Nothing the document holds is lost on the way: the text is
 * CommonMark for what Markdown has (paragraphs, headings, quotations, lists, rules, bold, italic,
 * code, links; a single newline is a line break) plus a line syntax for what it has not:
 *
 *   [figure image=49 align="left" alt="…" caption="Name, role" credit="…" person=12 width=300]
 *   ![alt](media:49 "Name, role")   (the same, in Markdown: a figure of image 49, alt and caption)
 *   [gallery columns=3 caption="The gallery's caption"]
 *   [figure image=50 caption="…"]        (one [figure] line per image, nothing else)
 *   [/gallery]
 *   > The quoted words.
 *   > — Who said it            (the last line of a quotation, after an em dash: its citation)
 *   [pull-quote]               (a pull quote: the same quotation lines, set large for display)
 *   > The words repeated from the story.
 *   [/pull-quote]
 *   [quote person=12]          (a quotation attributed to a person at People: the citation links
 *   > The quoted words.         to their page; [pull-quote person=12] likewise)
 *   > — Who said it
 *   [/quote]
 *   [social-post author="…" handle="@…" date="2026-11-02T09:30:00Z" url="https://…" network="…"]
 *   The post's text, as many lines as it has.
 *   [/social-post]
 *   [html]
 *   <table>…</table>
 *   [/html]
 *
 * Attribute values are written as JSON strings, so any caption survives. documentToText and
 * documentFromText are inverses for every document (tested on the demo newsroom and on imported
 * WordPress posts); the only normalisations are those a reader cannot see (an empty paragraph, a
 * line break at the very end of a paragraph, spaces moved outside bold or italic).
 */
import MarkdownIt from 'markdown-it';
import type { ArticleDocument, Block, Figure, Inline, Mark, Paragraph } from './document.js';
import { checkDocument, DocumentError, MAX_BODY_CHARS, parseDocumentJson } from './document-input.js';

// ── document → text ──────────────────────────────────────────────────────────────────────────────

/** Marks from the outside in: a link holds bold, bold holds italic, code is innermost (nothing parses inside it). */
const MARK_ORDER: Record<Mark['type'], number> = { link: 0, bold: 1, italic: 2, code: 3 };
const DELIM: Record<'bold' | 'italic', string> = { bold: '**', italic: '*' };

const sameMark = (a: Mark, b: Mark): boolean => a.type === b.type && (a.type !== 'link' || a.attrs?.href === b.attrs?.href);
const sortMarks = (marks: Mark[] | undefined): Mark[] => [...(marks ?? [])].sort((x, y) => MARK_ORDER[x.type] - MARK_ORDER[y.type]);
const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Text with every character Markdown would read as syntax escaped. `_` inside a word cannot start emphasis, so it stays. */
function escapeText(t: string): string {
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' || c === '*' || c === '`' || c === '[' || c === ']' || c === '<') out += `\\${c}`;
    else if (c === '_' && !(isAlnum(t[i - 1]) && isAlnum(t[i + 1]))) out += '\\_';
    else if (c === '&' && /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(t.slice(i))) out += '\\&';
    else out += c;
  }
  return out;
}

/** A code span that shows `t` exactly: a fence longer than any run of backticks inside, padded when needed. */
function codeSpan(t: string): string {
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A link destination in angle brackets, so spaces and parentheses need no encoding. */
const linkDest = (href: string): string => `<${href.replace(/[\\<>]/g, '\\$&')}>`;

/**
 * Bold and italic cannot begin or end with a space in Markdown (`** a**` is not bold): such spaces
 * are moved outside the mark. A reader sees no difference.
 */
function splitFlankingSpace(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (n.type !== 'text' || !n.marks?.some((m) => m.type === 'bold' || m.type === 'italic') || n.marks.some((m) => m.type === 'code')) {
      out.push(n);
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(n.text)!;
    const outer = n.marks.filter((k) => k.type === 'link');
    const plain = (text: string): Inline => (outer.length ? { type: 'text', text, marks: outer } : { type: 'text', text });
    if (m[1]) out.push(plain(m[1]));
    if (m[2]) out.push({ ...n, text: m[2] });
    if (m[3]) out.push(plain(m[3]));
  }
  return out;
}

/** One line of inline content (no hard breaks), marks opened and closed as the nodes need. */
function lineText(nodes: Inline[]): string {
  let out = '';
  const open: Mark[] = [];
  const close = (to: number): void => {
    while (open.length > to) {
      const m = open.pop()!;
      if (m.type === 'link') out += `](${linkDest(m.attrs?.href ?? '')})`;
      else if (m.type !== 'code') out += DELIM[m.type];
    }
  };
  for (const n of nodes) {
    if (n.type !== 'text') continue;
    const marks = sortMarks(n.marks).filter((m) => m.type !== 'code');
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!, marks[keep]!)) keep++;
    close(keep);
    for (const m of marks.slice(keep)) {
      out += m.type === 'link' ? '[' : DELIM[m.type as 'bold' | 'italic'];
      open.push(m);
    }
    out += n.marks?.some((m) => m.type === 'code') ? codeSpan(n.text) : escapeText(n.text);
  }
  close(0);
  return out;
}

/**
 * What a line must not start or end with to stay text: block syntax at its start (`#`, `>`, `-`,
 * `+`, `=`, `~`, `1.`), and spaces at either end (Markdown drops them; two at the end would be a
 * line break). Spaces become character references, which Markdown reads back as spaces.
 */
function guardLine(line: string): string {
  let s = line
    .replace(/^[ \t]+/, (w) => w.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/[ \t]+$/, (w) => w.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  if (/^[#>+\-=~]/.test(s)) s = `\\${s}`;
  else s = s.replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return s;
}

/** A paragraph's inline content as lines; a hard break ends a line (a backslash keeps an empty line from ending the paragraph). */
function inlineLines(content: Inline[] | undefined): string[] {
  const nodes = splitFlankingSpace(content ?? []);
  const lines: string[] = [];
  let current: Inline[] = [];
  for (const n of nodes) {
    if (n.type === 'hardBreak') {
      lines.push(current.length ? guardLine(lineText(current)) : '\\');
      current = [];
    } else current.push(n);
  }
  lines.push(guardLine(lineText(current)));
  // A break at the very end shows nothing, and Markdown cannot end a paragraph with one.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `name="json string"` pairs for a shortcode line, skipping empty values. */
function attrs(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}=${typeof v === 'number' ? String(v) : JSON.stringify(v)}`)
    .join('');
}

function paragraphsText(paras: Paragraph[], indent: string): string {
  return paras
    .map((p) =>
      inlineLines(p.content)
        .map((l) => (l ? indent + l : indent.trimEnd()))
        .join('\n'),
    )
    .join(`\n${indent.trimEnd()}\n`);
}

function blockText(b: Block, prev: Block | undefined, listMarkers: { bullet: number; ordered: number }): string {
  switch (b.type) {
    case 'paragraph':
      return inlineLines(b.content).join('\n');
    case 'heading':
      // Trailing #s would read as the heading's closing sequence.
      return `${'#'.repeat(b.attrs.level)} ${inlineLines(b.content)
        .join(' ')
        .replace(/(^|\s)(#+)$/, '$1\\$2')}`;
    case 'blockquote': {
      const body = paragraphsText(b.content, '> ');
      // A last paragraph that itself starts with an em dash would read back as the citation.
      const guarded = b.attrs?.citation ? body : body.replace(/(^|\n)> — ([^\n]*)$/, '$1> &mdash; $2');
      const quoted = b.attrs?.citation ? `${guarded}\n> — ${escapeText(b.attrs.citation)}` : guarded;
      const person = attrs([['person', b.attrs?.personId]]);
      if (b.attrs?.kind === 'pull') return `[pull-quote${person}]\n${quoted}\n[/pull-quote]`;
      return person ? `[quote${person}]\n${quoted}\n[/quote]` : quoted;
    }
    case 'bulletList':
    case 'orderedList': {
      const ordered = b.type === 'orderedList';
      // Two lists in a row would merge into one: alternate the marker (- and *, 1. and 1)).
      if (prev?.type !== b.type) listMarkers[ordered ? 'ordered' : 'bullet'] = 0;
      else listMarkers[ordered ? 'ordered' : 'bullet'] ^= 1;
      const alt = listMarkers[ordered ? 'ordered' : 'bullet'] === 1;
      const loose = b.content.some((li) => li.content.length > 1);
      return b.content
        .map((li, i) => {
          const marker = ordered ? `${i + 1}${alt ? ')' : '.'} ` : alt ? '* ' : '- ';
          const pad = ' '.repeat(marker.length);
          const text = paragraphsText(li.content.length ? li.content : [{ type: 'paragraph' }], pad);
          return marker + text.slice(pad.length);
        })
        .join(loose ? '\n\n' : '\n');
    }
    case 'horizontalRule':
      return '---';
    case 'figure':
      return figureLine(b);
    case 'gallery':
      return `[gallery${attrs([
        ['columns', b.attrs.columns],
        ['caption', b.attrs.caption],
      ])}]\n${b.content.map(figureLine).join('\n')}\n[/gallery]`;
    case 'quoteCard': {
      const a = b.attrs;
      return `[social-post${attrs([
        ['author', a.author],
        ['handle', a.handle],
        ['date', a.date],
        ['url', a.url],
        ['network', a.network],
      ])}]\n${a.text}\n[/social-post]`;
    }
    case 'html':
      return `[html]\n${b.attrs.html}\n[/html]`;
  }
}

function figureLine(b: Figure): string {
  const a = b.attrs;
  return `[figure${attrs([
    ['image', a.mediaId],
    ['align', a.align && a.align !== 'center' ? a.align : undefined],
    ['alt', a.alt],
    ['caption', a.caption],
    ['credit', a.credit],
    ['person', a.personId],
    ['width', a.width],
  ])}]`;
}

/** The document as textarea text; documentFromText reads it back to the same document. */
export function documentToText(doc: ArticleDocument): string {
  const markers = { bullet: 0, ordered: 0 };
  const parts: string[] = [];
  doc.content.forEach((b, i) => {
    if (b.type === 'paragraph' && !(b.content ?? []).some((n) => n.type === 'text' && n.text !== '')) return;
    parts.push(blockText(b, doc.content[i - 1], markers));
  });
  return parts.join('\n\n');
}

/** Adds text with these marks (sorted), joined to the node before when that has the same marks. */
function appendText(out: Inline[], text: string, marks: Mark[]): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.type === 'text' && (last.marks ?? []).length === marks.length && marks.every((m, i) => sameMark(m, last.marks![i]!))) last.text += text;
  else out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
}

/** Line breaks at the very end of a paragraph show nothing: dropped. */
function trimBreaks(out: Inline[]): Inline[] {
  while (out[out.length - 1]?.type === 'hardBreak') out.pop();
  return out;
}

/**
 * The document as it reads back from its text: spaces at the edges of bold or italic moved
 * outside, neighbouring text with the same marks joined, marks in one order, line breaks at the
 * end of a paragraph and empty top-level paragraphs dropped. A reader sees no difference.
 */
export function normalizeDocument(doc: ArticleDocument): ArticleDocument {
  const inl = (content: Inline[] | undefined): Inline[] | undefined => {
    if (!content) return undefined;
    const out: Inline[] = [];
    for (const n of splitFlankingSpace(content)) {
      if (n.type === 'hardBreak') out.push(n);
      else appendText(out, n.text, sortMarks(n.marks));
    }
    return trimBreaks(out);
  };
  const paraOf = (p: Paragraph): Paragraph => para(inl(p.content) ?? []);
  const content: Block[] = [];
  for (const b of doc.content) {
    if (b.type === 'paragraph') {
      const p = paraOf(b);
      if (p.content) content.push(p);
    } else if (b.type === 'heading') {
      const c = inl(b.content);
      content.push(c?.length ? { ...b, content: c } : { type: 'heading', attrs: b.attrs });
    } else if (b.type === 'blockquote') content.push({ ...b, content: b.content.map(paraOf) });
    else if (b.type === 'bulletList' || b.type === 'orderedList')
      content.push({ type: b.type, content: b.content.map((li) => ({ type: 'listItem', content: li.content.map(paraOf) })) } as Block);
    else content.push(b);
  }
  return { type: 'doc', content };
}

// ── text → document ──────────────────────────────────────────────────────────────────────────────

const md = new MarkdownIt('commonmark', { html: false, breaks: true });
type Token = ReturnType<typeof md.parse>[number];
// Keep link addresses exactly as written (checkDocument decides what is allowed).
md.normalizeLink = (url: string) => url;
md.validateLink = () => true;

const SHORTCODE_ATTR = /\s+([a-z]+)=("(?:[^"\\]|\\.)*"|\d+)/gy;

/** The attributes of `[name a="…" b=1]` on line `lineNo`, or a DocumentError saying what is wrong. */
function shortcodeAttrs(line: string, name: string, allowed: readonly string[], lineNo: number): Record<string, string | number> {
  const inner = line.slice(name.length + 1, -1);
  const out: Record<string, string | number> = {};
  SHORTCODE_ATTR.lastIndex = 0;
  let at = 0;
  for (let m = SHORTCODE_ATTR.exec(inner); m; m = SHORTCODE_ATTR.exec(inner)) {
    const [, key, raw] = m as unknown as [string, string, string];
    if (!allowed.includes(key)) throw new DocumentError(`Line ${lineNo}: [${name}] has no field "${key}" (its fields are ${allowed.join(', ')}).`);
    try {
      out[key] = raw.startsWith('"') ? (JSON.parse(raw) as string) : Number(raw);
    } catch {
      throw new DocumentError(`Line ${lineNo}: the ${key} of [${name}] could not be read; write it in double quotes, with \\" for a quotation mark.`);
    }
    at = SHORTCODE_ATTR.lastIndex;
  }
  if (inner.slice(at).trim() !== '')
    throw new DocumentError(`Line ${lineNo}: [${name}] could not be read after "${inner.slice(0, at).slice(-30)}"; write each field as name="value".`);
  return out;
}

/** markdown-it's inline tokens as our inline nodes, neighbours with the same marks joined. */
function inlineNodes(t: Token | undefined): Inline[] {
  const out: Inline[] = [];
  const marks: Mark[] = [];
  const push = (text: string, extra?: Mark): void => appendText(out, text, sortMarks(extra ? [...marks, extra] : marks));
  const drop = (type: Mark['type']): void => {
    const i = marks.map((m) => m.type).lastIndexOf(type);
    if (i >= 0) marks.splice(i, 1);
  };
  for (const c of t?.children ?? []) {
    switch (c.type) {
      case 'text':
        push(c.content);
        break;
      case 'code_inline':
        push(c.content, { type: 'code' });
        break;
      case 'softbreak':
      case 'hardbreak':
        out.push({ type: 'hardBreak' });
        break;
      case 'strong_open':
        marks.push({ type: 'bold' });
        break;
      case 'strong_close':
        drop('bold');
        break;
      case 'em_open':
        marks.push({ type: 'italic' });
        break;
      case 'em_close':
        drop('italic');
        break;
      case 'link_open':
        marks.push({ type: 'link', attrs: { href: String(c.attrGet('href') ?? '') } });
        break;
      case 'link_close':
        drop('link');
        break;
      // ![alt](src): an image has no place inside a paragraph; its words stay, linked to it.
      case 'image': {
        const src = String(c.attrGet('src') ?? '');
        if (src.startsWith('media:'))
          throw new DocumentError(`An image of the media library (![…](${src.slice(0, 30)})) goes on a line of its own, where it becomes a figure.`);
        push(c.content, { type: 'link', attrs: { href: src } });
        break;
      }
      default:
        push(c.content);
    }
  }
  return trimBreaks(out);
}

/**
 * `![alt](media:49 "caption")` alone in its paragraph: a figure of image 49 of the media library,
 * the Markdown way of writing a [figure] line (what the text is written back as).
 */
function mediaImage(inline: Token | undefined): Figure | undefined {
  const parts = (inline?.children ?? []).filter((c) => !(c.type === 'softbreak' || (c.type === 'text' && !c.content.trim())));
  const img = parts.length === 1 && parts[0]!.type === 'image' ? parts[0]! : undefined;
  const id = /^media:(\d{1,12})$/.exec(String(img?.attrGet('src') ?? ''))?.[1];
  if (!img || id === undefined) return undefined;
  const caption = String(img.attrGet('title') ?? '');
  return { type: 'figure', attrs: { mediaId: Number(id), align: 'center', ...(img.content ? { alt: img.content } : {}), ...(caption ? { caption } : {}) } };
}

const para = (content: Inline[]): Paragraph => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });

/** Markdown blocks as document blocks; what the document cannot nest (a heading in a list, a list in a quotation) becomes paragraphs. */
function markdownBlocks(src: string): Block[] {
  const tokens = md.parse(src, {});
  const blocks: Block[] = [];
  let i = 0;
  /** The paragraphs up to the matching close token; nested structure flattened. */
  const paragraphsUntil = (close: string): Paragraph[] => {
    const out: Paragraph[] = [];
    let depth = 0;
    const open = close.replace('_close', '_open');
    for (i++; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === open) depth++;
      else if (t.type === close) {
        if (depth === 0) break;
        depth--;
      } else if (t.type === 'inline') out.push(para(inlineNodes(t)));
      else if (t.type === 'code_block' || t.type === 'fence') out.push(codeParagraph(t.content));
    }
    return out;
  };
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'paragraph_open': {
        const inline = tokens[++i];
        blocks.push(mediaImage(inline) ?? para(inlineNodes(inline)));
        i++;
        break;
      }
      case 'heading_open': {
        const n = Number(t.tag.slice(1));
        const content = inlineNodes(tokens[++i]);
        blocks.push({ type: 'heading', attrs: { level: n <= 2 ? 2 : n === 3 ? 3 : 4 }, ...(content.length ? { content } : {}) });
        i++;
        break;
      }
      case 'hr':
        blocks.push({ type: 'horizontalRule' });
        break;
      case 'code_block':
      case 'fence':
        blocks.push(codeParagraph(t.content));
        break;
      case 'blockquote_open': {
        const start = i;
        const paras = paragraphsUntil('blockquote_close');
        // "— Name" alone on the last line: the citation. Read from the source so that "&mdash; " stays words.
        // It may be a paragraph of its own (as documentToText writes it) or the last line of the last one (as people type it).
        const lastInline = tokens
          .slice(start, i)
          .reverse()
          .find((x) => x.type === 'inline');
        const lastLine = lastInline?.content.split('\n').pop() ?? '';
        let citation: string | undefined;
        if (lastInline && /^— \S/.test(lastLine) && (paras.length > 1 || lastInline.content.includes('\n'))) {
          const last = paras[paras.length - 1]!;
          const nodes = last.content ?? [];
          const br = nodes.map((n) => n.type).lastIndexOf('hardBreak');
          citation = nodes
            .slice(br + 1)
            .map((n) => (n.type === 'text' ? n.text : ''))
            .join('')
            .replace(/^— /, '');
          if (br < 0) paras.pop();
          else last.content = nodes.slice(0, br);
        }
        blocks.push({ type: 'blockquote', ...(citation ? { attrs: { citation } } : {}), content: paras.length ? paras : [{ type: 'paragraph' }] });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const type = t.type === 'bullet_list_open' ? 'bulletList' : 'orderedList';
        const close = t.type.replace('_open', '_close');
        const items: Paragraph[][] = [];
        let depth = 0;
        for (i++; i < tokens.length; i++) {
          const x = tokens[i]!;
          if (x.type === t.type) depth++;
          else if (x.type === close) {
            if (depth === 0) break;
            depth--;
          } else if (x.type === 'list_item_open' && depth === 0) items.push([]);
          else if (x.type === 'inline') items[items.length - 1]!.push(para(inlineNodes(x)));
          else if (x.type === 'code_block' || x.type === 'fence') items[items.length - 1]!.push(codeParagraph(x.content));
        }
        blocks.push({ type, content: items.map((ps) => ({ type: 'listItem', content: ps.length ? ps : [{ type: 'paragraph' }] })) });
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/** A code block keeps its lines, each in code. */
function codeParagraph(code: string): Paragraph {
  const content: Inline[] = [];
  code
    .replace(/\n$/, '')
    .split('\n')
    .forEach((line, k) => {
      if (k > 0) content.push({ type: 'hardBreak' });
      if (line) content.push({ type: 'text', text: line, marks: [{ type: 'code' }] });
    });
  return para(content);
}

const FIGURE_FIELDS = ['image', 'align', 'alt', 'caption', 'credit', 'person', 'width'] as const;
const GALLERY_FIELDS = ['columns', 'caption'] as const;
const isFigureLine = (trimmed: string): boolean => /^\[figure[\s\]]/.test(trimmed) && trimmed.endsWith(']');

/** A `[figure …]` line as a figure block (checked with the rest of the document). */
function figureFromLine(trimmed: string, lineNo: number): unknown {
  const a = shortcodeAttrs(trimmed, 'figure', FIGURE_FIELDS, lineNo);
  if (typeof a.image !== 'number') throw new DocumentError(`Line ${lineNo}: a [figure] needs image=N, the number of an image in the media library.`);
  const { image, person, ...rest } = a;
  return { type: 'figure', attrs: { mediaId: image, align: 'center', ...rest, ...(person !== undefined ? { personId: person } : {}) } };
}
const QUOTE_FIELDS = ['person'] as const;
const QUOTE_OPEN = /^\[(pull-quote|quote)(\s[^\]]*)?\]$/;
const POST_FIELDS = ['author', 'handle', 'date', 'url', 'network'] as const;

/**
 * Textarea text as a checked document (the same checks as the editor's JSON). A malformed
 * [figure] or [social-post] line is a DocumentError naming the line, never a silent loss.
 */
export function documentFromText(text: string): ArticleDocument {
  if (text.length > MAX_BODY_CHARS) throw new DocumentError(`The body is longer than ${MAX_BODY_CHARS.toLocaleString('en')} characters.`);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const content: unknown[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.some((l) => l.trim())) content.push(...markdownBlocks(pending.join('\n')));
    pending = [];
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const trimmed = line.trim();
    if (isFigureLine(trimmed)) {
      flush();
      content.push(figureFromLine(trimmed, n + 1));
    } else if (/^\[gallery[\s\]]/.test(trimmed) && trimmed.endsWith(']')) {
      flush();
      const a = shortcodeAttrs(trimmed, 'gallery', GALLERY_FIELDS, n + 1);
      const end = lines.findIndex((l, k) => k > n && l.trim() === '[/gallery]');
      if (end < 0) throw new DocumentError(`Line ${n + 1}: the [gallery] opened here has no [/gallery] line to close it.`);
      const figures: unknown[] = [];
      for (let k = n + 1; k < end; k++) {
        const inner = lines[k]!.trim();
        if (!inner) continue;
        if (!isFigureLine(inner)) throw new DocumentError(`Line ${k + 1}: a [gallery] holds only [figure …] lines, one per image.`);
        figures.push(figureFromLine(inner, k + 1));
      }
      content.push({ type: 'gallery', attrs: { columns: a.columns ?? 3, ...(a.caption ? { caption: a.caption } : {}) }, content: figures });
      n = end;
    } else if (QUOTE_OPEN.test(trimmed)) {
      flush();
      const name = QUOTE_OPEN.exec(trimmed)![1]!;
      const { person } = shortcodeAttrs(trimmed, name, QUOTE_FIELDS, n + 1);
      const end = lines.findIndex((l, k) => k > n && l.trim() === `[/${name}]`);
      if (end < 0) throw new DocumentError(`Line ${n + 1}: the [${name}] opened here has no [/${name}] line to close it.`);
      const inner = markdownBlocks(lines.slice(n + 1, end).join('\n'));
      const quote = inner[0];
      if (inner.length !== 1 || quote?.type !== 'blockquote')
        throw new DocumentError(`Line ${n + 1}: a [${name}] holds one quotation, its lines starting with "> " (and "> — Name" last for who said it).`);
      const attrsOut = { ...quote.attrs, ...(name === 'pull-quote' ? { kind: 'pull' as const } : {}), ...(person !== undefined ? { personId: person } : {}) };
      content.push(Object.keys(attrsOut).length ? { ...quote, attrs: attrsOut } : quote);
      n = end;
    } else if ((/^\[social-post[\s\]]/.test(trimmed) && trimmed.endsWith(']')) || trimmed === '[html]') {
      flush();
      const name = trimmed === '[html]' ? 'html' : 'social-post';
      const end = lines.findIndex((l, k) => k > n && l.trim() === `[/${name}]`);
      if (end < 0) throw new DocumentError(`Line ${n + 1}: the [${name}] opened here has no [/${name}] line to close it.`);
      const inner = lines.slice(n + 1, end).join('\n');
      if (name === 'html') content.push({ type: 'html', attrs: { html: inner } });
      else content.push({ type: 'quoteCard', attrs: { ...shortcodeAttrs(trimmed, 'social-post', POST_FIELDS, n + 1), text: inner } });
      n = end;
    } else pending.push(line);
  }
  flush();
  return checkDocument({ type: 'doc', content });
}

/**
 * What the no-JavaScript form's textarea stands for. The form also carries the document it was
 * made from (`original`, the editor's JSON): when the text is still exactly that document's text,
 * the document itself is kept, byte for byte, so an unchanged save changes nothing even where the
 * text cannot say it (a line break at the end of a paragraph). Otherwise the text is read.
 */
export function bodyFromText(text: string, original: string): ArticleDocument {
  if (original) {
    let doc: ArticleDocument | undefined;
    try {
      doc = parseDocumentJson(original);
    } catch {
      doc = undefined;
    }
    const same = (a: string): string => a.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
    if (doc && same(documentToText(doc)) === same(text)) return doc;
  }
  return documentFromText(text);
}
