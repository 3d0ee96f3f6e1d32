/**
 * @module modules/article/article-editing.service
 * The newsroom's use cases on an article, for every transport (the admin form, the CLI, a write
 * API): open it for editing with the user's rights on it, save it with an intent (save, submit,
 * schedule, publish, unpublish), move it to the trash and back, bring a revision back.
 *
 * Each write is one transaction holding everything it implies: the author profile made for a
 * first-time writer, tags typed by name (created with their audit entry), the post and its links,
 * the redirect of a changed slug, the revision, the saver's autosave dropped, the audit entry. It
 * returns the cache tags to purge (what the article was in before, and is in now); the caller
 * purges them after the commit, before it answers. Roles are checked here, on the server.
 */
import type { Db } from '../../db/database.js';
import { existingIds } from '../../db/existing-ids.js';
import type { AuthorRow, CategoryRow, PostStatus, PostType } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { AuditAction } from '../audit/audit.js';
import { allAuthors } from '../author/author.repository.js';
import { findMediaById, findMediaByIds } from '../media/media.repository.js';
import { ensureAuthorOfUser } from '../author/author.service.js';
import { hashtagTagsOf, tag, tagsForPostChange } from '../content/cache-tags.js';
import { deleteAutosaves, findRevision, listRevisions } from '../revision/revision.repository.js';
import { inputFromRevision, recordRevision } from '../revision/revision.service.js';
import { categoriesByName, findTagBySlug, insertTag } from '../taxonomy/taxonomy.repository.js';
import { can, canOn, PermissionError } from '../user/permissions.js';
import { RESERVED_ROOTS } from './page-tree.js';
import type { User } from '../user/user.js';
import { ArticleError, slugify, STATUS_LABELS, type ArticleInput } from './article.js';
import {
  findArticleIdBySlug,
  findEditableArticle,
  listAdminArticles,
  ownsArticle,
  postLanguages,
  type AdminListFilter,
  type EditableArticle,
} from './article-admin.repository.js';
import { ArticleConflictError, createArticleIn, setArticleStatus, updateArticleIn } from './article.service.js';
import { addMissingImages, clearMissingImages, missingImageCounts, missingImagesOf, type MissingImageRow } from './missing-images.repository.js';
import { withoutRemoteImages, type MissingImage } from './remote-images.js';
import { addRedirect } from '../redirect/redirect.repository.js';
import { publishDue } from '../content/posts.repository.js';
import { findPostById } from './article.repository.js';
import type { PersonLine } from '../person/person.js';
import { resolvePeople } from '../person/person.service.js';
import { allPageNodes } from './pages.repository.js';
import { PageTree } from './page-tree.js';

export { ADMIN_PER_PAGE, type AdminListFilter, type AdminListRow, type EditableArticle } from './article-admin.repository.js';

export type SaveIntent = 'save' | 'submit' | 'schedule' | 'publish' | 'unpublish';
export const SAVE_INTENTS: readonly SaveIntent[] = ['save', 'submit', 'schedule', 'publish', 'unpublish'];

/** Who is acting, and from where (the audit log's IP column; '' from the CLI). */
export interface Editor {
  user: User;
  ip: string;
}

/** An article as the editor loads it, with the user's rights on it. */
export interface ArticleForEditing {
  article: EditableArticle;
  /** The user's author profile is in its byline. */
  mine: boolean;
  mayEdit: boolean;
  mayPublish: boolean;
  mayDelete: boolean;
}

/** What a write did: the article, its status now, and the cache tags to purge after the commit. */
export interface ArticleWrite {
  id: number;
  status: PostStatus;
  purge: string[];
  /** Images on another host taken out of the body by this write (listed in the editor to upload). */
  removedImages?: MissingImage[];
}

const removedImages = (removed: MissingImage[]): Pick<ArticleWrite, 'removedImages'> => (removed.length ? { removedImages: removed } : {});

