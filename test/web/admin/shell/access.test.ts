/**
 * Every admin route declares what it needs (web/admin/shell/access), and the declaration is what
 * the server enforces: this walks every registered route, as nobody, as each role, and checks the
 * answer against the declaration and the permission table. A route that declares nothing, or
 * something unknown, stops the start.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../../../src/modules/article/article.service.js';
import { doc, p } from '../../../../src/modules/article/document.js';
import { ACTIONS, can, ROLES, type Action, type Role } from '../../../../src/modules/user/permissions.js';
import { declaredAccessHook } from '../../../../src/web/admin/shell/access.js';
import type { RouteEntry } from '../../../../src/web/route-inventory.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import { Agent } from '../../../helpers/agent.js';

describe('declared access', () => {
  it('a route that declares no access, or an unknown one, stops the start with a message naming it', async () => {
    for (const config of [undefined, { access: 'post.fly' }, { access: { article: 'delete' } }]) {
      const app = Fastify();
      app.addHook('onRoute', declaredAccessHook);
      await expect(
        app.register(
          async (scope) => {
            scope.get('/forgotten', config ? { config: config as never } : {}, async () => 'open to all?');
          },
          { prefix: '/admin' },
        ),
      ).rejects.toThrow(/Admin route GET \/admin\/forgotten declares no access/);
      await app.close();
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`every admin route enforces what it declares (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    // The app's route inventory (web/route-inventory), admin routes only.
    let routes: RouteEntry[] = [];
    let othersArticle: number;
    const agents = new Map<Role, Agent>();

    beforeAll(async () => {
      t = await freshDb(dialect);
      const all: RouteEntry[] = [];
      app = await adminApp(t, { routes: all });
      await app.ready();
      routes = all.filter((r) => r.url === '/admin' || r.url.startsWith('/admin/'));
      const author = (
        await t.handle.db
          .insertInto('authors')
          .values({ slug: 'guest', name: 'Guest', role_title: '', bio: '', avatar_media_id: null, user_id: null, created_at: new Date().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      othersArticle = await createArticle(t.handle.db, { slug: 'not-yours', title: 'Not yours', body: doc(p('Text')), authorIds: [author] });
      for (const role of ROLES) agents.set(role, await signedIn(app, t, role));
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    /** A concrete URL for a route pattern: ids are the other writer's article (or a number that names nothing). */
    const urlOf = (r: RouteEntry, id: number) => r.url.replace(':id', String(id)).replace(/:[a-z]+/g, '999999');
    /** GET, or POST with a valid CSRF token (from the dashboard): what a browser of this user sends. */
    const send = (a: Agent, r: RouteEntry, url: string) => (r.method === 'GET' ? a.get(url) : a.post(url, {}));

    it('lists every route with its declaration', () => {
      const by = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.access;
      expect(routes.length).toBeGreaterThan(50);
      expect(routes.every((r) => r.access !== '')).toBe(true);
      expect(by('GET', '/admin/login')).toBe('public');
      expect(by('POST', '/admin/logout')).toBe('signed-in');
      expect(by('GET', '/admin/users')).toBe('users.manage');
      expect(by('POST', '/admin/articles/:id')).toBe('article:edit');
      expect(by('POST', '/admin/articles/:id/corrections/:cid/delete')).toBe('article:edit');
      expect(by('POST', '/admin/media')).toBe('media.upload');
    });

    it('nobody signed in is sent to the login page from every non-public route, and changes nothing', async () => {
      const anon = new Agent(app);
      for (const r of routes.filter((x) => x.access !== 'public' && x.method !== 'HEAD')) {
        const res = r.method === 'GET' ? await anon.get(urlOf(r, othersArticle)) : await anon.postRaw(urlOf(r, othersArticle), {});
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(303);
        expect(res.headers.location, `${r.method} ${r.url}`).toMatch(/^\/admin\/login/);
      }
    });

    it('a role without the declared permission gets 403 on every such route; one with it never does', async () => {
      const permissionRoutes = routes.filter((r) => (ACTIONS as readonly string[]).includes(r.access) && r.method !== 'HEAD');
      expect(permissionRoutes.length).toBeGreaterThan(25);
      for (const role of ROLES) {
        const a = agents.get(role)!;
        for (const r of permissionRoutes) {
          const allowed = can(role, r.access as Action);
          // Only reads are sent to roles that hold the permission: a POST would really change things.
          if (allowed && r.method !== 'GET') continue;
          const res = await send(a, r, urlOf(r, 999999));
          if (allowed) expect(res.statusCode, `${role} ${r.method} ${r.url}`).not.toBe(403);
          else expect(res.statusCode, `${role} ${r.method} ${r.url}: ${res.body.slice(0, 200)}`).toBe(403);
        }
      }
    });

    it("routes on one article answer 404 for an article that does not exist and 403 to a contributor on someone else's", async () => {
      const articleRoutes = routes.filter((r) => r.access === 'article:edit' && r.method !== 'HEAD');
      expect(articleRoutes.length).toBeGreaterThan(15);
      for (const r of articleRoutes) {
        const contributor = agents.get('contributor')!;
        expect((await send(contributor, r, urlOf(r, othersArticle))).statusCode, `${r.method} ${r.url}`).toBe(403);
        expect((await send(agents.get('editor')!, r, urlOf(r, 999999))).statusCode, `${r.method} ${r.url}`).toBe(404);
      }
    });
  });
}
