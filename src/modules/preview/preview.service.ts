/**
 * @module modules/preview/preview.service
 * Making and checking preview links.
 */
import { AppError } from '../../lib/errors.js';
import type { Db } from '../../db/database.js';
import { hashToken, newToken, PREVIEW_DAYS, TOKEN_PATTERN, type PreviewLookup } from './preview.js';
import { findPreviewLinkByHash, insertPreviewLink } from './preview.repository.js';

/** PREVIEW_EXPIRED and PREVIEW_REVOKED: a link that worked once (410 Gone on the public side). */
export type PreviewErrorCode = 'PREVIEW_INVALID' | 'PREVIEW_EXPIRED' | 'PREVIEW_REVOKED';

export class PreviewError extends AppError<PreviewErrorCode> {}

const DAY = 86_400_000;

/**
 * A new link for an article; the token is returned once and never stored.
 * @example const { token } = await createPreviewLink(db, 12, 7, user.id, now)
 */
export async function createPreviewLink(
  db: Db,
  postId: number,
  days: number,
  userId: number | null,
  now: Date,
): Promise<{ id: number; token: string; expiresAt: Date }> {
  if (!PREVIEW_DAYS.includes(days)) throw new PreviewError('PREVIEW_INVALID', `A preview link lasts ${PREVIEW_DAYS.join(' or ')} days.`);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + days * DAY);
  const id = await insertPreviewLink(db, { postId, tokenHash: hashToken(token), createdAt: now, expiresAt, userId });
  return { id, token, expiresAt };
}

/** What a token from a URL opens at this moment. Malformed tokens are unknown without a query. */
export async function lookupPreviewToken(db: Db, token: string, now: Date): Promise<PreviewLookup> {
  if (!TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  const row = await findPreviewLinkByHash(db, hashToken(token));
  if (!row) return { state: 'unknown' };
  if (row.revoked_at !== null) return { state: 'revoked', postId: row.post_id };
  if (Date.parse(row.expires_at) <= now.getTime()) return { state: 'expired', postId: row.post_id };
  return { state: 'valid', postId: row.post_id, expiresAt: row.expires_at };
}
