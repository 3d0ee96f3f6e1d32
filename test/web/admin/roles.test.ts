/**
 * Every admin route × every role (and anonymous): the expected 200 / 303 / 403 / 404, table-driven,
 * plus CSRF rejection on every state-changing route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../../src/modules/user/permissions.js';
import { DIALECTS, freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp, makeUser, signedIn, type Who } from '../../helpers/admin.js';
import { Agent } from '../../helpers/agent.js';
import { csrfOf } from '../../helpers/form.js';

const WHO: Who[] = [...ROLES, 'anonymous'];

interface RouteCase {
  method: 'GET' | 'POST';
  /** `:victim` is replaced with a fresh user's id for each case. */
  url: string;
  form?: (n: number) => Record<string, string>;
  /** Status for a signed-in user whose role holds the permission. */
  ok: number;
  /** Roles that hold it. */
  allowed: readonly Role[];
}

const ALL = ROLES;
const OWNER = ['owner'] as const;

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/admin', ok: 200, allowed: ALL },
  { method: 'GET', url: '/admin/', ok: 200, allowed: ALL },
  { method: 'GET', url: '/admin/users', ok: 200, allowed: OWNER },
  { method: 'GET', url: '/admin/audit', ok: 200, allowed: OWNER },
  { method: 'GET', url: '/admin/audit?page=1', ok: 200, allowed: OWNER },
  {
    method: 'POST',
    url: '/admin/users',
    ok: 303,
    allowed: OWNER,
    form: (n) => ({ name: `New ${n}`, email: `new-${n}@example.com`, role: 'author', password: 'a fine first password' }),
  },
  { method: 'POST', url: '/admin/users/:victim/role', ok: 303, allowed: OWNER, form: () => ({ role: 'editor' }) },
  { method: 'POST', url: '/admin/users/:victim/disable', ok: 303, allowed: OWNER },
  { method: 'POST', url: '/admin/users/:victim/enable', ok: 303, allowed: OWNER },
  { method: 'POST', url: '/admin/users/:victim/sessions/end', ok: 303, allowed: OWNER },
  { method: 'POST', url: '/admin/logout-everywhere', ok: 303, allowed: ALL },
  { method: 'POST', url: '/admin/logout', ok: 303, allowed: ALL },
];

