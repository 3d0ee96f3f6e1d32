/**
 * @module modules/user/user.repository
 * Kysely queries for users. `db` may be a transaction.
 */
import type { Kysely } from 'kysely';
import type { Database, UserRole, UserRow, UserStatus } from '../../db/schema.js';

type Db = Kysely<Database>;

export const findUserByEmail = (db: Db, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Db, id: number): Promise<UserRow | undefined> => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function countUsers(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function countActiveOwners(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface NewUserRow {
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  created_at: string;
}

export async function insertUser(db: Db, u: NewUserRow): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ ...u, status: 'active', updated_at: u.created_at, last_login_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UserListRow extends UserRow {
  sessions: number;
}

/** Every user with their number of live sessions, owners first then by name. */
export async function listUsers(db: Db, now: string): Promise<UserListRow[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll('users')
    .select((eb) =>
      eb
        .selectFrom('sessions')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('sessions.user_id', '=', 'users.id')
        .where('sessions.expires_at', '>', now)
        .as('sessions'),
    )
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ ...r, sessions: Number(r.sessions ?? 0) }));
}

export const updateUserRole = (db: Db, id: number, role: UserRole, now: string) =>
  db.updateTable('users').set({ role, updated_at: now }).where('id', '=', id).execute();

export const updateUserStatus = (db: Db, id: number, status: UserStatus, now: string) =>
  db.updateTable('users').set({ status, updated_at: now }).where('id', '=', id).execute();

export const updatePasswordHash = (db: Db, id: number, hash: string, now: string) =>
  db.updateTable('users').set({ password_hash: hash, updated_at: now }).where('id', '=', id).execute();

export const touchLastLogin = (db: Db, id: number, now: string) => db.updateTable('users').set({ last_login_at: now }).where('id', '=', id).execute();
