/**
 * @module modules/user/session
 * Database sessions. The browser holds a random 32-byte token; the database holds only its
 * SHA-256, so a leaked sessions table cannot be replayed. Sessions slide: each use pushes the
 * expiry out again, but last_seen is written at most once a minute to keep reads cheap.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SessionRow, UserRow } from '../../db/schema.js';

type Db = Kysely<Database>;

export const SESSION_TTL_MS = 14 * 24 * 3600_000;
export const SESSION_TOUCH_MS = 60_000;

/** base64url of 32 bytes. Anything else in the cookie is not a token and is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const plus = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

export interface SessionMeta { ip: string; userAgent: string }

/** Starts a session; returns the token for the cookie (shown once, never stored). */
export async function createSession(db: Db, userId: number, now: Date, meta: SessionMeta): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  await db.insertInto('sessions').values({
    id,
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: plus(now, SESSION_TTL_MS),
    ip: meta.ip.slice(0, 64),
    user_agent: meta.userAgent.slice(0, 300),
  }).execute();
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
  const row = await db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as s_id', 'sessions.created_at as s_created_at', 'sessions.last_seen_at as s_last_seen_at',
      'sessions.expires_at as s_expires_at', 'sessions.ip as s_ip', 'sessions.user_agent as s_user_agent',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', nowIso)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_created_at, s_last_seen_at, s_expires_at, s_ip, s_user_agent, ...user } = row;
  const session: SessionRow = {
    id: s_id, user_id: user.id, created_at: s_created_at, last_seen_at: s_last_seen_at, expires_at: s_expires_at, ip: s_ip, user_agent: s_user_agent,
  };
  const touched = now.getTime() - Date.parse(session.last_seen_at) >= SESSION_TOUCH_MS;
  if (touched) {
    session.last_seen_at = nowIso;
    session.expires_at = plus(now, SESSION_TTL_MS);
    await db.updateTable('sessions').set({ last_seen_at: session.last_seen_at, expires_at: session.expires_at }).where('id', '=', id).execute();
  }
  return { session, user, touched };
}

export const deleteSession = (db: Db, id: string) => db.deleteFrom('sessions').where('id', '=', id).execute();

/** Ends every session of a user; returns how many there were. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export const deleteExpiredSessions = (db: Db, now: Date) =>
  db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