/** The article (or page, with `type`) `id` and the user's rights on it, whatever they are; undefined when there is none. */
export async function findArticleForUser(db: Db, user: User, id: number, type: PostType = 'post'): Promise<ArticleForEditing | undefined> {
  const article = await findEditableArticle(db, id, type);
  if (!article) return undefined;
  // Static pages belong to the newsroom, not to a byline: whoever manages pages may do everything to them.
  if (type === 'page') {
    const may = can(user.role, 'pages.manage');
    return { article, mine: false, mayEdit: may, mayPublish: may, mayDelete: may };
  }
  const mine = await ownsArticle(db, id, user.id);
  const own = { own: mine };
  return {
    article,
    mine,
    mayEdit: canOn(user.role, 'post.edit', own),
    mayPublish: canOn(user.role, 'post.publish', own),
    mayDelete: canOn(user.role, 'post.delete', own),
  };
}

/** The article (or page) `id` for a user who may edit it; ARTICLE_NOT_FOUND, or FORBIDDEN when they may not. */
export async function articleForEditing(db: Db, user: User, id: number, type: PostType = 'post'): Promise<ArticleForEditing> {
  if (type === 'page' && !can(user.role, 'pages.manage')) throw new PermissionError('pages.manage', user.role);
  const found = await findArticleForUser(db, user, id, type);
  if (!found) throw new ArticleError('ARTICLE_NOT_FOUND', type === 'page' ? 'There is no such page.' : 'There is no such article.');
  if (!found.mayEdit) throw new PermissionError('post.edit.any', user.role);
  return found;
}

/** Every static page, in the tree (for the pages list, the parent choice and the menu editor). */
export const loadPageTree = async (db: Db): Promise<PageTree> => new PageTree(await allPageNodes(db));

/**
 * The pages list at /admin/pages: every page depth-first (parents before children) with its public
 * path; `status` narrows it (default: all but the trash). FORBIDDEN without pages.manage.
 */
export async function listPagesForAdmin(db: Db, user: User, status?: PostStatus) {
  if (!can(user.role, 'pages.manage')) throw new PermissionError('pages.manage', user.role);
  const tree = await loadPageTree(db);
  const rows = tree.ordered().filter(({ page }) => (status ? page.status === status : page.status !== 'trash'));
  return { tree, rows };
}

/** The admin's article list; a role that may not edit others' work sees only articles in its own byline. */
export async function listArticlesForAdmin(db: Db, user: User, filter: Omit<AdminListFilter, 'ownerUserId'>, page: number) {
  const list = await listAdminArticles(db, can(user.role, 'post.edit.any') ? filter : { ...filter, ownerUserId: user.id }, page);
  // Articles with images to upload (left out of an import, or on another site) are flagged in the list.
  return {
    ...list,
    missingImages: await missingImageCounts(
      db,
      list.rows.map((r) => r.id),
    ),
  };
}

/** An image the article form shows (the featured image's thumbnail). */
export const formImage = (db: Db, id: number) => findMediaById(db, id);
/** The library rows of the images an article's figures show (the editor draws them). */
export const formImages = (db: Db, ids: Iterable<number>) => findMediaByIds(db, ids);

/** The article's saved revisions, newest first (no bodies). */
export const articleHistory = (db: Db, id: number) => listRevisions(db, id);

export interface EditOptions {
  authors: AuthorRow[];
  categories: CategoryRow[];
  languages: string[];
}

/** The choices the article form offers: every author, section and language in use. */
export async function editOptions(db: Db): Promise<EditOptions> {
  const [authors, categories, languages] = await Promise.all([allAuthors(db), categoriesByName(db), postLanguages(db)]);
  return { authors, categories, languages };
}

