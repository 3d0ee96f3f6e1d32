/**
 * @module web/admin/media-asset
 * /admin/assets/media.js: the media picker and drag-and-drop (src/web/admin/editor/media-picker.ts)
 * bundled by esbuild for the media library page (the article editor bundles the same module into
 * editor.js). Built when the admin starts if missing or stale, written to a temporary file and
 * renamed. Without esbuild the route answers 404 and the upload form works as a plain form.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const MEDIA_SCRIPT_URL = '/admin/assets/media.js';

const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const ENTRY = path.join(ROOT, 'src', 'web', 'admin', 'editor', 'media-picker.ts');
const BUNDLE = path.join(ROOT, 'build', 'admin', 'media.js');

const mtime = (file: string): number => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};

let building: Promise<void> | undefined;

async function ensureBundle(): Promise<void> {
  if (!fs.existsSync(ENTRY)) return;
  if (mtime(BUNDLE) >= Math.max(mtime(ENTRY), mtime(path.join(ROOT, 'package-lock.json')))) return;
  building ??= (async () => {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({ entryPoints: [ENTRY], bundle: true, format: 'esm', minify: true, target: ['es2020'], write: false, legalComments: 'none', logLevel: 'silent' });
    const code = out.outputFiles[0]?.contents;
    if (!code) throw new Error('esbuild produced no output');
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    const tmp = `${BUNDLE}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, BUNDLE);
  })().finally(() => {
    building = undefined;
  });
  await building;
}

/** GET /admin/assets/media.js (public like admin.css: the script holds no secrets). */
export async function mediaAssetRoute(app: FastifyInstance): Promise<void> {
  try {
    await ensureBundle();
  } catch (err) {
    app.log.warn({ err }, 'the media script could not be built; uploads work without it');
  }
  app.get('/assets/media.js', { config: { adminPublic: true } }, async (_request, reply) => {
    if (!fs.existsSync(BUNDLE)) return reply.code(404).type('text/plain; charset=utf-8').send('The media script is not built.');
    return reply.type('text/javascript; charset=utf-8').send(fs.readFileSync(BUNDLE));
  });
}
