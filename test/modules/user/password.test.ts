import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, isWeakerThan, passwordProblem, verifyPassword } from '../../../src/modules/user/password.js';

const LOW = { ln: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt parameters, a random salt and never the password', async () => {
    const a = await hashPassword('correct horse battery', LOW);
    const b = await hashPassword('correct horse battery', LOW);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('keeps a strong default (OWASP scrypt guidance) and checks against the stored parameters', async () => {
    expect(2 ** DEFAULT_SCRYPT.ln * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p).toBeGreaterThanOrEqual(2 ** 15 * 8 * 3);
    const low = await hashPassword('long enough password', LOW);
    expect(isWeakerThan(low, DEFAULT_SCRYPT)).toBe(true);
    expect(isWeakerThan(low, LOW)).toBe(false);
  });

  it('rejects malformed or absurd stored hashes without throwing', async () => {
    for (const bad of ['', 'plain', '$scrypt$ln=99,r=8,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==', '$scrypt$ln=10,r=8,p=1$AAAA$AAAA', '$argon2id$v=19$x']) {
      expect(await verifyPassword('whatever it is', bad)).toBe(false);
    }
  });

  it('explains what is wrong with a password', () => {
    expect(passwordProblem('short')).toBe('Use at least 10 characters for the password (this one has 5).');
    expect(passwordProblem(undefined)).toBe('Enter a password.');
    expect(passwordProblem(12345678901)).toBe('Enter a password.');
    expect(passwordProblem(' '.repeat(12))).toBe('The password cannot be only spaces.');
    expect(passwordProblem('x'.repeat(1001))).toMatch(/at most 1000/);
    expect(passwordProblem('🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂')).toBeUndefined();
    expect(passwordProblem('ten chars!')).toBeUndefined();
  });
});
