/**
 * @module import/wordpress/raw-html
 * Raw post content from a WordPress export, tokenised by a real HTML parser (htmlparser2) before
 * any other step looks at it. Every tag is written back in one shape: lower-case names, every
 * attribute double-quoted with `"`, `<` and `>` as character references, so a `>` inside an
 * attribute value (legal HTML: `alt="1 > 0"`) can no longer end a tag early for the steps that
 * follow (image rewriting, [caption], block delimiters), which find tags by `<img\b[^>]*>`.
 * Text, entities, shortcodes and comments (the block editor's `<!-- wp:… -->` delimiters) are
 * kept as they were; nothing the parser only implied (a missing `</p>`) is added.
 */
import { Parser } from 'htmlparser2';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** An attribute value as written back: references already in it are kept, delimiters escaped. */
const attrValue = (v: string): string => v.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Raw HTML with every tag rewritten in the one safe shape (see the module comment). */
export function normalizeTags(html: string): string {
  if (!html.includes('<')) return html;
  const out: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs, implied) {
        if (implied) return;
        let tag = `<${name}`;
        for (const [k, v] of Object.entries(attribs)) {
          // A name the parser accepted but HTML does not (quotes, "<" in it) is dropped.
          if (/^[^\s"'<>/=]+$/.test(k)) tag += ` ${k}="${attrValue(v)}"`;
        }
        out.push(`${tag}>`);
      },
      onclosetag(name, implied) {
        if (implied || VOID.has(name)) return;
        out.push(`</${name}>`);
      },
      ontext(text) {
        out.push(text);
      },
      oncomment(data) {
        out.push(`<!--${data}-->`);
      },
    },
    // Entities stay as they are: the sanitiser and the tree reader decode them later, once.
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}
