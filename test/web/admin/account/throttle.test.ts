/**
 * Login throttling per account (5 failures / 15 min) and per address (20 / 15 min), counted in the
 * database so two app instances agree; the clock is injected, nothing sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent, PASSWORD } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';

const MIN = 60_000;

for (const dialect of DIALECTS) {
  describe(`login throttling (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let twin: FastifyInstance;
    const clock = new Clock();
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
      // A second instance over the same database: the throttle must hold across both.
      twin = await adminApp(t, { clock });
    });
    afterAll(async () => {
      await app?.close();
      await twin?.close();
      await t?.cleanup();
    });

    it('blocks an account after 5 failures in 15 minutes, even with the right password, from any address', async () => {
      const u = await makeUser(t, 'author', 'victim@example.com');
      for (let i = 0; i < 5; i++) {
        const res = await new Agent(i % 2 ? twin : app, `10.0.0.${i + 1}`).login(u.email, `wrong guess ${i}`);
        expect(res.statusCode).toBe(401);
      }
      const blocked = await new Agent(twin, '10.9.9.9').login(u.email, PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.body).toContain('Too many attempts; try again in 15 minutes.');
      expect(blocked.headers['retry-after']).toBe('900');
      expect(blocked.headers['cache-control']).toBe('private, no-store');
      // The address is not blamed for the account's block, and the email stays case-insensitive.
      clock.advance(5 * MIN);
      const later = await new Agent(app, '10.9.9.9').login('VICTIM@example.com', PASSWORD);
      expect(later.statusCode).toBe(429);
      expect(later.body).toContain('try again in 10 minutes');
      clock.advance(10 * MIN + 1000);
      const ok = await new Agent(app, '10.9.9.9').login(u.email, PASSWORD);
      expect(ok.statusCode).toBe(303);
      // Success clears the account's failures: five more chances, not one.
      for (let i = 0; i < 4; i++) expect((await new Agent(app, '10.0.1.1').login(u.email, 'wrong again')).statusCode).toBe(401);
      expect((await new Agent(app, '10.0.1.1').login(u.email, PASSWORD)).statusCode).toBe(303);
    });

    it('throttles unknown accounts the same way (no account enumeration)', async () => {
      for (let i = 0; i < 5; i++) expect((await new Agent(app, '10.1.0.1').login('ghost@example.com', 'whatever it is')).statusCode).toBe(401);
      const res = await new Agent(app, '10.1.0.2').login('ghost@example.com', 'whatever it is');
      expect(res.statusCode).toBe(429);
    });

    it('blocks an address after 20 failures across accounts; other addresses still log in', async () => {
      const u = await makeUser(t, 'editor', 'busy-editor@example.com');
      const ip = '192.0.2.7';
      for (let i = 0; i < 20; i++) {
        const res = await new Agent(i % 2 ? twin : app, ip).login(`spray-${i}@example.com`, 'password123!');
        expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
      }
      const blocked = await new Agent(app, ip).login(u.email, PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.body).toContain('Too many attempts; try again in 15 minutes.');
      expect((await new Agent(app, '192.0.2.8').login(u.email, PASSWORD)).statusCode).toBe(303);
      clock.advance(15 * MIN + 1000);
      expect((await new Agent(app, ip).login(u.email, PASSWORD)).statusCode).toBe(303);
    });

    it('keeps attempts in the database and audits failures without the password', async () => {
      const rows = await t.handle.db.selectFrom('login_attempts').select(['scope', 'key']).execute();
      expect(rows.some((r) => r.scope === 'ip' && r.key === '192.0.2.7')).toBe(true);
      const failed = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'login.failed').execute();
      expect(failed.length).toBeGreaterThanOrEqual(30);
      expect(JSON.stringify(failed)).not.toContain('password123!');
      expect(failed.find((f) => f.actor_label === 'ghost@example.com')?.detail).toBe('Unknown account');
    });

    it('an empty or missing field is a 400 with field errors and not a counted attempt', async () => {
      const before = (await t.handle.db.selectFrom('login_attempts').select('id').execute()).length;
      const a = new Agent(app, '198.51.100.1');
      const res = await a.post('/admin/login', { email: '', password: '' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Enter your email address.');
      expect(res.body).toContain('Enter your password.');
      expect(res.body).toContain('href="#email"');
      expect((await t.handle.db.selectFrom('login_attempts').select('id').execute()).length).toBe(before);
    });
  });
}
