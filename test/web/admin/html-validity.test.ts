/**
 * Every admin page passes the W3C Nu HTML checker, including forms showing errors, and carries no
 * inline script or style (the CSP forbids them). One vnu run for all pages; SQLite is enough
 * (the HTML does not depend on the database).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formatHtmlErrors, javaAvailable, validateHtml } from '../../helpers/vnu.js';
import { freshDb, type TestDb } from '../../helpers/db.js';
import { adminApp, makeUser } from '../../helpers/admin.js';
import { Agent } from '../../helpers/agent.js';

describe.skipIf(!javaAvailable())('admin HTML validity (vnu)', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await freshDb('sqlite');
    app = await adminApp(t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('setup, login, dashboard per role, users, audit, 403 and 404 have no errors', async () => {
    const docs: { name: string; html: string }[] = [];
    const anon = new Agent(app);
    docs.push({ name: 'setup', html: (await anon.get('/admin/setup')).body });
    docs.push({
      name: 'setup with errors',
      html: (await anon.post('/admin/setup', { name: '<b>', email: 'nope', password: 'short', confirm: 'x' }, '/admin/setup')).body,
    });
    const owner = await makeUser(t, 'owner');
    docs.push({ name: 'login', html: (await anon.get('/admin/login?next=%2Fadmin%2Fusers&notice=logged-out')).body });
    docs.push({ name: 'login with errors', html: (await anon.post('/admin/login', { email: '', password: '' })).body });
    docs.push({ name: 'login failed', html: (await anon.post('/admin/login', { email: owner.email, password: 'wrong password here' })).body });
    for (const role of ['editor', 'author', 'contributor'] as const) {
      const a = new Agent(app);
      await a.login((await makeUser(t, role)).email);
      docs.push({ name: `dashboard (${role})`, html: (await a.get('/admin')).body });
      docs.push({ name: `403 (${role})`, html: (await a.get('/admin/users')).body });
    }
    const a = new Agent(app);
    await a.login(owner.email);
    docs.push({ name: 'dashboard (owner)', html: (await a.get('/admin')).body });
    docs.push({ name: 'users', html: (await a.get('/admin/users?notice=user-created')).body });
    docs.push({ name: 'users with errors', html: (await a.post('/admin/users', { name: '', email: 'x', role: 'x', password: '1' }, '/admin/users')).body });
    docs.push({ name: 'audit', html: (await a.get('/admin/audit')).body });
    docs.push({ name: '404', html: (await a.get('/admin/no-such-page')).body });
    docs.push({ name: 'csrf 403', html: (await a.postRaw('/admin/logout', {})).body });
    for (const d of docs) {
      expect(d.html, d.name).toMatch(/^<!doctype html>/);
      expect(d.html, d.name).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    }
    const results = await validateHtml(docs);
    expect(formatHtmlErrors(results)).toBe('');
  });
});
