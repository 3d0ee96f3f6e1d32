/**
 * @module modules/article/reading.service
 * What the public site reads: an article with everything its page shows, and paginated lists of
 * story cards. Each function runs a fixed number of queries, however large the site.
 */
import { allPageNodes } from './pages.repository.js';
import { PageTree, type PageNode } from './page-tree.js';
import type { Db } from '../../db/database.js';
import type { AuthorRow, MediaRow, PersonRole, PersonRow, TagRow } from '../../db/schema.js';
import { peopleOfPost } from '../person/person.repository.js';
import { findMediaByIds } from '../media/media.repository.js';
import type { CorrectionRow } from '../../db/schema.js';
import { correctionsForPost } from '../correction/correction.repository.js';
import * as repo from './article.repository.js';
import { tagsNamedOrSlugged } from '../taxonomy/tag.repository.js';
import { hashtagKey, hashtagSlug, hashtagsIn, matchHashtags } from './hashtags.js';
import type { CardRow, ListFilter } from './article.repository.js';
import type { LiveEntryRow } from '../../db/schema.js';
import { ENTRIES_PER_PAGE } from '../live/live.js';
import { entriesWithAuthors, keyEventsOf } from '../live/live.repository.js';

export interface CardBundle {
  rows: CardRow[];
  authors: Map<number, AuthorRow[]>;
  media: Map<number, MediaRow>;
}

export interface ListPage extends CardBundle {
  total: number;
  page: number;
  totalPages: number;
}

export interface ArticleBundle {
  post: repo.PagePost;
  authors: AuthorRow[];
  tags: TagRow[];
  /** Featured image, author avatars and related cards' images. */
  media: Map<number, MediaRow>;
  related: CardBundle;
  translations: Awaited<ReturnType<typeof repo.translationsOf>>;
  /** Corrections and update notes, oldest first. */
  corrections?: CorrectionRow[];
  /** The hashtags of the body's quoted posts, and the tag each names today (by hashtagKey). */
  hashtags?: HashtagTags;
  /** The people the article is about or quotes, in the editor's order, each once with their roles (photos in `media`). */
  people?: StoryPerson[];
  /** A live page's entries (its first page, newest first) and key events; absent for other articles. */
  live?: LiveBundle;
  /** A nested page's parent pages, root first (the breadcrumb); absent for posts and top-level pages. */
  ancestors?: { id: number; slug: string; title: string }[];
  /** The public path when it is not `/{slug}/` (a nested page: `/about/team/`). */
  path?: string;
}

export interface LiveBundle {
  entries: (LiveEntryRow & { author_name: string | null })[];
  total: number;
  /** 1 on the article's own page; 2… on /{slug}/live/{page}/. */
  page: number;
  keyEvents: Pick<LiveEntryRow, 'id' | 'headline' | 'created_at' | 'body_html'>[];
}

/** A live article's entries (one page of them) and key events: two queries, none for other articles. */
async function liveOf(db: Db, post: Pick<repo.PagePost, 'id' | 'live_status'>, page: number): Promise<LiveBundle | undefined> {
  if (post.live_status === null) return undefined;
  const [{ rows, total }, keyEvents] = await Promise.all([
    entriesWithAuthors(db, post.id, ENTRIES_PER_PAGE, (page - 1) * ENTRIES_PER_PAGE),
    keyEventsOf(db, post.id),
  ]);
  return { entries: rows, total, page, keyEvents };
}

/** A person named by an article: about them (`subject`), quoting them (`quoted`), or both. */
export interface StoryPerson {
  person: PersonRow;
  roles: PersonRole[];
}

/** The people of one article, each once (one query). */
async function storyPeople(db: Db, postId: number): Promise<StoryPerson[]> {
  const byId = new Map<number, StoryPerson>();
  for (const link of await peopleOfPost(db, postId)) {
    const seen = byId.get(link.personId);
    if (seen) {
      if (!seen.roles.includes(link.role)) seen.roles.push(link.role);
    } else byId.set(link.personId, { person: link.person, roles: [link.role] });
  }
  return [...byId.values()];
}

const photoIdsOf = (people: StoryPerson[]): number[] => people.map((p) => p.person.photo_media_id).filter((id): id is number => id !== null);

export interface HashtagTags {
  names: string[];
  tags: Map<string, TagRow>;
}

/** The hashtags of these bodies and the tags they name: one query, none for bodies without any. */
export async function hashtagTags(db: Db, ...bodies: string[]): Promise<HashtagTags> {
  const names = [...new Set(bodies.flatMap(hashtagsIn))];
  if (names.length === 0) return { names, tags: new Map() };
  const rows = await tagsNamedOrSlugged(db, [...new Set(names.map(hashtagKey))], [...new Set(names.map(hashtagSlug))]);
  return { names, tags: matchHashtags(names, rows) };
}

/** Stand-in list length when no related list is stored. */
const RELATED_COUNT = 3;

/** Loads authors and images for a set of cards: two queries whatever the count. */
export async function hydrate(db: Db, rows: CardRow[], extraPostIds: number[] = [], extraMediaIds: number[] = []): Promise<CardBundle> {
  const authors = await repo.authorsForPosts(db, [...extraPostIds, ...rows.map((r) => r.id)]);
  const mediaIds = [...extraMediaIds, ...rows.map((r) => r.featured_media_id).filter((x): x is number => x !== null)];
  for (const list of authors.values()) for (const a of list) if (a.avatar_media_id !== null) mediaIds.push(a.avatar_media_id);
  const media = await findMediaByIds(db, mediaIds);
  return { rows, authors, media };
}

