/**
 * @module modules/user/throttle
 * Login throttling per account and per client address, counted in the database so every instance
 * agrees. A key is blocked once it has `limit` failures inside the window; it frees up when the
 * oldest of those falls out of the window.
 */
import type { Db } from '../../db/database.js';
import { deleteFailuresBefore, insertFailures, recentFailures } from './session.repository.js';

export interface ThrottlePolicy {
  accountLimit: number;
  ipLimit: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = Object.freeze({ accountLimit: 5, ipLimit: 20, windowMs: 15 * 60_000 });

export type Throttle = { blocked: false } | { blocked: true; scope: 'account' | 'ip'; retryAfterMs: number };

async function blockedFor(db: Db, scope: 'account' | 'ip', key: string, limit: number, now: Date, windowMs: number): Promise<number> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  const times = await recentFailures(db, scope, key, since, limit);
  if (times.length < limit) return 0;
  const frees = Date.parse(times[limit - 1]!) + windowMs;
  return Math.max(1, frees - now.getTime());
}

/** Whether a login for this account from this address is allowed now. */
export async function checkThrottle(db: Db, who: { account: string; ip: string }, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE): Promise<Throttle> {
  const account = await blockedFor(db, 'account', who.account, policy.accountLimit, now, policy.windowMs);
  if (account > 0) return { blocked: true, scope: 'account', retryAfterMs: account };
  const ip = await blockedFor(db, 'ip', who.ip, policy.ipLimit, now, policy.windowMs);
  if (ip > 0) return { blocked: true, scope: 'ip', retryAfterMs: ip };
  return { blocked: false };
}

/** Counts one failure against the account and the address, and drops attempts older than a day. */
export async function recordFailure(db: Db, who: { account: string; ip: string }, now: Date): Promise<void> {
  const at = now.toISOString();
  await insertFailures(db, [
    { scope: 'account', key: who.account.slice(0, 320), at },
    { scope: 'ip', key: who.ip.slice(0, 320), at },
  ]);
  await deleteFailuresBefore(db, new Date(now.getTime() - 24 * 3600_000).toISOString());
}

/** "try again in N minutes", rounded up, at least 1. */
export const retryMinutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
