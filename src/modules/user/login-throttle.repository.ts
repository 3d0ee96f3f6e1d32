/**
 * @module modules/user/login-throttle.repository
 * The login_throttle counters: one row per (scope, key), counting attempts in a window that starts
 * with the first of them. `bumpAttempt` is one upsert, atomic on SQLite and PostgreSQL alike, so
 * the count it returns already includes every concurrent attempt that came before it.
 */
import type { Db } from '../../db/database.js';
import type { LoginThrottleTable } from '../../db/schema.js';

export type ThrottleScope = LoginThrottleTable['scope'];

/**
 * Counts one attempt for (scope, key) and returns the count in its window: a window that started
 * at or before `expiredBefore` is over, so the count starts again at 1 from `now`.
 */
export async function bumpAttempt(
  db: Db,
  scope: ThrottleScope,
  key: string,
  now: string,
  expiredBefore: string,
): Promise<{ count: number; windowStart: string }> {
  const row = await db
    .insertInto('login_throttle')
    .values({ scope, key, count: 1, window_start: now })
    .onConflict((oc) =>
      oc.columns(['scope', 'key']).doUpdateSet((eb) => {
        const over = eb('login_throttle.window_start', '<=', expiredBefore);
        return {
          count: eb
            .case()
            .when(over)
            .then(1)
            .else(eb('login_throttle.count', '+', 1))
            .end(),
          window_start: eb.case().when(over).then(now).else(eb.ref('login_throttle.window_start')).end(),
        };
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: row.window_start };
}

/** Takes back one counted attempt (a login that succeeded is not held against the key). */
export async function refundAttempt(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute();
}

/** Forgets a key's attempts altogether. */
export async function clearAttempts(db: Db, scope: ThrottleScope, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('scope', '=', scope).where('key', '=', key).execute();
}

/** Forgets an account's attempts: its own counter and every (account, address) pair. */
export async function clearAccountAttempts(db: Db, account: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('scope', '=', 'account').where('key', '=', account).execute();
  // Pair keys are account + "\n" + address: the range of keys with that prefix ("\v" follows "\n").
  await db.deleteFrom('login_throttle').where('scope', '=', 'pair').where('key', '>=', `${account}\n`).where('key', '<', `${account}\v`).execute();
}

/** Drops counters whose window ended long ago. */
export async function deleteAttemptsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('window_start', '<', before).execute();
}