/**
 * A page of published posts. Returns undefined when the page number is past the end
 * (page 1 always exists, even when empty).
 */
export async function listPage(db: Db, filter: ListFilter, page: number, perPage: number): Promise<ListPage | undefined> {
  const total = await repo.countPublished(db, filter);
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  if (page > totalPages) return undefined;
  const rows = await repo.listPublished(db, filter, perPage, (page - 1) * perPage);
  return { ...(await hydrate(db, rows)), total, page, totalPages };
}

/**
 * A published post or page by slug, with everything its page shows but its comments (a page of
 * those comes from the comment module: modules/comment threadPage).
 */
export async function readArticle(db: Db, slug: string, livePage = 1): Promise<ArticleBundle | undefined> {
  const found = await repo.findPagePostBySlug(db, slug);
  if (!found) return undefined;
  const { has_corrections: hasCorrections, ...post } = found;
  // Most articles have no notes: the flag on the post's row spares them the query.
  const noted = post.type === 'post' && Boolean(hasCorrections) && hasCorrections !== '0';
  // Independent reads together: one round trip's wait on PostgreSQL instead of four.
  const [relatedRows, tags, translations, corrections, hashtags, pages, people, live] = await Promise.all([
    post.type === 'post' ? relatedCards(db, post) : [],
    repo.tagsForPost(db, post.id),
    post.translation_group ? repo.translationsOf(db, post.translation_group, post.id) : [],
    noted ? correctionsForPost(db, post.id) : [],
    hashtagTags(db, post.body_html),
    // Only a nested page needs the page tree (its parents' slugs and titles).
    post.type === 'page' && post.parent_id !== null ? allPageNodes(db) : undefined,
    // "People in this story" (articles only): their photos are loaded with the other images.
    post.type === 'post' ? storyPeople(db, post.id) : [],
    post.type === 'post' ? liveOf(db, post, livePage) : undefined,
  ]);
  const bundle = await hydrate(db, relatedRows, [post.id], [...(post.featured_media_id !== null ? [post.featured_media_id] : []), ...photoIdsOf(people)]);
  const authors = bundle.authors.get(post.id) ?? [];
  // The entries' quoted posts link their hashtags like the body's (one more query, live pages with hashtags only).
  const liveTags = live && live.entries.length ? await hashtagTags(db, ...live.entries.map((e) => e.body_html)) : undefined;
  const allTags = liveTags ? { names: [...new Set([...hashtags.names, ...liveTags.names])], tags: new Map([...hashtags.tags, ...liveTags.tags]) } : hashtags;
  return {
    post,
    authors,
    tags,
    media: bundle.media,
    related: bundle,
    translations,
    corrections,
    hashtags: allTags,
    people,
    ...(live ? { live } : {}),
    ...nesting(pages, post.id),
  };
}

/** A nested page's ancestors and path from the page tree (nothing for a top-level page). */
function nesting(pages: PageNode[] | undefined, id: number): Pick<ArticleBundle, 'ancestors' | 'path'> {
  if (!pages) return {};
  const tree = new PageTree(pages);
  const ancestors = tree.ancestors(id).map(({ id, slug, title }) => ({ id, slug, title }));
  if (ancestors.length === 0) return {};
  return { ancestors, path: tree.pathOf(id)! };
}

/** The public path of every page, by id and by slug (the sitemap, the menus). One query. */
export async function pagePaths(db: Db): Promise<{ byId: Map<number, string>; bySlug: Map<string, string> }> {
  const tree = new PageTree(await allPageNodes(db));
  const pages = tree.ordered().map(({ page }) => ({ page, path: tree.pathOf(page.id)! }));
  return { byId: new Map(pages.map((p) => [p.page.id, p.path])), bySlug: new Map(pages.map((p) => [p.page.slug, p.path])) };
}

/**
 * Any post by id, whatever its status, as its page would show it: for previews (no related list
 * or translations: those follow publication).
 */
export async function readPreview(db: Db, id: number): Promise<ArticleBundle | undefined> {
  const post = await repo.findPostById(db, id);
  if (!post) return undefined;
  const [tags, corrections, hashtags, people] = await Promise.all([
    repo.tagsForPost(db, id),
    correctionsForPost(db, id),
    hashtagTags(db, post.body_html),
    post.type === 'post' ? storyPeople(db, id) : [],
  ]);
  const bundle = await hydrate(db, [], [id], [...(post.featured_media_id !== null ? [post.featured_media_id] : []), ...photoIdsOf(people)]);
  return {
    post,
    authors: bundle.authors.get(id) ?? [],
    tags,
    media: bundle.media,
    related: { rows: [], authors: new Map(), media: new Map() },
    translations: [],
    corrections,
    hashtags,
    people,
  };
}

/** The stored related list or, when none is stored yet (bulk-loaded content), its primary section's latest stories. */
async function relatedCards(db: Db, post: repo.PagePost): Promise<CardRow[]> {
  const stored = await repo.storedRelated(db, post.id);
  if (stored.length > 0 || post.primary_category_id === null) return stored;
  return repo.latestInSection(db, post.primary_category_id, post.id, post.language, RELATED_COUNT);
}

/** Cards for posts by id, in the order given (search results, related lists). */
export async function cardsByIds(db: Db, ids: number[]): Promise<CardBundle> {
  if (ids.length === 0) return { rows: [], authors: new Map(), media: new Map() };
  const rows = await repo.cardRowsByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hydrate(
    db,
    ids.map((id) => byId.get(id)).filter((r): r is CardRow => r !== undefined),
  );
}
