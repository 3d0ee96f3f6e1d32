/**
 * @module modules/comment/ip-keys
 * The key that turns commenters' IP addresses into keyed hashes (modules/comment/ip-hash), kept in
 * the settings table like the cookie-signing key, so every instance hashes an address the same way
 * and per-address rate limits and block rules hold across all of them. Made once, atomically, on
 * first use; a site that kept it as a file (DATA_DIR/secrets/ip-hash.key, before this) adopts that
 * file's key, so its stored hashes still match. `secret.` settings are never exported.
 *
 * Rotation (`broadsheet comments rotate-ip-key`): a new key hashes new comments; the previous key
 * is kept, with the time it was retired, for as long as comments keep their hashes
 * (COMMENT_IP_RETENTION_DAYS), so an address is still matched against rules and rate limits made
 * under the old key. Running instances pick the new key up within a minute.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findSetting, upsertSetting } from '../content/settings.repository.js';
import { loadOrCreateSecret } from '../user/secret.js';
import { hashIp } from './ip-hash.js';

export const IP_KEY_SETTING = 'secret.ip_hash_key';
export const PREVIOUS_IP_KEY_SETTING = 'secret.ip_hash_key_previous';

export interface IpKeys {
  current: Buffer;
  /** The key before the last rotation, while hashes made with it may still be stored. */
  previous: Buffer | undefined;
}

const hexKey = (v: string | undefined): Buffer | undefined => (v && /^[0-9a-f]{64,}$/.test(v) ? Buffer.from(v, 'hex') : undefined);

/**
 * The keys now. `legacy`: the key file an older version kept under DATA_DIR (adopted once, when
 * the database has none yet). `retentionDays` 0 keeps the previous key for ever.
 */
export async function loadIpKeys(db: Db, o: { legacy?: Buffer | undefined; retentionDays: number; now: Date }): Promise<IpKeys> {
  const current = hexKey(await loadOrCreateSecret(db, IP_KEY_SETTING, o.legacy && o.legacy.length >= 32 ? o.legacy : undefined));
  if (!current) throw new Error(`The setting ${IP_KEY_SETTING} does not hold a key.`);
  let previous: Buffer | undefined;
  const raw = await findSetting(db, PREVIOUS_IP_KEY_SETTING);
  if (raw) {
    try {
      const p = JSON.parse(raw) as { key?: string; retiredAt?: string };
      const retired = Date.parse(p.retiredAt ?? '');
      const stillStored = o.retentionDays === 0 || o.now.getTime() - retired < o.retentionDays * 86_400_000;
      if (stillStored) previous = hexKey(p.key);
    } catch {
      previous = undefined;
    }
  }
  return { current, previous };
}

/**
 * Replaces the key (the old one is kept as `previous`; `legacy` as in loadIpKeys, for a site that
 * never started since it kept the key as a file), with its audit entry; one transaction.
 */
export async function rotateIpKey(db: Db, o: { legacy?: Buffer | undefined; retentionDays: number; now: Date; actor: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { current } = await loadIpKeys(trx, { legacy: o.legacy, retentionDays: o.retentionDays, now: o.now });
    await upsertSetting(trx, PREVIOUS_IP_KEY_SETTING, JSON.stringify({ key: current.toString('hex'), retiredAt: o.now.toISOString() }));
    await upsertSetting(trx, IP_KEY_SETTING, randomBytes(32).toString('hex'));
    await recordAudit(trx, {
      at: o.now.toISOString(),
      actorId: null,
      actorLabel: o.actor,
      action: 'secrets.ip_key_rotated',
      detail: `the previous key still matches for ${o.retentionDays === 0 ? 'ever' : `${o.retentionDays} days`}`,
    });
  });
}

/** An address's hash to store, and every hash it may be stored under (for rules and rate limits). */
export function hashesOf(keys: IpKeys, ip: string): { ipHash: string; ipHashes: string[] } {
  const ipHash = hashIp(keys.current, ip);
  if (!ipHash) return { ipHash, ipHashes: [] };
  return { ipHash, ipHashes: keys.previous ? [ipHash, hashIp(keys.previous, ip)] : [ipHash] };
}

/** The keys for a running server: read again at most once a minute (a rotation reaches every instance). */
export class IpKeyCache {
  private keys: IpKeys | undefined;
  private readAt = 0;
  private reading: Promise<IpKeys> | undefined;

  constructor(
    private readonly db: Db,
    private readonly o: { legacy?: Buffer | undefined; retentionDays: number; now: () => Date; maxAgeMs?: number },
  ) {}

  async get(): Promise<IpKeys> {
    const now = this.o.now();
    if (this.keys && now.getTime() - this.readAt < (this.o.maxAgeMs ?? 60_000)) return this.keys;
    this.reading ??= loadIpKeys(this.db, { legacy: this.o.legacy, retentionDays: this.o.retentionDays, now }).finally(() => {
      this.reading = undefined;
    });
    this.keys = await this.reading;
    this.readAt = now.getTime();
    return this.keys;
  }
}
