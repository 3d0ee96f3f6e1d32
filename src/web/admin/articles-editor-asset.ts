/**
 * @module web/admin/articles-editor-asset
 * The rich editor's one static file, /admin/assets/editor.js: src/web/admin/editor/editor.ts and
 * Tiptap bundled by esbuild into build/admin/editor.js. Built when the admin starts if missing or
 * older than its source (so `npm install && npm start` from a fresh clone has it), written to a
 * temporary file and renamed so concurrent starts never serve half a file. When esbuild or Tiptap
 * is not installed, the route answers 404 and the article form keeps working without JavaScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const EDITOR_SCRIPT_URL = '/admin/assets/editor.js';

const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const SOURCE_DIR = path.join(ROOT, 'src', 'web', 'admin', 'editor');
const ENTRY = path.join(SOURCE_DIR, 'editor.ts');
export const EDITOR_BUNDLE = path.join(ROOT, 'build', 'admin', 'editor.js');

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

let building: Promise<void> | undefined;

/** Builds the bundle when it is missing or stale. Resolves once it is there (or throws). */
export async function ensureEditorBundle(): Promise<void> {
  if (!fs.existsSync(ENTRY)) return;
  if (mtime(EDITOR_BUNDLE) >= newestSource()) return;
  building ??= (async () => {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [ENTRY], bundle: true, format: 'esm', minify: true, target: ['es2020'], write: false, legalComments: 'none', logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.contents;
    if (!code) throw new Error('esbuild produced no output');
    fs.mkdirSync(path.dirname(EDITOR_BUNDLE), { recursive: true });
    const tmp = `${EDITOR_BUNDLE}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, EDITOR_BUNDLE);
  })().finally(() => {
    building = undefined;
  });
  await building;
}

/** GET /admin/assets/editor.js (public like admin.css: the script holds no secrets). */
export async function editorAssetRoute(app: FastifyInstance): Promise<void> {
  try {
    await ensureEditorBundle();
  } catch (err) {
    app.log.warn({ err }, 'the rich editor could not be built; the article form works without it');
  }
  app.get('/assets/editor.js', { config: { adminPublic: true } }, async (_request, reply) => {
    if (!fs.existsSync(EDITOR_BUNDLE)) return reply.code(404).type('text/plain; charset=utf-8').send('The editor script is not built.');
    return reply.type('text/javascript; charset=utf-8').send(fs.readFileSync(EDITOR_BUNDLE));
  });
}
