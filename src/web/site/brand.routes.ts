/**
 * @module web/site/brand.routes
 * The site's own look, from its origin (the strict CSP allows nothing else):
 *   GET /brand/theme.css?v=…                 accent colour and type (web/site/brand)
 *   GET /brand/custom.css?v=…                the owner's stylesheet (/admin/settings)
 *   GET /brand/fonts/{package}/{version}/{file}.woff2   a bundled font file
 * Stylesheet URLs carry a hash of their text, so a current one is kept for a year and a settings
 * change asks for a new URL; an old hash gets today's text for a minute.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FONT_PAIRINGS } from '../../modules/site/site.js';
import { notFound } from '../errors.js';
import { ARABIC_FACE, fontPackage } from './brand.js';
import type { LiveSite } from './site-context.js';

import zlib from 'node:zlib';
import { negotiateEncoding } from '../cache/validators.js';

const YEAR = 'public, max-age=31536000, immutable';
const FONT_NAMES = new Set([...FONT_PAIRINGS.flatMap((p) => p.packages), ARABIC_FACE.name]);

/** The stylesheet compressed once per version (the theme's and the owner's: a few KB each). */
const compressed = new Map<string, { br: Buffer; gzip: Buffer }>();
function encodings(css: string): { br: Buffer; gzip: Buffer } {
  let hit = compressed.get(css);
  if (!hit) {
    const bytes = Buffer.from(css);
    hit = {
      br: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gzip: zlib.gzipSync(bytes, { level: 9 }),
    };
    if (compressed.size >= 8) compressed.clear();
    compressed.set(css, hit);
  }
  return hit;
}

function sendCss(request: FastifyRequest, reply: FastifyReply, css: string | undefined, current: string | undefined): FastifyReply {
  if (css === undefined) throw notFound('The site has no such stylesheet.');
  const v = (request.query as Record<string, unknown>).v;
  const fresh = current !== undefined && current.endsWith(`?v=${String(v)}`);
  reply
    .type('text/css; charset=utf-8')
    .header('cache-control', fresh ? YEAR : 'public, max-age=60')
    .header('vary', 'accept-encoding');
  // Render-blocking on every page: sent compressed (brotli or gzip) when the browser takes it.
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(css);
  return reply.header('content-encoding', encoding).send(encodings(css)[encoding]);
}

/** A bundled font file's bytes, read once (a few dozen files of 20–60 KB at most); undefined if there is none. */
const fonts = new Map<string, Promise<Buffer | undefined>>();
const fontFile = (file: string): Promise<Buffer | undefined> => {
  let hit = fonts.get(file);
  if (!hit) {
    hit = fs.promises.readFile(file).catch(() => undefined);
    fonts.set(file, hit);
  }
  return hit;
};

export async function brandRoutes(app: FastifyInstance, site: LiveSite): Promise<void> {
  const sheet = (prefix: string) => site.brand.stylesheets.find((u) => u.startsWith(prefix));
  app.get('/brand/theme.css', async (request, reply) => sendCss(request, reply, site.themeCss, sheet('/brand/theme.css')));
  app.get('/brand/custom.css', async (request, reply) => sendCss(request, reply, site.settings.customCss, sheet('/brand/custom.css')));
  app.get('/brand/fonts/:pkg/:version/:file', async (request: FastifyRequest<{ Params: { pkg: string; version: string; file: string } }>, reply) => {
    const { pkg: name, version, file } = request.params;
    const pkg = FONT_NAMES.has(name) ? fontPackage(name) : null;
    if (!pkg || pkg.version !== version || !/^[a-z0-9-]{1,120}\.woff2$/.test(file)) throw notFound();
    const body = await fontFile(path.join(pkg.dir, 'files', file));
    if (!body) throw notFound();
    return reply.header('cache-control', YEAR).type('font/woff2').send(body);
  });
}
