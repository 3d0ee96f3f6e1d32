/**
 * @module modules/comment/form-token
 * The comment form's signed token: which article, when the form was issued, and a nonce. It proves
 * the form came from this site (with the Origin check, the CSRF defence for anonymous posting),
 * gives the minimum fill time, and feeds the per-form idempotency key.
 *
 * A token issued into a page the page cache keeps is `shared`: every reader of that page gets
 * the same one, so its time says when the page was rendered, not when this reader opened it. The
 * form's script swaps it for a fresh one (GET /comments/form-token) when the reader starts
 * writing; a post with a shared token has no fill time and is held (modules/comment/spam).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, payload: string): string => createHmac('sha256', secret).update(`comment-form:${payload}`).digest('base64url');

/** Random bytes drawn 4 KiB at a time: one call to the system's generator per 455 forms, not per form. */
const pool = { bytes: Buffer.alloc(0), at: 0 };
function nonce(): string {
  if (pool.at + 9 > pool.bytes.length) {
    pool.bytes = randomBytes(4095);
    pool.at = 0;
  }
  pool.at += 9;
  return pool.bytes.toString('base64url', pool.at - 9, pool.at);
}

/** @example issueFormToken(secret, 12, new Date()) // "12.1795000000000.k3J….sig" ("12.1795000000000s.…" when shared) */
export function issueFormToken(secret: string, postId: number, now: Date, shared = false): string {
  const payload = `${postId}.${now.getTime()}${shared ? 's' : ''}.${nonce()}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The token's post, issue time and kind, or undefined when it is not ours or is malformed. */
export function readFormToken(secret: string, token: string): { postId: number; issuedAt: Date; shared: boolean } | undefined {
  const m = /^(\d{1,10})\.(\d{1,15})(s?)\.([\w-]{12})\.([\w-]{43})$/.exec(token);
  if (!m) return undefined;
  const payload = `${m[1]}.${m[2]}${m[3]}.${m[4]}`;
  const want = Buffer.from(sign(secret, payload));
  const got = Buffer.from(m[5]!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
  return { postId: Number(m[1]), issuedAt: new Date(Number(m[2])), shared: m[3] === 's' };
}

/**
 * The idempotency key of one submission: the same form sent twice with the same content by the
 * same address is the same key (stored once); another reader of a cached form gets another key.
 */
export const formKey = (parts: { token: string; ipHash: string; email: string; name: string; body: string; parentId: number | null }): string =>
  createHash('sha256')
    .update(JSON.stringify([parts.token, parts.ipHash, parts.email, parts.name, parts.body, parts.parentId]))
    .digest('base64url');
