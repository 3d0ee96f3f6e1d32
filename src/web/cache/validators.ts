/**
 * @module web/cache/validators
 * ETags and If-None-Match, shared by cached pages, static assets and the feeds and sitemaps that
 * set their own; and which compression a client takes.
 */
import { createHash } from 'node:crypto';

/** A strong validator for a body: a hash of its bytes. */
export const etagOf = (body: Buffer | string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Whether an If-None-Match header names this ETag, compared weakly (RFC 9110 §13.1.2); `*` names
 * any current representation, so a page that exists matches it.
 */
export const etagMatches = (header: string | undefined, etag: string): boolean =>
  !!header && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

/** The compression to answer with: brotli when the client takes it, else gzip, else none. */
export function negotiateEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  if (!accept) return undefined;
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}
