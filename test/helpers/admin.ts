/**
 * Helpers for the admin HTTP tests: an app with a movable clock and a cheap scrypt cost, a
 * cookie-keeping agent over `app.inject`, and users made through the real service.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { ScryptParams } from '../../src/modules/user/password.js';
import type { ThrottlePolicy } from '../../src/modules/user/throttle.js';
import type { DeclaredRoute } from '../../src/web/admin/shell/context.js';
import { createUser } from '../../src/modules/user/user.service.js';
import { cliActor, type Role, type User } from '../../src/modules/user/user.js';
import type { TestDb } from './db.js';

/** Tests only: about 1 ms a hash instead of 0.3 s. The production default is never changed. */
export const TEST_SCRYPT: ScryptParams = { ln: 10, r: 8, p: 1 };

export const PASSWORD = 'correct horse battery';

/** A clock the test moves by hand. */
export class Clock {
  constructor(public t = new Date('2026-11-20T12:00:00Z').getTime()) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export async function adminApp(t: TestDb, o: { clock?: Clock; env?: Record<string, string>; throttle?: ThrottlePolicy; declaredRoutes?: DeclaredRoute[] } = {}): Promise<FastifyInstance> {
  const config = loadConfig({ DATA_DIR: t.dataDir, DEMO: '0', SITE_URL: 'https://news.example', ...o.env });
  const clock = o.clock ?? new Clock();
  return buildApp({
    config, handle: t.handle, now: clock.now, logger: false,
    admin: { scrypt: TEST_SCRYPT, ...(o.throttle ? { throttle: o.throttle } : {}), ...(o.declaredRoutes ? { declaredRoutes: o.declaredRoutes } : {}) },
  });
}

let seq = 0;

/** Makes a user directly through the service (fast: low scrypt cost). */
export async function makeUser(t: TestDb, role: Role, email = `${role}-${++seq}@example.com`, password = PASSWORD): Promise<User> {
  return createUser(t.handle.db, { email, name: `${role[0]!.toUpperCase()}${role.slice(1)} ${seq}`, role, password }, cliActor, { now: new Date('2026-11-20T11:00:00Z'), scrypt: TEST_SCRYPT });
}

/** The hidden `_csrf` value of the first form on a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

type Headers = Record<string, string>;

/** A browser-ish client: keeps cookies, follows nothing, fills in CSRF tokens on request. */
export class Agent {
  cookies = new Map<string, string>();
  constructor(private app: FastifyInstance, public ip = '127.0.0.1') {}

  private cookieHeader(): Headers {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now() - 1000 && c.maxAge === undefined)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Headers = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { ...this.cookieHeader(), ...headers }, remoteAddress: this.ip }));
  }

  /** POSTs a urlencoded form as is (no token added). */
  async postRaw(url: string, form: Record<string, string | string[]>, headers: Headers = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(await this.app.inject({
      method: 'POST', url, payload: body.toString(), remoteAddress: this.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader(), ...headers },
    }));
  }

  /** Loads `formPage` (default: the dashboard, or the login page when signed out) for a fresh CSRF token, then POSTs the form with it. */
  async post(url: string, form: Record<string, string | string[]> = {}, formPage?: string): Promise<LightMyRequestResponse> {
    const page = await this.get(formPage ?? (this.cookies.has('bs_session') ? '/admin' : '/admin/login'));
    return this.postRaw(url, { _csrf: csrfOf(page.body), ...form });
  }

  async login(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/admin/login', { email, password });
  }
}

/** A role, or nobody logged in. */
export type Who = Role | 'anonymous';

/** An agent signed in as a new user of that role (a new user each time, so logouts do not interfere). */
export async function signedIn(app: FastifyInstance, t: TestDb, who: Who): Promise<Agent> {
  const a = new Agent(app);
  if (who === 'anonymous') return a;
  const u = await makeUser(t, who);
  const res = await a.login(u.email);
  if (res.statusCode !== 303) throw new Error(`login as ${who} failed: ${res.statusCode}`);
  return a;
}
