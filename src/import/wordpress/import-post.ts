/**
 * @module import/wordpress/import-post
 * One post or page with everything that hangs on it — authors, categories, tags, featured image,
 * converted body, old-link redirects, threaded comments — written inside the caller's transaction.
 * Mapped in import_map, so importing it again updates the same rows.
 */
import type { Db } from '../../db/database.js';
import type { CommentStatus, PostStatus, PostType } from '../../db/schema.js';
import { linkAuthors, linkCategories, linkTags } from '../../modules/article/article.repository.js';
import { postPath } from '../../modules/article/permalink.js';
import { countWords, documentText, referencedMediaIds, renderDocument } from '../../modules/article/render.js';
import { findMediaByIds } from '../../modules/media/media.repository.js';
import { mediaUrl } from '../../modules/media/media.js';
import { slugify } from '../../modules/article/article.js';
import { remember } from '../import-map.js';
import type { ImportReport } from '../report.js';
import { commentStatus, hashIp, isPing, pathSegment, sanitizeCommentHtml, threadOrder } from './comments.js';
import { autop, convertContent, type AttachmentRef } from './convert.js';
import { upsertAuthor } from './import-author.js';
import { uploadKey, type AttachmentInfo, type HeaderMaps } from './context.js';
import { putRedirects } from './redirects.js';
import { oldPath, plainText, slugOf, wpDate } from './text.js';
import type { WxrItem } from './wxr.js';

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
  /** Names added to the maps above by this item (forgotten again if its transaction rolls back). */
  added?: [Map<string, number>, string][];
}

const STATUS: Record<string, PostStatus> = { publish: 'published', draft: 'draft', pending: 'pending', future: 'scheduled', private: 'draft', trash: 'trash' };
const MAX_PATH = 400;

const refOf = (a: AttachmentInfo | undefined): AttachmentRef | undefined =>
  a && (a.mediaPath !== undefined && a.mediaId !== undefined
    ? { src: mediaUrl(a.mediaPath), alt: a.alt || a.title, caption: a.caption, mediaId: a.mediaId }
    : a.url ? { src: a.url, alt: a.alt || a.title, caption: a.caption } : undefined);

