/**
 * @module import/wordpress/remote-media
 * What `--fetch-media` downloads, decided before anything is fetched:
 *  - every attachment whose file is an image (JPEG, PNG, WebP, GIF, AVIF by its name);
 *  - every image a post or page shows from the old site (its own hosts: the site's address and
 *    the hosts its attachments live on, www. or not; Jetpack's i0.wp.com copies count as the
 *    original): the `src`, plus the same picture's other sizes in `srcset` and a link around it
 *    to the full-size file.
 * WordPress' resized copies ("harbour-300x200.jpg", "harbour-scaled.jpg") are the same picture:
 * they are grouped under their original, which is fetched once and stands for all of them; the
 * sizes seen are tried next, largest first, when the original is gone. An image that matches an
 * attachment is that attachment's file. Images on other sites are not fetched (only the old
 * site's own files are); they stay listed for the editor.
 * Pass 1 of the import feeds every post through `MediaReferences.add`; `plan()` then makes jobs.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { uploadKey, type AttachmentInfo } from './context.js';

/** Attachment files worth fetching: what the media library accepts, by name. */
export const FETCHABLE = /\.(jpe?g|png|webp|gif|avif)$/i;

const SIZE_SUFFIX = /-(\d{1,5})x(\d{1,5})(\.[a-z0-9]+)$/i;
const SCALED_SUFFIX = /-scaled(\.[a-z0-9]+)$/i;
const PHOTON = /^i[0-3]\.wp\.com$/i;

const hostKey = (host: string): string =>
  host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');

const decodedPath = (u: URL): string => {
  try {
    return decodeURI(u.pathname);
  } catch {
    return u.pathname;
  }
};

/**
 * A file's identity: host without www., decoded path, no scheme. The query of an image path is
 * dropped (WordPress.com's `?w=300`, cache busters): the file is the path.
 */
export function fileKey(u: URL): string {
  const p = decodedPath(u);
  return `${hostKey(u.hostname)}${u.port ? `:${u.port}` : ''}${p}${FETCHABLE.test(p) ? '' : u.search}`;
}

/** The key of the picture a resized copy was made from ("a-300x200.jpg", "a-scaled.jpg" → "a.jpg"). */
export function originalKey(u: URL): string {
  return fileKey(u).replace(SIZE_SUFFIX, '$3').replace(SCALED_SUFFIX, '$1');
}

/** The original's URL when the name has WordPress' size suffix; undefined otherwise. */
export function withoutSizeSuffix(u: URL): URL | undefined {
  if (!SIZE_SUFFIX.test(u.pathname)) return undefined;
  const o = new URL(u.href);
  o.pathname = o.pathname.replace(SIZE_SUFFIX, '$3');
  o.search = '';
  return o;
}

/** Pixels of a resized copy, from its name; Infinity for an original (no suffix). */
const areaOf = (u: URL): number => {
  const m = SIZE_SUFFIX.exec(u.pathname);
  return m ? Number(m[1]) * Number(m[2]) : Number.POSITIVE_INFINITY;
};

/** The old site: the hosts whose files an import fetches, and the base relative links resolve against. */
export class OldSite {
  private readonly hosts = new Set<string>();
  readonly base: URL | undefined;

  constructor(base: string, hosts: Iterable<string> = []) {
    this.base = parseHttp(base);
    if (this.base) this.hosts.add(hostKey(this.base.hostname));
    for (const h of hosts) this.addHost(h);
  }

  /** A host, or the host of a URL, that is the old site's. */
  addHost(hostOrUrl: string): void {
    const u = parseHttp(hostOrUrl) ?? parseHttp(`https://${hostOrUrl}`);
    if (u) this.hosts.add(hostKey(u.hostname));
  }

  get hostNames(): string[] {
    return [...this.hosts];
  }

