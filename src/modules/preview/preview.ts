/**
 * @module modules/preview/preview
 * Private preview links: a random token that shows one unpublished article to whoever has it,
 * until it expires or is revoked. Only the token's SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long a new link lives, in days; the form offers exactly these. */
export const PREVIEW_DAYS: readonly number[] = [1, 7];

/** 32 random bytes, base64url: 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** What a token leads to: the article, or why not. */
export type PreviewLookup = { state: 'valid'; postId: number; expiresAt: string } | { state: 'expired' | 'revoked'; postId: number } | { state: 'unknown' };
