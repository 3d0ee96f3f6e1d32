/**
 * @module import/wordpress/import-wordpress
 * `broadsheet import wordpress`: two streaming passes over a WXR file.
 *  - Pass 1 reads everything and writes nothing: it validates the whole file (a truncated or
 *    hostile file changes nothing) and keeps the small things: the header (authors, categories,
 *    tags) and the attachments (id, file, parent).
 *  - Then authors, the category tree and tags are written, and attachments (files from `--media`,
 *    with derivatives) each in its own transaction.
 *  - With `--fetch-media`, pass 1 also notes every image the posts show; the old site's files
 *    that are not in the library yet (attachments, body images) are then downloaded and stored
 *    (fetch-media.ts), so pass 2 converts every post with its local copies already known.
 *  - Pass 2 imports posts and pages in batches of 50, each batch in its own transaction: every item
 *    is converted first, then the batch's posts, links, redirects and comments are written with
 *    multi-row statements. A failed batch is retried item by item. An interruption leaves finished
 *    batches intact and a re-run finishes.
 * Everything is keyed in import_map by (site, kind, WordPress id): a re-run updates.
 *
 * @example
 * const report = await importWordPress(handle.db, { file: 'site.xml', mediaRoot, ipHashKey });
 * console.log(report.format());
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { FullText } from '../../db/full-text.js';
import { slugify } from '../../modules/article/article.js';
import { categoryPath } from '../../modules/article/permalink.js';
import type { MediaPlace } from '../../modules/media/media-store.js';
import { MediaError, storeImage } from '../../modules/media/media.service.js';
import { mediaUrl } from '../../modules/media/media.js';
import { refreshAllRelated } from '../../modules/related/related.service.js';
import { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { lookupAll, remember } from '../../modules/redirect/import-map.repository.js';
import { allCategories, findTagById, findTagBySlug, insertCategory, insertTag } from '../../modules/taxonomy/taxonomy.repository.js';
import { categoryExists, categoryIdBySlug, updateCategoryRow } from '../../modules/taxonomy/category.repository.js';
import { updateTagRow } from '../../modules/taxonomy/tag.repository.js';
import { findMediaById, updateMediaTexts } from '../../modules/media/media.repository.js';
import { slugsOfPosts } from '../../modules/content/posts.repository.js';
import { ImportReport } from '../report.js';
import { isImportedStatus, preparePost, writePosts, type PostImportContext, type PreparedPost } from './import-post.js';
import { putRedirects, countRedirects } from './redirects.js';
import { upsertAuthor } from './import-author.js';
import { oldPath, plainText, slugOf, sourceId } from './text.js';
import { readWxr } from './wxr-reader.js';
import { fetchMedia, type FetchedMedia, type FetchMediaOptions } from './fetch-media.js';
import { MediaReferences, OldSite } from './remote-media.js';
import { uploadKey, type AttachmentInfo, type HeaderMaps } from './context.js';
import type { WxrAuthor, WxrCategory, WxrItem, WxrSite, WxrTag } from './wxr.js';
import { chooseMenus, importWordPressMenus, type MenuOptions, WpMenus } from './menus.js';
import { pinStickyPosts } from '../../modules/frontpage/frontpage.service.js';

export interface ImportOptions {
  file: string;
  /** The old site's uploads folder (wp-content/uploads). */
  mediaDir?: string;
  /**
   * Download attachments and the images posts show from the old site (after `mediaDir`, for the
   * files it lacks). Not in a dry run: it only counts what it would fetch.
   */
  fetchMedia?: FetchMediaOptions;
  /** Our media root (DATA_DIR/media). */
  mediaRoot: MediaPlace;
  /** Key for hashing commenters' IP addresses. */
  ipHashKey: Buffer;
  /** Do everything in one transaction and roll it back; no files are written. */
  dryRun?: boolean;
  /** Recompute related articles afterwards: always, never, or 'auto' (up to 5,000 imported posts). */
  related?: boolean | 'auto';
  fullText?: FullText;
  now?: Date;
  /** Which WordPress menus become the primary and footer menus, and whether to overwrite edited ones. */
  menus?: MenuOptions;
  /** Checked between items; when aborted, the import stops after the current item. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'scan' | 'media' | 'fetch' | 'posts';
  done: number;
  total: number;
}

class DryRunRollback extends Error {}
export class ImportAborted extends Error {
  constructor(public readonly report: ImportReport) {
    super('The import was interrupted; run it again to finish (finished items are kept).');
  }
}

const RELATED_AUTO_LIMIT = 5000;
/** Posts per transaction, and the most content one transaction holds. */
const BATCH_ITEMS = 50;
const BATCH_CHARS = 4_000_000;