  /**
   * An absolute http(s) URL for a reference in the export (relative and protocol-relative ones
   * against the site's address; a Jetpack CDN copy as its original); undefined for anything else.
   */
  resolve(ref: string): URL | undefined {
    const raw = ref.trim();
    if (!raw || /^(data|javascript|blob|about|file|mailto):/i.test(raw)) return undefined;
    let u: URL;
    try {
      u = new URL(raw, this.base ?? 'https://invalid.invalid/');
    } catch {
      return undefined;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (!this.base && u.hostname === 'invalid.invalid') return undefined;
    if (PHOTON.test(u.hostname)) {
      const m = /^\/([^/]+)(\/.*)$/.exec(u.pathname);
      const inner = m ? parseHttp(`https://${m[1]}${m[2]}`) : undefined;
      if (inner && this.isOld(inner)) return inner;
    }
    u.hash = '';
    return u;
  }

  isOld(u: URL): boolean {
    return this.hosts.has(hostKey(u.hostname));
  }
}

function parseHttp(raw: string): URL | undefined {
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/** One `<img>` in a post's raw content, with the link around it. */
export interface ImageUse {
  src: string;
  srcset: string;
  href: string;
  alt: string;
  /** From the block editor's and classic editor's `wp-image-N` class. */
  wpId?: number;
}

/** The images in raw post content (WordPress HTML, block comments and shortcodes around them). */
export function imageUsesIn(content: string): ImageUse[] {
  if (!/<img\b/i.test(content)) return [];
  const out: ImageUse[] = [];
  const links: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'a') links.push(a.href ?? '');
        else if (name === 'img') {
          const id = /\bwp-image-(\d+)\b/.exec(a.class ?? '')?.[1];
          out.push({ src: a.src ?? '', srcset: a.srcset ?? '', href: links.at(-1) ?? '', alt: a.alt ?? '', ...(id ? { wpId: Number(id) } : {}) });
        }
      },
      onclosetag(name) {
        if (name === 'a') links.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(content);
  parser.end();
  return out;
}

/** The largest candidate of a srcset, by its width (or density) descriptor. */
function largestCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const part of srcset.split(/,(?=\s*\S)/)) {
    const [url, descriptor = ''] = part.trim().split(/\s+/);
    if (!url) continue;
    const size = Number.parseFloat(descriptor) || 1;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url;
}

interface Group {
  urls: Map<string, URL>;
  wpIds: Set<number>;
  alt: string;
  /** WordPress ids of the posts showing it. */
  posts: Set<number>;
}

/** A file to fetch: an attachment, or an image only a post's body names. */
export interface FetchJob {
  kind: 'attachment' | 'image';
  /** import_map source id: the attachment's WordPress id, or a hash of the original's key. */
  sourceId: string;
  /** URLs to try, best first: the original, then the sizes seen, largest first. */
  urls: URL[];
  /** fileKey()s of every URL this file stands for in post bodies. */
  answers: string[];
  attachment?: AttachmentInfo;
  alt: string;
  caption: string;
  /** For the generated file name. */
  title: string;
  /** ISO date or WordPress date (the attachment's), for the folder. */
  date: string;
  /** WordPress ids of the posts that show it (labels: MediaReferences.label). */
  posts: Set<number>;
}

export interface MediaPlan {
  jobs: FetchJob[];
  /** Different images on other sites that posts show (not fetched). */
  elsewhere: number;
  /** Attachments that are not images the library takes (PDFs, audio…): id and file. */
  notImages: AttachmentInfo[];
}

export const imageSourceId = (key: string): string => `sha256:${createHash('sha256').update(key).digest('hex')}`;

/** Collects, during pass 1, the images every post and page shows and the attachments they use. */
export class MediaReferences {
  private readonly groups = new Map<string, Group>();
  /** attachment id → posts using it as featured image or in a gallery */
  private readonly attachmentUses = new Map<number, Set<number>>();
  /** WordPress id → label ("post 12 \"Title\"") of every post showing an image. */
  private readonly labels = new Map<number, string>();

  constructor(private readonly site: () => OldSite) {}

  /** How the report names a post. */
  label(wpId: number): string {
    return this.labels.get(wpId) ?? `item ${wpId}`;
  }

