/**
 * Login throttling (modules/user/throttle): a hard limit per (account, address) pair (5 / 15 min)
 * and per address (20 / 15 min), a growing delay per account from every address instead of a
 * block, all counted in the database before the password is hashed, so two app instances and 100
 * concurrent attempts agree. The clock is injected; the delays are recorded, not slept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent, PASSWORD } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';
import { csrfOf } from '../../../helpers/form.js';

const MIN = 60_000;

for (const dialect of DIALECTS) {
  describe(`login throttling (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let twin: FastifyInstance;
    const clock = new Clock();
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock, sleep });
      // A second instance over the same database: the throttle must hold across both.
      twin = await adminApp(t, { clock, sleep });
    });
    afterAll(async () => {
      await app?.close();
      await twin?.close();
      await t?.cleanup();
    });

    const failures = async (email: string) =>
      (await t.handle.db.selectFrom('audit_log').select('id').where('action', '=', 'login.failed').where('actor_label', '=', email).execute()).length;

    it('blocks an (account, address) pair after 5 attempts in 15 minutes, even with the right password', async () => {
      const u = await makeUser(t, 'author', 'victim@example.com');
      for (let i = 0; i < 5; i++) {
        const res = await new Agent(i % 2 ? twin : app, '10.0.0.1').login(u.email, `wrong guess ${i}`);
        expect(res.statusCode).toBe(401);
      }
      const blocked = await new Agent(twin, '10.0.0.1').login(u.email, PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.body).toContain('Too many attempts; try again in 15 minutes.');
      expect(blocked.headers['retry-after']).toBe('900');
      expect(blocked.headers['cache-control']).toBe('private, no-store');
      // Case-insensitive email, same pair.
      clock.advance(5 * MIN);
      const later = await new Agent(app, '10.0.0.1').login('VICTIM@example.com', PASSWORD);
      expect(later.statusCode).toBe(429);
      expect(later.body).toContain('try again in 10 minutes');
      clock.advance(10 * MIN + 1000);
      expect((await new Agent(app, '10.0.0.1').login(u.email, PASSWORD)).statusCode).toBe(303);
    });

    it('cannot be used to lock a known account out: the owner logs in from their own address, after a short wait', async () => {
      const u = await makeUser(t, 'editor', 'known-editor@example.com');
      waits.length = 0;
      // The attacker fails five times from one address, then from four more.
      for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5']) {
        for (let i = 0; i < 5; i++) expect((await new Agent(app, ip).login(u.email, `guess ${ip} ${i}`)).statusCode).toBe(401);
        expect((await new Agent(app, ip).login(u.email, 'one more')).statusCode).toBe(429);
      }
      // Every attempt after the fifth on the account waited, longer each time, never more than 10 s.
      expect(waits.length).toBe(20);
      expect(waits.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 10_000]);
      expect(Math.max(...waits)).toBe(10_000);
      // The editor, from the newsroom: in (slowed, not blocked).
      waits.length = 0;
      const ok = await new Agent(app, '192.0.2.44').login(u.email, PASSWORD);
      expect(ok.statusCode).toBe(303);
      expect(waits).toEqual([10_000]);
      // A success clears its own pair only: the attacker's address stays blocked.
      expect((await new Agent(app, '198.51.100.1').login(u.email, PASSWORD)).statusCode).toBe(429);
    });

    it('a successful login clears its pair: five more chances from that address', async () => {
      const u = await makeUser(t, 'author', 'forgetful@example.com');
      for (let i = 0; i < 4; i++) expect((await new Agent(app, '10.0.1.1').login(u.email, 'wrong again')).statusCode).toBe(401);
      expect((await new Agent(app, '10.0.1.1').login(u.email, PASSWORD)).statusCode).toBe(303);
      for (let i = 0; i < 4; i++) expect((await new Agent(app, '10.0.1.1').login(u.email, 'wrong again')).statusCode).toBe(401);
      expect((await new Agent(app, '10.0.1.1').login(u.email, PASSWORD)).statusCode).toBe(303);
    });

    it('100 concurrent wrong passwords for one account from one address: at most 5 are checked', async () => {
      const u = await makeUser(t, 'owner', 'concurrent@example.com');
      // The login form's CSRF token is fetched first (as a browser would), then all 100 go at once, split over both instances.
      const agents = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const a = new Agent(i % 2 ? twin : app, '203.0.113.77');
          csrfOf((await a.get('/admin/login')).body);
          return a;
        }),
      );
      const results = await Promise.all(agents.map((a, i) => a.login(u.email, `concurrent guess ${i}`)));
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 401).length + codes.filter((c) => c === 429).length).toBe(100);
      expect(await failures(u.email)).toBeLessThanOrEqual(5);
    });

    it('100 concurrent attempts from one address across accounts: at most 20 are checked', async () => {
      const ip = '203.0.113.88';
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => new Agent(i % 2 ? twin : app, ip).login(`spray-c${i}@example.com`, 'password123!')),
      );
      expect(results.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(20);
      const checked = await t.handle.db.selectFrom('audit_log').select('id').where('action', '=', 'login.failed').where('ip', '=', ip).execute();
      expect(checked.length).toBeLessThanOrEqual(20);
    });

    it('throttles unknown accounts the same way (no account enumeration)', async () => {
      for (let i = 0; i < 5; i++) expect((await new Agent(app, '10.1.0.1').login('ghost@example.com', 'whatever it is')).statusCode).toBe(401);
      const res = await new Agent(app, '10.1.0.1').login('ghost@example.com', 'whatever it is');
      expect(res.statusCode).toBe(429);
    });

    it('blocks an address after 20 attempts across accounts; other addresses still log in', async () => {
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

    it('keeps the counters in the database and audits failures without the password', async () => {
      const rows = await t.handle.db.selectFrom('login_throttle').select(['scope', 'key', 'count']).execute();
      expect(rows.some((r) => r.scope === 'ip' && r.key === '192.0.2.7')).toBe(true);
      expect(rows.some((r) => r.scope === 'pair' && r.key === 'ghost@example.com\n10.1.0.1' && r.count === 6)).toBe(true);
      const failed = await t.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'login.failed').execute();
      expect(failed.length).toBeGreaterThanOrEqual(30);
      expect(JSON.stringify(failed)).not.toContain('password123!');
      expect(failed.find((f) => f.actor_label === 'ghost@example.com')?.detail).toBe('Unknown account');
    });

    it('an empty or missing field is a 400 with field errors and not a counted attempt', async () => {
      const count = async () =>
        (await t.handle.db.selectFrom('login_throttle').select('count').where('key', '=', '198.51.100.99').executeTakeFirst())?.count ?? 0;
      const a = new Agent(app, '198.51.100.99');
      const res = await a.post('/admin/login', { email: '', password: '' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Enter your email address.');
      expect(res.body).toContain('Enter your password.');
      expect(res.body).toContain('href="#email"');
      expect(await count()).toBe(0);
    });
  });
}
