/**
 * @module modules/user/secret
 * Site secrets (the cookie-signing key) live in the settings table: made once from 32 random
 * bytes on first start, then read by every instance, so they all sign and check the same way.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Reads `key` from settings, creating it first if missing (safe when instances race). */
export async function loadOrCreateSecret(db: Kysely<Database>, key: string): Promise<string> {
  const existing = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (existing) return existing.value;
  await db.insertInto('settings').values({ key, value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
