/**
 * @module import/wordpress/oembed-cache
 * WordPress keeps the oEmbed answer of every post URL an article embeds as post meta
 * (`_oembed_<hash>`: the network's HTML, `_oembed_time_<hash>`: when it was fetched). For the
 * networks whose answer quotes the post (X/Twitter, Bluesky, Instagram, Facebook, Threads, Tumblr),
 * that HTML holds the post's words, its author, handle and date: read here, so the imported quote
 * card says what the post said, not a placeholder, and is dated when it was posted, not when the
 * article was. The HTML is parsed, never shown (modules/embed/embedded-post reads it).
 */
import { readEmbeddedPost, type EmbeddedPost } from '../../modules/embed/embedded-post.js';
import type { WxrMeta } from './wxr.js';

/**
 * One post address as a key, so the embed's URL and the one in the answer meet: no scheme, no
 * `www.`, twitter.com and x.com as one, no query or fragment, no trailing slash, in lower case.
 */
export function postKey(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const host = u.hostname
      .toLowerCase()
      .replace(/^(www|mobile|m)\./, '')
      .replace(/^twitter\.com$/, 'x.com');
    return `${host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The posts an item's cached oEmbed answers quote, by `postKey` of their address. Answers that
 * failed (`{{unknown}}`) and the fetch times are skipped.
 */
export function embeddedPosts(meta: readonly WxrMeta[]): Map<string, EmbeddedPost> {
  const out = new Map<string, EmbeddedPost>();
  for (const m of meta) {
    if (!m.key.startsWith('_oembed_') || m.key.startsWith('_oembed_time_') || !m.value.includes('<')) continue;
    const post = readEmbeddedPost(m.value);
    const key = post ? postKey(post.url) : undefined;
    if (post && key && post.text) out.set(key, post);
  }
  return out;
}
