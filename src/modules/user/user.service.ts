/**
 * @module modules/user/user.service
 * Account use cases: first-run setup, creating users, logging in and out, roles, disabling and
 * password resets. Each change and its audit entry commit in one transaction; hashing (slow on
 * purpose) happens before the transaction opens.
 */
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/schema.js';
import type { AuditEntry } from '../audit/audit.js';
import { recordAudit } from '../audit/audit.repository.js';
import { DEFAULT_SCRYPT, dummyHash, hashPassword, isWeakerThan, passwordProblem, verifyPassword, type ScryptParams } from './password.js';
import { isRole, ROLE_LABELS, type Role } from './permissions.js';
import { createSession, type SessionMeta } from './session.js';
import { deleteExpiredSessions, deleteOtherUserSessions, deleteSession, deleteUserSessions } from './session.repository.js';
import { insertSettingIfAbsent } from '../content/settings.repository.js';
import { DEFAULT_THROTTLE, forgetAccount, forgetOldAttempts, reserveAttempt, retryMinutes, settleSuccess, type ThrottlePolicy } from './throttle.js';
import {
  countActiveOwners,
  countUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  touchLastLogin,
  updatePasswordHash,
  updateUserRole,
  updateUserStatus,
} from './user.repository.js';
import { normalizeEmail, roleProblem, toUser, UserError, validateNewUser, type Actor, type FieldErrors, type NewUserInput, type User } from './user.js';

type Db = Kysely<Database>;

