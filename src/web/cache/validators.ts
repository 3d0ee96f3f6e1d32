/**
 * @module web/cache/validators
 * ETags and If-None-Match, shared by cached pages and by feeds and sitemaps that set their own.
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
