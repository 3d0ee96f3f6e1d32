/**
 * Accounts over HTTP: one-time setup, login, logout, "log out everywhere", session expiry with an
 * injected clock, cookie flags, the `next` rule, and no password ever stored in clear.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent, PASSWORD } from '../../../helpers/agent.js';
import { Clock } from '../../../helpers/clock.js';
import { csrfOf } from '../../../helpers/form.js';

const DAY = 24 * 3600_000;

/** Targets that a raw-string check lets through but a browser resolves to another site (or that leave /admin). */
const OPEN_REDIRECT_TRICKS = [
  '/.//evil.example',
  '/./\\evil.example',
  '/\\evil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n//evil.example',
  '/admin/..//evil.example',
  '/admin/../..//evil.example',
  '/admin/%2e%2e//evil.example',
  '/admin/%2E%2E/%2E%2E//evil.example',
  '/x/..//evil.example/admin',
  '/././/evil.example/admin/',
  '///evil.example',
  '/ /evil.example',
  '/\u00a0/evil.example',
  '/\u3000/evil.example',
  'HtTpS://evil.example/admin',
  'jAvAsCrIpT:alert(1)',
  '/https://evil.example',
  '//évil.example/admin',
  '//xn--vil-bma.example/admin',
  '/@evil.example',
  '//user:pass@evil.example/admin',
  '/admin\\..\\..\\/evil.example',
  '/index.html',
  '/',
];

