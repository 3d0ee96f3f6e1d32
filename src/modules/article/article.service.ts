/**
 * @module modules/article/article.service
 * Use cases on articles. Each owns its transaction; body_html is rendered and sanitised here,
 * once, on save.
 */
import type { Db } from '../../db/database.js';
import type { PostStatus } from '../../db/schema.js';
import { addRedirect } from '../redirect/redirect.repository.js';
import { ArticleError, validateArticle, type ArticleInput } from './article.js';
import * as repo from './article.repository.js';
import { countWords, documentText, referencedPersonIds } from './render.js';
import { existingIds } from '../../db/existing-ids.js';
import { peopleOfPost, setPostPeople } from '../person/person.repository.js';
import { renderBody } from './body-render.js';
import { postPath } from './permalink.js';

/** The columns an article's input determines, rendered and sanitised once, here. */
async function contentColumns(db: Db, input: ArticleInput) {
  const lang = input.language ?? 'en';
  const text = documentText(input.body);
  const categoryIds = [...new Set(input.categoryIds ?? [])];
  const primary = input.primaryCategoryId ?? categoryIds[0] ?? null;
  if (primary !== null && !categoryIds.includes(primary)) categoryIds.unshift(primary);
  return {
    categoryIds,
    row: {
      type: input.type ?? 'post',
      slug: input.slug,
      title: input.title.trim(),
      excerpt: (input.excerpt ?? '').trim(),
      body_doc: JSON.stringify(input.body),
      body_html: await renderBody(db, input.body, lang),
      search_text: text,
      word_count: countWords(`${input.title}\n${text}`),
      language: lang,
      translation_group: input.translationGroup ?? null,
      primary_category_id: primary,
      featured_media_id: input.featuredMediaId ?? null,
      comment_status: input.commentStatus ?? 'open',
      sticky: input.sticky ? 1 : 0,
      seo_title: input.seoTitle ?? '',
      seo_description: input.seoDescription ?? '',
      // Nesting is a page's: a post never has a parent.
      ...(input.parentId !== undefined ? { parent_id: (input.type ?? 'post') === 'page' ? input.parentId : null } : {}),
      ...(input.menuOrder !== undefined ? { menu_order: input.menuOrder } : {}),
      ...(input.format !== undefined ? { format: input.format } : {}),
    } as const,
  };
}

async function linkAll(db: Db, id: number, input: ArticleInput, categoryIds: number[]): Promise<void> {
  await repo.linkAuthors(db, id, [...new Set(input.authorIds ?? [])]);
  await repo.linkCategories(db, id, categoryIds);
  await repo.linkTags(db, id, [...new Set(input.tagIds ?? [])]);
  await linkPeople(db, id, input);
}

/**
 * The article's people: those the editor chose (given now, or as they were when not given), and
 * everyone its quotations and figures are attributed to, as quoted. A person deleted meanwhile
 * is refused with a message (ARTICLE_INVALID on the people field), never dropped silently.
 */
