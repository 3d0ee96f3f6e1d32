/**
 * @module modules/user/password
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per hash, the cost parameters
 * stored with the hash, and a constant-time comparison. Stored form (PHC-like):
 *
 *   $scrypt$ln=15,r=8,p=3$<salt base64>$<hash base64>
 *
 * The default cost follows OWASP's scrypt guidance (N=2^15, r=8, p=3: 32 MiB, ~0.3 s here). Tests
 * pass a lower cost through the `params` argument; the default is never lowered.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ ln: 15, r: 8, p: 3 });

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; bounded so nobody can make us hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 1000;

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Bounds for parameters read back from the database. */
const LIMITS = { ln: [1, 20], r: [1, 32], p: [1, 16] } as const;

function derive(password: string, salt: Buffer, params: ScryptParams, length = KEY_LENGTH): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * params.r * (N + params.p + 2) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * Why a password is not acceptable, or undefined when it is. Length counts characters, not bytes.
 * @example passwordProblem('short') // 'Use at least 10 characters for the password (this one has 5).'
 */
export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string' || password.length === 0) return 'Enter a password.';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters for the password (this one has ${length}).`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters for the password.`;
  if (password.trim() === '') return 'The password cannot be only spaces.';
  return undefined;
}

/**
 * Hashes a password with a fresh random salt.
 * @example const stored = await hashPassword('correct horse battery'); // '$scrypt$ln=15,r=8,p=3$…'
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface Parsed {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | undefined {
  const m = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]{4,100})\$([A-Za-z0-9+/=]{4,200})$/.exec(stored);
  if (!m) return undefined;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  for (const k of ['ln', 'r', 'p'] as const) {
    if (params[k] < LIMITS[k][0] || params[k] > LIMITS[k][1]) return undefined;
  }
  const key = Buffer.from(m[5]!, 'base64');
  if (key.length < 16) return undefined;
  return { params, salt: Buffer.from(m[4]!, 'base64'), key };
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when a stored hash is weaker than `params` (so a successful login should re-hash it). */
export function isWeakerThan(stored: string, params: ScryptParams): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const cost = (x: ScryptParams) => 2 ** x.ln * x.r * x.p;
  return cost(parsed.params) < cost(params);
}

const dummies = new Map<string, Promise<string>>();

/**
 * A hash of a random password at the given cost, made once per cost: checking a login against it
 * when the account does not exist takes as long as a real check, so timing does not reveal accounts.
 */
export function dummyHash(params: ScryptParams): Promise<string> {
  const k = `${params.ln},${params.r},${params.p}`;
  let h = dummies.get(k);
  if (!h) {
    h = hashPassword(randomBytes(16).toString('hex'), params);
    dummies.set(k, h);
  }
  return h;
}
