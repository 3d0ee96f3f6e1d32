/**
 * @module modules/comment/thread
 * Thread placement by materialised path: a comment's path is its ancestors' zero-padded ids and
 * its own, joined by '/', so ORDER BY path gives thread order.
 */

/** Zero-padded id for the materialised path ("0000000012/0000000031"). */
export const pathSegment = (id: number): string => String(id).padStart(10, '0');

/** Deepest depth a reply may have: depth 0 is top level, so five levels in all. */
export const MAX_DEPTH = 4;

export interface Placed {
  id: number;
  path: string;
  depth: number;
}

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

/**
 * The order readers may ask for: threads by their first comment, oldest or newest first (replies
 * within a thread always oldest first, so a conversation reads down).
 */
export type CommentOrder = 'oldest' | 'newest';

/** `?comments=newest` asks for the newest threads first; anything else is the default order. */
export const commentOrderOf = (raw: unknown): CommentOrder => (raw === 'newest' ? 'newest' : 'oldest');

/** A comment page's address in an order: `?comments=newest` after the page's path when newest. */
export const orderedCommentPath = (path: string, order: CommentOrder): string => (order === 'newest' ? `${path}?comments=newest` : path);

/** A flat thread in thread order with its threads reversed (newest first), each thread kept whole. */
export function newestThreadsFirst<T extends { rootId: number }>(flat: readonly T[]): T[] {
  const threads: T[][] = [];
  for (const c of flat) {
    if (threads.at(-1)?.[0]?.rootId !== c.rootId) threads.push([]);
    threads.at(-1)!.push(c);
  }
  return threads.reverse().flat();
}

/**
 * Comment pages: top-level comments, oldest first (or newest first, see CommentOrder), `perPage` to a page, each with all its replies.
 * Page 1 is the article itself; page N is `/{slug}/comment-page-N/` (WordPress' form, so migrated
 * links keep working). A thread whose root is shown only to its author (held) goes on the page of
 * the approved thread before it, so approved threads alone decide where pages break.
 */
export const commentPagePath = (articlePath: string, page: number): string => (page <= 1 ? articlePath : `${articlePath}comment-page-${page}/`);

/** The page of a thread, given how many approved threads come before it and whether it is one. */
export const pageOfThread = (approvedBefore: number, approved: boolean, perPage: number): number =>
  Math.floor(Math.max(approved ? approvedBefore : approvedBefore - 1, 0) / perPage) + 1;

/** Pages for `approvedThreads` approved threads (at least one page, even when empty). */
export const commentPageCount = (approvedThreads: number, perPage: number): number => Math.max(1, Math.ceil(approvedThreads / perPage));

/**
 * One page of a thread given flat in thread order (`rootId`: the thread's top-level comment).
 * @example paginateThread(flat, 2, 100) // { items: threads 101–200 with their replies, totalPages }
 */
export function paginateThread<T extends { rootId: number; status: string }>(
  flat: readonly T[],
  page: number,
  perPage: number,
): { items: T[]; totalPages: number } {
  const { pageOf, totalPages } = threadPages(flat, perPage);
  return { items: flat.filter((c) => pageOf.get(c.rootId) === page), totalPages };
}

/** The page of each thread (by root id) and the number of pages. */
export function threadPages(flat: readonly { rootId: number; status: string }[], perPage: number): { pageOf: Map<number, number>; totalPages: number } {
  const roots: number[] = [];
  const approvedRoots = new Set<number>();
  for (const c of flat) {
    if (roots.at(-1) !== c.rootId) roots.push(c.rootId);
    if (c.status === 'approved') approvedRoots.add(c.rootId);
  }
  const pageOf = new Map<number, number>();
  let before = 0;
  for (const r of roots) {
    const approved = approvedRoots.has(r);
    pageOf.set(r, pageOfThread(before, approved, perPage));
    if (approved) before++;
  }
  return { pageOf, totalPages: commentPageCount(before, perPage) };
}
