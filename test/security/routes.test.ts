/**
 * The route inventory (web/route-inventory): every route the app registers, with its access and
 * its CSRF guard, is the list in docs/routes.md; a route added, removed or re-guarded without the
 * list saying so fails here. A state-changing route without a guard stops the start. And the
 * guards are real: every state-changing route refuses a request without its token.
 *
 * After a deliberate change, regenerate the list and review the diff:
 *   UPDATE_ROUTES=1 npx vitest run test/security/routes.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { inventoryTable, registerRouteInventory, type RouteEntry } from '../../src/web/route-inventory.js';
import { TEST_SCRYPT, signedIn } from '../helpers/admin.js';
import { Clock } from '../helpers/clock.js';
import { multipartBody } from '../web/admin/media/media-helpers.js';
import { freshDb, type TestDb } from '../helpers/db.js';

const DOC = path.join(import.meta.dirname, '../../docs/routes.md');
const START = '<!-- routes:start -->';
const END = '<!-- routes:end -->';

describe('route guards', () => {
  it('a state-changing route without a CSRF guard stops the start, naming it', async () => {
    const app = Fastify();
    registerRouteInventory(app);
    app.post('/newsletter/subscribe/', async () => 'ok');
    app.get('/fine/', async () => 'ok');
    await expect(app.ready()).rejects.toThrow(/without a CSRF guard: POST \/newsletter\/subscribe\/\./);
  });
});

describe('the route inventory', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const routes: RouteEntry[] = [];
  beforeAll(async () => {
    t = await freshDb('sqlite');
    const config = loadConfig({
      DATA_DIR: t.dataDir,
      DEMO: '0',
      SITE_URL: 'https://news.example',
      PAGE_CACHE_MB: '0',
      METRICS_TOKEN: 'route-inventory-metrics-token',
    });
    app = await buildApp({ config, handle: t.handle, now: new Clock().now, logger: false, routes, admin: { scrypt: TEST_SCRYPT } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('docs/routes.md lists every route with its access and CSRF guard', () => {
    const table = inventoryTable(routes);
    const doc = fs.readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(START);
    const after = rest?.split(END)[1];
    expect(before !== undefined && after !== undefined, `docs/routes.md needs ${START} … ${END}`).toBe(true);
    if (process.env.UPDATE_ROUTES === '1') fs.writeFileSync(DOC, `${before}${START}\n${table}\n${END}${after}`);
    const listed = doc.slice(doc.indexOf(START) + START.length, doc.indexOf(END)).trim();
    expect(listed, 'A route was added, removed or re-guarded: review it, then run UPDATE_ROUTES=1 npx vitest run test/security/routes.test.ts').toBe(table);
    // Every admin route declares more than "public" unless it is one of the sign-in pages.
    const publicAdmin = routes.filter((r) => r.url.startsWith('/admin') && r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicAdmin.sort()).toEqual(
      [
        'GET /admin/assets/:file',
        'GET /admin/assets/comment-queue.js',
        'GET /admin/assets/comment-queue.:hash(^[0-9a-f]{10}$).js',
        'GET /admin/assets/editor.js',
        'GET /admin/assets/editor.:hash(^[0-9a-f]{10}$).js',
        'GET /admin/assets/media.js',
        'GET /admin/assets/media.:hash(^[0-9a-f]{10}$).js',
        'GET /admin/assets/navigation.js',
        'GET /admin/assets/navigation.:hash(^[0-9a-f]{10}$).js',
        'GET /admin/login',
        'GET /admin/setup',
        'POST /admin/login',
        'POST /admin/setup',
      ].sort(),
    );
  });

  it('every state-changing admin route refuses a request without its CSRF token, signed in as an owner', async () => {
    const owner = await signedIn(app, t, 'owner');
    const unsafe = routes.filter((r) => r.csrf === 'session-token');
    expect(unsafe.length).toBeGreaterThan(30);
    for (const r of unsafe) {
      const url = r.url.replace(/:[a-z]+/gi, '1');
      // The upload takes multipart bodies only (anything else is a 400 before the token is read).
      const body = url === '/admin/media' ? multipartBody({ alt: 'Forged' }, []) : { payload: 'x=1', contentType: 'application/x-www-form-urlencoded' };
      const res = await owner.request(r.method as 'POST', url, { payload: body.payload, headers: { 'content-type': body.contentType } });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.body, `${r.method} ${r.url}`).toMatch(/data-error-code="CSRF"|"code":"CSRF"/);
    }
  });

  it('the public state-changing routes refuse a request without their token', async () => {
    const post = (url: string, payload: string) =>
      app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://news.example' } });
    const comment = await post('/comments/', 'post_id=1&name=Mallory&body=Forged');
    expect(comment.statusCode).toBeGreaterThanOrEqual(400);
    expect(comment.statusCode).toBeLessThan(500);
    const unsubscribe = await post('/comments/unsubscribe/?c=1&t=forged', '');
    expect(unsubscribe.statusCode).toBe(404);
    expect(await t.handle.db.selectFrom('comments').select('id').execute()).toEqual([]);
  });
});