for (const dialect of DIALECTS) {
  describe(`admin roles and CSRF (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let n = 0;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t);
      await makeUser(t, 'owner', 'first-owner@example.com');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const agentFor = (who: Who): Promise<Agent> => signedIn(app, t, who);

    for (const route of ROUTES) {
      for (const who of WHO) {
        const expected = who === 'anonymous' ? 303 : route.allowed.includes(who) ? route.ok : 403;
        it(`${route.method} ${route.url} as ${who} → ${expected}`, async () => {
          const a = await agentFor(who);
          const victim = await makeUser(t, 'contributor');
          const url = route.url.replace(':victim', String(victim.id));
          const res = route.method === 'GET' ? await a.get(url) : await a.post(url, route.form?.(++n) ?? {});
          expect(res.statusCode).toBe(expected);
          expect(res.headers['cache-control']).toBe('private, no-store');
          if (expected === 303 && who === 'anonymous') expect(res.headers.location).toMatch(/^\/admin\/login/);
          if (expected === 403) {
            expect(res.body).toContain('does not allow you to');
            expect(res.body).toContain('Error 403');
          }
        });
      }
    }

    it('public admin routes: login for visitors, setup closed for all once a user exists', async () => {
      for (const who of WHO) {
        const a = await agentFor(who);
        expect((await a.get('/admin/setup')).statusCode, who).toBe(404);
        expect((await a.get('/admin/login')).statusCode, who).toBe(who === 'anonymous' ? 200 : 303);
        expect((await a.get('/admin/assets/admin.css')).statusCode, who).toBe(200);
      }
    });

    it("an unknown admin address: the admin's own 404 page when signed in, the login otherwise", async () => {
      for (const url of ['/admin/xyz/', '/admin/articles/new/extra', '/admin/%3Cscript%3E']) {
        const owner = await (await agentFor('owner')).get(url);
        expect(owner.statusCode, url).toBe(404);
        expect(owner.body, url).toContain('There is no such page in the admin.');
        expect(owner.body, url).toContain('href="/admin/users"');
        expect(owner.body, url).not.toContain('<script>');
        const anon = await (await agentFor('anonymous')).get(url);
        expect(anon.statusCode, url).toBe(303);
        expect(anon.headers.location, url).toMatch(/^\/admin\/login/);
      }
    });

    it('a 403 page names the role and what it lacks, with no owner-only links in the menu', async () => {
      const a = await agentFor('contributor');
      const res = await a.get('/admin/users');
      expect(res.body).toContain('Your role (Contributor) does not allow you to manage user accounts.');
      expect(res.body).not.toContain('href="/admin/users"');
      const dash = await a.get('/admin');
      expect(dash.body).not.toContain('href="/admin/audit"');
      expect(dash.body).toContain('You write and submit; an editor publishes.');
    });

    it('other methods on admin URLs never reach a handler and never 500', async () => {
      const a = await agentFor('owner');
      const cookie = a.cookie;
      for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
        for (const url of ['/admin', '/admin/users', '/admin/users/1/disable', '/admin/login']) {
          const signedIn = await app.inject({ method, url, headers: { cookie } });
          expect(signedIn.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
          expect(signedIn.statusCode, `${method} ${url}`).toBeLessThan(500);
          const anon = await app.inject({ method, url });
          expect([303, 403, 404], `${method} ${url} anonymous`).toContain(anon.statusCode);
        }
      }
      const head = await app.inject({ method: 'HEAD', url: '/admin', headers: { cookie } });
      expect(head.statusCode).toBe(200);
    });

    describe('CSRF', () => {
      const POSTS = [...ROUTES.filter((r) => r.method === 'POST').map((r) => r.url), '/admin/login', '/admin/setup'];

      for (const url of POSTS) {
        it(`POST ${url} without a valid token → 403, nothing changes`, async () => {
          const a = await agentFor('owner');
          const victim = await makeUser(t, 'contributor');
          const path = url.replace(':victim', String(victim.id));
          const before = await t.handle.db.selectFrom('users').selectAll().orderBy('id').execute();
          const sessions = (await t.handle.db.selectFrom('sessions').select('id').execute()).length;
          const form = { name: 'X Y', email: `csrf-${++n}@example.com`, role: 'owner', password: 'a fine first password', confirm: 'a fine first password' };
          const attempts = [
            await a.postRaw(path, form),
            await a.postRaw(path, { ...form, _csrf: 'forged-token' }),
            await a.postRaw(path, { ...form, _csrf: '' }),
            await a.postRaw(path, { ...form, _csrf: [csrfOf((await a.get('/admin')).body), 'x'] }),
          ];
          for (const res of attempts) {
            // A closed /admin/setup answers 403 to a forged post too: the token is checked first.
            expect(res.statusCode).toBe(403);
            expect(res.body).toContain('This form has expired or did not come from this site, so nothing was changed.');
          }
          expect(await t.handle.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(before);
          expect((await t.handle.db.selectFrom('sessions').select('id').execute()).length).toBe(sessions);
        });
      }

      it("tokens are bound to the session: another session's token, or the pre-login one, is refused", async () => {
        const a = await agentFor('owner');
        const b = await agentFor('owner');
        const theirs = csrfOf((await b.get('/admin')).body);
        // Same browser, same CSRF cookie, but a token minted before login.
        const c = new Agent(app);
        const anonymous = csrfOf((await c.get('/admin/login')).body);
        const u = await makeUser(t, 'owner');
        await c.login(u.email);
        const form = { name: 'Sneaky', email: `bound-${++n}@example.com`, role: 'author', password: 'a fine first password' };
        expect((await a.postRaw('/admin/users', { ...form, _csrf: theirs })).statusCode).toBe(403);
        expect((await c.postRaw('/admin/users', { ...form, _csrf: anonymous })).statusCode).toBe(403);
        expect((await c.postRaw('/admin/users', { ...form, _csrf: csrfOf((await c.get('/admin/users')).body) })).statusCode).toBe(303);
      });

      it('a token without its signed cookie is refused', async () => {
        const a = await agentFor('owner');
        const token = csrfOf((await a.get('/admin')).body);
        a.cookies.delete('bs_csrf');
        expect((await a.postRaw('/admin/logout', { _csrf: token })).statusCode).toBe(403);
        a.cookies.set('bs_csrf', 'tampered.value');
        expect((await a.postRaw('/admin/logout', { _csrf: token })).statusCode).toBe(403);
      });
    });
  });
}
