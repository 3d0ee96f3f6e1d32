/**
 * @module import/secrets
 * The key that turns commenters' IP addresses into keyed hashes: DATA_DIR/secrets/ip-hash.key,
 * 32 random bytes made on first use (mode 0600). The same key gives the same hash, so an imported
 * commenter and a new comment from the same address can be matched without storing the address.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function ipHashKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secrets', 'ip-hash.key');
  try {
    const key = fs.readFileSync(file);
    if (key.length >= 32) return key;
  } catch {
    // made below
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    // Another process made it first: use theirs.
    return fs.readFileSync(file);
  }
}