/** Which status the intent leads to from `current`, or FORBIDDEN when the role may not make that move. */
export function statusAfter(user: User, intent: SaveIntent, current: PostStatus, mine: boolean): PostStatus {
  const mayPublish = canOn(user.role, 'post.publish', { own: mine });
  const need = (ok: boolean): void => {
    if (!ok) throw new PermissionError(mine ? 'post.publish.own' : 'post.publish.any', user.role);
  };
  switch (intent) {
    case 'save':
      // Changing what readers see (or will see at a set time) is publishing.
      if (current === 'published' || current === 'scheduled') need(mayPublish);
      return current === 'trash' ? 'draft' : current;
    case 'submit':
      if (current === 'published' || current === 'scheduled') need(mayPublish);
      return 'pending';
    case 'schedule':
    case 'publish':
    case 'unpublish':
      need(mayPublish);
      if (intent === 'schedule' && current === 'published') {
        // Readers have it: scheduling would take it off the site until then.
        const message = 'A published article is not scheduled: it is live already. Unpublish it first to schedule it again.';
        throw new ArticleError('ARTICLE_INVALID', message, { publish_at: message });
      }
      return intent === 'schedule' ? 'scheduled' : intent === 'publish' ? 'published' : 'draft';
  }
}

export interface SaveArticleCommand {
  /** Absent: a new article. */
  id?: number;
  input: Omit<ArticleInput, 'tagIds' | 'status' | 'publishedAt' | 'updatedAt'>;
  /** Tags by name, as typed; those that do not exist yet are created. */
  tagNames: readonly string[];
  /**
   * The people the article is about and those it quotes, as typed (modules/person parsePeopleLines);
   * a name nobody has yet becomes a new person. Absent: unchanged.
   */
  people?: { subject: readonly PersonLine[]; quoted: readonly PersonLine[] };
  intent: SaveIntent;
  /** With intent 'schedule': when it goes live (ISO 8601). */
  publishAt?: string;
  /** The updated_at the editor loaded (required to update: a later save by someone else is a conflict). */
  expectedUpdatedAt?: string;
}

/** The new updated_at of an article: now, but always after the last one, so two saves in the same millisecond still conflict. */
const nextUpdatedAt = (now: Date, last: string): string => new Date(Math.max(now.getTime(), Date.parse(last) + 1)).toISOString();

const refused = (fields: Record<string, string>): ArticleError => new ArticleError('ARTICLE_INVALID', Object.values(fields)[0]!, fields);

/** Ids the input names that do not exist (any more): field → message. */
async function missingRefs(db: Db, input: SaveArticleCommand['input']): Promise<Record<string, string>> {
  const cats = [...(input.categoryIds ?? []), ...(input.primaryCategoryId ? [input.primaryCategoryId] : [])];
  const [c, a, m] = await Promise.all([
    existingIds(db, 'categories', cats),
    existingIds(db, 'authors', input.authorIds ?? []),
    existingIds(db, 'media', input.featuredMediaId ? [input.featuredMediaId] : []),
  ]);
  const errors: Record<string, string> = {};
  if (cats.some((x) => !c.has(x))) errors.categories = 'One of the chosen sections does not exist.';
  if ((input.authorIds ?? []).some((x) => !a.has(x))) errors.authors = 'One of the chosen authors does not exist.';
  if (input.featuredMediaId && !m.has(input.featuredMediaId)) errors.featured_media_id = `There is no image ${input.featuredMediaId} in the media library.`;
  return errors;
}

/**
 * Tag ids for names typed in the form; a tag that does not exist yet is created, with its audit
 * entry, and the pages whose quoted posts' hashtags name it are added to `purge`.
 */
async function tagIdsForNames(db: Db, names: readonly string[], editor: Editor, now: Date, purge: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    const found = await findTagBySlug(db, slug);
    if (found) {
      ids.push(found.id);
      continue;
    }
    const id = await insertTag(db, { slug, name });
    purge.push(...hashtagTagsOf({ name, slug }));
    await recordAudit(db, {
      at: now.toISOString(),
      actorId: editor.user.id,
      actorLabel: editor.user.email,
      ip: editor.ip,
      action: 'tag.created',
      target: { type: 'tag', id, label: name },
      detail: 'from the article form',
    });
    ids.push(id);
  }
  return [...new Set(ids)];
}

