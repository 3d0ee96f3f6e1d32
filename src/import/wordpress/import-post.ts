/**
 * @module import/wordpress/import-post
 * Posts and pages with everything that hangs on them — authors, categories, tags, featured image,
 * converted body, old-link redirects, threaded comments — written inside the caller's transaction.
 * Two steps: preparePost() converts one item (the CPU-heavy part; it only reads, except for names
 * missing from the header), writePosts() writes a batch of prepared items with multi-row statements,
 * a fixed number per batch. Mapped in import_map, so importing again updates the same rows.
 */
import type { Db } from '../../db/database.js';
import { POST_FORMATS, type CommentStatus, type PostFormat, type PostStatus, type PostType } from '../../db/schema.js';
import { clipText } from '../../lib/html.js';
import { linkAuthors, linkCategories, linkTags, slugExists, updatePost } from '../../modules/article/article.repository.js';
import { insertCommentsReturning, setCommentPlaces, updateCommentRow } from '../../modules/comment/comment.repository.js';
import { insertPostLinks, insertPostsReturning, takenSlugs } from '../../modules/content/posts.repository.js';
import { categoryIdBySlug } from '../../modules/taxonomy/category.repository.js';
import { findTagBySlug, insertCategory, insertTag } from '../../modules/taxonomy/taxonomy.repository.js';
import { postPath } from '../../modules/article/permalink.js';
import { countWords, documentText, referencedMediaIds, renderDocument } from '../../modules/article/render.js';
import { findMediaByIds } from '../../modules/media/media.repository.js';
import { mediaUrl } from '../../modules/media/media.js';
import { slugify } from '../../modules/article/article.js';
import { mappedComments, mappedPosts, remember, rememberMany } from '../../modules/redirect/import-map.repository.js';
import type { ImportReport } from '../report.js';
import { commentStatus, hashIp, isPing, pathSegment, sanitizeCommentHtml, threadOrder } from './comments.js';
import { autop, convertContent, footnotesOf, type AttachmentRef } from './convert.js';
import type { MissingImage } from '../../modules/article/remote-images.js';
import { replaceImportedMissingImages } from '../../modules/article/missing-images.repository.js';
import { upsertAuthor } from './import-author.js';
import { uploadKey, type AttachmentInfo, type HeaderMaps } from './context.js';
import { putRedirectLists, putRedirects, countRedirects } from './redirects.js';
import { oldPath, plainText, slugOf, wpDate } from './text.js';
import type { WxrComment, WxrItem } from './wxr.js';
import type { FetchedMedia } from './fetch-media.js';
import { embeddedPosts } from './oembed-cache.js';

export interface PostImportContext extends HeaderMaps {
  source: string;
  report: ImportReport;
  now: Date;
  ipHashKey: Buffer;
  attachments: Map<number, AttachmentInfo>;
  /** post WordPress id → its attachments' ids */
  children: Map<number, number[]>;
  /** uploadKey(url) → attachment */
  byUrl: Map<string, AttachmentInfo>;
  language: string;
  /** Whether --media was given (without it, every image is expected to stay remote). */
  mediaDirGiven: boolean;
  /** With --fetch-media: the files fetched from the old site, by the URLs posts name them with. */
  fetched?: FetchedMedia;
  /** Names added to the maps above by this item (forgotten again if its transaction rolls back). */
  added?: [Map<string, number>, string][];
}

const STATUS: Record<string, PostStatus> = { publish: 'published', draft: 'draft', pending: 'pending', future: 'scheduled', private: 'draft', trash: 'trash' };

/** Whether a post or page with this WordPress status is imported (auto-drafts and revisions are not). */
export const isImportedStatus = (status: string): boolean => Object.hasOwn(STATUS, status);
const MAX_PATH = 400;

const refOf = (a: AttachmentInfo | undefined): AttachmentRef | undefined =>
  a &&
  (a.mediaPath !== undefined && a.mediaId !== undefined
    ? { src: mediaUrl(a.mediaPath), alt: a.alt || a.title, caption: a.caption, mediaId: a.mediaId }
    : a.url
      ? { src: a.url, alt: a.alt || a.title, caption: a.caption }
      : undefined);

