/**
 * Changing your own password at /admin/account: the current password first, the new one twice;
 * other devices are logged out and this one is not; wrong guesses are throttled like logins;
 * nothing typed is ever echoed back, and hostile input gets a 400 with the form, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent, PASSWORD } from '../../../helpers/agent.js';

const NEW_PASSWORD = 'a brand new passphrase';

for (const dialect of DIALECTS) {
  describe(`changing your own password (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('shows the form on the account page, for every role', async () => {
      for (const role of ['contributor', 'author', 'editor', 'owner'] as const) {
        const u = await makeUser(t, role);
        const a = new Agent(app);
        await a.login(u.email);
        const page = await a.get('/admin/account');
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('action="/admin/account/password"');
        expect(page.body).toMatch(/name="current"[^>]*autocomplete="current-password"|autocomplete="current-password"[^>]*name="current"/);
      }
    });

    it('changes the password: this device stays logged in, the others are logged out, only the new password logs in', async () => {
      const u = await makeUser(t, 'author');
      const here = new Agent(app);
      const laptop = new Agent(app, '10.0.0.2');
      await here.login(u.email);
      await laptop.login(u.email);
      const someoneElse = new Agent(app);
      const other = await makeUser(t, 'editor');
      await someoneElse.login(other.email);

      const res = await here.post('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, '/admin/account');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/account?notice=password-changed');
      const after = await here.get('/admin/account?notice=password-changed');
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('Password changed.');
      expect((await laptop.get('/admin')).statusCode).toBe(303);
      expect((await someoneElse.get('/admin')).statusCode).toBe(200);

      expect((await new Agent(app).login(u.email, PASSWORD)).statusCode).toBe(401);
      expect((await new Agent(app).login(u.email, NEW_PASSWORD)).statusCode).toBe(303);

      const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'user.password_changed').execute();
      expect(audit).toEqual([{ action: 'user.password_changed', detail: '1 other session ended' }]);
      const stored = await t.handle.db.selectFrom('users').select('password_hash').where('id', '=', u.id).executeTakeFirstOrThrow();
      expect(stored.password_hash).not.toContain(NEW_PASSWORD);
    });

    it('refuses a wrong current password, a short or mismatched new one, and changes nothing', async () => {
      const u = await makeUser(t, 'contributor');
      const a = new Agent(app);
      await a.login(u.email);
      const hashOf = async () => (await t.handle.db.selectFrom('users').select('password_hash').where('id', '=', u.id).executeTakeFirstOrThrow()).password_hash;
      const before = await hashOf();
      const cases: [Record<string, string>, string][] = [
        [{ current: 'not my password at all', password: NEW_PASSWORD, confirm: NEW_PASSWORD }, 'That is not your current password.'],
        [{ current: '', password: NEW_PASSWORD, confirm: NEW_PASSWORD }, 'Enter your current password.'],
        [{ current: PASSWORD, password: 'short', confirm: 'short' }, 'Use at least 10 characters'],
        [{ current: PASSWORD, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }, 'The two new passwords do not match.'],
        [{ current: PASSWORD, password: PASSWORD, confirm: PASSWORD }, 'The new password is the same as the current one.'],
      ];
      for (const [form, message] of cases) {
        const res = await a.post('/admin/account/password', form, '/admin/account');
        expect(res.statusCode, message).toBe(400);
        expect(res.body).toContain(message);
        expect(res.body).toContain('There is a problem');
        // What was typed is never sent back.
        for (const v of Object.values(form)) if (v !== '') expect(res.body).not.toContain(`value="${v}"`);
      }
      expect(await hashOf()).toBe(before);
      expect((await a.get('/admin')).statusCode).toBe(200);
      const failed = await t.handle.db.selectFrom('audit_log').select('detail').where('action', '=', 'login.failed').where('actor_id', '=', u.id).execute();
      expect(failed).toEqual([{ detail: 'Wrong current password when changing it' }]);
    });

    it('answers hostile input with the form and a 400, never a 500', async () => {
      const u = await makeUser(t, 'author');
      const a = new Agent(app);
      await a.login(u.email);
      const hostile: Record<string, string | string[]>[] = [
        { current: ["'; DROP TABLE users; --", 'x'], password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        { current: PASSWORD, password: '<script>alert(1)</script>', confirm: '<img src=x onerror=alert(1)>' },
        { current: PASSWORD, password: 'x'.repeat(5000), confirm: 'x'.repeat(5000) },
        { current: PASSWORD },
        {},
      ];
      for (const form of hostile) {
        const res = await a.post('/admin/account/password', form, '/admin/account');
        expect(res.statusCode).toBe(400);
        expect(res.body).not.toContain('<script>alert(1)</script>');
        expect(res.body).not.toContain('<img src=x');
      }
      expect((await new Agent(app).login(u.email, PASSWORD)).statusCode).toBe(303);
      // Without the CSRF token the change is refused before anything is checked.
      expect((await a.postRaw('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(403);
      expect((await new Agent(app).postRaw('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(
        303,
      );
    });

    it('throttles guesses of the current password like logins (429 with Retry-After)', async () => {
      const u = await makeUser(t, 'editor');
      const a = new Agent(app, '10.0.0.9');
      await a.login(u.email);
      let last = 0;
      let retry: string | string[] | undefined;
      for (let i = 0; i < 7; i++) {
        const res = await a.post('/admin/account/password', { current: `guess number ${i}`, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, '/admin/account');
        last = res.statusCode;
        retry = res.headers['retry-after'];
        if (last === 429) {
          expect(res.body).toContain('Too many attempts; try again in');
          break;
        }
        expect(last).toBe(400);
      }
      expect(last).toBe(429);
      expect(Number(retry)).toBeGreaterThan(0);
      // The right password is refused too while the block lasts: a guess cannot be confirmed.
      const right = await a.post('/admin/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, '/admin/account');
      expect(right.statusCode).toBe(429);
    });
  });
}
