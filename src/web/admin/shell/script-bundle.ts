/**
 * @module web/admin/shell/script-bundle
 * The admin's browser scripts: TypeScript under src/web/admin/editor/ bundled by esbuild into
 * build/admin/NAME.js and served at /admin/assets/NAME.js. Built when the admin starts if missing
 * or older than any file of that folder or the lockfile (so `npm install && npm start` from a fresh
 * clone has them), written to a temporary file and renamed so concurrent starts never serve half
 * a file. Served like the theme's files (web/static-assets): from memory, precompressed (brotli
 * and gzip), under a name with its hash (`/admin/assets/editor.3f9a1c2b4d.js`, immutable for a
 * year), so a second opening of the editor downloads nothing. Without esbuild the route answers
 * 404 and every form keeps working without JavaScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { prepareAsset, sendAsset, IMMUTABLE, PLAIN_NAME, STALE_HASH, type Asset } from '../../static-assets.js';

const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const SOURCE_DIR = path.join(ROOT, 'src', 'web', 'admin', 'editor');

const mtime = (file: string): number => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

function newestSource(): number {
  let newest = mtime(path.join(ROOT, 'package-lock.json'));
  for (const f of fs.readdirSync(SOURCE_DIR)) newest = Math.max(newest, mtime(path.join(SOURCE_DIR, f)));
  return newest;
}

export interface ScriptBundle {
  /** Site-relative URL of the script: with its hash once built (what pages link to). */
  readonly url: string;
  /** The prepared script (bytes, hash, compressed forms), once built. */
  readonly asset: Asset | undefined;
  /** Builds it when missing or stale (resolves once it is there, or throws). */
  ensure(): Promise<void>;
  /** Registers GET /assets/NAME.js on the admin scope (public, like admin.css: no secrets inside). */
  route(app: FastifyInstance): Promise<void>;
}

/**
 * @param name   bundle name: build/admin/NAME.js, /admin/assets/NAME.js
 * @param entry  file in src/web/admin/editor/
 * @param what   what works without it, for the warning when it cannot be built
 */
export function scriptBundle(name: string, entry: string, what: string): ScriptBundle {
  const source = path.join(SOURCE_DIR, entry);
  const file = path.join(ROOT, 'build', 'admin', `${name}.js`);
  let building: Promise<void> | undefined;
  const ensure = async (): Promise<void> => {
    if (!fs.existsSync(source)) return;
    if (mtime(file) >= newestSource()) return;
    building ??= (async () => {
      const esbuild = await import('esbuild');
      const out = await esbuild.build({
        entryPoints: [source],
        bundle: true,
        format: 'esm',
        minify: true,
        target: ['es2020'],
        write: false,
        legalComments: 'none',
        logLevel: 'silent',
      });
      const code = out.outputFiles[0]?.contents;
      if (!code) throw new Error('esbuild produced no output');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(tmp, code);
      fs.renameSync(tmp, file);
    })().finally(() => {
      building = undefined;
    });
    await building;
  };
  // The built file, minified already: hashed and compressed once per build.
  let prepared: { stamp: number; asset: Promise<Asset> } | undefined;
  let current: Asset | undefined;
  const prepare = async (): Promise<Asset | undefined> => {
    const stamp = mtime(file);
    if (stamp < 0) return undefined;
    if (!prepared || prepared.stamp !== stamp) {
      prepared = { stamp, asset: prepareAsset('/admin/assets/', `${name}.js`, fs.readFileSync(file), { minified: true }) };
      prepared.asset.catch(() => {
        prepared = undefined;
      });
    }
    current = await prepared.asset;
    return current;
  };
  const plain = `/admin/assets/${name}.js`;
  return {
    get url() {
      return current?.url ?? plain;
    },
    get asset() {
      return current;
    },
    ensure,
    async route(app) {
      try {
        await ensure();
        await prepare();
      } catch (err) {
        app.log.warn({ err }, `the ${name} script could not be built; ${what}`);
      }
      const send = async (request: FastifyRequest, reply: FastifyReply, hash?: string) => {
        const a = await prepare().catch(() => undefined);
        if (!a) return reply.code(404).type('text/plain; charset=utf-8').send(`The ${name} script is not built.`);
        return sendAsset(request, reply, a, hash === undefined ? PLAIN_NAME : hash === a.hash ? IMMUTABLE : STALE_HASH);
      };
      app.get(`/assets/${name}.js`, { config: { access: 'public' } }, (request, reply) => send(request, reply));
      app.get(`/assets/${name}.:hash(^[0-9a-f]{10}$).js`, { config: { access: 'public' } }, (request, reply) =>
        send(request, reply, (request.params as { hash: string }).hash),
      );
    },
  };
}

/** The rich article editor (Tiptap), with the image picker and autosave. */
export const editorScript = scriptBundle('editor', 'editor.ts', 'the article form works without it');
/** The media library's picker and drag and drop. */
export const mediaScript = scriptBundle('media', 'media-picker.ts', 'uploads work without it');
/** The menu editor's drag and drop and link-kind switch. */
export const navigationScript = scriptBundle('navigation', 'menu-editor.ts', 'the menu editor works without it');
/** The moderation queue's inline actions and replies. */
export const queueScript = scriptBundle('comment-queue', 'comment-queue.ts', 'the queue works without it');