/** A post or page converted and checked, its names resolved to local ids; nothing of it written yet. */
export interface PreparedPost {
  it: WxrItem;
  kind: PostType;
  label: string;
  wpId: number;
  date: string;
  baseSlug: string;
  values: PostValues;
  authorIds: number[];
  categoryIds: number[];
  tagIds: number[];
  /** Comments to import, parents first. */
  comments: PreparedComment[];
  /** Images with no imported file: left out of the body, listed in the article's editor. */
  missingImages: MissingImage[];
  report: ImportReport;
}

interface PreparedComment {
  id: string;
  /** The WordPress parent's id, or '' for a top-level (or orphaned) comment. */
  parent: string;
  values: Omit<CommentValues, 'post_id' | 'parent_id'>;
}

type PostValues = ReturnType<typeof postValues>;
interface CommentValues {
  post_id: number;
  parent_id: number | null;
  author_name: string;
  author_email: string;
  author_url: string;
  body: string;
  body_html: string;
  status: CommentStatus;
  ip_hash: string;
  created_at: string;
  updated_at: string;
}

const postValues = (v: {
  type: PostType;
  status: PostStatus;
  title: string;
  excerpt: string;
  body_doc: string;
  body_html: string;
  search_text: string;
  word_count: number;
  language: string;
  primary_category_id: number | null;
  featured_media_id: number | null;
  published_at: string | null;
  updated_at: string;
  comment_status: 'open' | 'closed';
  sticky: number;
  format: PostFormat;
}) => v;

/**
 * Converts one post or page (the CPU-heavy part: body conversion, rendering, comment HTML) and
 * resolves its author and terms, creating the ones missing from the header. Counts and warns
 * skipped items in `c.report`; returns undefined for them.
 */