/** Clock and tunables; tests pass a fixed clock and a low scrypt cost. */
export interface AuthContext {
  now: Date;
  scrypt?: ScryptParams;
  throttle?: ThrottlePolicy;
  /** How a throttled login waits (tests: a recorder); setTimeout otherwise. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const SETUP_KEY = 'setup.completed_at';

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

const audit = (db: Db, actor: Actor, ctx: AuthContext, e: Omit<AuditEntry, 'at' | 'actorId' | 'actorLabel' | 'ip'>) =>
  recordAudit(db, { at: ctx.now.toISOString(), actorId: actor.id, actorLabel: actor.label, ip: actor.ip, ...e });

const target = (u: Pick<UserRow, 'id' | 'email'>) => ({ type: 'user' as const, id: u.id, label: u.email });

async function insertNewUser(trx: Db, v: { email: string; name: string; role: Role }, hash: string, ctx: AuthContext): Promise<UserRow> {
  if (await findUserByEmail(trx, v.email)) {
    throw new UserError('USER_EMAIL_TAKEN', 'There is already a user with that email address.', { email: 'There is already a user with that email address.' });
  }
  const id = await insertUser(trx, { email: v.email, name: v.name, role: v.role, password_hash: hash, created_at: ctx.now.toISOString() });
  return (await findUserById(trx, id))!;
}

function validated(input: NewUserInput) {
  const { value, errors } = validateNewUser(input);
  if (!value) throw new UserError('USER_INVALID', 'Some fields need attention.', errors);
  return value;
}

/**
 * Creates an account (owner's user page, or the CLI).
 * @example await createUser(db, { email: 'ana@example.com', name: 'Ana', role: 'author', password: '…' }, cliActor, { now: new Date() })
 */
export async function createUser(db: Db, input: NewUserInput, actor: Actor, ctx: AuthContext): Promise<User> {
  const v = validated(input);
  const hash = await hashPassword(v.password, ctx.scrypt ?? DEFAULT_SCRYPT);
  const row = await db.transaction().execute(async (trx) => {
    const u = await insertNewUser(trx, v, hash, ctx);
    await audit(trx, actor, ctx, { action: 'user.created', target: target(u), detail: `Role: ${ROLE_LABELS[u.role]}` });
    return u;
  });
  return toUser(row);
}

/** True while no account exists (the one-time /admin/setup page is open). */
export const setupOpen = async (db: Db): Promise<boolean> => (await countUsers(db)) === 0;

/**
 * Creates the first owner, exactly once: the settings key taken in the same transaction makes a
 * second, concurrent setup fail on its primary key instead of creating a second owner.
 */
export async function setupFirstOwner(db: Db, input: Omit<NewUserInput, 'role'>, ip: string, ctx: AuthContext): Promise<User> {
  if (!(await setupOpen(db))) throw new UserError('SETUP_CLOSED', 'Setup has already been completed.');
  const v = validated({ ...input, role: 'owner' });
  const hash = await hashPassword(v.password, ctx.scrypt ?? DEFAULT_SCRYPT);
  const row = await db.transaction().execute(async (trx) => {
    const claimed = await insertSettingIfAbsent(trx, SETUP_KEY, ctx.now.toISOString());
    if (!claimed || (await countUsers(trx)) > 0) throw new UserError('SETUP_CLOSED', 'Setup has already been completed.');
    const u = await insertNewUser(trx, v, hash, ctx);
    const actor: Actor = { id: u.id, label: u.email, ip };
    await audit(trx, actor, ctx, { action: 'setup.completed', target: target(u) });
    await audit(trx, actor, ctx, { action: 'user.created', target: target(u), detail: 'Role: Owner' });
    return u;
  });
  return toUser(row);
}

export interface LoginInput {
  email: unknown;
  password: unknown;
  ip: string;
  userAgent: string;
}

export type LoginResult =
  | { ok: true; user: User; token: string; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryMinutes: number };

/**
 * Reserves the attempt with the throttle (before any slow work, so concurrent attempts are all
 * counted), waits as long as the account's slowdown says, then checks the password (against a
 * dummy hash when the account does not exist, so the answer takes as long either way), then
 * starts a session. See modules/user/throttle for the limits.
 */
export async function login(db: Db, input: LoginInput, ctx: AuthContext): Promise<LoginResult> {
  const policy = ctx.throttle ?? DEFAULT_THROTTLE;
  const params = ctx.scrypt ?? DEFAULT_SCRYPT;
  const rawEmail = typeof input.email === 'string' ? input.email.trim().toLowerCase().slice(0, 320) : '';
  const account = normalizeEmail(input.email) ?? rawEmail;
  const who = { account, ip: input.ip };
  const anonymous: Actor = { id: null, label: account, ip: input.ip };
  const reservation = await reserveAttempt(db, who, ctx.now, policy);
  if (reservation.blocked) {
    // Not audited: refused attempts are cheap to send, and each would be a row.
    return { ok: false, reason: 'throttled', retryMinutes: retryMinutes(reservation.retryAfterMs) };
  }
  if (reservation.delayMs > 0) await (ctx.sleep ?? realSleep)(reservation.delayMs);
  const password = typeof input.password === 'string' && passwordProblem(input.password) === undefined ? input.password : undefined;
  const user = account ? await findUserByEmail(db, account) : undefined;
  const matches = await verifyPassword(password ?? '', user?.password_hash ?? (await dummyHash(params)));
  if (!user || !matches || password === undefined || user.status !== 'active') {
    const detail = !user ? 'Unknown account' : user.status !== 'active' ? 'Account disabled' : 'Wrong password';
    await db.transaction().execute(async (trx) => {
      await forgetOldAttempts(trx, ctx.now);
      await audit(trx, user ? { id: user.id, label: user.email, ip: input.ip } : anonymous, ctx, { action: 'login.failed', detail });
    });
    return { ok: false, reason: 'invalid' };
  }
  const rehash = isWeakerThan(user.password_hash, params) ? await hashPassword(password, params) : undefined;
  const session = await db.transaction().execute(async (trx) => {
    await settleSuccess(trx, who);
    if (rehash) await updatePasswordHash(trx, user.id, rehash, ctx.now.toISOString());
    return startSession(trx, user, { ip: input.ip, userAgent: input.userAgent }, ctx);
  });
  return { ok: true, user: toUser({ ...user, last_login_at: ctx.now.toISOString() }), token: session.token, sessionId: session.id };
}

/**
 * Starts a session for a user who has just proved who they are (login, or the setup page),
 * records the login and drops expired sessions. Returns the cookie token.
 */
export async function startSession(db: Db, user: Pick<UserRow, 'id' | 'email'>, meta: SessionMeta, ctx: AuthContext): Promise<{ token: string; id: string }> {
  return inTransaction(db, async (trx) => {
    await deleteExpiredSessions(trx, ctx.now);
    await touchLastLogin(trx, user.id, ctx.now.toISOString());
    const s = await createSession(trx, user.id, ctx.now, meta);
    await audit(trx, { id: user.id, label: user.email, ip: meta.ip }, ctx, { action: 'login' });
    return s;
  });
}

/** Ends one session (the "Log out" button). */
export async function logout(db: Db, sessionId: string, actor: Actor, ctx: AuthContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await audit(trx, actor, ctx, { action: 'logout' });
  });
}

