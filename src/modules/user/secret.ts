/**
 * @module modules/user/secret
 * Site secrets (the cookie-signing key) live in the settings table: made once from 32 random
 * bytes on first start, then read by every instance, so they all sign and check the same way.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { findSetting, insertSettingIfAbsent } from '../content/settings.repository.js';

/**
 * Reads `key` from settings, creating it first if missing (safe when instances race): from 32
 * random bytes, or from `initial` (a key adopted from an older version's file).
 */
export async function loadOrCreateSecret(db: Db, key: string, initial?: Buffer): Promise<string> {
  const existing = await findSetting(db, key);
  if (existing !== undefined) return existing;
  await insertSettingIfAbsent(db, key, (initial ?? randomBytes(32)).toString('hex'));
  const stored = await findSetting(db, key);
  if (stored === undefined) throw new Error(`The setting ${key} could not be stored.`);
  return stored;
}