/** The people lines of a save as links (new people made, with their audit rows); a name that cannot be resolved refuses the save. */
async function peopleFor(
  trx: Db,
  lines: NonNullable<SaveArticleCommand['people']>,
  current: ArticleForEditing | undefined,
  editor: Editor,
  now: Date,
): Promise<NonNullable<ArticleInput['people']>> {
  const o = {
    actor: { id: editor.user.id, label: editor.user.email, ip: editor.ip },
    now,
    mayCreate: can(editor.user.role, 'people.create'),
    linked: current?.article.people.map((p) => p.personId) ?? [],
  };
  const about = await resolvePeople(trx, lines.subject, o);
  if (about.problem) throw refused({ people_about: about.problem });
  const quoted = await resolvePeople(trx, lines.quoted, o);
  if (quoted.problem) throw refused({ people_quoted: quoted.problem });
  return [...about.ids.map((personId) => ({ personId, role: 'subject' as const })), ...quoted.ids.map((personId) => ({ personId, role: 'quoted' as const }))];
}

/** An explicit save's revision; it supersedes the saver's autosave, which goes. */
async function keepRevision(trx: Db, id: number, user: User, now: Date): Promise<void> {
  await recordRevision(trx, id, { id: user.id, label: user.name }, now);
  await deleteAutosaves(trx, id, user.id);
}

/**
 * What a write to article `id` purges: what it was in (`before`), what it is in now, and
 * /corrections/, which lists notes of published articles only (publishing or unpublishing changes it).
 */
const purgeAfter = (trx: Db, id: number, before: readonly string[]): Promise<string[]> => tagsForPostChange(trx, [id], [...before, tag.corrections]);

/**
 * Saves an article from the editor: creates it (no `id`) or updates it, with the status the intent
 * leads to. Throws FORBIDDEN (the role may not make the move), ARTICLE_NOT_FOUND, ARTICLE_INVALID
 * with field messages (a section, author or image that does not exist, a slug in use, a schedule
 * in the past), ARTICLE_CONFLICT (someone saved after `expectedUpdatedAt`); nothing is written then.
 */
