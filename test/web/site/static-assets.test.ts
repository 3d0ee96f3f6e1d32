/**
 * The theme's files as a reader's browser gets them: hashed URLs kept for a year, minified,
 * brotli or gzip by what the browser takes, a 304 on a revalidation, and the article's part of
 * the stylesheet only where an article is shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR } from '../../../src/web/site/assets.js';
import { DIALECTS } from '../../helpers/db.js';
import type { Fixture } from '../../helpers/fixture.js';
import { fixtureSite } from '../../helpers/site.js';

const linked = (html: string, re: RegExp): string[] => [...html.matchAll(re)].map((m) => m[1]!);
const stylesheets = (html: string) => linked(html, /<link rel="stylesheet" href="([^"]+)"/g);
const scripts = (html: string) => linked(html, /<script src="([^"]+)"/g);

describe('static assets', () => {
  let app: FastifyInstance;
  let fx: Fixture;
  fixtureSite(DIALECTS[0]!, (s) => ({ app, fx } = s));

  it('pages link hashed files: listings the site stylesheet alone, articles the article part and the comment script too', async () => {
    const home = (await app.inject('/')).body;
    expect(stylesheets(home)).toEqual([expect.stringMatching(/^\/assets\/site\.[0-9a-f]{10}\.css$/)]);
    expect(scripts(home)).toEqual([]);
    const article = (await app.inject(`/${fx.slugs[0]}/`)).body;
    expect(stylesheets(article)).toEqual([
      expect.stringMatching(/^\/assets\/site\.[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^\/assets\/article\.[0-9a-f]{10}\.css$/),
    ]);
    expect(scripts(article)).toEqual([expect.stringMatching(/^\/assets\/comments\.[0-9a-f]{10}\.js$/)]);
    expect(article).toMatch(/<link rel="icon" href="\/assets\/favicon\.[0-9a-f]{10}\.svg"/);
    // The article's rules are not in the stylesheet every page loads.
    const site = (await app.inject(stylesheets(home)[0]!)).body;
    expect(site).toContain('.masthead');
    expect(site).not.toContain('.quote-card');
    expect(site).not.toContain('.live__key');
    expect(site).not.toContain('.comment-form');
    const part = (await app.inject(stylesheets(article)[1]!)).body;
    expect(part).toContain('.article__body');
    expect(part).toContain('.comment-form');
    expect(part).not.toContain('.masthead');
  });

  it('a hashed file is immutable for a year, minified, and sent as brotli or gzip as the browser takes it', async () => {
    const home = (await app.inject('/')).body;
    for (const url of [...stylesheets((await app.inject(`/${fx.slugs[0]}/`)).body), ...scripts((await app.inject(`/${fx.slugs[0]}/`)).body)]) {
      const name = path.basename(url).replace(/\.[0-9a-f]{10}\./, '.');
      const source = fs.readFileSync(path.join(ASSETS_DIR, name), 'utf8');
      const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(plain.headers['content-type'], url).toMatch(name.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.headers.vary, url).toBe('Accept-Encoding');
      // Minified: the source's comments gone, a good deal smaller.
      expect(plain.body, url).not.toMatch(/\/\*/);
      expect(plain.rawPayload.length, url).toBeLessThan(source.length * 0.9);
      const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload), url).toBe(true);
      expect(br.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 2);
      const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload), url).toBe(true);
      // Revalidation answers 304 without the body.
      const again = await app.inject({ url, headers: { 'if-none-match': plain.headers.etag as string } });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length, url).toBe(0);
    }
    expect(home).not.toContain('href="/assets/site.css"');
  });

  it('an older hash (a page cached before a deploy) gets today’s file briefly; the plain name for an hour; anything else 404', async () => {
    const current = stylesheets((await app.inject('/')).body)[0]!;
    const old = await app.inject('/assets/site.0123456789.css');
    expect(old.statusCode).toBe(200);
    expect(old.headers['cache-control']).toBe('public, max-age=60');
    expect(old.body).toBe((await app.inject(current)).body);
    const plain = await app.inject('/assets/site.css');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
    for (const url of ['/assets/nothing.css', '/assets/site.zzzzzzzzzz.css', '/assets/..%2F..%2Fpackage.json', '/assets/%2e%2e/app.ts', '/assets/assets.ts']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
    }
    expect((await app.inject('/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('the admin’s stylesheet is hashed, compressed and kept for a year too, and needs no session', async () => {
    const login = (await app.inject('/admin/login')).body;
    const [href] = stylesheets(login);
    expect(href).toMatch(/^\/admin\/assets\/admin\.[0-9a-f]{10}\.css$/);
    const res = await app.inject({ url: href!, headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('.admin');
  });
});
