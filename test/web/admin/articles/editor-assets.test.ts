/**
 * The editor's weight on the desk: its script is named by its hash, served compressed (brotli or
 * gzip) and immutable for a year, so a second opening downloads nothing; the article list loads
 * no editor script at all; admin pages themselves are compressed.
 */
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { freshDb, type TestDb } from '../../../helpers/db.js';

/** What a first opening of the editor transfers, at most (brotli): the target. */
const FIRST_OPEN_MAX = 150 * 1024;

describe('editor assets', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let a: Agent;
  let src: string;
  beforeAll(async () => {
    t = await freshDb('sqlite');
    app = await adminApp(t);
    a = await signedIn(app, t, 'editor');
    const form = await a.get('/admin/articles/new');
    src = /<script src="(\/admin\/assets\/editor\.[0-9a-f]{10}\.js)" type="module">/.exec(form.body)?.[1] ?? '';
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('links the editor by its hash and serves it compressed and immutable', async () => {
    expect(src).not.toBe('');
    const br = await a.get(src, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.rawPayload.length).toBeLessThan(FIRST_OPEN_MAX);
    const plain = brotliDecompressSync(br.rawPayload).toString('utf8');
    expect(plain.length).toBeGreaterThan(br.rawPayload.length * 2);
    const gz = await a.get(src, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const none = await a.get(src, { 'accept-encoding': 'identity' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(plain);
    // A second opening: the browser holds it for a year; a revalidation is a 304 with no body.
    const again = await a.get(src, { 'if-none-match': String(br.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('gives an old hash today’s file for a minute only, and the plain name for an hour', async () => {
    const stale = await a.get('/admin/assets/editor.0000000000.js');
    expect(stale.statusCode).toBe(200);
    expect(stale.headers['cache-control']).toBe('public, max-age=60');
    expect((await a.get('/admin/assets/editor.js')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('loads no editor script on the article list, and compresses admin pages', async () => {
    const list = await a.get('/admin/articles', { 'accept-encoding': 'br' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(list.rawPayload).toString('utf8');
    expect(html).toContain('<!doctype html>');
    expect(html).not.toMatch(/<script[^>]+editor/);
    expect(list.headers['cache-control']).toBe('private, no-store');
  });
});
