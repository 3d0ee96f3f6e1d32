/**
 * @module modules/user/throttle
 * Login throttling, counted in the database so every instance agrees, and reserved before the
 * password is hashed so concurrent attempts cannot all slip past a check made before any of them
 * was counted:
 *
 * - per (account, address) pair: a hard limit (5 in 15 minutes). Someone guessing one account from
 *   one address is blocked; the account's owner, from their own address, is not.
 * - per address: a hard limit across accounts (20 in 15 minutes), against spraying.
 * - per account, from every address: no block (that would let anyone lock a known staff email
 *   out), but a growing delay before each further attempt is checked (1 s, 2 s, 4 s… up to 10 s),
 *   which makes guessing from many addresses slow while the owner still gets in.
 *
 * A success clears its pair and takes its own attempt back from the address and the account.
 */
import type { Db } from '../../db/database.js';
import { bumpAttempt, clearAccountAttempts, clearAttempts, deleteAttemptsBefore, refundAttempt } from './login-throttle.repository.js';

export interface ThrottlePolicy {
  /** Attempts per (account, address) in a window before that pair is blocked. */
  pairLimit: number;
  /** Attempts per address, across accounts, before the address is blocked. */
  ipLimit: number;
  /** Attempts per account, from any address, after which each further one waits. */
  accountSlowAfter: number;
  /** The first wait, doubled on each further attempt, up to `slowMaxMs`. */
  slowBaseMs: number;
  slowMaxMs: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = Object.freeze({
  pairLimit: 5,
  ipLimit: 20,
  accountSlowAfter: 5,
  slowBaseMs: 1000,
  slowMaxMs: 10_000,
  windowMs: 15 * 60_000,
});

export interface Attempt {
  account: string;
  ip: string;
}

export type Reservation = { blocked: false; delayMs: number } | { blocked: true; scope: 'pair' | 'ip'; retryAfterMs: number };

const pairKey = (who: Attempt): string => `${who.account.slice(0, 320)}\n${who.ip.slice(0, 64)}`;
const ipKey = (who: Attempt): string => who.ip.slice(0, 320);
const accountKey = (who: Attempt): string => who.account.slice(0, 320);

/** The wait before the account's attempt number `count` is checked. */
export function slowdown(count: number, policy: ThrottlePolicy): number {
  const over = count - policy.accountSlowAfter;
  if (over <= 0) return 0;
  return Math.min(policy.slowMaxMs, policy.slowBaseMs * 2 ** Math.min(over - 1, 20));
}

/**
 * Counts this attempt against its pair, its address and its account (in that order, each one
 * atomic upsert) and says whether it may be checked, and after how long a wait.
 */
export async function reserveAttempt(db: Db, who: Attempt, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE): Promise<Reservation> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - policy.windowMs).toISOString();
  const retry = (windowStart: string) => Math.max(1000, Date.parse(windowStart) + policy.windowMs - now.getTime());
  const pair = await bumpAttempt(db, 'pair', pairKey(who), at, expired);
  if (pair.count > policy.pairLimit) return { blocked: true, scope: 'pair', retryAfterMs: retry(pair.windowStart) };
  const ip = await bumpAttempt(db, 'ip', ipKey(who), at, expired);
  if (ip.count > policy.ipLimit) return { blocked: true, scope: 'ip', retryAfterMs: retry(ip.windowStart) };
  const account = await bumpAttempt(db, 'account', accountKey(who), at, expired);
  return { blocked: false, delayMs: slowdown(account.count, policy) };
}

/** After a successful login: the pair starts afresh; the address and the account get this attempt back. */
export async function settleSuccess(db: Db, who: Attempt): Promise<void> {
  await clearAttempts(db, 'pair', pairKey(who));
  await refundAttempt(db, 'ip', ipKey(who));
  await refundAttempt(db, 'account', accountKey(who));
}

/** A new password (an owner's reset): the account starts afresh everywhere. */
export const forgetAccount = (db: Db, account: string): Promise<void> => clearAccountAttempts(db, account.slice(0, 320));

/** Drops counters idle for a day (called after failures: cheap, indexed). */
export async function forgetOldAttempts(db: Db, now: Date): Promise<void> {
  await deleteAttemptsBefore(db, new Date(now.getTime() - 24 * 3600_000).toISOString());
}

/** "try again in N minutes", rounded up, at least 1. */
export const retryMinutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
