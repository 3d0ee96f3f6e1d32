/**
 * @module import/wordpress/comments
 * Imported comments: the strict comment HTML policy (links get rel="nofollow ugc noopener"), the
 * status mapping, thread order (parents before replies) and the keyed hash that replaces IPs.
 */
import type { CommentStatus } from '../../db/schema.js';
import type { WxrComment } from './wxr.js';

export { sanitizeCommentHtml } from '../../modules/comment/comment-html.js';
export { hashIp } from '../../modules/comment/ip-hash.js';
export { pathSegment } from '../../modules/comment/thread.js';

/** WordPress' comment_approved → our status; undefined for values we do not import. */
export function commentStatus(approved: string): CommentStatus | undefined {
  switch (approved.trim()) {
    case '1':
    case 'approve':
    case 'approved':
      return 'approved';
    case '0':
    case 'hold':
      return 'pending';
    case 'spam':
      return 'spam';
    case 'trash':
    case 'post-trashed':
      return 'trash';
    default:
      return undefined;
  }
}

export const isPing = (c: WxrComment): boolean => c.type === 'pingback' || c.type === 'trackback';

/**
 * Parents before replies, whatever the order in the file. Comments whose parent is not in the list
 * (or in a cycle) come last and are flagged as orphans: they are imported as top-level comments.
 */
export function threadOrder(comments: WxrComment[]): { comment: WxrComment; orphan: boolean }[] {
  const ids = new Set(comments.map((c) => c.id));
  const out: { comment: WxrComment; orphan: boolean }[] = [];
  const placed = new Set<string>();
  let pending = comments;
  for (;;) {
    const next: WxrComment[] = [];
    for (const c of pending) {
      const parent = c.parent && c.parent !== '0' ? c.parent : '';
      if (!parent || placed.has(parent)) {
        out.push({ comment: c, orphan: false });
        placed.add(c.id);
      } else if (!ids.has(parent)) {
        out.push({ comment: c, orphan: true });
        placed.add(c.id);
      } else next.push(c);
    }
    if (next.length === 0) break;
    if (next.length === pending.length) {
      for (const c of next) {
        out.push({ comment: c, orphan: true });
        placed.add(c.id);
      }
      break;
    }
    pending = next;
  }
  return out;
}