/** Ends every session of the acting user, on every device. */
export async function logoutEverywhere(db: Db, actor: Actor & { id: number }, ctx: AuthContext): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const n = await deleteUserSessions(trx, actor.id);
    await audit(trx, actor, ctx, { action: 'logout.everywhere', detail: `${n} session${n === 1 ? '' : 's'} ended` });
    return n;
  });
}

async function otherUser(trx: Db, actor: Actor, userId: number, what: string): Promise<UserRow> {
  const u = await findUserById(trx, userId);
  if (!u) throw new UserError('USER_NOT_FOUND', 'There is no such user.');
  if (u.id === actor.id) throw new UserError('USER_FORBIDDEN', `You cannot ${what} your own account; ask another owner.`);
  return u;
}

/** Keeps at least one active owner, whatever else changes. */
async function assertOwnerRemains(trx: Db): Promise<void> {
  if ((await countActiveOwners(trx)) === 0) throw new UserError('USER_FORBIDDEN', 'The site must keep at least one active owner.');
}

/** Changes another user's role. */
export async function changeRole(db: Db, actor: Actor, userId: number, role: unknown, ctx: AuthContext): Promise<User> {
  const problem = roleProblem(role);
  if (problem || !isRole(role)) throw new UserError('USER_INVALID', problem ?? 'Choose a role.', { role: problem });
  return db.transaction().execute(async (trx) => {
    const u = await otherUser(trx, actor, userId, 'change the role of');
    if (u.role === role) return toUser(u);
    await updateUserRole(trx, u.id, role, ctx.now.toISOString());
    await assertOwnerRemains(trx);
    await audit(trx, actor, ctx, { action: 'user.role_changed', target: target(u), detail: `${ROLE_LABELS[u.role]} → ${ROLE_LABELS[role]}` });
    return toUser({ ...u, role });
  });
}

/** Disables (and logs out) or re-enables another user. */
export async function setUserStatus(db: Db, actor: Actor, userId: number, status: 'active' | 'disabled', ctx: AuthContext): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const u = await otherUser(trx, actor, userId, status === 'disabled' ? 'disable' : 're-enable');
    if (u.status === status) return toUser(u);
    await updateUserStatus(trx, u.id, status, ctx.now.toISOString());
    if (status === 'disabled') {
      await assertOwnerRemains(trx);
      const n = await deleteUserSessions(trx, u.id);
      await audit(trx, actor, ctx, { action: 'user.disabled', target: target(u), detail: `${n} session${n === 1 ? '' : 's'} ended` });
    } else {
      await audit(trx, actor, ctx, { action: 'user.enabled', target: target(u) });
    }
    return toUser({ ...u, status });
  });
}

/** Ends every session of a user (owner's user page). */
export async function endUserSessions(db: Db, actor: Actor, userId: number, ctx: AuthContext): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const u = await findUserById(trx, userId);
    if (!u) throw new UserError('USER_NOT_FOUND', 'There is no such user.');
    const n = await deleteUserSessions(trx, u.id);
    await audit(trx, actor, ctx, { action: 'sessions.ended', target: target(u), detail: `${n} session${n === 1 ? '' : 's'} ended` });
    return n;
  });
}

