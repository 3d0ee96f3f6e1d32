/**
 * @module test/helpers/http-client
 * `app.inject` over a real network: the same call and the same response shape (status, headers,
 * body, parsed Set-Cookie), sent with node:https (or http) to a running server such as nginx in
 * front of several instances. So ./agent's Agent and the tests' helpers work unchanged against a
 * cluster. Keep-alive connections; a self-signed certificate is trusted through `ca`.
 */
import http from 'node:http';
import https from 'node:https';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';

/** What Agent and the helpers need of an app: `inject`. */
export interface Injector {
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

interface Cookie {
  name: string;
  value: string;
  maxAge?: number;
  expires?: Date;
}

function parseSetCookie(lines: string[]): Cookie[] {
  return lines.map((line) => {
    const [pair = '', ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    const cookie: Cookie = { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
    for (const a of attrs) {
      const [k = '', v = ''] = a.split('=');
      const key = k.trim().toLowerCase();
      if (key === 'max-age') cookie.maxAge = Number(v);
      if (key === 'expires') cookie.expires = new Date(v);
    }
    return cookie;
  });
}

/** Requests to `base` (http:// or https://); `ca` trusts a self-signed certificate. */
export function httpInjector(base: string, o: { ca?: Buffer; timeoutMs?: number } = {}): Injector & { close(): void } {
  const secure = base.startsWith('https:');
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 64, ...(o.ca ? { ca: o.ca } : {}) })
    : new http.Agent({ keepAlive: true, maxSockets: 64 });
  const inject = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
    new Promise((resolve, reject) => {
      const url = new URL(typeof opts.url === 'string' ? opts.url : String(opts.url), base);
      const payload = opts.payload === undefined ? undefined : Buffer.isBuffer(opts.payload) ? opts.payload : Buffer.from(String(opts.payload));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(opts.headers ?? {})) if (v !== undefined) headers[k] = String(v);
      if (payload) headers['content-length'] = String(payload.length);
      const req = (secure ? https : http).request(url, { method: opts.method ?? 'GET', headers, agent, timeout: o.timeoutMs ?? 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const setCookie = res.headers['set-cookie'] ?? [];
          resolve({
            statusCode: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            headers: res.headers,
            rawPayload: raw,
            payload: raw.toString('utf8'),
            body: raw.toString('utf8'),
            cookies: parseSetCookie(setCookie),
            json: () => JSON.parse(raw.toString('utf8')),
            trailers: {},
          } as unknown as LightMyRequestResponse);
        });
      });
      req.on('timeout', () => req.destroy(new Error(`timeout: ${opts.method ?? 'GET'} ${url.pathname}`)));
      req.on('error', reject);
      req.end(payload);
    });
  return { inject, close: () => agent.destroy() };
}
