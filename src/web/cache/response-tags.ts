/**
 * @module web/cache/response-tags
 * How a route says "this response may be cached, and it shows these things": `cacheFor(reply,
 * tags)`. Anything that does not call it is never stored.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL } from './tagged-store.js';

export const TAGS = Symbol('cacheTags');
export const CLOCK = Symbol('cacheClock');
export const LOOKED_UP = Symbol('cacheLookedUp');
export type LookedUp = IncomingMessage & { [LOOKED_UP]?: true };
export type Tagged = FastifyReply & { [TAGS]?: readonly string[] };
export type Clocked = FastifyRequest & { [CLOCK]?: number };

/** Tag lists made by `cacheTags`: ready to use as they are. */
const READY = new WeakSet<readonly string[]>();

/** A response's tag list made once, for something served many times (an article fragment). */
export function cacheTags(tags: Iterable<string>): readonly string[] {
  const list = Object.freeze([...new Set([...tags, ALL])]);
  READY.add(list);
  return list;
}

/** Marks this response cacheable, with the dependency tags of everything it shows. */
export function cacheFor(reply: FastifyReply, tags: Iterable<string> | readonly string[]): void {
  (reply as Tagged)[TAGS] = READY.has(tags as readonly string[]) ? (tags as readonly string[]) : [...new Set(tags), ALL];
}
