/**
 * @module web/cache
 * The page cache: anonymous GETs of pages, feeds and sitemaps are served from memory as rendered
 * bytes with brotli and gzip variants made once each, when a client first asks for one, an ETag (304 on a match), and the dependency tags
 * of what they show. A write purges exactly the entries carrying the tags it touched, before its
 * response returns. Bounded by bytes (least recently used out first, approximately: see tagged-store).
 *
 * Routes opt in by calling `cacheFor(reply, tags)`; anything else, any request with a session
 * cookie, and every non-GET bypass it. Responses also carry `Cache-Control` with
 * stale-while-revalidate and a `Surrogate-Key` header with the same tags, so a CDN can cache and
 * purge the same way; whatever may depend on who asks is `private, no-store` (registerCachePolicy).
 */
export { PageCache, ALL, type CacheStats } from './page-cache.js';
export { cacheFor, cacheTags } from './response-tags.js';
export { etagMatches, etagOf } from './validators.js';
export { answerHitsFirst, mayBeCached, PRIVATE, registerCachePolicy, registerPageCache, type CacheOptions, type HitObserver } from './serve.js';
export { cdnPurger, purgePosts, sendCdnPurge } from './purge.js';
