/**
 * @module web/route-inventory
 * Every route of the app with what guards it: who may call it and, for a state-changing method,
 * how a forged cross-site request is refused. Admin routes declare their access (web/admin/shell/
 * access) and the admin plugin marks its state-changing routes `csrf: 'session-token'` (it checks
 * the token on every one); public routes are `public`, and a public state-changing route declares
 * its own guard:
 *
 *   app.post('/comments/', { config: { csrf: 'form-token' } }, handler)
 *
 * A state-changing route with no guard stops the start (checked when the app is ready), and
 * docs/routes.md lists every route: test/security/routes.test.ts fails when a route is added,
 * removed or changes its guard without the list saying so.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { accessLabel } from './admin/shell/access.js';

/**
 * How a state-changing route refuses a forged request:
 * - `session-token`: the admin's CSRF token, bound to the session, in every form (@fastify/csrf-protection);
 * - `form-token`: a signed, short-lived token rendered into the form, and the Origin/Referer checked (reader comments);
 * - `signed-link`: the request carries an HMAC of what it acts on, sent to its owner by email (one-click unsubscribe).
 */
export type CsrfGuard = 'session-token' | 'form-token' | 'signed-link';

const GUARDS: readonly CsrfGuard[] = ['session-token', 'form-token', 'signed-link'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How this state-changing route refuses forged requests (see web/route-inventory). */
    csrf?: CsrfGuard;
    /** Who may call a route outside the admin when it is not anyone (`bearer-token`: /metrics). */
    caller?: 'bearer-token';
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  /** 'public', 'signed-in', a permission, or 'article:edit'. */
  access: string;
  /** '' for safe methods (GET, HEAD, OPTIONS). */
  csrf: CsrfGuard | '';
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Collects every route as it is registered and, when the app is ready, refuses to start if a
 * state-changing one declares no guard. `into` receives the entries (tests, `broadsheet routes`).
 */
export function registerRouteInventory(app: FastifyInstance, into?: RouteEntry[]): void {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const entries = inventoryOf(routes);
    const unguarded = entries.filter((e) => !SAFE.has(e.method) && !GUARDS.includes(e.csrf as CsrfGuard));
    if (unguarded.length)
      throw new Error(
        `State-changing route(s) without a CSRF guard: ${unguarded.map((e) => `${e.method} ${e.url}`).join(', ')}. Declare { config: { csrf: 'form-token' | 'signed-link' } } (see web/route-inventory.ts).`,
      );
    into?.push(...entries);
  });
}

/** One entry per method of each route (Fastify's automatic HEAD twins of GET routes left out), sorted. */
export function inventoryOf(routes: readonly RouteOptions[]): RouteEntry[] {
  const out: RouteEntry[] = [];
  const seen = new Set<string>();
  for (const r of routes) {
    for (const method of [r.method].flat()) {
      const key = `${method} ${r.url}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const config = r.config ?? {};
      // Outside the admin the site and API are for anyone, unless a route names its caller.
      out.push({
        method,
        url: r.url,
        access: config.access ? accessLabel(config.access) : (config.caller ?? 'public'),
        csrf: SAFE.has(method) ? '' : (config.csrf ?? ''),
      });
    }
  }
  const heads = new Set(out.filter((e) => e.method === 'GET').map((e) => e.url));
  return out
    .filter((e) => e.method !== 'HEAD' || !heads.has(e.url))
    .sort((a, b) => (a.url === b.url ? a.method.localeCompare(b.method) : a.url < b.url ? -1 : 1));
}

/** The inventory as the Markdown table of docs/routes.md. */
export function inventoryTable(entries: readonly RouteEntry[]): string {
  const rows = entries.map((e) => `| ${e.method} | \`${e.url}\` | ${e.access} | ${e.csrf || '—'} |`);
  return ['| Method | Path | Access | CSRF guard |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