/** Sets a new password and ends every session of that user. */
export async function resetPassword(db: Db, actor: Actor, email: unknown, password: unknown, ctx: AuthContext): Promise<{ user: User; endedSessions: number }> {
  const address = normalizeEmail(email);
  if (!address) throw new UserError('USER_INVALID', 'Enter a valid email address.', { email: 'Enter a valid email address.' });
  const problem = passwordProblem(password);
  if (problem) throw new UserError('USER_INVALID', problem, { password: problem });
  const existing = await findUserByEmail(db, address);
  if (!existing) throw new UserError('USER_NOT_FOUND', `There is no user with the email address ${address}.`);
  const hash = await hashPassword(password as string, ctx.scrypt ?? DEFAULT_SCRYPT);
  return db.transaction().execute(async (trx) => {
    const u = await findUserById(trx, existing.id);
    if (!u) throw new UserError('USER_NOT_FOUND', `There is no user with the email address ${address}.`);
    await updatePasswordHash(trx, u.id, hash, ctx.now.toISOString());
    await forgetAccount(trx, u.email);
    const n = await deleteUserSessions(trx, u.id);
    await audit(trx, actor, ctx, { action: 'user.password_reset', target: target(u), detail: `${n} session${n === 1 ? '' : 's'} ended` });
    return { user: toUser(u), endedSessions: n };
  });
}

export interface PasswordChangeInput {
  current: unknown;
  password: unknown;
  confirm: unknown;
}

export type PasswordChangeResult = { ok: true; endedSessions: number } | { ok: false; errors: FieldErrors; retryMinutes?: number };

/**
 * A signed-in user changes their own password: the current one must be right (checked under the
 * login throttle, so a borrowed session cannot guess it), the new one must pass the rules and be
 * typed twice. Every other session of the user ends; the one that made the change goes on.
 */
export async function changeOwnPassword(
  db: Db,
  user: Pick<User, 'id' | 'email'>,
  input: PasswordChangeInput,
  meta: { ip: string; sessionId: string },
  ctx: AuthContext,
): Promise<PasswordChangeResult> {
  const errors: FieldErrors = {};
  if (typeof input.current !== 'string' || input.current === '') errors.current = 'Enter your current password.';
  const problem = passwordProblem(input.password);
  if (problem) errors.password = problem;
  else if (input.confirm !== input.password) errors.confirm = 'The two new passwords do not match.';
  else if (input.password === input.current) errors.password = 'The new password is the same as the current one.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const who = { account: user.email, ip: meta.ip };
  const reservation = await reserveAttempt(db, who, ctx.now, ctx.throttle ?? DEFAULT_THROTTLE);
  if (reservation.blocked) {
    const minutes = retryMinutes(reservation.retryAfterMs);
    return { ok: false, retryMinutes: minutes, errors: { current: `Too many attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` } };
  }
  if (reservation.delayMs > 0) await (ctx.sleep ?? realSleep)(reservation.delayMs);
  const actor: Actor = { id: user.id, label: user.email, ip: meta.ip };
  const row = await findUserById(db, user.id);
  if (!row || !(await verifyPassword(input.current as string, row.password_hash))) {
    await db.transaction().execute(async (trx) => {
      await forgetOldAttempts(trx, ctx.now);
      await audit(trx, actor, ctx, { action: 'login.failed', detail: 'Wrong current password when changing it' });
    });
    return { ok: false, errors: { current: 'That is not your current password.' } };
  }
  const hash = await hashPassword(input.password as string, ctx.scrypt ?? DEFAULT_SCRYPT);
  return db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, user.id, hash, ctx.now.toISOString());
    await forgetAccount(trx, user.email);
    const n = await deleteOtherUserSessions(trx, user.id, meta.sessionId);
    await audit(trx, actor, ctx, {
      action: 'user.password_changed',
      target: target(row),
      detail: n === 0 ? 'No other session was open' : `${n} other session${n === 1 ? '' : 's'} ended`,
    });
    return { ok: true as const, endedSessions: n };
  });
}