/** Imports one post or page; counts it in the report. */
export async function importPost(trx: Db, it: WxrItem, c: PostImportContext): Promise<void> {
  const kind: PostType = it.type === 'page' ? 'page' : 'post';
  const title = (plainText(it.title) || '(no title)').slice(0, 500);
  const label = `${kind} ${it.id} "${title.slice(0, 60)}"`;
  if (!/^\d{1,18}$/.test(it.id)) {
    c.report.count(kind, 'skipped');
    c.report.warn(`A ${kind} without a valid WordPress id ("${title.slice(0, 60)}") was skipped.`);
    return;
  }
  let status = STATUS[it.status];
  if (!status) {
    c.report.count(kind, 'skipped');
    if (it.status !== 'auto-draft' && it.status !== 'inherit') c.report.warn(`${label} has status "${it.status}"; skipped.`);
    return;
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
    imageByUrl: (url) => refOf(c.byUrl.get(uploadKey(url)) ?? c.byUrl.get(uploadKey(url, true))),
    childAttachments: c.children.get(wpId) ?? [],
    date,
  });
  if (conv.unknownShortcodes.length) c.report.warn(`${label}: unknown shortcode(s) ${conv.unknownShortcodes.map((s) => `[${s}]`).join(' ')} kept as text.`);
  if (conv.droppedBlocks.length) c.report.warn(`${label}: dynamic block(s) ${conv.droppedBlocks.map((s) => `wp:${s}`).join(', ')} dropped (they have no content of their own).`);
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
    if (t.domain === 'category' && t.nicename) categoryIds.push(c.categoryIds.get(t.nicename) ?? await termOnTheFly(trx, c, 'category', t.nicename, t.name));
    else if (t.domain === 'post_tag' && t.nicename) tagIds.push(c.tagIds.get(t.nicename) ?? await termOnTheFly(trx, c, 'tag', t.nicename, t.name));
  }
  const thumb = Number(it.meta.find((m) => m.key === '_thumbnail_id')?.value ?? 0);
  const featured = c.attachments.get(thumb)?.mediaId ?? null;
  if (thumb && featured === null && c.mediaDirGiven && c.attachments.has(thumb)) c.report.warn(`${label}: its featured image (attachment ${thumb}) was not imported.`);

  const values = {
    type: kind,
    status,
    title,
    excerpt: plainText(it.excerpt).slice(0, 2000),
    body_doc: JSON.stringify(conv.doc),
    body_html: html,
    search_text: text,
    word_count: countWords(`${title}\n${text}`),
    language: c.language,
    primary_category_id: categoryIds[0] ?? null,
    featured_media_id: featured,
    published_at: status === 'published' || status === 'scheduled' ? date : null,
    updated_at: modified < date ? date : modified,
    comment_status: it.commentStatus === 'closed' ? 'closed' as const : 'open' as const,
    sticky: it.isSticky === '1' ? 1 : 0,
  };

  const existing = await trx.selectFrom('import_map').innerJoin('posts', 'posts.id', 'import_map.local_id').select(['posts.id', 'posts.slug'])
    .where('import_map.source', '=', c.source).where('import_map.kind', '=', 'post').where('import_map.source_id', '=', it.id).executeTakeFirst();
  let postId: number;
  let slug: string;
  if (existing) {
    await trx.updateTable('posts').set(values).where('id', '=', existing.id).execute();
    postId = existing.id;
    slug = existing.slug;
    c.report.count(kind, 'updated');
  } else {
    slug = await freeSlug(trx, slugOf(it.name, title) || `${kind}-${wpId}`);
    postId = (await trx.insertInto('posts').values({ ...values, slug, created_at: date, seo_title: '', seo_description: '', translation_group: null })
      .returning('id').executeTakeFirstOrThrow()).id;
    await remember(trx, c.source, 'post', it.id, postId);
    c.report.count(kind, 'created');
  }
  if (existing) {
    await linkAuthors(trx, postId, [...new Set(authorIds)]);
    await linkCategories(trx, postId, [...new Set(categoryIds)]);
    await linkTags(trx, postId, [...new Set(tagIds)]);
  } else {
    // A new post has no links to replace: inserts only.
    const a = [...new Set(authorIds)];
    const cs = [...new Set(categoryIds)];
    const ts = [...new Set(tagIds)];
    if (a.length) await trx.insertInto('post_authors').values(a.map((author_id, position) => ({ post_id: postId, author_id, position }))).execute();
    if (cs.length) await trx.insertInto('post_categories').values(cs.map((category_id) => ({ post_id: postId, category_id }))).execute();
    if (ts.length) await trx.insertInto('post_tags').values(ts.map((tag_id) => ({ post_id: postId, tag_id }))).execute();
  }

  // Old links: the permalink in the file, and the date-based forms WordPress also answered.
  const to = postPath(slug);
  const froms = new Set<string>();
  const fromLink = oldPath(it.link);
  if (fromLink) froms.add(fromLink);
  const wpSlug = slugOf(it.name);
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(it.postDate || it.postDateGmt);
  if (kind === 'post' && wpSlug && d && d[1] !== '0000') {
    froms.add(`/${d[1]}/${d[2]}/${d[3]}/${wpSlug}/`);
    froms.add(`/${d[1]}/${d[2]}/${wpSlug}/`);
  }
  if (wpSlug && wpSlug !== slug) froms.add(`/${wpSlug}/`);
  froms.delete(decodeURI(to));
  c.report.count('redirect', 'created', await putRedirects(trx, [...froms].map((from) => ({ from, to })), c.now.toISOString()));

  if (it.comments.length) await importComments(trx, postId, label, it, c);
}