export async function importWordPress(db: Db, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const totalBytes = (await fs.stat(options.file).catch(() => ({ size: 0 }))).size;

  // ---- pass 1: validate the whole file, keep header and attachments ----
  let site: WxrSite | undefined;
  const authors: WxrAuthor[] = [];
  const categories: WxrCategory[] = [];
  const tags: WxrTag[] = [];
  const attachments = new Map<number, AttachmentInfo>();
  const menus = new WpMenus();
  const otherTypes = new Map<string, number>();
  let postCount = 0;
  // Site header records come before the items, so relative image URLs resolve against its address.
  let oldSite: OldSite | undefined;
  const siteOf = (): OldSite => {
    oldSite ??= new OldSite(
      site?.link || site?.baseBlogUrl || site?.baseSiteUrl || '',
      [site?.baseBlogUrl ?? '', site?.baseSiteUrl ?? '', ...(options.fetchMedia?.hosts ?? [])].filter(Boolean),
    );
    return oldSite;
  };
  const references = options.fetchMedia ? new MediaReferences(siteOf) : undefined;
  for await (const rec of readWxr(options.file, { onBytes: (b) => options.onProgress?.({ phase: 'scan', done: b, total: totalBytes }) })) {
    if (rec.kind === 'site') site = rec.site;
    else if (rec.kind === 'author') authors.push(rec.author);
    else if (rec.kind === 'category') categories.push(rec.category);
    else if (rec.kind === 'tag') tags.push(rec.tag);
    else if (rec.kind === 'term') menus.addTerm(rec.term);
    else if (rec.kind === 'item') {
      const it = rec.item;
      if (it.type === 'attachment') {
        const a = attachmentInfo(it);
        if (a) attachments.set(a.wpId, a);
      } else if (it.type === 'post' || it.type === 'page') {
        postCount++;
        if (references && /^\d{1,18}$/.test(it.id) && isImportedStatus(it.status)) {
          const title = (plainText(it.title) || '(no title)').slice(0, 60);
          const thumb = Number(it.meta.find((m) => m.key === '_thumbnail_id')?.value ?? 0);
          references.add(Number(it.id), `${it.type} ${it.id} "${title}"`, it.content, thumb);
        }
      } else if (it.type === 'nav_menu_item') menus.addItem(it);
      else otherTypes.set(it.type || '(none)', (otherTypes.get(it.type || '(none)') ?? 0) + 1);
    }
  }
  const source = sourceId(site?.baseBlogUrl ?? '', site?.link ?? '', site?.baseSiteUrl ?? '');
  // An option naming a menu the file lacks is refused before anything is written.
  const menuChoice = chooseMenus(menus.list, options.menus ?? {});
  const report = new ImportReport(source, options.dryRun ?? false);
  const now = options.now ?? new Date();

  const run = async (outer: Db | undefined): Promise<void> => {
    const tx = <T>(fn: (trx: Db) => Promise<T>): Promise<T> => (outer ? fn(outer) : db.transaction().execute(fn));
    const ctx = await importHeader(outer ?? db, tx, { source, site, authors, categories, tags, report, now });
    await importAttachments(tx, attachments, { ...options, source, report, now });
    const children = new Map<number, number[]>();
    for (const a of attachments.values()) if (a.parent) children.set(a.parent, [...(children.get(a.parent) ?? []), a.wpId]);
    const byUrl = new Map<string, AttachmentInfo>();
    for (const a of attachments.values()) byUrl.set(uploadKey(a.url), a);
    for (const a of attachments.values()) if (!byUrl.has(uploadKey(a.url, true))) byUrl.set(uploadKey(a.url, true), a);
    let fetched: FetchedMedia | undefined;
    if (references && options.fetchMedia) {
      const site = siteOf();
      for (const a of attachments.values()) {
        const u = site.resolve(a.url);
        if (u) site.addHost(u.href);
      }
      const plan = references.plan(attachments, byUrl);
      if (plan.elsewhere)
        report.warn(
          `${plan.elsewhere.toLocaleString('en')} image(s) that posts show from other sites were not fetched (only the old site's own files are; --fetch-host adds a host); they are listed under "Images to upload" in their articles.`,
        );
      fetched = await fetchMedia(outer ?? db, tx, site, plan, {
        source,
        mediaRoot: options.mediaRoot,
        report,
        now,
        options: options.fetchMedia,
        dryRun: options.dryRun ?? false,
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (done, total) => options.onProgress?.({ phase: 'fetch', done, total }),
        label: (id) => references.label(id),
      });
      if (options.signal?.aborted) throw new ImportAborted(report);
    }
    const postCtx: PostImportContext = {
      ...ctx,
      source,
      report,
      now,
      ipHashKey: options.ipHashKey,
      attachments,
      children,
      byUrl,
      language: languageOf(site?.language ?? ''),
      mediaDirGiven: options.mediaDir !== undefined,
      ...(fetched ? { fetched } : {}),
    };
    // Posts go in small batches, one transaction each (commits dominate on SQLite otherwise). A
    // batch that fails is rolled back and its posts retried one by one, so one bad post costs
    // only itself; names created inside a rolled-back batch are forgotten again.
    let done = 0;
    let batch: WxrItem[] = [];
    let batchChars = 0;
    // Each item is converted first (with its own report), then the batch is written together.
    const importAll = async (trx: Db, items: WxrItem[], added: [Map<string, number>, string][]): Promise<ImportReport[]> => {
      const out: ImportReport[] = [];
      const prepared: PreparedPost[] = [];
      for (const it of items) {
        const local = report.child();
        out.push(local);
        const p = await preparePost(trx, it, { ...postCtx, report: local, added });
        if (p) prepared.push(p);
      }
      await writePosts(trx, prepared, { ...postCtx, added });
      return out;
    };
    const flush = async (): Promise<void> => {
      const items = batch;
      batch = [];
      batchChars = 0;
      if (items.length === 0) return;
      const added: [Map<string, number>, string][] = [];
      try {
        const reports = await tx((trx) => importAll(trx, items, added));
        for (const r of reports) report.merge(r);
      } catch (err) {
        if (outer || items.length === 1) {
          for (const [map, key] of added) map.delete(key);
          const it = items[0]!;
          if (items.length > 1) throw err;
          report.count(it.type === 'page' ? 'page' : 'post', 'skipped');
          report.warn(`${it.type} ${it.id} "${plainText(it.title).slice(0, 60)}" was not imported: ${(err as Error).message.slice(0, 300)}`);
          return;
        }
        for (const [map, key] of added) map.delete(key);
        for (const it of items) {
          batch = [it];
          await flush();
        }
      }
      done += items.length;
      options.onProgress?.({ phase: 'posts', done, total: postCount });
    };
    for await (const rec of readWxr(options.file)) {
      if (rec.kind !== 'item') continue;
      const it = rec.item;
      if (it.type !== 'post' && it.type !== 'page') {
        if (it.type !== 'attachment' && it.type !== 'nav_menu_item') report.count('other', 'skipped');
        continue;
      }
      if (options.signal?.aborted) {
        await flush();
        throw new ImportAborted(report);
      }
      batch.push(it);
      batchChars += it.content.length + it.comments.reduce((n, c) => n + c.content.length, 0);
      if (batch.length >= BATCH_ITEMS || batchChars >= BATCH_CHARS) await flush();
    }
    await flush();
    await attachmentPageRedirects(outer ?? db, tx, attachments, source, report, now);
    // Menus last: their links name the posts, pages and categories imported above.
    await tx((trx) => importWordPressMenus(trx, menus, menuChoice, { source, oldSite: siteOf(), report, now, replace: options.menus?.replace ?? false }));
    // Sticky posts become pinned top stories of the home page.
    report.stickyPinned += await tx((trx) => pinStickyPosts(trx, now));
  };

  try {
    if (options.dryRun) {
      await db.transaction().execute(async (trx) => {
        await run(trx);
        throw new DryRunRollback();
      });
    } else {
      await run(undefined);
    }
  } catch (err) {
    if (!(err instanceof DryRunRollback)) {
      report.seconds = (Date.now() - started) / 1000;
      throw err;
    }
  }
  for (const [type, n] of otherTypes) report.warn(`${n} item(s) of type "${type}" are not imported.`);

  const imported = report.get('post').created + report.get('post').updated;
  const wantRelated = options.related ?? 'auto';
  if (options.dryRun) report.related = 'not run (dry run)';
  else if (!options.fullText || wantRelated === false) report.related = 'not run';
  else if (wantRelated === 'auto' && imported > RELATED_AUTO_LIMIT) {
    report.related = `not run (${imported.toLocaleString('en')} posts; pages show their section's latest stories until lists are computed; use --related to compute them now)`;
  } else report.related = await refreshAllRelated(db, options.fullText, now);
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

function attachmentInfo(it: WxrItem): AttachmentInfo | undefined {
  const wpId = Number(it.id);
  if (!Number.isInteger(wpId) || wpId <= 0) return undefined;
  const meta = (k: string): string => it.meta.find((m) => m.key === k)?.value ?? '';
  let file = meta('_wp_attached_file');
  if (!file && it.attachmentUrl) {
    try {
      const p = decodeURI(new URL(it.attachmentUrl).pathname);
      file = p.includes('/uploads/') ? p.slice(p.indexOf('/uploads/') + 9) : p.replace(/^\/+/, '');
    } catch {
      file = '';
    }
  }
  return {
    wpId,
    parent: Number(it.parent) || 0,
    url: it.attachmentUrl || it.guid,
    link: it.link,
    file,
    alt: meta('_wp_attachment_image_alt'),
    caption: plainText(it.excerpt),
    credit: plainText(meta('_media_credit')).slice(0, 500),
    title: plainText(it.title),
    date: it.postDateGmt || it.postDate,
  };
}

const languageOf = (raw: string): string => {
  const m = /^([a-z]{2,3})(?:[-_]([A-Za-z0-9]{2,8}))?/i.exec(raw.trim());
  return m ? (m[2] ? `${m[1]!.toLowerCase()}-${m[2]}` : m[1]!.toLowerCase()) : 'en';
};

interface HeaderInput {
  source: string;
  site: WxrSite | undefined;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  tags: WxrTag[];
  report: ImportReport;
  now: Date;
}

type Tx = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

/** Authors, the category tree (parents first) and tags, one transaction each kind. */
/** The subdirectory of the old site's address, with slashes (`/news/`), or undefined at a host's root. */
function subdirectoryOf(url: string): string | undefined {
  const path = oldPath(url);
  return path && path.endsWith('/') && /^\/[^?#*]{1,200}\/$/.test(path) ? path : undefined;
}

async function importHeader(_db: Db, tx: Tx, h: HeaderInput): Promise<HeaderMaps> {
  const iso = h.now.toISOString();
  const authorIds = new Map<string, number>();
  await tx(async (trx) => {
    const known = await lookupAll(trx, h.source, 'author');
    for (const a of h.authors) {
      if (!a.login) continue;
      const name = plainText(a.displayName) || [a.firstName, a.lastName].map(plainText).join(' ').trim() || a.login;
      const id = await upsertAuthor(trx, h, known.get(a.login), a.login, name, iso, a.email);
      authorIds.set(a.login, id);
      // WordPress user ids answer old `/?author=N` links.
      if (/^\d+$/.test(a.id)) await remember(trx, h.source, 'author', `id:${a.id}`, id);
    }
  });

  const categoryIds = new Map<string, number>();
  const wpPaths = new Map<string, string>();
  await tx(async (trx) => {
    const known = await lookupAll(trx, h.source, 'category');
    const byName = new Map(h.categories.map((c) => [c.nicename, c]));
    const visiting = new Set<string>();
    const ensure = async (c: WxrCategory, position: number): Promise<number | undefined> => {
      const done = categoryIds.get(c.nicename);
      if (done !== undefined) return done;
      if (visiting.has(c.nicename)) return undefined;
      visiting.add(c.nicename);
      const parentRow = c.parent ? byName.get(c.parent) : undefined;
      if (c.parent && !parentRow)
        h.report.warn(`Category "${c.nicename}" names a parent "${c.parent}" that is not in the file; it becomes a top-level category.`);
      const parentId = parentRow ? await ensure(parentRow, h.categories.indexOf(parentRow)) : undefined;
      wpPaths.set(c.nicename, `${c.parent && wpPaths.has(c.parent) ? wpPaths.get(c.parent)!.slice(0, -1) : '/category'}/${c.nicename}/`);
      const key = c.termId || `slug:${c.nicename}`;
      const id = await upsertCategory(trx, h, known.get(key) ?? known.get(`slug:${c.nicename}`), c, parentId ?? null, position);
      await remember(trx, h.source, 'category', key, id);
      categoryIds.set(c.nicename, id);
      return id;
    };
    for (const [i, c] of h.categories.entries()) if (c.nicename) await ensure(c, i);
    // Old category links whose path differs here (a renamed or re-parented slug).
    const tree = new CategoryTree(await allCategories(trx));
    const redirects: { from: string; to: string }[] = [];
    for (const [nicename, id] of categoryIds) {
      const ours = categoryPath(tree.pathOf(id));
      let theirs = wpPaths.get(nicename) ?? '';
      try {
        theirs = decodeURI(theirs);
      } catch {
        // keep encoded
      }
      if (theirs && theirs !== ours) redirects.push({ from: theirs, to: ours });
    }
    countRedirects(h.report, await putRedirects(trx, redirects, iso));
  });

  const tagIds = new Map<string, number>();
  await tx(async (trx) => {
    const known = await lookupAll(trx, h.source, 'tag');
    const redirects: { from: string; to: string }[] = [];
    for (const t of h.tags) {
      if (!t.slug) continue;
      const key = t.termId || `slug:${t.slug}`;
      const { id, slug } = await upsertTag(trx, h, known.get(key) ?? known.get(`slug:${t.slug}`), t);
      await remember(trx, h.source, 'tag', key, id);
      tagIds.set(t.slug, id);
      const theirs = `/tag/${slugOf(t.slug) || t.slug}/`;
      if (theirs !== `/tag/${slug}/`) redirects.push({ from: theirs, to: `/tag/${slug}/` });
    }
    countRedirects(h.report, await putRedirects(trx, redirects, iso));
  });
  // A site that lived in a subdirectory (http://example.com/news): every old address under it
  // answers with the same address here (web/site/site.routes redirectTarget), /news/ itself too.
  const base = subdirectoryOf(h.site?.link || h.site?.baseBlogUrl || '');
  if (base) await tx(async (trx) => countRedirects(h.report, await putRedirects(trx, [{ from: `${base}*`, to: '/' }], iso)));
  return { authorIds, categoryIds, tagIds };
}

async function upsertCategory(trx: Db, h: HeaderInput, mapped: number | undefined, c: WxrCategory, parentId: number | null, position: number): Promise<number> {
  const name = plainText(c.name) || c.nicename;
  const values = { name: name.slice(0, 200), description: plainText(c.description), parent_id: parentId, position };
  if (mapped !== undefined && (await categoryExists(trx, mapped))) {
    await updateCategoryRow(trx, mapped, values);
    h.report.count('category', 'updated');
    return mapped;
  }
  const slug = slugOf(c.nicename, name) || `category-${c.termId || slugify(name) || 'x'}`;
  const same = await categoryIdBySlug(trx, slug);
  if (same !== undefined) {
    h.report.count('category', 'matched');
    return same;
  }
  h.report.count('category', 'created');
  return insertCategory(trx, { slug, ...values });
}

async function upsertTag(trx: Db, h: HeaderInput, mapped: number | undefined, t: WxrTag): Promise<{ id: number; slug: string }> {
  const name = plainText(t.name) || t.slug;
  const existing = mapped !== undefined ? await findTagById(trx, mapped) : undefined;
  if (existing) {
    await updateTagRow(trx, existing.id, { name: name.slice(0, 200), description: plainText(t.description) });
    h.report.count('tag', 'updated');
    return { id: existing.id, slug: existing.slug };
  }
  const slug = slugOf(t.slug, name) || `tag-${t.termId || 'x'}`;
  const same = await findTagBySlug(trx, slug);
  if (same) {
    h.report.count('tag', 'matched');
    return { id: same.id, slug: same.slug };
  }
  h.report.count('tag', 'created');
  const id = await insertTag(trx, { slug, name: name.slice(0, 200), description: plainText(t.description) });
  return { id, slug };
}

const STORABLE = /\.(jpe?g|png|webp)$/i;

/** Attachments: files copied from the uploads folder with derivatives; missing ones reported. */
async function importAttachments(
  tx: Tx,
  attachments: Map<number, AttachmentInfo>,
  o: ImportOptions & { source: string; report: ImportReport; now: Date },
): Promise<void> {
  const known = await tx((trx) => lookupAll(trx, o.source, 'attachment'));
  const mediaDir = o.mediaDir ? path.resolve(o.mediaDir) : undefined;
  // With --fetch-media, what is not in the uploads folder is left to fetch-media.ts (which
  // counts and reports it).
  const fetching = o.fetchMedia !== undefined;
  let done = 0;
  let noDir = 0;
  for (const a of attachments.values()) {
    o.onProgress?.({ phase: 'media', done: done++, total: attachments.size });
    if (o.signal?.aborted) throw new ImportAborted(o.report);
    const mapped = known.get(String(a.wpId));
    if (mapped !== undefined) {
      const row = await tx((trx) => findMediaById(trx, mapped));
      if (row) {
        await tx((trx) => updateMediaTexts(trx, row.id, { alt: a.alt || a.title, caption: a.caption, ...(a.credit ? { credit: a.credit } : {}) }));
        a.mediaId = row.id;
        a.mediaPath = row.path;
        o.report.count('attachment', 'updated');
        continue;
      }
    }
    if (!mediaDir) {
      if (fetching) continue;
      noDir++;
      o.report.count('attachment', 'skipped');
      continue;
    }
    const file = path.resolve(mediaDir, a.file);
    if (!a.file || !file.startsWith(mediaDir + path.sep)) {
      if (fetching) continue;
      o.report.count('attachment', 'skipped');
      o.report.warn(`Attachment ${a.wpId} has no usable file path ("${a.file.slice(0, 100)}").`);
      continue;
    }
    if (!STORABLE.test(a.file)) {
      if (fetching) continue;
      o.report.count('attachment', 'skipped');
      o.report.warn(`Attachment ${a.wpId} (${a.file}) is not a JPEG, PNG or WebP image; links to it keep their original URL.`);
      continue;
    }
    const bytes = await fs.readFile(file).catch(() => undefined);
    if (!bytes) {
      if (fetching) continue;
      o.report.count('attachment', 'skipped');
      o.report.warn(`Missing media file: ${a.file} (attachment ${a.wpId}); the image keeps its original URL.`);
      continue;
    }
    if (o.dryRun) {
      o.report.count('attachment', 'created');
      a.dryRunStored = true;
      continue;
    }
    try {
      const folder = `wp/${path.posix
        .dirname(a.file)
        .split('/')
        .map((s) => s.replace(/[^\w-]+/g, '-'))
        .join('/')}`.replace(/\/\.$/, '');
      const id = await tx(async (trx) => {
        const mediaId = await storeImage(trx, o.mediaRoot, {
          fileName: path.basename(a.file),
          bytes,
          alt: a.alt || a.title,
          caption: a.caption,
          credit: a.credit,
          folder,
          now: o.now,
        });
        await remember(trx, o.source, 'attachment', String(a.wpId), mediaId);
        return mediaId;
      });
      const row = await tx(async (trx) => {
        const stored = await findMediaById(trx, id);
        if (!stored) throw new Error(`media ${id} vanished after it was stored`);
        return stored;
      });
      a.mediaId = id;
      a.mediaPath = row.path;
      o.report.count('attachment', 'created');
      const from = oldPath(a.url);
      if (from) countRedirects(o.report, await tx((trx) => putRedirects(trx, [{ from, to: mediaUrl(row.path) }], o.now.toISOString())));
    } catch (err) {
      o.report.count('attachment', 'skipped');
      o.report.warn(`Attachment ${a.wpId} (${a.file}) could not be stored: ${err instanceof MediaError ? err.message : (err as Error).message.slice(0, 200)}`);
    }
  }
  if (attachments.size) o.onProgress?.({ phase: 'media', done, total: attachments.size });
  if (noDir) o.report.warn(`${noDir} attachment(s) not copied: no --media folder given; images keep pointing at their original URLs.`);
}

/** Attachment pages (/2013/09/post/photo/) → the post they belong to, or the file itself. */
async function attachmentPageRedirects(
  db: Db,
  tx: Tx,
  attachments: Map<number, AttachmentInfo>,
  source: string,
  report: ImportReport,
  now: Date,
): Promise<void> {
  const posts = await lookupAll(db, source, 'post');
  const batch: { from: string; to: string }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length) countRedirects(report, await tx((trx) => putRedirects(trx, batch.splice(0), now.toISOString())));
  };
  const slugs = new Map<number, string>();
  const parentIds = [...new Set([...attachments.values()].map((a) => posts.get(String(a.parent))).filter((x): x is number => x !== undefined))];
  for (let i = 0; i < parentIds.length; i += 500) {
    for (const [id, slug] of await slugsOfPosts(db, parentIds.slice(i, i + 500))) slugs.set(id, slug);
  }
  for (const a of attachments.values()) {
    const from = oldPath(a.link);
    if (!from) continue;
    const parent = posts.get(String(a.parent));
    const slug = parent !== undefined ? slugs.get(parent) : undefined;
    const to = slug ? `/${encodeURIComponent(slug)}/` : a.mediaPath ? mediaUrl(a.mediaPath) : undefined;
    if (to) batch.push({ from, to });
    if (batch.length >= 200) await flush();
  }
  await flush();
}