export async function saveArticle(db: Db, cmd: SaveArticleCommand, editor: Editor, now: Date): Promise<ArticleWrite> {
  const { user } = editor;
  const type = cmd.input.type ?? 'post';
  if (type === 'page' && !can(user.role, 'pages.manage')) throw new PermissionError('pages.manage', user.role);
  return db.transaction().execute(async (trx) => {
    const current = cmd.id !== undefined ? await articleForEditing(trx, user, cmd.id, type) : undefined;
    const mine = current ? current.mine : true;
    const was = current?.article.post;
    const status = statusAfter(user, cmd.intent, was?.status ?? 'draft', mine);

    const errors = await missingRefs(trx, cmd.input);
    if (cmd.input.slug !== was?.slug && (await findArticleIdBySlug(trx, cmd.input.slug)) !== undefined)
      errors.slug = `The slug "${cmd.input.slug}" is already in use.`;
    const pages = type === 'page' ? await loadPageTree(trx) : undefined;
    if (pages) Object.assign(errors, pageProblems(pages, cmd.id, cmd.input.parentId ?? null, cmd.input.slug));
    if (Object.keys(errors).length) throw refused(errors);
    if (was && cmd.expectedUpdatedAt !== was.updated_at) throw new ArticleConflictError('This article was changed by someone else after you opened it.');

    let publishedAt: string | null | undefined;
    if (status === 'scheduled') {
      publishedAt = cmd.publishAt;
      if (!publishedAt || Date.parse(publishedAt) <= now.getTime())
        throw refused({ publish_at: 'The publication time is in the past; publish now instead, or choose a later time.' });
    } else if (!was) publishedAt = status === 'published' ? now.toISOString() : null;
    else if (status === 'published' && was.status !== 'published') {
      // Republishing keeps the first publication date, unless the article was only scheduled.
      publishedAt = was.published_at && Date.parse(was.published_at) <= now.getTime() && was.status !== 'scheduled' ? was.published_at : now.toISOString();
    }

    // Those who may not edit others' work always keep their own byline (so the article stays theirs);
    // a new article with no author chosen is bylined to whoever wrote it.
    let authorIds = [...(cmd.input.authorIds ?? [])];
    if (type === 'page') {
      // A page shows no byline, sections or tags: those it has (an import's) stay as they were.
      authorIds = current ? current.article.authorIds : [];
    } else if (!was || !can(user.role, 'post.edit.any')) {
      const own = await ensureAuthorOfUser(trx, user, now);
      if (!authorIds.includes(own) && (!can(user.role, 'post.edit.any') || authorIds.length === 0)) authorIds = [own, ...authorIds];
    }
    const before = was ? await tagsForPostChange(trx, [was.id]) : [];
    const newTags: string[] = [];
    const tagIds = type === 'page' && current ? current.article.tags.map((t) => t.id) : await tagIdsForNames(trx, cmd.tagNames, editor, now, newTags);
    const people = type === 'post' && cmd.people ? await peopleFor(trx, cmd.people, current, editor, now) : undefined;
    // Images on another host are never stored: taken out here, listed for the editor below.
    const own = withoutRemoteImages(cmd.input.body);
    const input: ArticleInput = {
      ...cmd.input,
      ...(type === 'page' ? { categoryIds: current?.article.categoryIds ?? [], primaryCategoryId: was?.primary_category_id ?? null } : {}),
      body: own.doc,
      authorIds,
      tagIds,
      ...(people ? { people } : {}),
      status,
      ...(publishedAt !== undefined ? { publishedAt } : {}),
    };

    let id: number;
    if (was) {
      id = was.id;
      await updateArticleIn(trx, id, { ...input, updatedAt: nextUpdatedAt(now, was.updated_at) }, now, { expectedUpdatedAt: was.updated_at });
    } else id = await createArticleIn(trx, input, now);
    // A page's new path (its slug or parent changed) is its children's too: their old paths redirect, their pages and menu links change.
    const moved = pages ? await redirectMovedPages(trx, pages, id, now) : [];
    await addMissingImages(trx, id, own.removed, 'editor', now.toISOString());
    await keepRevision(trx, id, user, now);
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: user.id,
      actorLabel: user.email,
      ip: editor.ip,
      action: saveAction(was, status, publishedAt),
      target: { type: 'article', id, label: input.title.slice(0, 300) },
      detail: `${type === 'page' ? 'static page, ' : ''}${was ? `${was.status} → ${status}` : status}${status === 'scheduled' && publishedAt ? `, for ${publishedAt}` : ''}`,
    });
    return { id, status, purge: await purgeAfter(trx, id, [...before, ...newTags, ...moved]), ...removedImages(own.removed) };
  });
}

/** What a save did, as the audit log names it: the move between statuses, or an edit. */
function saveAction(
  was: { status: PostStatus; published_at: string | null } | undefined,
  status: PostStatus,
  publishedAt: string | null | undefined,
): AuditAction {
  if (!was) return 'article.created';
  if (status === was.status) return status === 'scheduled' && publishedAt !== was.published_at ? 'article.scheduled' : 'article.edited';
  if (status === 'published') return 'article.published';
  if (status === 'scheduled') return 'article.scheduled';
  if (status === 'pending') return 'article.submitted';
  if (was.status === 'published' || was.status === 'scheduled') return 'article.unpublished';
  return 'article.edited';
}