/** A slug no other post has: the WordPress one, or it with -2, -3… (exact lookups: they use the index). */
async function freeSlug(trx: Db, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 180)}-${n}`;
    if (!(await trx.selectFrom('posts').select('id').where('slug', '=', candidate).executeTakeFirst())) return candidate;
  }
}

/** A category or tag used by a post but missing from the file's header: created as it is met. */
async function termOnTheFly(trx: Db, c: PostImportContext, kind: 'category' | 'tag', nicename: string, name: string): Promise<number> {
  const slug = slugOf(nicename, name) || `${kind}-${slugify(name) || 'x'}`;
  const table = kind === 'category' ? 'categories' : 'tags';
  let id = (await trx.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst())?.id;
  if (id === undefined) {
    const label = (plainText(name) || nicename).slice(0, 200);
    id = kind === 'category'
      ? (await trx.insertInto('categories').values({ slug, name: label, description: '', parent_id: null, position: 0 }).returning('id').executeTakeFirstOrThrow()).id
      : (await trx.insertInto('tags').values({ slug, name: label, description: '' }).returning('id').executeTakeFirstOrThrow()).id;
    c.report.count(kind, 'created');
  }
  await remember(trx, c.source, kind, `slug:${nicename}`, id);
  const map = kind === 'category' ? c.categoryIds : c.tagIds;
  map.set(nicename, id);
  c.added?.push([map, nicename]);
  return id;
}

/** Comments, parents first; the path is built from local ids, so a reply sorts under its parent. */
async function importComments(trx: Db, postId: number, label: string, it: WxrItem, c: PostImportContext): Promise<void> {
  const pings = it.comments.filter(isPing).length;
  if (pings) c.report.count('comment', 'skipped', pings);
  const ordered = threadOrder(it.comments.filter((x) => !isPing(x) && /^\d{1,18}$/.test(x.id)));
  if (ordered.length === 0) return;
  const known = new Map((await trx.selectFrom('import_map').innerJoin('comments', 'comments.id', 'import_map.local_id')
    .select(['import_map.source_id', 'import_map.local_id'])
    .where('import_map.source', '=', c.source).where('import_map.kind', '=', 'comment').where('comments.post_id', '=', postId)
    .where('import_map.source_id', 'in', ordered.map((o) => o.comment.id)).execute()).map((r) => [r.source_id, r.local_id]));
  const placed = new Map<string, { id: number; path: string; depth: number }>();
  const fresh: { source: string; kind: string; source_id: string; local_id: number }[] = [];
  for (const { comment: cm, orphan } of ordered) {
    const status: CommentStatus | undefined = commentStatus(cm.approved);
    if (!status) {
      c.report.count('comment', 'skipped');
      c.report.warn(`${label}: comment ${cm.id} has status "${cm.approved}"; skipped.`);
      continue;
    }
    if (orphan) c.report.warn(`${label}: comment ${cm.id} replies to comment ${cm.parent}, which is not in the file; imported as a top-level comment.`);
    let parent = !orphan && cm.parent && cm.parent !== '0' ? placed.get(cm.parent) : undefined;
    if (parent && parent.path.length + 11 > MAX_PATH) {
      // Deeper than the path can hold: it becomes a sibling of its parent.
      const up = parent.path.split('/').slice(0, -1);
      parent = up.length ? { id: Number(up.at(-1)), path: up.join('/'), depth: parent.depth - 1 } : undefined;
    }
    const created = wpDate(cm.dateGmt) ?? wpDate(cm.date) ?? c.now.toISOString();
    const url = /^https?:\/\//i.test(cm.authorUrl.trim()) ? cm.authorUrl.trim().slice(0, 500) : '';
    const values = {
      post_id: postId,
      parent_id: parent?.id ?? null,
      author_name: (plainText(cm.author) || 'Anonymous').slice(0, 200),
      author_email: cm.authorEmail.trim().slice(0, 320),
      author_url: url,
      body: cm.content,
      body_html: sanitizeCommentHtml(autop(cm.content)),
      status,
      ip_hash: hashIp(c.ipHashKey, cm.authorIp),
      created_at: created,
      updated_at: created,
    };
    let id = known.get(cm.id);
    if (id !== undefined) {
      await trx.updateTable('comments').set(values).where('id', '=', id).execute();
      c.report.count('comment', 'updated');
    } else {
      id = (await trx.insertInto('comments').values({ ...values, path: '', depth: 0, user_id: null, spam_score: 0, spam_reasons: '' })
        .returning('id').executeTakeFirstOrThrow()).id;
      fresh.push({ source: c.source, kind: 'comment', source_id: cm.id, local_id: id });
      c.report.count('comment', 'created');
    }
    const path = parent ? `${parent.path}/${pathSegment(id)}` : pathSegment(id);
    const depth = parent ? parent.depth + 1 : 0;
    await trx.updateTable('comments').set({ path, depth }).where('id', '=', id).execute();
    placed.set(cm.id, { id, path, depth });
  }
  // New comments' import-map rows in one statement (a stale row, for a comment deleted since, is replaced).
  for (let i = 0; i < fresh.length; i += 200) {
    await trx.insertInto('import_map').values(fresh.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['source', 'kind', 'source_id']).doUpdateSet((eb) => ({ local_id: eb.ref('excluded.local_id') }))).execute();
  }
}
