/**
 * @module import/secrets
 * Where versions before the key moved into the database (modules/comment/ip-keys) kept the IP
 * hash key: DATA_DIR/secrets/ip-hash.key. Read once so that a site's stored hashes keep matching;
 * never written any more.
 */
import fs from 'node:fs';
import path from 'node:path';

export function legacyIpHashKey(dataDir: string): Buffer | undefined {
  try {
    const key = fs.readFileSync(path.join(dataDir, 'secrets', 'ip-hash.key'));
    return key.length >= 32 ? key : undefined;
  } catch {
    return undefined;
  }
}
