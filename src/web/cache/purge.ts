/**
 * @module web/cache/purge
 * Purging after a write: the tags of the posts it changed (and what they were in), and the same
 * tags POSTed to a CDN's purge endpoint when PURGE_URL is set.
 */
import type { Db } from '../../db/database.js';
import { tagsForPostChange } from '../../modules/content/cache-tags.js';
import type { PageCache } from './page-cache.js';

/**
 * Purges what changing these posts touches (call after the write commits, before responding).
 * `extra` adds tags the caller knows about, e.g. the lists a post left when its sections changed.
 */
export async function purgePosts(cache: PageCache, db: Db, postIds: number[], extra: Iterable<string> = []): Promise<number> {
  return cache.purge(await tagsForPostChange(db, postIds, extra));
}

/** One purge request to a CDN purge endpoint (see `cdnPurger`); rejects on failure. */
export async function sendCdnPurge(url: string, tags: readonly string[]): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'surrogate-key': tags.join(' '), 'content-type': 'application/json' },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`CDN purge answered ${res.status}`);
}

/**
 * Forwards purges to a CDN or a Varnish in front of the site: POST to `url` with the tags in a
 * `Surrogate-Key` header (Fastly's convention, which Varnish xkey setups copy) and as JSON.
 * Fire-and-forget with a timeout: a slow CDN never delays a writer's response. Only the instance
 * (or CLI command) that made a purge forwards it; followers of the purge log do not.
 */
export function cdnPurger(url: string, onError: (err: unknown) => void): (tags: string[]) => void {
  return (tags) => {
    sendCdnPurge(url, tags).catch(onError);
  };
}