export async function preparePost(trx: Db, it: WxrItem, c: PostImportContext): Promise<PreparedPost | undefined> {
  const kind: PostType = it.type === 'page' ? 'page' : 'post';
  const title = (plainText(it.title) || '(no title)').slice(0, 500);
  const label = `${kind} ${it.id} "${title.slice(0, 60)}"`;
  if (!/^\d{1,18}$/.test(it.id)) {
    c.report.count(kind, 'skipped');
    c.report.warn(`A ${kind} without a valid WordPress id ("${title.slice(0, 60)}") was skipped.`);
    return undefined;
  }
  let status = STATUS[it.status];
  if (!status) {
    c.report.count(kind, 'skipped');
    // Its comments go with it: counted as skipped, so the report's figures add up to the file's.
    if (it.comments.length) c.report.count('comment', 'skipped', it.comments.length);
    if (it.status !== 'auto-draft' && it.status !== 'inherit') c.report.warn(`${label} has status "${it.status}"; skipped.`);
    return undefined;
  }
  if (it.status === 'private') c.report.warn(`${label} was private in WordPress; imported as a draft.`);
  if (it.password && status === 'published') {
    status = 'draft';
    c.report.warn(`${label} was password-protected in WordPress; imported as a draft.`);
  }
  const wpId = Number(it.id);
  const date = wpDate(it.postDateGmt) ?? wpDate(it.postDate) ?? c.now.toISOString();
  const modified = wpDate(it.postModifiedGmt) ?? wpDate(it.postModified) ?? date;

  const conv = convertContent(it.content, {
    attachment: (id) => refOf(c.attachments.get(id)),
    imageByUrl: (url) => {
      const ref = refOf(c.byUrl.get(uploadKey(url)) ?? c.byUrl.get(uploadKey(url, true)));
      if (ref?.mediaId !== undefined || !c.fetched) return ref;
      const f = c.fetched.lookup(url);
      return f ? { src: mediaUrl(f.mediaPath), alt: ref?.alt ?? '', caption: ref?.caption ?? '', mediaId: f.mediaId } : ref;
    },
    childAttachments: c.children.get(wpId) ?? [],
    date,
    embeddedPosts: embeddedPosts(it.meta),
    footnotes: footnotesOf(it.meta.find((m) => m.key === 'footnotes')?.value),
  });
  const shown = conv.unknownShortcodes.filter((s) => !conv.hiddenShortcodes.includes(s));
  for (const name of conv.unknownShortcodes) c.report.tally(c.report.notConverted, `[${name}]`);
  for (const name of conv.droppedBlocks) c.report.tally(c.report.notConverted, `wp:${name}`);
  if (conv.hiddenShortcodes.length)
    c.report.warn(
      `${label}: shortcode(s) ${conv.hiddenShortcodes.map((s) => `[${s}]`).join(' ')} of a plugin we do not have: hidden from readers, kept in the article's text for an editor to replace.`,
    );
  if (shown.length)
    c.report.warn(`${label}: ${shown.map((s) => `[${s}]`).join(' ')} may be shortcode(s) of a plugin we do not have; left in the text as written.`);
  if (conv.droppedBlocks.length)
    c.report.warn(`${label}: dynamic block(s) ${conv.droppedBlocks.map((s) => `wp:${s}`).join(', ')} dropped (they have no content of their own).`);
  if (conv.missingImages.length) {
    const n = conv.missingImages.length;
    c.report.warn(
      c.fetched
        ? `${label}: ${n === 1 ? 'an image was' : `${n} images were`} left out: not fetched (a failed download, listed above, or another site's image). Readers will not see ${n === 1 ? 'it' : 'them'}; ${n === 1 ? 'it is' : 'they are'} listed under "Images to upload" in the article's editor.`
        : `${label}: ${n === 1 ? 'an image was' : `${n} images were`} left out: no file in the export (or on another site). Readers will not see ${n === 1 ? 'it' : 'them'}; ${n === 1 ? 'it is' : 'they are'} listed under "Images to upload" in the article's editor. Import with --media <uploads folder> or --fetch-media to bring the files.`,
    );
  }
  const media = await findMediaByIds(trx, referencedMediaIds(conv.doc));
  const html = renderDocument(conv.doc, { media, lang: c.language });
  const text = documentText(conv.doc);

  const authorIds: number[] = [];
  // Real exports carry stray characters here ("themereviewteam>"): a login has none of <>, quotes or spaces.
  const creator = it.creator.replace(/[<>"'\s]/g, '');
  if (creator) {
    let id = c.authorIds.get(creator);
    if (id === undefined) {
      id = await upsertAuthor(trx, c, undefined, creator, creator, c.now.toISOString());
      c.authorIds.set(creator, id);
      c.added?.push([c.authorIds, creator]);
    }
    authorIds.push(id);
  }
  const categoryIds: number[] = [];
  const tagIds: number[] = [];
  for (const t of it.terms) {
    if (t.domain === 'category' && t.nicename) categoryIds.push(c.categoryIds.get(t.nicename) ?? (await termOnTheFly(trx, c, 'category', t.nicename, t.name)));
    else if (t.domain === 'post_tag' && t.nicename) tagIds.push(c.tagIds.get(t.nicename) ?? (await termOnTheFly(trx, c, 'tag', t.nicename, t.name)));
  }
  // The post format (aside, status, quote…), kept; an aside or a status without an excerpt gets its first words as one (its card shows them, not a headline).
  const formatTerm = it.terms.find((t) => t.domain === 'post_format')?.nicename.replace(/^post-format-/, '');
  const format: PostFormat = POST_FORMATS.find((f) => f === formatTerm && f !== 'standard') ?? 'standard';
  if (format !== 'standard') c.report.tally(c.report.formats, format);
  const thumb = Number(it.meta.find((m) => m.key === '_thumbnail_id')?.value ?? 0);
  const featured = c.attachments.get(thumb)?.mediaId ?? null;
  if (thumb && featured === null && (c.mediaDirGiven || c.fetched) && c.attachments.has(thumb))
    c.report.warn(`${label}: its featured image (attachment ${thumb}) was not imported.`);

  const values = postValues({
    type: kind,
    status,
    title,
    excerpt: plainText(it.excerpt).slice(0, 2000) || (format === 'aside' || format === 'status' ? clipText(text.split('\n')[0] ?? '', 300) : ''),
    body_doc: JSON.stringify(conv.doc),
    body_html: html,
    search_text: text,
    word_count: countWords(`${title}\n${text}`),
    language: c.language,
    primary_category_id: categoryIds[0] ?? null,
    featured_media_id: featured,
    published_at: status === 'published' || status === 'scheduled' ? date : null,
    // biome-ignore lint/complexity/useMathMinMax: ISO 8601 strings, the later one by text order
    updated_at: modified < date ? date : modified,
    comment_status: it.commentStatus === 'closed' ? 'closed' : 'open',
    sticky: it.isSticky === '1' ? 1 : 0,
    format,
  });
  return {
    it,
    kind,
    label,
    wpId,
    date,
    values,
    baseSlug: slugOf(it.name, title) || `${kind}-${wpId}`,
    authorIds: [...new Set(authorIds)],
    categoryIds: [...new Set(categoryIds)],
    tagIds: [...new Set(tagIds)],
    comments: it.comments.length ? prepareComments(it, label, c) : [],
    missingImages: conv.missingImages,
    report: c.report,
  };
}

/** Comments in thread order with their converted values; pings and unknown statuses counted as skipped. */
function prepareComments(it: WxrItem, label: string, c: PostImportContext): PreparedComment[] {
  const pings = it.comments.filter(isPing).length;
  if (pings) c.report.count('comment', 'skipped', pings);
  const out: PreparedComment[] = [];
  // Oldest first by date (then by WordPress id), whatever their order in the file: the order they
  // are stored in is the order each thread shows them; replies still after their parents.
  const when = (x: WxrComment): string => wpDate(x.dateGmt) ?? wpDate(x.date) ?? '';
  const byDate = it.comments
    .filter((x) => !isPing(x) && /^\d{1,18}$/.test(x.id))
    .sort((a, b) => (when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : Number(a.id) - Number(b.id)));
  for (const { comment: cm, orphan } of threadOrder(byDate)) {
    const status: CommentStatus | undefined = commentStatus(cm.approved);
    if (!status) {
      c.report.count('comment', 'skipped');
      c.report.warn(`${label}: comment ${cm.id} has status "${cm.approved}"; skipped.`);
      continue;
    }
    if (orphan) c.report.warn(`${label}: comment ${cm.id} replies to comment ${cm.parent}, which is not in the file; imported as a top-level comment.`);
    const created = wpDate(cm.dateGmt) ?? wpDate(cm.date) ?? c.now.toISOString();
    const url = /^https?:\/\//i.test(cm.authorUrl.trim()) ? cm.authorUrl.trim().slice(0, 500) : '';
    out.push({
      id: cm.id,
      parent: !orphan && cm.parent && cm.parent !== '0' ? cm.parent : '',
      values: {
        author_name: (plainText(cm.author) || 'Anonymous').slice(0, 200),
        author_email: cm.authorEmail.trim().slice(0, 320),
        author_url: url,
        body: cm.content,
        body_html: sanitizeCommentHtml(autop(cm.content)),
        status,
        ip_hash: hashIp(c.ipHashKey, cm.authorIp),
        created_at: created,
        updated_at: created,
      },
    });
  }
  return out;
}

/** Old links: the permalink in the file, and the date-based forms WordPress also answered. */
function oldLinks(p: PreparedPost, slug: string): { from: string; to: string }[] {
  const it = p.it;
  const to = postPath(slug);
  const froms = new Set<string>();
  const fromLink = oldPath(it.link);
  if (fromLink) froms.add(fromLink);
  const wpSlug = slugOf(it.name);
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(it.postDate || it.postDateGmt);
  if (p.kind === 'post' && wpSlug && d && d[1] !== '0000') {
    froms.add(`/${d[1]}/${d[2]}/${d[3]}/${wpSlug}/`);
    froms.add(`/${d[1]}/${d[2]}/${wpSlug}/`);
  }
  if (wpSlug && wpSlug !== slug) froms.add(`/${wpSlug}/`);
  froms.delete(decodeURI(to));
  return [...froms].map((from) => ({ from, to }));
}

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS = 100;
const chunks = <T>(rows: T[], size = ROWS): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/**
 * Writes prepared posts (in file order) inside the caller's transaction with a fixed number of
 * statements per batch: the result is the same as writing them one after another. Items that
 * name the same WordPress id are written one at a time (the later one updates the earlier).
 */
export async function writePosts(trx: Db, posts: PreparedPost[], c: PostImportContext): Promise<void> {
  if (posts.length === 0) return;
  const ids = posts.map((p) => p.it.id);
  if (new Set(ids).size !== ids.length) {
    for (const p of posts) await writePosts(trx, [p], c);
    return;
  }
  const iso = c.now.toISOString();
  const existing = new Map<string, { id: number; slug: string }>();
  for (const part of chunks(ids, 500)) {
    for (const r of await mappedPosts(trx, c.source, part)) existing.set(r.source_id, { id: r.id, slug: r.slug });
  }

  // Slugs for new posts: the WordPress one unless taken (by a stored post or an earlier one here).
  const fresh = posts.filter((p) => !existing.has(p.it.id));
  const taken = new Set<string>();
  for (const part of chunks([...new Set(fresh.map((p) => p.baseSlug))], 500)) {
    for (const slug of await takenSlugs(trx, part)) taken.add(slug);
  }
  const slugs = new Map<PreparedPost, string>();
  for (const p of fresh) {
    let slug = p.baseSlug;
    if (taken.has(slug)) {
      for (let n = 2; ; n++) {
        slug = `${p.baseSlug.slice(0, 180)}-${n}`;
        if (!taken.has(slug) && !(await slugExists(trx, slug))) break;
      }
    }
    taken.add(slug);
    slugs.set(p, slug);
  }

  // Posts: updates one by one (re-runs), inserts together; ids found again by their unique slug.
  const postIds = new Map<PreparedPost, number>();
  for (const p of posts) {
    const e = existing.get(p.it.id);
    if (!e) continue;
    await updatePost(trx, e.id, p.values);
    postIds.set(p, e.id);
    slugs.set(p, e.slug);
    p.report.count(p.kind, 'updated');
    await linkAuthors(trx, e.id, p.authorIds);
    await linkCategories(trx, e.id, p.categoryIds);
    await linkTags(trx, e.id, p.tagIds);
  }
  for (const part of chunks(fresh, 50)) {
    const rows = await insertPostsReturning(
      trx,
      part.map((p) => ({ ...p.values, slug: slugs.get(p)!, created_at: p.date, seo_title: '', seo_description: '', translation_group: null })),
    );
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    for (const p of part) {
      const id = bySlug.get(slugs.get(p)!);
      if (id === undefined) throw new Error(`${p.label}: the inserted post was not returned.`);
      postIds.set(p, id);
      p.report.count(p.kind, 'created');
    }
  }
  if (fresh.length) {
    const maps = fresh.map((p) => ({ source: c.source, kind: 'post', source_id: p.it.id, local_id: postIds.get(p)! }));
    for (const part of chunks(maps, 200)) await rememberMany(trx, part);
    // A new post has no links to replace: inserts only.
    const a = fresh.flatMap((p) => p.authorIds.map((author_id, position) => ({ post_id: postIds.get(p)!, author_id, position })));
    const cs = fresh.flatMap((p) => p.categoryIds.map((category_id) => ({ post_id: postIds.get(p)!, category_id })));
    const ts = fresh.flatMap((p) => p.tagIds.map((tag_id) => ({ post_id: postIds.get(p)!, tag_id })));
    for (const part of chunks(a, 300)) await insertPostLinks(trx, { authors: part });
    for (const part of chunks(cs, 300)) await insertPostLinks(trx, { categories: part });
    for (const part of chunks(ts, 300)) await insertPostLinks(trx, { tags: part });
  }

  // Redirects: together when no post's old path is another's path here (order cannot matter then).
  const lists = posts.map((p) => oldLinks(p, slugs.get(p)!));
  const tos = new Set(lists.flatMap((l) => l.map((r) => r.to)));
  const seen = new Set<string>();
  let independent = true;
  for (const l of lists) {
    for (const r of l) {
      if (tos.has(r.from) || seen.has(r.from)) independent = false;
      seen.add(r.from);
    }
  }
  if (independent) {
    const counts = await putRedirectLists(trx, lists, iso);
    posts.forEach((p, i) => {
      countRedirects(p.report, counts[i]!);
    });
  } else {
    for (const [i, p] of posts.entries()) countRedirects(p.report, await putRedirects(trx, lists[i]!, iso));
  }

  for (const p of posts) await replaceImportedMissingImages(trx, postIds.get(p)!, p.missingImages, iso);
  await writeComments(trx, posts, postIds, c);
}

/** Comments of a batch: known ones updated, new ones inserted together, then their paths set in one statement. */
async function writeComments(trx: Db, posts: PreparedPost[], postIds: Map<PreparedPost, number>, c: PostImportContext): Promise<void> {
  const withComments = posts.filter((p) => p.comments.length);
  if (withComments.length === 0) return;
  const known = new Map<string, number>();
  const pairs = withComments.map((p) => ({ postId: postIds.get(p)!, ids: p.comments.map((x) => x.id) }));
  for (const part of chunks(pairs, 50)) {
    const rows = await mappedComments(
      trx,
      c.source,
      part.map((x) => x.postId),
      [...new Set(part.flatMap((x) => x.ids))],
    );
    for (const r of rows) known.set(`${r.post_id}:${r.source_id}`, r.local_id);
  }

  // New comments first, with a unique placeholder path that finds each one's id again.
  const ids = new Map<PreparedComment, number>();
  const inserts: { cm: PreparedComment; row: CommentValues & { path: string; depth: number; user_id: null; spam_score: number; spam_reasons: string } }[] = [];
  for (const p of withComments) {
    const postId = postIds.get(p)!;
    for (const cm of p.comments) {
      const id = known.get(`${postId}:${cm.id}`);
      if (id !== undefined) ids.set(cm, id);
      else
        inserts.push({
          cm,
          row: { ...cm.values, post_id: postId, parent_id: null, path: `~import:${inserts.length}`, depth: 0, user_id: null, spam_score: 0, spam_reasons: '' },
        });
    }
  }
  for (const part of chunks(inserts)) {
    const rows = await insertCommentsReturning(
      trx,
      part.map((x) => x.row),
    );
    const byPath = new Map(rows.map((r) => [r.path, r.id]));
    for (const x of part) {
      const id = byPath.get(x.row.path);
      if (id === undefined) throw new Error('An inserted comment was not returned.');
      ids.set(x.cm, id);
    }
  }

  // Places, parents first; the path is built from local ids, so a reply sorts under its parent.
  const placedNew: { id: number; parent_id: number | null; path: string; depth: number }[] = [];
  const fresh = new Map<string, { source: string; kind: string; source_id: string; local_id: number }>();
  for (const p of withComments) {
    const postId = postIds.get(p)!;
    const placed = new Map<string, { id: number; path: string; depth: number }>();
    for (const cm of p.comments) {
      let parent = cm.parent ? placed.get(cm.parent) : undefined;
      if (parent && parent.path.length + 11 > MAX_PATH) {
        // Deeper than the path can hold: it becomes a sibling of its parent.
        const up = parent.path.split('/').slice(0, -1);
        parent = up.length ? { id: Number(up.at(-1)), path: up.join('/'), depth: parent.depth - 1 } : undefined;
      }
      const id = ids.get(cm)!;
      const path = parent ? `${parent.path}/${pathSegment(id)}` : pathSegment(id);
      const depth = parent ? parent.depth + 1 : 0;
      if (known.has(`${postId}:${cm.id}`)) {
        await updateCommentRow(trx, id, { ...cm.values, post_id: postId, parent_id: parent?.id ?? null, path, depth });
        p.report.count('comment', 'updated');
      } else {
        placedNew.push({ id, parent_id: parent?.id ?? null, path, depth });
        fresh.delete(cm.id);
        fresh.set(cm.id, { source: c.source, kind: 'comment', source_id: cm.id, local_id: id });
        p.report.count('comment', 'created');
      }
      placed.set(cm.id, { id, path, depth });
    }
  }
  for (const part of chunks(placedNew, 200)) await setCommentPlaces(trx, part);
  // New comments' import-map rows (a stale row, for a comment deleted since, is replaced).
  for (const part of chunks([...fresh.values()], 200)) await rememberMany(trx, part);
}

/** A category or tag used by a post but missing from the file's header: created as it is met. */
async function termOnTheFly(trx: Db, c: PostImportContext, kind: 'category' | 'tag', nicename: string, name: string): Promise<number> {
  const slug = slugOf(nicename, name) || `${kind}-${slugify(name) || 'x'}`;
  let id = kind === 'category' ? await categoryIdBySlug(trx, slug) : (await findTagBySlug(trx, slug))?.id;
  if (id === undefined) {
    const label = (plainText(name) || nicename).slice(0, 200);
    id =
      kind === 'category'
        ? await insertCategory(trx, { slug, name: label, description: '', parent_id: null, position: 0 })
        : await insertTag(trx, { slug, name: label, description: '' });
    c.report.count(kind, 'created');
  }
  await remember(trx, c.source, kind, `slug:${nicename}`, id);
  const map = kind === 'category' ? c.categoryIds : c.tagIds;
  map.set(nicename, id);
  c.added?.push([map, nicename]);
  return id;
}
