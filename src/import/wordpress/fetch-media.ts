/**
 * @module import/wordpress/fetch-media
 * `--fetch-media`: downloads the jobs remote-media planned from the old site and stores each
 * file through the media module like an upload (type sniffed from the bytes, megapixel cap,
 * derivatives, no metadata kept), a bounded number at a time (downloads; decoding is bounded
 * again by the image gate). Each stored file is recorded in import_map (an attachment by its
 * WordPress id, a body image by a hash of its original's URL), so a re-run downloads nothing the
 * library already holds; files that failed are tried again. A failure leaves no row and no file
 * (modules/media/media.service removes what it wrote) and is reported with its reason and the
 * posts that show it; those posts list the image under "Images to upload" as before.
 * File names are made here (the attachment's title or the image's alt text and a hash of the
 * URL), never taken from the URL; folders are wp/yyyy/mm under the media root.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { findMediaById, findMediaByIds } from '../../modules/media/media.repository.js';
import type { MediaPlace } from '../../modules/media/media-store.js';
import { ACCEPTED_TYPES, MediaError, storeImage } from '../../modules/media/media.service.js';
import { mediaUrl } from '../../modules/media/media.js';
import { lookupAll, remember } from '../../modules/redirect/import-map.repository.js';
import { Downloader, DownloadError, DEFAULT_DOWNLOAD_LIMITS } from '../../lib/download.js';
import type { FetchFailureReason, ImportReport } from '../report.js';
import { putRedirects, countRedirects } from './redirects.js';
import { fileKey, type FetchJob, type MediaPlan, type OldSite } from './remote-media.js';
import { oldPath } from './text.js';

export interface FetchMediaOptions {
  /** Downloads at once (default 4). */
  concurrency: number;
  /** Seconds one try of one file may take, body included (default 30). */
  timeoutSeconds: number;
  /** Bytes one file may have (default 20 MB). */
  maxBytes: number;
  /** Further tries for network errors, 429 and 5xx (default 2). */
  retries: number;
  /** Fetch from private, loopback and link-local addresses too (default false). */
  allowPrivate: boolean;
  /** More hosts whose images count as the old site's (a CDN the export does not name). */
  hosts: string[];
  /** First retry's wait in milliseconds (default 500; tests shorten it). */
  backoffMs?: number;
}

export const DEFAULT_FETCH_OPTIONS: Readonly<FetchMediaOptions> = Object.freeze({
  concurrency: 4,
  timeoutSeconds: 30,
  maxBytes: DEFAULT_DOWNLOAD_LIMITS.maxBytes,
  retries: DEFAULT_DOWNLOAD_LIMITS.retries,
  allowPrivate: false,
  hosts: [],
});

export interface FetchedFile {
  mediaId: number;
  mediaPath: string;
}

/** Fetched files by the URLs posts wrote for them (any size of the picture). */
export class FetchedMedia {
  private readonly byKey = new Map<string, FetchedFile>();
  constructor(readonly site: OldSite) {}

  set(keys: Iterable<string>, file: FetchedFile): void {
    for (const k of keys) this.byKey.set(k, file);
  }

  /** The local copy of an image a post names (relative and protocol-relative URLs included). */
  lookup(src: string): FetchedFile | undefined {
    const u = this.site.resolve(src);
    return u ? this.byKey.get(fileKey(u)) : undefined;
  }
}

type Tx = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

export interface FetchContext {
  source: string;
  mediaRoot: MediaPlace;
  report: ImportReport;
  now: Date;
  options: FetchMediaOptions;
  dryRun: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** How the report names a post, by WordPress id. */
  label(wpId: number): string;
}

/** A file that could not be had, in the report's words. */
class JobFailure extends Error {
  constructor(
    readonly reason: FetchFailureReason,
    message: string,
  ) {
    super(message);
  }
}

