/**
 * @module web/media-files
 *   GET /media/*   uploaded images and their derivatives
 * From the directory store, @fastify/static serves them (sendfile, ranges, conditional requests);
 * from an S3 bucket (MEDIA_STORE=s3) this route streams them, so every instance serves every
 * upload under the site's own origin (the CSP keeps `img-src 'self'`). A file never changes under
 * its name (a replaced image gets a new one): cached for a year, immutable.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { MEDIA_URL_PREFIX, mediaTypeOfName } from '../modules/media/media.js';
import { safeRelativePath, type MediaStore } from '../modules/media/media-store.js';

const LIFETIME = 'public, max-age=31536000, immutable';

export async function mediaFileRoutes(app: FastifyInstance, store: MediaStore): Promise<void> {
  if (store.root) {
    await app.register(fastifyStatic, { root: store.root, prefix: MEDIA_URL_PREFIX, decorateReply: false, maxAge: '365d', immutable: true, index: false });
    return;
  }
  app.get(`${MEDIA_URL_PREFIX}*`, { config: { siteless: true } }, async (request, reply) => {
    const rel = decodeURIComponent((request.params as { '*': string })['*'] ?? '');
    const type = mediaTypeOfName(rel);
    const file = type && safeRelativePath(rel) ? await store.open(rel) : undefined;
    if (!file) return reply.code(404).header('cache-control', 'public, max-age=60').type('text/plain; charset=utf-8').send('Not found');
    const lastModified = file.modified.toUTCString();
    if (request.headers['if-modified-since'] === lastModified) {
      file.body.destroy();
      return reply.code(304).header('cache-control', LIFETIME).send();
    }
    return reply
      .header('content-type', type)
      .header('content-length', String(file.size))
      .header('last-modified', lastModified)
      .header('cache-control', LIFETIME)
      .send(file.body);
  });
}
