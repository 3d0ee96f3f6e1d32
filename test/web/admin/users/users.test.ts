/**
 * Owner's user management end to end, the audit log and its pages, and hostile input on every
 * admin form: always a 4xx with a message, never a 500, never a half-written record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../../src/modules/audit/audit.repository.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, makeUser } from '../../../helpers/admin.js';
import { Agent, PASSWORD } from '../../../helpers/agent.js';
import { csrfOf } from '../../../helpers/form.js';

const XSS = '<script>alert(1)</script>';

for (const dialect of DIALECTS) {
  describe(`user management and audit (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let owner: Agent;
    let ownerId: number;
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t);
      const u = await makeUser(t, 'owner', 'boss@example.com');
      ownerId = u.id;
      owner = new Agent(app);
      await owner.login(u.email);
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    const usersCount = async () => (await t.handle.db.selectFrom('users').select('id').execute()).length;
    const auditCount = async () => (await t.handle.db.selectFrom('audit_log').select('id').execute()).length;
    const create = (form: Record<string, string | string[]>) => owner.post('/admin/users', form, '/admin/users');

    it('adds a user, who then logs in with that role', async () => {
      const res = await create({ name: 'Edna Editor', email: 'Edna@Example.com', role: 'editor', password: 'edna first password' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/users?notice=user-created');
      const list = await owner.get('/admin/users?notice=user-created');
      expect(list.body).toContain('User added.');
      expect(list.body).toContain('edna@example.com');
      expect(list.body).toMatch(/<label class="visually-hidden" for="role-\d+">Role of Edna Editor<\/label>/);
      const edna = new Agent(app);
      expect((await edna.login('edna@example.com', 'edna first password')).statusCode).toBe(303);
      expect((await edna.get('/admin')).body).toContain('<span class="badge">Editor</span>');
      expect((await edna.get('/admin/users')).statusCode).toBe(403);
    });

    it('changes a role (takes effect on the next request), disables (ending sessions) and re-enables', async () => {
      const u = await makeUser(t, 'author', 'arthur@example.com');
      const arthur = new Agent(app);
      await arthur.login(u.email);
      expect((await owner.post(`/admin/users/${u.id}/role`, { role: 'owner' }, '/admin/users')).statusCode).toBe(303);
      expect((await arthur.get('/admin/users')).statusCode).toBe(200);
      expect((await owner.post(`/admin/users/${u.id}/role`, { role: 'contributor' }, '/admin/users')).statusCode).toBe(303);
      expect((await arthur.get('/admin/users')).statusCode).toBe(403);
      const off = await owner.post(`/admin/users/${u.id}/disable`, {}, '/admin/users');
      expect(off.statusCode).toBe(303);
      expect((await arthur.get('/admin')).statusCode).toBe(303);
      const refused = await new Agent(app).login(u.email);
      expect(refused.statusCode).toBe(401);
      expect(refused.body).toContain('The email address or password is incorrect.');
      expect((await owner.get('/admin/users')).body).toMatch(/<tr class="is-disabled"><th scope="row">[^<]+<br\/><span class="muted">arthur@example.com/);
      expect((await owner.post(`/admin/users/${u.id}/enable`, {}, '/admin/users')).statusCode).toBe(303);
      expect((await new Agent(app).login(u.email)).statusCode).toBe(303);
    });

    it("ends another user's sessions", async () => {
      const u = await makeUser(t, 'editor');
      const a = new Agent(app);
      const b = new Agent(app);
      await a.login(u.email);
      await b.login(u.email);
      const page = await owner.get('/admin/users');
      expect(page.body).toContain(`action="/admin/users/${u.id}/sessions/end"`);
      expect((await owner.post(`/admin/users/${u.id}/sessions/end`, {}, '/admin/users')).statusCode).toBe(303);
      expect((await a.get('/admin')).statusCode).toBe(303);
      expect((await b.get('/admin')).statusCode).toBe(303);
      expect((await new Agent(app).login(u.email)).statusCode).toBe(303);
    });

    it('refuses to lock the owner out: no changing your own role or disabling yourself', async () => {
      const role = await owner.post(`/admin/users/${ownerId}/role`, { role: 'author' }, '/admin/users');
      expect(role.statusCode).toBe(403);
      expect(role.body).toContain('You cannot change the role of your own account; ask another owner.');
      const off = await owner.post(`/admin/users/${ownerId}/disable`, {}, '/admin/users');
      expect(off.statusCode).toBe(403);
      const me = await t.handle.db.selectFrom('users').selectAll().where('id', '=', ownerId).executeTakeFirstOrThrow();
      expect(me).toMatchObject({ role: 'owner', status: 'active' });
    });

    it('rejects a taken email with 409 and says so next to the field', async () => {
      const before = await usersCount();
      const res = await create({ name: 'Again', email: 'EDNA@example.com', role: 'author', password: 'long enough password' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('There is already a user with that email address.');
      expect(res.body).toMatch(/id="new-email-error"/);
      expect(await usersCount()).toBe(before);
    });

    it('the audit log lists who did what, newest first, 50 a page', async () => {
      const page = await owner.get('/admin/audit');
      expect(page.statusCode).toBe(200);
      for (const label of ['Logged in', 'Created user', 'Changed role', 'Disabled user', 'Re-enabled user', 'Ended sessions', 'Failed login'])
        expect(page.body).toContain(label);
      expect(page.body).toContain('Author → Owner');
      for (let i = 0; i < 60; i++) {
        await recordAudit(t.handle.db, {
          at: new Date(Date.UTC(2026, 10, 21, 0, i)).toISOString(),
          actorId: null,
          actorLabel: 'cli',
          action: 'user.password_reset',
          target: { type: 'user', id: ownerId, label: `filler-${i}@example.com` },
        });
      }
      const first = await owner.get('/admin/audit');
      const rows = [...first.body.matchAll(/filler-(\d+)@example\.com/g)].map((m) => Number(m[1]));
      expect(rows.slice(0, 3)).toEqual([59, 58, 57]);
      expect(rows).toHaveLength(50);
      expect(first.body).toContain('href="/admin/audit?page=2" rel="next"');
      const second = await owner.get('/admin/audit?page=2');
      expect(second.statusCode).toBe(200);
      expect(second.body).toContain('filler-9@example.com');
      expect(second.body).toContain('href="/admin/audit" rel="prev"');
      expect((await owner.get('/admin/audit?page=99')).statusCode).toBe(404);
      for (const bad of ['0', 'abc', '-1', '1e3', '2%27%20OR%201=1']) expect((await owner.get(`/admin/audit?page=${bad}`)).statusCode, bad).toBe(400);
      expect((await owner.get('/admin/audit?page=1&page=2')).statusCode).toBe(400);
    });

    describe('hostile input', () => {
      const cases: { label: string; form: Record<string, string | string[]>; field: RegExp }[] = [
        {
          label: 'script tag in the name',
          form: { name: XSS, email: 'x1@example.com', role: 'author', password: PASSWORD },
          field: /A name cannot contain &lt; or > or control characters/,
        },
        {
          label: 'script tag in the email',
          form: { name: 'X', email: `"${XSS}"@example.com`, role: 'author', password: PASSWORD },
          field: /Enter an email address like name@example.com/,
        },
        {
          label: 'attribute breakout in the email',
          form: { name: 'X', email: '" onfocus="alert(1)', role: 'author', password: PASSWORD },
          field: /Enter an email address like/,
        },
        {
          label: 'huge name',
          form: { name: 'n'.repeat(100_000), email: 'x2@example.com', role: 'author', password: PASSWORD },
          field: /A name has at most 100 characters/,
        },
        {
          label: 'huge email',
          form: { name: 'X', email: `${'e'.repeat(10_000)}@example.com`, role: 'author', password: PASSWORD },
          field: /An email address has at most 254 characters/,
        },
        { label: 'huge password', form: { name: 'X', email: 'x3@example.com', role: 'author', password: 'p'.repeat(5000) }, field: /at most 1000 characters/ },
        {
          label: 'short password',
          form: { name: 'X', email: 'x4@example.com', role: 'author', password: 'short' },
          field: /Use at least 10 characters for the password \(this one has 5\)/,
        },
        {
          label: 'unknown role',
          form: { name: 'X', email: 'x5@example.com', role: 'superuser', password: PASSWORD },
          field: /Choose a role: Owner, Editor, Author, Contributor/,
        },
        {
          label: 'role with SQL',
          form: { name: 'X', email: 'x6@example.com', role: "owner'; DROP TABLE users; --", password: PASSWORD },
          field: /Choose a role/,
        },
        {
          label: 'email with SQL',
          form: { name: 'X', email: "x' OR '1'='1@example.com", role: 'author', password: PASSWORD },
          field: /Enter an email address like/,
        },
        {
          label: 'a field sent twice',
          form: { name: ['A', 'B'], email: 'x7@example.com', role: 'author', password: PASSWORD },
          field: /The name must be text/,
        },
        {
          label: 'control characters',
          form: { name: 'Bell\u0007Name', email: 'x8@example.com', role: 'author', password: PASSWORD },
          field: /control characters/,
        },
        { label: 'everything missing', form: {}, field: /Enter a name[\s\S]*Enter an email address[\s\S]*Choose a role[\s\S]*Enter a password/ },
      ];
      for (const c of cases) {
        it(`add user: ${c.label} → 400 with the message, nothing written`, async () => {
          const [users, audits] = [await usersCount(), await auditCount()];
          const res = await create(c.form);
          expect(res.statusCode).toBe(400);
          expect(res.body).toMatch(c.field);
          expect(res.body).toContain('There is a problem');
          expect(res.body).not.toContain('<script>alert(1)');
          expect(res.body).not.toContain('onfocus="alert');
          expect(await usersCount()).toBe(users);
          expect(await auditCount()).toBe(audits);
        });
      }

      it('a name with SQL metacharacters is just a name', async () => {
        const name = "Robert'); DROP TABLE users; --";
        const res = await create({ name, email: 'bobby@example.com', role: 'contributor', password: PASSWORD });
        expect(res.statusCode).toBe(303);
        const row = await t.handle.db.selectFrom('users').select('name').where('email', '=', 'bobby@example.com').executeTakeFirstOrThrow();
        expect(row.name).toBe(name);
        expect((await owner.get('/admin/users')).body).toContain("Robert'); DROP TABLE users; --");
      });

      it('JSON bodies with wrong types get 400s, not 500s', async () => {
        const token = csrfOf((await owner.get('/admin/users')).body);
        const cookie = owner.cookie;
        const post = (url: string, payload: unknown) =>
          app.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': token } });
        const users = await usersCount();
        for (const body of [{ name: { a: 1 }, email: ['a@b.co'], role: 5, password: true }, { name: null, email: null }, [1, 2, 3], 'just a string', 42]) {
          const res = await post('/admin/users', body);
          expect(res.statusCode, JSON.stringify(body)).toBe(400);
        }
        expect((await post('/admin/users/2/role', { role: ['owner'] })).statusCode).toBe(400);
        const broken = await app.inject({
          method: 'POST',
          url: '/admin/users',
          payload: '{"name":',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': token },
        });
        expect(broken.statusCode).toBe(400);
        expect(await usersCount()).toBe(users);
      });

      it('bad user ids are 404s; an oversized body is a 413; unknown content types a 415', async () => {
        for (const id of ['0', 'abc', '99999', '1.5', '-1', '99999999999', "1'--"]) {
          const res = await owner.post(`/admin/users/${encodeURIComponent(id)}/disable`, {}, '/admin/users');
          expect(res.statusCode, id).toBe(404);
        }
        const token = csrfOf((await owner.get('/admin/users')).body);
        const big = await owner.postRaw('/admin/users', { _csrf: token, name: 'x'.repeat(1_100_000) });
        expect(big.statusCode).toBe(413);
        const cookie = owner.cookie;
        const xml = await app.inject({ method: 'POST', url: '/admin/users', payload: '<x/>', headers: { 'content-type': 'application/xml', cookie } });
        expect(xml.statusCode).toBe(415);
      });

      it('setup and login survive hostile input too', async () => {
        const a = new Agent(app);
        const login = await a.post('/admin/login', { email: XSS, password: XSS });
        expect(login.statusCode).toBe(401);
        expect(login.body).not.toContain('<script>alert(1)');
        expect(login.body).toContain('value="&lt;script>alert(1)&lt;/script>"');
        const twice = await a.post('/admin/login', { email: ['a@example.com', 'b@example.com'], password: PASSWORD });
        expect(twice.statusCode).toBe(400);
        expect(twice.body).toContain('The email address must be text.');
        const huge = await a.post('/admin/login', { email: `${'a'.repeat(100_000)}@example.com`, password: 'p'.repeat(100_000) });
        expect(huge.statusCode).toBe(401);
        expect(huge.body.length).toBeLessThan(20_000);
        expect((await a.get('/admin/login?next=%3Cscript%3E')).body).not.toContain('<script>');
      });
    });
  });
}
