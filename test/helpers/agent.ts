/**
 * @module test/helpers/agent
 * A browser-ish client over `app.inject`: keeps the cookies the server sets (and drops the ones it
 * clears), follows no redirect, and fills in the admin's CSRF token on request.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Injector } from './http-client.js';
import { csrfOf } from './form.js';

/** The password every test user has unless a test gives another (makeUser's default). */
export const PASSWORD = 'correct horse battery';

type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

export class Agent {
  cookies = new Map<string, string>();
  constructor(
    private app: Injector,
    public ip = '127.0.0.1',
  ) {}

  /** The `Cookie` header value a browser would send now ('' with no cookies). */
  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private cookieHeader(): Headers {
    return this.cookies.size ? { cookie: this.cookie } : {};
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now() - 1000 && c.maxAge === undefined))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  /** Any request, sent with the cookies (`headers` win over them) from the agent's address. */
  async request(method: Method, url: string, o: { payload?: string | Buffer; headers?: Headers } = {}): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({
        method,
        url,
        remoteAddress: this.ip,
        headers: { ...this.cookieHeader(), ...o.headers },
        ...(o.payload !== undefined ? { payload: o.payload } : {}),
      }),
    );
  }

  async get(url: string, headers: Headers = {}): Promise<LightMyRequestResponse> {
    return this.request('GET', url, { headers });
  }

  /** POSTs a urlencoded form as is (no token added). */
  async postRaw(url: string, form: Record<string, string | string[]>, headers: Headers = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.request('POST', url, { payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /** Loads `formPage` (default: the dashboard, or the login page when signed out) for a fresh CSRF token, then POSTs the form with it. */
  async post(url: string, form: Record<string, string | string[]> = {}, formPage?: string): Promise<LightMyRequestResponse> {
    return this.postRaw(url, { _csrf: await this.csrf(formPage), ...form });
  }

  /** A fresh admin CSRF token from `formPage` (default: the dashboard, or the login page when signed out). */
  async csrf(formPage?: string): Promise<string> {
    const page = await this.get(formPage ?? (this.cookies.has('bs_session') ? '/admin' : '/admin/login'));
    return csrfOf(page.body);
  }

  /** Logs in through the admin's login form. */
  async login(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/admin/login', { email, password });
  }
}
