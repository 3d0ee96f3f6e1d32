/**
 * @module modules/comment/comment-html
 * Comment HTML: the strict comment policy (links get rel="nofollow ugc noopener"), used for
 * imported comment HTML and for the Markdown-lite that readers write (markdown-it, html off).
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const COMMENT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'del', 's', 'q'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Only absolute http(s) and mailto links: a relative href in a comment is a trick, not a citation.
  transformTags: {
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      return {
        tagName,
        attribs: { ...rest, ...(href !== undefined && /^(https?:\/\/|mailto:)/i.test(href.trim()) ? { href } : {}), rel: 'nofollow ugc noopener' },
      };
    },
  },
};

/** Sanitises comment HTML with the comment policy (stricter than articles: no images, no classes). */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, COMMENT_POLICY);
}

// Markdown-lite: emphasis, links, quotes, code and lists. Raw HTML is shown as text, never parsed.
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false }).disable([
  'image',
  'table',
  'heading',
  'lheading',
  'hr',
  'reference',
  'html_block',
  'html_inline',
]);

/**
 * A reader's Markdown-lite comment as safe HTML.
 * @example renderCommentMarkdown('*hi* <script>') // '<p><em>hi</em> &lt;script&gt;</p>'
 */
export function renderCommentMarkdown(source: string): string {
  return sanitizeCommentHtml(md.render(source)).trim();
}

/** How many links a comment's source holds (autolinked URLs included). */
export function countLinks(source: string): number {
  return (md.render(source).match(/<a\s/g) ?? []).length;
}