const mediaFailure = (err: MediaError): JobFailure => {
  switch (err.code) {
    case 'MEDIA_UNSUPPORTED_TYPE':
      return new JobFailure(
        'not-image',
        /SVG/.test(err.message) ? 'an SVG image (not accepted: SVG can carry scripts)' : `not an image (${ACCEPTED_TYPES} accepted)`,
      );
    case 'MEDIA_UNREADABLE':
      return new JobFailure('not-image', 'not a readable image (damaged or cut short)');
    case 'MEDIA_EMPTY':
      return new JobFailure('not-image', 'an empty file');
    case 'MEDIA_TOO_LARGE':
      return new JobFailure('too-many-pixels', err.message.replace(/^The image is too large/, 'too many pixels').replace(/\.$/, ''));
    default:
      return new JobFailure('store-failed', `could not be stored: ${err.message}`);
  }
};

/** "2013-09-14 10:00:00" or ISO → "2013/09"; the import's month otherwise. */
function folderOf(date: string, now: Date): string {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  const y = m ? Number(m[1]) : 0;
  const mo = m ? Number(m[2]) : 0;
  if (y >= 1990 && y <= 2200 && mo >= 1 && mo <= 12) return `wp/${m![1]}/${m![2]}`;
  return `wp/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A generated name: the title's words (made safe by the media module) and a hash of the site and URL. */
function fileNameOf(job: FetchJob, source: string): string {
  const hash = createHash('sha256').update(`${source}\n${job.urls[0]!.href}`).digest('hex').slice(0, 10);
  const words = (job.title || job.alt || (job.kind === 'attachment' ? `attachment ${job.sourceId}` : 'image')).slice(0, 60);
  return `${words}-${hash}.x`;
}

/**
 * Fetches what the plan lists (nothing in a dry run) and returns the local copies by URL. Jobs
 * already in the library from an earlier run are not downloaded. Stops early, with what was
 * stored kept, when `signal` aborts (the caller reports the interruption).
 */
export async function fetchMedia(db: Db, tx: Tx, site: OldSite, plan: MediaPlan, c: FetchContext): Promise<FetchedMedia> {
  const fetched = new FetchedMedia(site);
  const r = c.report;
  for (const a of plan.notImages) {
    r.count('attachment', 'skipped');
    r.warn(`Attachment ${a.wpId} (${(a.url || a.file).slice(0, 200)}) is not a JPEG, PNG, WebP, GIF or AVIF image; links to it keep their original URL.`);
  }

  // Body images stored by an earlier run: found again, not downloaded.
  const known = await lookupAll(db, c.source, 'image');
  const mappedIds = new Map<FetchJob, number>();
  for (const job of plan.jobs) {
    const id = job.kind === 'image' ? known.get(job.sourceId) : undefined;
    if (id !== undefined) mappedIds.set(job, id);
  }
  const rows = new Map<number, { path: string }>();
  const ids = [...new Set(mappedIds.values())];
  for (let i = 0; i < ids.length; i += 500) for (const [id, row] of await findMediaByIds(db, ids.slice(i, i + 500))) rows.set(id, row);
  const queue: FetchJob[] = [];
  for (const job of plan.jobs) {
    const id = mappedIds.get(job);
    const row = id !== undefined ? rows.get(id) : undefined;
    if (id !== undefined && row) {
      fetched.set(job.answers, { mediaId: id, mediaPath: row.path });
      r.count('image', 'matched');
    } else queue.push(job);
  }

  r.fetch = { files: 0, bytes: 0, failed: 0, planned: queue.length, hosts: site.hostNames };
  if (c.dryRun || queue.length === 0) return fetched;

  const o = c.options;
  const downloader = new Downloader(
    {
      ...DEFAULT_DOWNLOAD_LIMITS,
      timeoutMs: Math.round(o.timeoutSeconds * 1000),
      maxBytes: o.maxBytes,
      retries: o.retries,
      allowPrivate: o.allowPrivate,
      maxSockets: o.concurrency,
      ...(o.backoffMs !== undefined ? { backoffMs: o.backoffMs } : {}),
    },
    {
      signal: c.signal,
      userAgent: 'Broadsheet-Importer/1.0 (fetching the files of a site being migrated)',
      privateHint: '(an export may point anywhere; --fetch-allow-private allows it)',
    },
  );
  const stats = r.fetch;
  let next = 0;
  let done = 0;
  c.onProgress?.(0, queue.length);

  const store = async (job: FetchJob, bytes: Buffer): Promise<FetchedFile> => {
    let id: number;
    try {
      id = await storeImage(db, c.mediaRoot, {
        fileName: fileNameOf(job, c.source),
        bytes,
        alt: job.alt.slice(0, 500),
        caption: job.caption.slice(0, 1000),
        ...(job.attachment?.credit ? { credit: job.attachment.credit } : {}),
        folder: folderOf(job.date, c.now),
        now: c.now,
      });
    } catch (err) {
      if (err instanceof MediaError) throw mediaFailure(err);
      throw new JobFailure('store-failed', `could not be stored: ${(err as Error).message.slice(0, 200)}`);
    }
    const row = await findMediaById(db, id);
    if (!row) throw new JobFailure('store-failed', `media ${id} vanished after it was stored`);
    const from = job.attachment ? oldPath(job.attachment.url) : undefined;
    const redirects = await tx(async (trx) => {
      await remember(trx, c.source, job.kind, job.sourceId, id);
      return from ? putRedirects(trx, [{ from, to: mediaUrl(row.path) }], c.now.toISOString()) : undefined;
    });
    if (redirects) countRedirects(r, redirects);
    return { mediaId: id, mediaPath: row.path };
  };

  /** The original first; on "not found" or bytes that are no image, the next size seen. */
  const run = async (job: FetchJob): Promise<void> => {
    let failure: JobFailure | undefined;
    let tried = 0;
    for (const url of job.urls) {
      if (c.signal?.aborted) return;
      tried++;
      try {
        const bytes = await downloader.download(url);
        const file = await store(job, bytes);
        fetched.set(job.answers, file);
        if (job.attachment) {
          job.attachment.mediaId = file.mediaId;
          job.attachment.mediaPath = file.mediaPath;
        }
        stats.files++;
        stats.bytes += bytes.length;
        r.count(job.kind, 'created');
        return;
      } catch (err) {
        if (err instanceof DownloadError && err.reason === 'aborted') return;
        const f = err instanceof DownloadError ? new JobFailure(err.reason, err.message) : err instanceof JobFailure ? err : undefined;
        if (!f) throw err;
        if (!failure) failure = f;
        else if (f.reason !== 'not-found') failure = new JobFailure(failure.reason, `${failure.message}; a smaller copy: ${f.message}`);
        if (f.reason !== 'not-found' && f.reason !== 'not-image') break;
      }
    }
    if (!failure) return;
    stats.failed++;
    r.count(job.kind, 'skipped');
    const posts = [...job.posts];
    r.fetchFailed({
      url: job.urls[0]!.href,
      reason: failure.reason,
      message:
        tried > 1 && failure.reason === 'not-found'
          ? `${failure.message}, nor ${tried === 2 ? 'its other size' : `any of its ${tried - 1} other sizes`}`
          : failure.message,
      posts: posts.slice(0, 3).map((id) => c.label(id)),
      postCount: posts.length,
      ...(job.attachment ? { attachment: job.attachment.wpId } : {}),
    });
  };

  const worker = async (): Promise<void> => {
    while (next < queue.length && !c.signal?.aborted) {
      const job = queue[next++]!;
      await run(job);
      done++;
      c.onProgress?.(done, queue.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(Math.max(1, o.concurrency), queue.length) }, worker));
  } finally {
    downloader.close();
  }
  // By URL, so the report reads the same on every run (downloads end in any order).
  r.fetchFailures.sort((x, y) => (x.url < y.url ? -1 : x.url > y.url ? 1 : 0));
  return fetched;
}
