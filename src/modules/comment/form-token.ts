/**
 * @module modules/comment/form-token
 * The comment form's signed token: which article, when the form was issued, and a nonce. It proves
 * the form came from this site (with the Origin check, the CSRF defence for anonymous posting),
 * gives the minimum fill time, and feeds the per-form idempotency key.
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

/** @example issueFormToken(secret, 12, new Date()) // "12.1795000000000.k3J….sig" */
export function issueFormToken(secret: string, postId: number, now: Date): string {
  const payload = `${postId}.${now.getTime()}.${nonce()}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The token's post and issue time, or undefined when it is not ours or is malformed. */
export function readFormToken(secret: string, token: string): { postId: number; issuedAt: Date } | undefined {
  const m = /^(\d{1,10})\.(\d{1,15})\.([\w-]{12})\.([\w-]{43})$/.exec(token);
  if (!m) return undefined;
  const payload = `${m[1]}.${m[2]}.${m[3]}`;
  const want = Buffer.from(sign(secret, payload));
  const got = Buffer.from(m[4]!);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
  return { postId: Number(m[1]), issuedAt: new Date(Number(m[2])) };
}

/**
 * The idempotency key of one submission: the same form sent twice with the same content by the
 * same address is the same key (stored once); another reader of a cached form gets another key.
 */
export const formKey = (parts: { token: string; ipHash: string; email: string; name: string; body: string; parentId: number | null }): string =>
  createHash('sha256')
    .update(JSON.stringify([parts.token, parts.ipHash, parts.email, parts.name, parts.body, parts.parentId]))
    .digest('base64url');
