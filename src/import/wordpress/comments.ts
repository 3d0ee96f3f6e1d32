/**
 * @module import/wordpress/comments
 * Imported comments: the strict comment HTML policy (links get rel="nofollow ugc noopener"), the
 * status mapping, thread order (parents before replies) and the keyed hash that replaces IPs.
 */
import { createHmac } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import type { CommentStatus } from '../../db/schema.js';
import type { WxrComment } from './wxr.js';

const COMMENT_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'del', 's', 'q'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }) },
};

/** Sanitises comment HTML with the comment policy (stricter than articles: no images, no classes). */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, COMMENT_POLICY);
}

/** WordPress' comment_approved → our status; undefined for values we do not import. */
export function commentStatus(approved: string): CommentStatus | undefined {
  switch (approved.trim()) {
    case '1': case 'approve': case 'approved': return 'approved';
    case '0': case 'hold': return 'pending';
    case 'spam': return 'spam';
    case 'trash': case 'post-trashed': return 'trash';
    default: return undefined;
  }
}

/** A keyed hash of an IP address (HMAC-SHA256, hex); '' when there is none. The IP itself is never stored. */
export const hashIp = (key: Buffer, ip: string): string => (ip.trim() ? createHmac('sha256', key).update(ip.trim()).digest('hex') : '');

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

/** Zero-padded id for the materialised path ("0000000012/0000000031"). */
export const pathSegment = (id: number): string => String(id).padStart(10, '0');
