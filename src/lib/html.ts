/**
 * @module lib/html
 * Plain text → HTML text or attribute value (the four characters that matter in both), and back:
 * the text of sanitised HTML, cut to a length.
 */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The text of sanitised HTML (a stored body, an html block), for descriptions, search and word
 * counts: tags out, an unknown shortcode readers never see out, the references sanitize-html
 * writes decoded, whitespace collapsed.
 */
export function htmlText(html: string): string {
  return unescapeHtml(
    html
      .replace(/<span class="shortcode">[^<]*<\/span>/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The references sanitize-html writes in text and attribute values, decoded (escapeHtml's inverse, and `&#39;`). */
export const unescapeHtml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Text cut to at most `max` characters at a word's end, with "…" when it was cut. */
export function clipText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