/** Field messages for a page's parent and slug: a parent it cannot have, or a slug its children's paths cannot start with. */
function pageProblems(pages: PageTree, id: number | undefined, parentId: number | null, slug: string): Record<string, string> {
  if (parentId !== null) {
    const problem = pages.parentProblem(id, parentId);
    if (problem) return { parent_id: problem };
  } else if (id !== undefined && RESERVED_ROOTS.has(slug) && pages.descendantIds(id).length > 0)
    return { slug: `The pages under this one could not be reached at “/${slug}/…” (the site uses that address); choose another slug.` };
  return {};
}

/**
 * After page `id` was saved: every page whose path changed (it and the pages under it) gets a
 * redirect from its old path; returns the cache tags of the pages under it (their breadcrumb and
 * path show this page).
 */
async function redirectMovedPages(trx: Db, before: PageTree, id: number, now: Date): Promise<string[]> {
  const after = await loadPageTree(trx);
  const affected = [id, ...after.descendantIds(id)];
  for (const p of affected) {
    const from = before.pathOf(p);
    const to = after.pathOf(p);
    if (from && to && from !== to) await addRedirect(trx, from, to, now.toISOString());
  }
  return affected.slice(1).map((p) => tag.post(p));
}

/**
 * Moves an article to the trash, or back from it as a draft, with its audit entry. FORBIDDEN for
 * a role that may not delete it; ARTICLE_STATUS when it is already there.
 */
export async function moveArticle(db: Db, id: number, to: 'trash' | 'restore', editor: Editor, now: Date, type: PostType = 'post'): Promise<ArticleWrite> {
  const { user } = editor;
  if (type === 'page' && !can(user.role, 'pages.manage')) throw new PermissionError('pages.manage', user.role);
  return db.transaction().execute(async (trx) => {
    const found = await findArticleForUser(trx, user, id, type);
    if (!found) throw new ArticleError('ARTICLE_NOT_FOUND', type === 'page' ? 'There is no such page.' : 'There is no such article.');
    const {
      article: { post },
      mine,
    } = found;
    if (!found.mayDelete) throw new PermissionError(mine ? 'post.delete.own' : 'post.delete.any', user.role);
    const target = to === 'trash' ? 'trash' : post.status === 'trash' ? 'draft' : post.status;
    if (target === post.status) throw new ArticleError('ARTICLE_STATUS', `The article is already ${STATUS_LABELS[target].toLowerCase()}.`);
    const before = await tagsForPostChange(trx, [id]);
    await setArticleStatus(trx, id, target, new Date(nextUpdatedAt(now, post.updated_at)));
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: user.id,
      actorLabel: user.email,
      ip: editor.ip,
      action: to === 'trash' ? 'article.trashed' : 'article.restored',
      target: { type: 'article', id, label: post.title.slice(0, 300) },
      detail: `${type === 'page' ? 'static page, ' : ''}was ${post.status}`,
    });
    return { id, status: target, purge: await purgeAfter(trx, id, before) };
  });
}

/**
 * Brings back the content of one of the article's revisions; its status stays (restoring a
 * published article's old text is an edit that readers see, so it needs the right to publish).
 * Sections, tags, authors or images deleted since are left out rather than failing.
 */
