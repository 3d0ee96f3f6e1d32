/**
 * @module import/html-tree
 * A small tree reader for HTML that has been through sanitize-html: tags are balanced and
 * lowercase, attribute values are double-quoted and escaped, text only carries &amp; &lt; &gt;
 * &quot; (and numeric) references. It is not a general HTML parser and must never see raw input.
 */

export interface HtmlElement {
  type: 'el';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export interface HtmlText {
  type: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['br', 'hr', 'img', 'source', 'wbr']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references sanitize-html writes. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

import { escapeHtml } from '../lib/html.js';

export { escapeHtml };

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|<!--[\s\S]*?-->/g;
const ATTR = /([^\s=>/]+)(?:="([^"]*)")?/g;

/** Parses sanitised HTML into a forest. Stray closing tags are ignored; open ones close at the end. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: 'el', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let last = 0;
  const pushText = (raw: string): void => {
    if (raw) stack.at(-1)!.children.push({ type: 'text', text: decodeEntities(raw) });
  };
  for (const m of html.matchAll(TOKEN)) {
    pushText(html.slice(last, m.index));
    last = m.index + m[0].length;
    if (!m[2]) continue; // a comment
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? '');
    const el: HtmlElement = { type: 'el', tag, attrs, children: [] };
    stack.at(-1)!.children.push(el);
    if (!VOID.has(tag) && !m[4]) stack.push(el);
  }
  pushText(html.slice(last));
  return root.children;
}

/** Serialises nodes back to HTML (escaped), e.g. to keep an unrecognised block as it was. */
export function toHtml(nodes: HtmlNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return escapeHtml(n.text);
      const attrs = Object.entries(n.attrs)
        .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
        .join('');
      return VOID.has(n.tag) ? `<${n.tag}${attrs}>` : `<${n.tag}${attrs}>${toHtml(n.children)}</${n.tag}>`;
    })
    .join('');
}

/** The text content of nodes. */
export function textOf(nodes: HtmlNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.tag === 'br' ? '\n' : textOf(n.children))).join('');
}

/** Depth-first search for the first element with this tag. */
export function findFirst(nodes: HtmlNode[], tag: string): HtmlElement | undefined {
  for (const n of nodes) {
    if (n.type !== 'el') continue;
    if (n.tag === tag) return n;
    const inner = findFirst(n.children, tag);
    if (inner) return inner;
  }
  return undefined;
}
