/**
 * @module web/static-assets
 * The theme's and the admin's own files (stylesheets, scripts, icons), prepared once when the app
 * starts: stylesheets and scripts minified by esbuild, text precompressed with brotli (quality 11)
 * and gzip (level 9), each named by a hash of its bytes (`/assets/site.3f9a1c2b4d.css`). A
 * current name is `public, max-age=31536000, immutable`; a page cached before a deploy that asks
 * for an older hash gets today's file for a minute, and the plain name (`/assets/site.css`, for
 * links from elsewhere) for an hour. Answers from memory: a 304 on the ETag, the encoding the
 * client takes (Vary: Accept-Encoding).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { etagMatches, negotiateEncoding } from './cache/validators.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** An older hash (a page from before a deploy): today's file for a minute. */
export const STALE_HASH = 'public, max-age=60';
/** The plain name (a link from elsewhere): an hour. */
export const PLAIN_NAME = 'public, max-age=3600';

const TYPES: Record<string, { type: string; minify?: 'css' | 'js'; text: boolean }> = {
  '.css': { type: 'text/css; charset=utf-8', minify: 'css', text: true },
  '.js': { type: 'text/javascript; charset=utf-8', minify: 'js', text: true },
  '.svg': { type: 'image/svg+xml', text: true },
  '.png': { type: 'image/png', text: false },
};

export interface Asset {
  /** The file's own name (`site.css`). */
  name: string;
  /** Its URL under the set's prefix, with the hash (`/assets/site.3f9a1c2b4d.css`). */
  url: string;
  type: string;
  hash: string;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/** The hashed name of a file: `site.css` with hash h is `site.h.css`. */
const hashedName = (name: string, hash: string): string => {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
};

/** Minifies (stylesheets, scripts; not when `minified`: a bundle esbuild wrote), hashes and compresses one file's bytes. */
export async function prepareAsset(prefix: string, name: string, source: Buffer, o: { minified?: boolean } = {}): Promise<Asset> {
  const kind = TYPES[path.extname(name).toLowerCase()];
  if (!kind) throw new Error(`No static asset type for ${name}`);
  let body = source;
  if (kind.minify && !o.minified) {
    const esbuild = await import('esbuild');
    const out = await esbuild.transform(source.toString('utf8'), { loader: kind.minify, minify: true, legalComments: 'none', charset: 'utf8' });
    body = Buffer.from(out.code);
  }
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const compressed =
    kind.text && body.length > 256
      ? {
          br: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
          gzip: gzipSync(body, { level: 9 }),
        }
      : {};
  return { name, url: prefix + hashedName(name, hash), type: kind.type, hash, etag: `"${hash}"`, identity: body, ...compressed };
}

/** A folder's files, prepared (see the module comment), served under one URL prefix. */
export class AssetSet {
  private readonly byName = new Map<string, Asset>();

  constructor(
    readonly prefix: string,
    assets: readonly Asset[],
  ) {
    for (const a of assets) this.byName.set(a.name, a);
  }

  /** The current URL of a file (throws for a file the set does not hold: a typo in a view's caller). */
  url(name: string): string {
    const a = this.byName.get(name);
    if (!a) throw new Error(`No asset ${name} under ${this.prefix}`);
    return a.url;
  }

  get(name: string): Asset | undefined {
    return this.byName.get(name);
  }

  /** The file a request names (`site.css`, `site.HASH.css`, or an older hash), with the lifetime its name earns. */
  lookup(file: string): { asset: Asset; cacheControl: string } | undefined {
    const plain = this.byName.get(file);
    if (plain) return { asset: plain, cacheControl: PLAIN_NAME };
    const m = /^(.+)\.([0-9a-f]{10})(\.[a-z0-9]+)$/.exec(file);
    const asset = m ? this.byName.get(`${m[1]}${m[3]}`) : undefined;
    if (!m || !asset) return undefined;
    return { asset, cacheControl: m[2] === asset.hash ? IMMUTABLE : STALE_HASH };
  }

  /** GET {prefix}:file on `app` (whose own prefix the set's includes), with the route options given. */
  route(app: FastifyInstance, routePath: string, options: RouteShorthandOptions = {}): void {
    app.get(`${routePath}:file`, options, async (request, reply) => {
      const hit = this.lookup((request.params as { file: string }).file);
      if (!hit) return reply.code(404).header('cache-control', 'public, max-age=60').type('text/plain; charset=utf-8').send('Not found');
      return sendAsset(request, reply, hit.asset, hit.cacheControl);
    });
  }
}

/** Sends an asset: 304 on its ETag, else brotli or gzip when the client takes it. */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, a: Asset, cacheControl: string): FastifyReply {
  reply.header('cache-control', cacheControl).header('etag', a.etag);
  if (a.br) reply.header('vary', 'Accept-Encoding');
  if (etagMatches(request.headers['if-none-match'], a.etag)) return reply.code(304).send();
  const encoding = a.br ? negotiateEncoding(request.headers['accept-encoding']) : undefined;
  const body = encoding === 'br' ? a.br : encoding === 'gzip' ? a.gzip : a.identity;
  if (encoding) reply.header('content-encoding', encoding);
  return reply.type(a.type).send(body);
}

/** Prepared folders by path, kept while no file in them changes (tests build many apps). */
const loaded = new Map<string, { stamp: string; set: Promise<AssetSet> }>();

/** Every file of `dir` with a known type, prepared and served under `prefix`. */
export function loadAssetDir(dir: string, prefix: string): Promise<AssetSet> {
  const names = fs
    .readdirSync(dir)
    .filter((n) => TYPES[path.extname(n).toLowerCase()])
    .sort();
  const stamp = names.map((n) => `${n}:${fs.statSync(path.join(dir, n)).mtimeMs}`).join('|');
  const key = `${dir}\0${prefix}`;
  const hit = loaded.get(key);
  if (hit && hit.stamp === stamp) return hit.set;
  const set = Promise.all(names.map((n) => prepareAsset(prefix, n, fs.readFileSync(path.join(dir, n))))).then((assets) => new AssetSet(prefix, assets));
  loaded.set(key, { stamp, set });
  set.catch(() => loaded.delete(key));
  return set;
}