export async function restoreRevision(db: Db, id: number, revisionId: number, editor: Editor, now: Date, type: PostType = 'post'): Promise<ArticleWrite> {
  const { user } = editor;
  return db.transaction().execute(async (trx) => {
    const { article, mine } = await articleForEditing(trx, user, id, type);
    const post = article.post;
    statusAfter(user, 'save', post.status, mine);
    const rev = await findRevision(trx, id, revisionId);
    if (!rev) throw new ArticleError('ARTICLE_NOT_FOUND', 'There is no such revision of this article.');
    const restored = inputFromRevision(rev);
    const own = withoutRemoteImages(restored.body);
    // The revision holds the content; what the post is (a page) and where it sits stay.
    const input = { ...restored, type: post.type, body: own.doc };
    const [cats, tags, authors, media] = await Promise.all([
      existingIds(trx, 'categories', input.categoryIds ?? []),
      existingIds(trx, 'tags', input.tagIds ?? []),
      existingIds(trx, 'authors', input.authorIds ?? []),
      existingIds(trx, 'media', input.featuredMediaId ? [input.featuredMediaId] : []),
    ]);
    const slugOwner = await findArticleIdBySlug(trx, input.slug);
    const before = await tagsForPostChange(trx, [id]);
    await updateArticleIn(
      trx,
      id,
      {
        ...input,
        slug: slugOwner === undefined || slugOwner === id ? input.slug : post.slug,
        categoryIds: (input.categoryIds ?? []).filter((x) => cats.has(x)),
        primaryCategoryId:
          input.primaryCategoryId !== null && input.primaryCategoryId !== undefined && cats.has(input.primaryCategoryId) ? input.primaryCategoryId : null,
        tagIds: (input.tagIds ?? []).filter((x) => tags.has(x)),
        authorIds: (input.authorIds ?? []).filter((x) => authors.has(x)),
        featuredMediaId: input.featuredMediaId && media.has(input.featuredMediaId) ? input.featuredMediaId : null,
        status: post.status,
        updatedAt: nextUpdatedAt(now, post.updated_at),
      },
      now,
    );
    await addMissingImages(trx, id, own.removed, 'editor', now.toISOString());
    await keepRevision(trx, id, user, now);
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: user.id,
      actorLabel: user.email,
      ip: editor.ip,
      action: 'article.revision_restored',
      target: { type: 'article', id, label: input.title.slice(0, 300) },
      detail: `revision ${revisionId} of ${rev.created_at}`,
    });
    return { id, status: post.status, purge: await purgeAfter(trx, id, before), ...removedImages(own.removed) };
  });
}

/** The images article `id` refers to that are not in the media library, for its editor. */
export const missingImagesOfArticle = (db: Db, id: number): Promise<MissingImageRow[]> => missingImagesOf(db, id);

/**
 * Clears article `id`'s list of images to upload (the editor uploaded them, or does not want
 * them), with its audit entry. Returns how many were listed.
 */
export async function clearMissingImagesOfArticle(db: Db, id: number, editor: Editor, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { article } = await articleForEditing(trx, editor.user, id);
    const n = await clearMissingImages(trx, id);
    if (n > 0)
      await recordAudit(trx, {
        at: now.toISOString(),
        actorId: editor.user.id,
        actorLabel: editor.user.email,
        ip: editor.ip,
        action: 'article.missing_images_cleared',
        target: { type: 'article', id, label: article.post.title.slice(0, 300) },
        detail: `${n} image${n === 1 ? '' : 's'}`,
      });
    return n;
  });
}

/** Who a scheduled article's going live is credited to in its revision and audit entry. */
export const SCHEDULER_ACTOR = 'Scheduled publishing';

/**
 * Publishes every scheduled article whose time has come, in one transaction: the status flips
 * (one atomic UPDATE, so of several instances running this at once each article goes to exactly
 * one), and each article gets a revision (status published) and an audit entry. Returns the ids
 * that went live; the caller purges their pages and refreshes their related lists.
 */
export async function publishDueArticles(db: Db, now: Date): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const ids = await publishDue(trx, now);
    for (const id of ids) {
      await recordRevision(trx, id, { id: null, label: SCHEDULER_ACTOR }, now);
      const post = await findPostById(trx, id);
      await recordAudit(trx, {
        at: now.toISOString(),
        actorId: null,
        actorLabel: SCHEDULER_ACTOR,
        action: 'article.scheduled_published',
        target: { type: 'article', id, label: (post?.title ?? '').slice(0, 300) },
        detail: `due ${post?.published_at ?? ''}`,
      });
    }
    return ids;
  });
}