  /** One post's content, featured image and galleries. */
  add(wpId: number, label: string, content: string, thumbnailId: number): void {
    const site = this.site();
    const uses = imageUsesIn(content);
    const galleries = [...content.matchAll(/\[gallery\b[^\]]*\b(?:ids|include)\s*=\s*["']?([\d,\s]+)/gi)].flatMap((m) => m[1]!.split(/[,\s]+/).map(Number));
    if (uses.length || galleries.length || thumbnailId) this.labels.set(wpId, label);
    for (const use of uses) {
      const src = site.resolve(use.src);
      if (!src) continue;
      const key = originalKey(src);
      let g = this.groups.get(key);
      if (!g) {
        g = { urls: new Map(), wpIds: new Set(), alt: use.alt.trim(), posts: new Set() };
        this.groups.set(key, g);
      }
      g.urls.set(fileKey(src), src);
      if (use.wpId) g.wpIds.add(use.wpId);
      if (!g.alt) g.alt = use.alt.trim();
      g.posts.add(wpId);
      // The same picture's other sizes: the largest srcset candidate, the linked full-size file.
      for (const rel of [largestCandidate(use.srcset), use.href]) {
        const u = rel ? site.resolve(rel) : undefined;
        if (u && originalKey(u) === key && FETCHABLE.test(u.pathname)) g.urls.set(fileKey(u), u);
      }
    }
    for (const id of [thumbnailId, ...galleries]) {
      if (!Number.isInteger(id) || id <= 0) continue;
      const u = this.attachmentUses.get(id) ?? new Set<number>();
      u.add(wpId);
      this.attachmentUses.set(id, u);
    }
  }

  /**
   * The jobs, once every attachment is known. Attachments already in the library (`mediaId`)
   * need nothing; images matching one are its file.
   */
  plan(attachments: Map<number, AttachmentInfo>, byUrl: Map<string, AttachmentInfo>): MediaPlan {
    const site = this.site();
    const jobs = new Map<string, FetchJob>();
    const byAttachment = new Map<number, FetchJob>();
    const notImages: AttachmentInfo[] = [];
    for (const a of attachments.values()) {
      if (a.mediaId !== undefined || a.dryRunStored) continue;
      const url = site.resolve(a.url);
      if (!url || !FETCHABLE.test(url.pathname)) {
        notImages.push(a);
        continue;
      }
      const job: FetchJob = {
        kind: 'attachment',
        sourceId: String(a.wpId),
        urls: [url],
        answers: [fileKey(url)],
        attachment: a,
        alt: a.alt || a.title,
        caption: a.caption,
        title: a.title || a.alt,
        date: a.date,
        posts: new Set(this.attachmentUses.get(a.wpId)),
      };
      jobs.set(`a:${a.wpId}`, job);
      byAttachment.set(a.wpId, job);
    }
    let elsewhere = 0;
    for (const [key, g] of this.groups) {
      const urls = [...g.urls.values()];
      // The attachment the converter will pick for this image (by class, then by URL).
      const a =
        [...g.wpIds].map((id) => attachments.get(id)).find((x) => x !== undefined) ??
        urls.map((u) => byUrl.get(uploadKey(u.href)) ?? byUrl.get(uploadKey(u.href, true))).find((x) => x !== undefined);
      if (a) {
        // Its file is in the library (or in --media, in a dry run), or it is none we take.
        const job = byAttachment.get(a.wpId);
        if (!job) continue;
        for (const u of urls) if (!job.answers.includes(fileKey(u)) && site.isOld(u)) addUrl(job, u);
        for (const p of g.posts) job.posts.add(p);
        continue;
      }
      const old = urls.filter((u) => site.isOld(u));
      if (old.length === 0) {
        elsewhere++;
        continue;
      }
      const ym = /\/(\d{4})\/(\d{2})\/[^/]*$/.exec(old[0]!.pathname);
      const job: FetchJob = {
        kind: 'image',
        sourceId: imageSourceId(key),
        urls: [],
        answers: [],
        alt: g.alt,
        caption: '',
        title: g.alt,
        date: ym ? `${ym[1]}-${ym[2]}-01` : '',
        posts: g.posts,
      };
      const original = old.map(withoutSizeSuffix).find((u) => u !== undefined);
      for (const u of [...(original ? [original] : []), ...old]) addUrl(job, u);
      jobs.set(`i:${key}`, job);
    }
    for (const job of jobs.values()) {
      const [first, ...rest] = job.urls;
      if (job.kind === 'attachment') job.urls = [first!, ...rest.sort((x, y) => areaOf(y) - areaOf(x))];
      else job.urls = [...job.urls].sort((x, y) => areaOf(y) - areaOf(x));
    }
    return { jobs: [...jobs.values()], elsewhere, notImages };
  }
}

function addUrl(job: FetchJob, u: URL): void {
  const k = fileKey(u);
  if (job.answers.includes(k)) return;
  job.answers.push(k);
  job.urls.push(u);
}
