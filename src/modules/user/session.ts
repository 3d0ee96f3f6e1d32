/**
 * @module modules/user/session
 * Database sessions. The browser holds a random 32-byte token; the database holds only its
 * SHA-256, so a leaked sessions table cannot be replayed. Sessions slide: each use pushes the
 * expiry out again, but last_seen is written at most once a minute to keep reads cheap.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { SessionRow, UserRow } from '../../db/schema.js';
import { findActiveSession, insertSession, touchSession } from './session.repository.js';

export const SESSION_TTL_MS = 14 * 24 * 3600_000;
export const SESSION_TOUCH_MS = 60_000;

/** base64url of 32 bytes. Anything else in the cookie is not a token and is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const plus = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

export interface SessionMeta {
  ip: string;
  userAgent: string;
}

/** Starts a session; returns the token for the cookie (shown once, never stored). */
export async function createSession(db: Db, userId: number, now: Date, meta: SessionMeta): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  await insertSession(db, {
    id,
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: plus(now, SESSION_TTL_MS),
    ip: meta.ip.slice(0, 64),
    user_agent: meta.userAgent.slice(0, 300),
  });
  return { token, id };
}

export interface LiveSession {
  session: SessionRow;
  user: UserRow;
  /** True when this lookup slid the expiry (the cookie's own lifetime should be renewed too). */
  touched: boolean;
}

/**
 * The live session for a cookie token and its (active) user, sliding the expiry when the last
 * touch is over a minute old. Undefined for a malformed, unknown, expired or disabled one.
 */
export async function findLiveSession(db: Db, token: string | undefined, now: Date): Promise<LiveSession | undefined> {
  if (token === undefined || !TOKEN.test(token)) return undefined;
  const id = hashToken(token);
  const nowIso = now.toISOString();
  const found = await findActiveSession(db, id, nowIso);
  if (!found) return undefined;
  const { session, user } = found;
  const touched = now.getTime() - Date.parse(session.last_seen_at) >= SESSION_TOUCH_MS;
  if (touched) {
    session.last_seen_at = nowIso;
    session.expires_at = plus(now, SESSION_TTL_MS);
    await touchSession(db, id, session.last_seen_at, session.expires_at);
  }
  return { session, user, touched };
}