async function linkPeople(db: Db, id: number, input: ArticleInput): Promise<void> {
  const picked = (input.people ?? (await peopleOfPost(db, id)).filter((l) => l.picked)).map(({ personId, role }) => ({ personId, role, picked: true }));
  const cited = referencedPersonIds(input.body).map((personId) => ({ personId, role: 'quoted' as const, picked: false }));
  const seen = new Set<string>();
  const links = [...picked, ...cited].filter((l) => {
    const k = `${l.personId}:${l.role}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const ids = [...new Set(links.map((l) => l.personId))];
  const found = await existingIds(db, 'people', ids);
  const gone = ids.filter((x) => !found.has(x));
  if (gone.length) {
    const message = `The article names ${gone.length === 1 ? 'a person' : 'people'} (number ${gone.join(', ')}) no longer at People: they may have been deleted or merged. Choose them again.`;
    throw new ArticleError('ARTICLE_INVALID', message, { people_about: message });
  }
  await setPostPeople(db, id, links);
}

/** Creates a post or page with its authors, categories and tags, atomically. */
export async function createArticle(db: Db, input: ArticleInput, now: Date = new Date()): Promise<number> {
  return db.transaction().execute((trx) => createArticleIn(trx, input, now));
}

/** createArticle inside the caller's transaction (a use case that writes more than the article). */
export async function createArticleIn(trx: Db, input: ArticleInput, now: Date): Promise<number> {
  validateArticle(input);
  if (await repo.slugExists(trx, input.slug)) throw new ArticleError('ARTICLE_SLUG_TAKEN', `The slug "${input.slug}" is already in use.`);
  const { row, categoryIds } = await contentColumns(trx, input);
  const status = input.status ?? 'draft';
  const iso = now.toISOString();
  const id = await repo.insertPost(trx, {
    ...row,
    status,
    published_at: input.publishedAt ?? (status === 'published' ? iso : null),
    updated_at: input.updatedAt ?? input.publishedAt ?? iso,
    created_at: iso,
  });
  await linkAll(trx, id, input, categoryIds);
  return id;
}

/** Someone saved the article after the editor loaded it (optimistic concurrency). */
export class ArticleConflictError extends ArticleError {
  constructor(message: string) {
    super('ARTICLE_CONFLICT', message);
  }
}

/**
 * Saves a whole article (what the editor sends): content, links and status, atomically. A changed
 * slug keeps the old URL working with a 301. With `expectedUpdatedAt`, the save happens only if
 * the stored updated_at is still that one (else ArticleConflictError and nothing changes).
 */
export async function updateArticle(db: Db, id: number, input: ArticleInput, now: Date = new Date(), opts: { expectedUpdatedAt?: string } = {}): Promise<void> {
  await db.transaction().execute((trx) => updateArticleIn(trx, id, input, now, opts));
}

/** updateArticle inside the caller's transaction. */
export async function updateArticleIn(trx: Db, id: number, input: ArticleInput, now: Date, opts: { expectedUpdatedAt?: string } = {}): Promise<void> {
  validateArticle(input);
  const before = await repo.findPostState(trx, id);
  if (!before) throw new ArticleError('ARTICLE_NOT_FOUND', `No article with id ${id}.`);
  if (input.slug !== before.slug && (await repo.slugExists(trx, input.slug))) {
    throw new ArticleError('ARTICLE_SLUG_TAKEN', `The slug "${input.slug}" is already in use.`);
  }
  const { row, categoryIds } = await contentColumns(trx, input);
  const status = input.status ?? before.status;
  const iso = now.toISOString();
  const updated = await repo.updatePost(
    trx,
    id,
    {
      ...row,
      status,
      published_at: input.publishedAt ?? before.published_at ?? (status === 'published' ? iso : null),
      updated_at: input.updatedAt ?? iso,
    },
    opts.expectedUpdatedAt,
  );
  if (!updated) throw new ArticleConflictError('This article was changed by someone else after you opened it.');
  await linkAll(trx, id, input, categoryIds);
  if (input.slug !== before.slug) await addRedirect(trx, postPath(before.slug), postPath(input.slug), iso);
}

/** Moves an article to another status (unpublish = back to draft; trash; restore). */
export async function setArticleStatus(db: Db, id: number, status: PostStatus, now: Date = new Date()): Promise<void> {
  if (!(await repo.updatePostStatus(db, id, status, now.toISOString()))) throw new ArticleError('ARTICLE_NOT_FOUND', `No article with id ${id}.`);
}

/**
 * Changes a post's slug and keeps the old URL working with a 301.
 */
export async function changeSlug(db: Db, postId: number, newSlug: string, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const post = await repo.findPostState(trx, postId);
    if (!post) throw new ArticleError('ARTICLE_NOT_FOUND', `No article with id ${postId}.`);
    if (post.slug === newSlug) return;
    validateArticle({ slug: newSlug, title: 'x', body: { type: 'doc', content: [] } });
    if (await repo.slugExists(trx, newSlug)) throw new ArticleError('ARTICLE_SLUG_TAKEN', `The slug "${newSlug}" is already in use.`);
    await repo.updatePostSlug(trx, postId, newSlug, now.toISOString());
    await addRedirect(trx, postPath(post.slug), postPath(newSlug), now.toISOString());
  });
}
