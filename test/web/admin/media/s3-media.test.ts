/**
 * Media in an S3 bucket (MEDIA_STORE=s3), against a real S3-compatible server (s3rver, from the
 * npm registry, over HTTP on 127.0.0.1): the store's contract next to the directory store's, then
 * two instances with separate data directories (two machines) sharing one bucket: an image
 * uploaded through one is stored in the bucket only, its AVIF made into the bucket, served by both
 * with the headers the directory store gives, and removed from the bucket when deleted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryStore, MediaNameTaken, type MediaStore, s3Store } from '../../../../src/modules/media/media-store.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { filesUnder, jpegWithGps, upload, waitFor } from './media-helpers.js';

const BUCKET = 'broadsheet-media';
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let server: S3rver;
let endpoint: string;
let s3dir: string;
let client: S3Client;
const dirs: string[] = [];
const tmp = (name: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `broadsheet-${name}-`));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  s3dir = tmp('s3');
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: KEYS });
});
afterAll(async () => {
  client?.destroy();
  await server?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const objectBytes = async (key: string): Promise<Buffer | undefined> => {
  try {
    const r = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await r.Body!.transformToByteArray());
  } catch {
    return undefined;
  }
};

describe('media stores: the same contract on a directory and on S3', () => {
  const stores: [string, () => Promise<MediaStore>][] = [
    ['directory', async () => directoryStore(tmp('dirstore'))],
    ['s3', () => s3Store({ bucket: BUCKET, region: 'us-east-1', endpoint, prefix: 'contract/', credentials: KEYS, forcePathStyle: true })],
  ];
  for (const [name, make] of stores) {
    it(`${name}: writes whole files, refuses to replace one in exclusive mode, reads, streams and removes`, async () => {
      const store = await make();
      expect(store.kind).toBe(name === 's3' ? 's3' : 'fs');
      await store.put('2026/12/a.jpg', Buffer.from('first'), { exclusive: true, contentType: 'image/jpeg' });
      expect((await store.get('2026/12/a.jpg'))?.toString()).toBe('first');
      await expect(store.put('2026/12/a.jpg', Buffer.from('second'), { exclusive: true, contentType: 'image/jpeg' })).rejects.toBeInstanceOf(MediaNameTaken);
      expect((await store.get('2026/12/a.jpg'))?.toString()).toBe('first');
      // Not exclusive (seeding's manifests): replaced.
      await store.put('2026/12/a.jpg', Buffer.from('third'), { exclusive: false, contentType: 'image/jpeg' });
      const opened = await store.open('2026/12/a.jpg');
      expect(opened?.size).toBe(5);
      const chunks: Buffer[] = [];
      for await (const c of opened!.body) chunks.push(Buffer.from(c as Buffer));
      expect(Buffer.concat(chunks).toString()).toBe('third');
      expect(await store.get('2026/12/missing.jpg')).toBeUndefined();
      expect(await store.open('2026/12/missing.jpg')).toBeUndefined();
      await store.remove('2026/12/a.jpg');
      expect(await store.get('2026/12/a.jpg')).toBeUndefined();
      await store.remove('2026/12/a.jpg'); // nothing there: no error
      for (const bad of ['../escape.jpg', '/abs.jpg', 'a/../../b.jpg', 'a//b.jpg', 'a\\b.jpg', '']) {
        await expect(store.put(bad, Buffer.from('x'), { exclusive: true, contentType: 'image/jpeg' }), bad).rejects.toThrow(/not a media path/);
      }
    });
  }
});

for (const dialect of DIALECTS) {
  describe(`MEDIA_STORE=s3: two instances, two data directories, one bucket (${dialect})`, () => {
    let t: TestDb;
    let a: FastifyInstance;
    let b: FastifyInstance;
    let editor: Agent;
    const prefix = `site-${dialect}/`;
    const env = (): Record<string, string> => ({
      MEDIA_STORE: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_PREFIX: prefix,
      S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
    });
    let otherDataDir: string;
    beforeAll(async () => {
      t = await freshDb(dialect);
      otherDataDir = tmp('second-machine');
      a = await adminApp(t, { env: env() });
      b = await adminApp(t, { env: { ...env(), DATA_DIR: otherDataDir } });
      editor = await signedIn(a, t, 'editor');
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await t?.cleanup();
    });

    it('stores an upload and its derivatives in the bucket only, and both instances serve them', async () => {
      const bytes = await jpegWithGps(1700, 1100);
      const res = await upload(a, editor, [{ name: 'Quay Side.jpg', type: 'image/jpeg', bytes }], { fields: { alt: 'The quay' } });
      expect(res.statusCode, res.body).toBe(303);
      const id = Number(/\/admin\/media\/(\d+)/.exec(String(res.headers.location))![1]);
      const row = await waitFor(async () => {
        const r = await t.handle.db.selectFrom('media').select(['path', 'derivatives']).where('id', '=', id).executeTakeFirstOrThrow();
        return r.derivatives.includes('"avif"') && r;
      });
      const files = [row.path, ...(JSON.parse(row.derivatives) as { path: string; format: string }[]).map((d) => d.path)];
      expect(files.filter((f) => f.endsWith('.avif')).length).toBeGreaterThanOrEqual(2);
      // Nothing on either instance's disk: the bucket holds every file, under the prefix.
      expect(filesUnder(path.join(t.dataDir, 'media'))).toEqual([]);
      expect(filesUnder(path.join(otherDataDir, 'media'))).toEqual([]);
      for (const f of files) {
        const stored = await objectBytes(`${prefix}${f}`);
        expect(stored, f).toBeDefined();
        for (const app of [a, b]) {
          const got = await app.inject({ method: 'GET', url: `/media/${f}` });
          expect(got.statusCode, f).toBe(200);
          expect(got.rawPayload.equals(stored!)).toBe(true);
          expect(got.headers['content-type']).toBe(f.endsWith('.avif') ? 'image/avif' : f.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
          expect(got.headers['cache-control']).toBe('public, max-age=31536000, immutable');
          expect(got.headers['last-modified']).toBeTruthy();
          const again = await app.inject({ method: 'GET', url: `/media/${f}`, headers: { 'if-modified-since': String(got.headers['last-modified']) } });
          expect(again.statusCode).toBe(304);
        }
      }
      // The stored original carries no GPS or camera metadata (re-encoded before it left the instance).
      const original = await objectBytes(`${prefix}${row.path}`);
      expect(original!.includes(Buffer.from('PhoneCo'))).toBe(false);
      const head = await b.inject({ method: 'HEAD', url: `/media/${files[1]}` });
      expect(head.statusCode).toBe(200);
    });

    it('answers 404 for what is not there, and never reads outside the prefix', async () => {
      for (const url of ['/media/2026/12/none.jpg', '/media/..%2f..%2fcontract/2026/12/a.jpg', '/media/%2e%2e/secret.jpg', '/media/a.exe', '/media/']) {
        const res = await a.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
      }
    });

    it('deleting the image removes its files from the bucket', async () => {
      const bytes = await jpegWithGps(700, 500);
      const res = await upload(a, editor, [{ name: 'gone.jpg', type: 'image/jpeg', bytes }], { fields: { alt: 'Soon gone' } });
      const id = Number(/\/admin\/media\/(\d+)/.exec(String(res.headers.location))![1]);
      const row = await t.handle.db.selectFrom('media').select(['path', 'derivatives']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(await objectBytes(`${prefix}${row.path}`)).toBeDefined();
      // Wait for the AVIF queue first, so that nothing is written after the delete.
      await waitFor(async () =>
        (await t.handle.db.selectFrom('media').select('derivatives').where('id', '=', id).executeTakeFirstOrThrow()).derivatives.includes('"avif"'),
      );
      const latest = await t.handle.db.selectFrom('media').select(['path', 'derivatives']).where('id', '=', id).executeTakeFirstOrThrow();
      const del = await editor.post(`/admin/media/${id}/delete`, {}, '/admin/media');
      expect(del.statusCode).toBe(303);
      const files = [latest.path, ...(JSON.parse(latest.derivatives) as { path: string }[]).map((d) => d.path)];
      for (const f of files) {
        expect(await objectBytes(`${prefix}${f}`), f).toBeUndefined();
        expect((await b.inject({ method: 'GET', url: `/media/${f}` })).statusCode).toBe(404);
      }
    });
  });
}
