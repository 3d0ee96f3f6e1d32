/**
 * @module modules/content/settings.repository
 * The site-wide key/value `settings` table, shared by the modules that keep a value there (the
 * cookie-signing secret, the one-time setup claim, the comment policy). The handle is always first.
 */
import type { Db } from '../../db/database.js';

export async function findSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Every setting whose key matches the LIKE `pattern` (e.g. `comments.%`). */
export async function settingsLike(db: Db, pattern: string): Promise<{ key: string; value: string }[]> {
  return db.selectFrom('settings').select(['key', 'value']).where('key', 'like', pattern).execute();
}

/** Stores `key` unless it is there already; true when this call stored it (safe when instances race). */
export async function insertSettingIfAbsent(db: Db, key: string, value: string): Promise<boolean> {
  const r = await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return r !== undefined;
}

/** Stores `key`, replacing its value (upsert on both dialects). */
export async function upsertSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The cheapest read that proves the database answers (the health check). */
export async function pingSettings(db: Db): Promise<void> {
  await db.selectFrom('settings').select('key').limit(1).execute();
}

/** Removes `key` (the default applies again). */
export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}
