/**
 * @module web/admin/shell/script-bundle
 * The admin's browser scripts: TypeScript under src/web/admin/editor/ bundled by esbuild into
 * build/admin/NAME.js and served at /admin/assets/NAME.js. Built when the admin starts if missing
 * or older than any file of that folder or the lockfile (so `npm install && npm start` from a fresh
 * clone has them), written to a temporary file and renamed so concurrent starts never serve half
 * a file. Without esbuild the route answers 404 and every form keeps working without JavaScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

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
  /** Site-relative URL of the script. */
  url: string;
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
  return {
    url: `/admin/assets/${name}.js`,
    ensure,
    async route(app) {
      try {
        await ensure();
      } catch (err) {
        app.log.warn({ err }, `the ${name} script could not be built; ${what}`);
      }
      app.get(`/assets/${name}.js`, { config: { access: 'public' } }, async (_request, reply) => {
        if (!fs.existsSync(file)) return reply.code(404).type('text/plain; charset=utf-8').send(`The ${name} script is not built.`);
        return reply.type('text/javascript; charset=utf-8').send(fs.readFileSync(file));
      });
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
