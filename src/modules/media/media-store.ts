/**
 * @module modules/media/media-store
 * Where media files live: a directory (DATA_DIR/media, the default; one directory shared by every
 * instance on a machine or over NFS) or an S3 bucket (MEDIA_STORE=s3: AWS, or any S3-compatible
 * service through S3_ENDPOINT), so instances on different machines share uploads. Paths are
 * relative (`2026/11/harbour.jpg`), never leave the store, and a file is either wholly there or
 * not at all: the directory store writes a temporary file and links or renames it into place.
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** A file that could be opened, to be streamed to a reader. */
export interface StoredFile {
  body: Readable;
  size: number;
  /** When it was written (Last-Modified). */
  modified: Date;
}

export interface MediaStore {
  readonly kind: 'fs' | 's3';
  /** The directory, for the directory store (served by @fastify/static). */
  readonly root?: string;
  /**
   * Writes `bytes` at `rel`. `exclusive`: refuses (throws MediaNameTaken) when a file is there
   * already, so an upload never replaces another image's file.
   */
  put(rel: string, bytes: Buffer, o: { exclusive: boolean; contentType: string }): Promise<void>;
  /** The file's bytes, or undefined when there is none. */
  get(rel: string): Promise<Buffer | undefined>;
  /** Opens the file for streaming, or undefined when there is none. */
  open(rel: string): Promise<StoredFile | undefined>;
  /** Removes the file; nothing happens when there is none. */
  remove(rel: string): Promise<void>;
}

/** A write refused because a file of that name exists (see `put`'s `exclusive`). */
export class MediaNameTaken extends Error {
  override name = 'MediaNameTaken';
}

/** Whether `rel` is a path inside a store: relative, no `..`, no empty or dot segments, no backslash. */
export function safeRelativePath(rel: string): boolean {
  if (!rel || rel.length > 500 || rel.startsWith('/') || rel.includes('\\') || rel.includes('\0')) return false;
  return rel.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

function checked(rel: string): string {
  if (!safeRelativePath(rel)) throw new Error(`not a media path: ${JSON.stringify(rel)}`);
  return rel;
}

const missing = (err: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

/** The directory store. */
export function directoryStore(root: string): MediaStore {
  const abs = path.resolve(root);
  const at = (rel: string): string => path.join(abs, checked(rel));
  return {
    kind: 'fs',
    root: abs,
    async put(rel, bytes, o) {
      const file = at(rel);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await fs.writeFile(tmp, bytes);
      try {
        // link() refuses an existing name (atomic "create if absent"); rename() replaces.
        if (o.exclusive) await fs.link(tmp, file);
        else await fs.rename(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new MediaNameTaken(rel);
        throw err;
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },
    async get(rel) {
      return fs.readFile(at(rel)).catch((err) => {
        if (missing(err)) return undefined;
        throw err;
      });
    },
    async open(rel) {
      const file = at(rel);
      const st = await fs.stat(file).catch((err) => {
        if (missing(err)) return undefined;
        throw err;
      });
      if (!st?.isFile()) return undefined;
      return { body: createReadStream(file), size: st.size, modified: st.mtime };
    },
    async remove(rel) {
      await fs.rm(at(rel), { force: true });
    },
  };
}

export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible service's URL (MinIO, Ceph, R2, …); undefined for AWS. */
  endpoint: string | undefined;
  /** Keys under this prefix (`media/`), '' for the bucket's root. */
  prefix: string;
  /** Explicit keys; undefined: the SDK's own chain (instance role, AWS_* variables, profile). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Bucket in the path rather than the host name (most S3-compatible services want it). */
  forcePathStyle: boolean;
}

const MISSING_CODES = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket']);

/**
 * The S3 store (@aws-sdk/client-s3, loaded only when it is used). Every instance reads and writes
 * the same bucket; the app serves the files itself under /media/ (the CSP stays `img-src 'self'`,
 * and nginx or a CDN caches them).
 */
export async function s3Store(s: S3Settings): Promise<MediaStore> {
  const { S3Client, PutObjectCommand, GetObjectCommand, HeadObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: s.region,
    forcePathStyle: s.forcePathStyle,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    ...(s.credentials ? { credentials: s.credentials } : {}),
    // A slow store must not hold a request for ever.
    requestHandler: { requestTimeout: 30_000, connectionTimeout: 5_000 },
  });
  const key = (rel: string): string => `${s.prefix}${checked(rel)}`;
  const absent = (err: unknown): boolean =>
    MISSING_CODES.has((err as { name?: string }).name ?? '') || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;
  const exists = async (rel: string): Promise<boolean> =>
    client.send(new HeadObjectCommand({ Bucket: s.bucket, Key: key(rel) })).then(
      () => true,
      (err) => {
        if (absent(err)) return false;
        throw err;
      },
    );
  return {
    kind: 's3',
    async put(rel, bytes, o) {
      // If-None-Match: * makes the create conditional where the service supports it (AWS does);
      // the HEAD before it covers services that ignore the header.
      if (o.exclusive && (await exists(rel))) throw new MediaNameTaken(rel);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: s.bucket,
            Key: key(rel),
            Body: bytes,
            ContentType: o.contentType,
            ContentLength: bytes.length,
            ...(o.exclusive ? { IfNoneMatch: '*' } : {}),
          }),
        );
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status === 412 || status === 409) throw new MediaNameTaken(rel);
        throw err;
      }
    },
    async get(rel) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: key(rel) }));
        return r.Body ? Buffer.from(await r.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (err) {
        if (absent(err)) return undefined;
        throw err;
      }
    },
    async open(rel) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: key(rel) }));
        if (!r.Body) return undefined;
        return { body: r.Body as Readable, size: Number(r.ContentLength ?? 0), modified: r.LastModified ?? new Date(0) };
      } catch (err) {
        if (absent(err)) return undefined;
        throw err;
      }
    },
    async remove(rel) {
      await client.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: key(rel) }));
    },
  };
}

/** A store, or a directory path meaning the directory store there (tests, the CLI's local copies). */
export type MediaPlace = MediaStore | string;

export const asStore = (place: MediaPlace): MediaStore => (typeof place === 'string' ? directoryStore(place) : place);

/** The store the settings name: DATA_DIR/media, or the S3 bucket. */
export async function openMediaStore(c: { mediaStore: 'fs' | 's3'; dataDir: string; s3: S3Settings | undefined }): Promise<MediaStore> {
  if (c.mediaStore === 's3') {
    if (!c.s3) throw new Error('MEDIA_STORE=s3 without S3 settings');
    return s3Store(c.s3);
  }
  return directoryStore(path.join(c.dataDir, 'media'));
}