for (const dialect of DIALECTS) {
  describe(`admin accounts (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    const clock = new Clock();
    const OWNER_PASSWORD = 'the owner passphrase 1';
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { clock });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('sends anonymous visitors to the login page with a same-site next', async () => {
      const a = new Agent(app);
      const res = await a.get('/admin/users?x=1');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Fusers%3Fx%3D1');
      expect((await a.get('/admin')).headers.location).toBe('/admin/login');
      expect((await a.get('/admin/')).headers.location).toBe('/admin/login?next=%2Fadmin%2F');
      // Unknown admin paths do not reveal themselves either.
      expect((await a.get('/admin/no-such-page')).statusCode).toBe(303);
    });

    it('setup creates the first owner once, logs them in, then answers 404', async () => {
      const a = new Agent(app);
      const login = await a.get('/admin/login');
      expect(login.body).toContain('href="/admin/setup"');
      const page = await a.get('/admin/setup');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<label class="field__label" for="email">Email address</label>');
      // Mismatched confirmation: 400, nothing created.
      const bad = await a.postRaw('/admin/setup', {
        _csrf: csrfOf(page.body),
        name: 'Olga Owner',
        email: 'olga@example.com',
        password: OWNER_PASSWORD,
        confirm: 'something else',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('The two passwords do not match.');
      expect(await t.handle.db.selectFrom('users').select('id').execute()).toHaveLength(0);
      const ok = await a.post(
        '/admin/setup',
        { name: 'Olga Owner', email: 'Olga@Example.com', password: OWNER_PASSWORD, confirm: OWNER_PASSWORD },
        '/admin/setup',
      );
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/admin');
      const dash = await a.get('/admin');
      expect(dash.statusCode).toBe(200);
      expect(dash.body).toContain('Olga Owner');
      expect(dash.body).toMatch(/<dt>Role<\/dt><dd><span class="badge">Owner<\/span>/);
      const users = await t.handle.db.selectFrom('users').selectAll().execute();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'olga@example.com', role: 'owner', status: 'active' });
      // Closed for good, for everyone, signed in or not, GET or POST.
      expect((await a.get('/admin/setup')).statusCode).toBe(404);
      const anon = new Agent(app);
      expect((await anon.get('/admin/setup')).statusCode).toBe(404);
      const again = await anon.post('/admin/setup', { name: 'Mallory', email: 'm@example.com', password: OWNER_PASSWORD, confirm: OWNER_PASSWORD });
      expect(again.statusCode).toBe(404);
      expect(await t.handle.db.selectFrom('users').select('id').execute()).toHaveLength(1);
      expect((await anon.get('/admin/login')).body).not.toContain('href="/admin/setup"');
    });

    it('logs in with the right password only, and returns to a same-site next', async () => {
      const a = new Agent(app);
      const wrong = await a.login('olga@example.com', 'not the password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain('The email address or password is incorrect.');
      expect(wrong.body).toContain('value="olga@example.com"');
      expect(a.cookies.has('bs_session')).toBe(false);
      const unknown = await a.login('nobody@example.com', OWNER_PASSWORD);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.body).toContain('The email address or password is incorrect.');
      const ok = await a.post('/admin/login', { email: ' OLGA@example.com ', password: OWNER_PASSWORD, next: '/admin/audit?page=1' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/admin/audit?page=1');
      expect((await a.get('/admin/audit')).statusCode).toBe(200);
      // Already signed in: the login page sends you on.
      const again = await a.get('/admin/login?next=%2Fadmin%2Fusers');
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe('/admin/users');
    });

    it('never follows a next that leaves the site', async () => {
      for (const next of ['//evil.example/', 'https://evil.example/admin', '/\\evil.example', 'javascript:alert(1)', '/admin\n/x', ' /admin', 'admin']) {
        const a = new Agent(app);
        const res = await a.post('/admin/login', { email: 'olga@example.com', password: OWNER_PASSWORD, next });
        expect(res.statusCode, next).toBe(303);
        expect(res.headers.location, next).toBe('/admin');
      }
      const page = await new Agent(app).get('/admin/login?next=%2F%2Fevil.example%2F');
      expect(page.body).not.toContain('evil.example');
    });

    it('resolves next as a browser would before trusting it: normalisation tricks stay on /admin', async () => {
      const a = new Agent(app);
      expect((await a.login('olga@example.com', OWNER_PASSWORD)).statusCode).toBe(303);
      for (const next of OPEN_REDIRECT_TRICKS) {
        // Signed in, the login page sends you straight on: the case the audit found.
        const res = await a.get(`/admin/login?next=${encodeURIComponent(next)}`);
        expect(res.statusCode, next).toBe(303);
        const location = String(res.headers.location);
        const resolved = new URL(location, 'https://news.example');
        expect(resolved.origin, `${next} -> ${location}`).toBe('https://news.example');
        expect(resolved.pathname, `${next} -> ${location}`).toMatch(/^\/admin(\/|$)/);
        expect(location, next).not.toMatch(/evil|\/\/|\\/);
      }
      // The login form's hidden next is held to the same rule.
      for (const next of OPEN_REDIRECT_TRICKS) {
        const res = await new Agent(app).post('/admin/login', { email: 'olga@example.com', password: OWNER_PASSWORD, next });
        expect(res.headers.location, next).toBe('/admin');
      }
    });

    it('sets the session cookie httpOnly, SameSite=Lax and Secure under https, and stores only its SHA-256', async () => {
      const a = new Agent(app);
      const res = await a.login('olga@example.com', OWNER_PASSWORD);
      const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bs_session='))!;
      expect(raw).toMatch(/; HttpOnly/);
      expect(raw).toMatch(/; SameSite=Lax/);
      expect(raw).toMatch(/; Secure/);
      expect(raw).toMatch(/; Path=\//);
      const token = a.cookies.get('bs_session')!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const ids = (await t.handle.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
      expect(ids).toContain(createHash('sha256').update(token).digest('hex'));
      expect(ids).not.toContain(token);
      const csrf = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [], (await new Agent(app).get('/admin/login')).headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('bs_csrf='));
      expect(csrf).toMatch(/; HttpOnly/);
      expect(csrf).toMatch(/; Secure/);
    });

    it('leaves Secure off under an http SITE_URL', async () => {
      const plain = await adminApp(t, { clock, env: { SITE_URL: 'http://localhost:3000' } });
      try {
        const res = await new Agent(plain).login('olga@example.com', OWNER_PASSWORD);
        const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bs_session='))!;
        expect(raw).toMatch(/HttpOnly/);
        expect(raw).toMatch(/SameSite=Lax/);
        expect(raw).not.toMatch(/Secure/);
      } finally {
        await plain.close();
      }
    });

    it('logout ends this session only, deletes it, and the old cookie stops working', async () => {
      const a = new Agent(app);
      const b = new Agent(app);
      await a.login('olga@example.com', OWNER_PASSWORD);
      await b.login('olga@example.com', OWNER_PASSWORD);
      const token = a.cookies.get('bs_session')!;
      const out = await a.post('/admin/logout');
      expect(out.statusCode).toBe(303);
      expect(out.headers.location).toBe('/admin/login?notice=logged-out');
      expect(a.cookies.has('bs_session')).toBe(false);
      expect((await a.get('/admin/login?notice=logged-out')).body).toContain('You have logged out.');
      const gone = await t.handle.db.selectFrom('sessions').select('id').where('id', '=', createHash('sha256').update(token).digest('hex')).execute();
      expect(gone).toHaveLength(0);
      // Replaying the old cookie gets the login page.
      const replay = await app.inject({ url: '/admin', headers: { cookie: `bs_session=${token}` } });
      expect(replay.statusCode).toBe(303);
      expect((await b.get('/admin')).statusCode).toBe(200);
    });

    it('"log out everywhere" ends every session of the user and no one else\'s', async () => {
      const other = await makeUser(t, 'editor');
      const e = new Agent(app);
      await e.login(other.email);
      const devices = [new Agent(app), new Agent(app), new Agent(app)];
      for (const d of devices) await d.login('olga@example.com', OWNER_PASSWORD);
      const res = await devices[0]!.post('/admin/logout-everywhere');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/login?notice=logged-out-everywhere');
      for (const d of devices) expect((await d.get('/admin')).statusCode).toBe(303);
      const owner = await t.handle.db.selectFrom('users').select('id').where('email', '=', 'olga@example.com').executeTakeFirstOrThrow();
      expect(await t.handle.db.selectFrom('sessions').select('id').where('user_id', '=', owner.id).execute()).toHaveLength(0);
      expect((await e.get('/admin')).statusCode).toBe(200);
    });

    it('expires sessions after 14 idle days, sliding with use, writing last_seen at most once a minute', async () => {
      const a = new Agent(app);
      await a.login('olga@example.com', OWNER_PASSWORD);
      const id = createHash('sha256').update(a.cookies.get('bs_session')!).digest('hex');
      const seen = async () => await t.handle.db.selectFrom('sessions').select(['last_seen_at', 'expires_at']).where('id', '=', id).executeTakeFirstOrThrow();
      const first = await seen();
      clock.advance(30_000);
      const quiet = await a.get('/admin');
      expect(quiet.statusCode).toBe(200);
      expect(await seen()).toEqual(first);
      expect(([] as string[]).concat(quiet.headers['set-cookie'] ?? []).some((c) => c.startsWith('bs_session='))).toBe(false);
      clock.advance(31_000);
      const slid = await a.get('/admin');
      expect(slid.statusCode).toBe(200);
      // The browser's cookie slides too (same token, fresh Max-Age).
      expect(([] as string[]).concat(slid.headers['set-cookie'] ?? []).find((c) => c.startsWith('bs_session='))).toMatch(
        /^bs_session=[\w-]{43}; Max-Age=1209600; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      );
      const touched = await seen();
      expect(Date.parse(touched.last_seen_at)).toBe(clock.t);
      expect(Date.parse(touched.expires_at)).toBe(clock.t + 14 * DAY);
      // Used every 10 days: still signed in after 20.
      clock.advance(10 * DAY);
      expect((await a.get('/admin')).statusCode).toBe(200);
      clock.advance(10 * DAY);
      expect((await a.get('/admin')).statusCode).toBe(200);
      // Idle for more than 14 days: gone.
      clock.advance(14 * DAY + 1000);
      const res = await a.get('/admin');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/login');
    });

    it('ignores malformed session cookies', async () => {
      for (const cookie of ['bs_session=', 'bs_session=x', `bs_session=${'A'.repeat(5000)}`, "bs_session=' OR 1=1 --", 'bs_session=%00%01']) {
        const res = await app.inject({ url: '/admin', headers: { cookie } });
        expect(res.statusCode, cookie.slice(0, 40)).toBe(303);
      }
    });

    it('never stores a password in clear (users, sessions, audit log, attempts, settings)', async () => {
      const u = await makeUser(t, 'author', 'pw-check@example.com', 'a very distinctive passphrase');
      const a = new Agent(app);
      await a.login(u.email, 'a very distinctive passphrase');
      await new Agent(app).login(u.email, 'another distinctive wrong guess');
      const dump = JSON.stringify(
        await Promise.all(
          ['users', 'sessions', 'audit_log', 'login_throttle', 'settings'].map((table) =>
            sql`select * from ${sql.table(table)}`.execute(t.handle.db).then((r) => r.rows),
          ),
        ),
      );
      for (const secret of ['a very distinctive passphrase', 'another distinctive wrong guess', OWNER_PASSWORD, PASSWORD]) expect(dump).not.toContain(secret);
      const hashes = await t.handle.db.selectFrom('users').select('password_hash').execute();
      for (const h of hashes) expect(h.password_hash).toMatch(/^\$scrypt\$ln=\d+,r=\d+,p=\d+\$/);
      // Every session id is a hex SHA-256, never a token.
      for (const s of await t.handle.db.selectFrom('sessions').select('id').execute()) expect(s.id).toMatch(/^[0-9a-f]{64}$/);
    });

    it('marks every admin page private, no-store, serves its stylesheet publicly, and keeps the strict CSP', async () => {
      const a = new Agent(app);
      const responses = [
        await a.get('/admin/login'),
        await a.get('/admin'),
        await a.get('/admin/assets/admin.css'),
        await a.get('/admin/setup'),
        await a.postRaw('/admin/login', { email: 'x@example.com', password: 'y' }),
        await a.login('olga@example.com', OWNER_PASSWORD),
        await a.get('/admin'),
        await a.get('/admin/nope'),
      ];
      const css = responses[2]!;
      for (const r of responses.filter((x) => x !== css))
        expect(r.headers['cache-control'], `${r.statusCode} ${r.headers['content-type']}`).toBe('private, no-store');
      // The stylesheet holds nothing private: kept by browsers (an hour under its plain name, a year hashed).
      expect(css.headers['cache-control']).toBe('public, max-age=3600');
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toContain('text/css');
      expect(css.body).toContain('.error-summary');
      const page = responses[6]!;
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.body).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
      expect(page.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
      expect(responses[7]!.statusCode).toBe(404);
    });
  });
}
