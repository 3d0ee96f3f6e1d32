/**
 * @module modules/comment/thread
 * Thread placement by materialised path: a comment's path is its ancestors' zero-padded ids and
 * its own, joined by '/', so ORDER BY path gives thread order.
 */

/** Zero-padded id for the materialised path ("0000000012/0000000031"). */
export const pathSegment = (id: number): string => String(id).padStart(10, '0');

/** Deepest depth a reply may have: depth 0 is top level, so five levels in all. */
export const MAX_DEPTH = 4;

export interface Placed { id: number; path: string; depth: number }

/**
 * Where a reply to `parent` goes: under the parent, or, when that would be deeper than
 * MAX_DEPTH, under the parent's ancestor at MAX_DEPTH - 1 (a sibling at the deepest level).
 */
export function replyParent(parent: Placed): Placed {
  if (parent.depth < MAX_DEPTH) return parent;
  const segs = parent.path.split('/').slice(0, MAX_DEPTH);
  return { id: Number(segs.at(-1)), path: segs.join('/'), depth: MAX_DEPTH - 1 };
}

/** Path and depth of a new comment with this id. */
export const placeComment = (id: number, parent: Placed | undefined): { path: string; depth: number } =>
  parent ? { path: `${parent.path}/${pathSegment(id)}`, depth: parent.depth + 1 } : { path: pathSegment(id), depth: 0 };
