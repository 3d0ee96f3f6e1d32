/**
 * @module modules/article/article.service
 * Use cases on articles. Each owns its transaction; body_html is rendered and sanitised here,
 * once, on save.
 */
import type { Db } from '../../db/database.js';
import type { PostStatus } from '../../db/schema.js';
import { findMediaByIds } from '../media/media.repository.js';
import { addRedirect } from '../redirect/redirect.repository.js';
import { ArticleError, validateArticle, type ArticleInput } from './article.js';
import * as repo from './article.repository.js';
import { countWords, documentText, referencedMediaIds, renderDocument } from './render.js';
import { postPath } from './permalink.js';

/** The columns an article's input determines, rendered and sanitised once, here. */
async function contentColumns(db: Db, input: ArticleInput) {
  const media = await findMediaByIds(db, referencedMediaIds(input.body));
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
      body_html: renderDocument(input.body, { media, lang }),
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
    } as const,
  };
}

async function linkAll(db: Db, id: number, input: ArticleInput, categoryIds: number[]): Promise<void> {
  await repo.linkAuthors(db, id, [...new Set(input.authorIds ?? [])]);
  await repo.linkCategories(db, id, categoryIds);
  await repo.linkTags(db, id, [...new Set(input.tagIds ?? [])]);
}

/** Creates a post or page with its authors, categories and tags, atomically. */
export async function createArticle(db: Db, input: ArticleInput, now: Date = new Date()): Promise<number> {
  validateArticle(input);
  return db.transaction().execute(async (trx) => {
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
  });
}

/** Someone saved the article after the editor loaded it (optimistic concurrency). */
export class ArticleConflictError extends Error {
  readonly code = 'ARTICLE_CONFLICT';
}

/**
 * Saves a whole article (what the editor sends): content, links and status, atomically. A changed
 * slug keeps the old URL working with a 301. With `expectedUpdatedAt`, the save happens only if
 * the stored updated_at is still that one (else ArticleConflictError and nothing changes).
 */
export async function updateArticle(db: Db, id: number, input: ArticleInput, now: Date = new Date(), opts: { expectedUpdatedAt?: string } = {}): Promise<void> {
  validateArticle(input);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('posts').select(['slug', 'status', 'published_at']).where('id', '=', id).executeTakeFirst();
    if (!before) throw new ArticleError('ARTICLE_NOT_FOUND', `No article with id ${id}.`);
    if (input.slug !== before.slug && (await repo.slugExists(trx, input.slug))) {
      throw new ArticleError('ARTICLE_SLUG_TAKEN', `The slug "${input.slug}" is already in use.`);
    }
    const { row, categoryIds } = await contentColumns(trx, input);
    const status = input.status ?? before.status;
    const iso = now.toISOString();
    let update = trx.updateTable('posts').set({
      ...row,
      status,
      published_at: input.publishedAt ?? before.published_at ?? (status === 'published' ? iso : null),
      updated_at: input.updatedAt ?? iso,
    }).where('id', '=', id);
    if (opts.expectedUpdatedAt !== undefined) update = update.where('updated_at', '=', opts.expectedUpdatedAt);
    const r = await update.executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new ArticleConflictError('This article was changed by someone else after you opened it.');
    await linkAll(trx, id, input, categoryIds);
    if (input.slug !== before.slug) await addRedirect(trx, postPath(before.slug), postPath(input.slug), iso);
  });
}

/** Moves an article to another status (unpublish = back to draft; trash; restore). */
export async function setArticleStatus(db: Db, id: number, status: PostStatus, now: Date = new Date()): Promise<void> {
  const r = await db.updateTable('posts').set({ status, updated_at: now.toISOString() }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new ArticleError('ARTICLE_NOT_FOUND', `No article with id ${id}.`);
}

/**
 * Changes a post's slug and keeps the old URL working with a 301.
 */
export async function changeSlug(db: Db, postId: number, newSlug: string, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const post = await trx.selectFrom('posts').select(['id', 'slug', 'type']).where('id', '=', postId).executeTakeFirst();
    if (!post) throw new ArticleError('ARTICLE_NOT_FOUND', `No article with id ${postId}.`);
    if (post.slug === newSlug) return;
    validateArticle({ slug: newSlug, title: 'x', body: { type: 'doc', content: [] } });
    if (await repo.slugExists(trx, newSlug)) throw new ArticleError('ARTICLE_SLUG_TAKEN', `The slug "${newSlug}" is already in use.`);
    await trx.updateTable('posts').set({ slug: newSlug, updated_at: now.toISOString() }).where('id', '=', postId).execute();
    await addRedirect(trx, postPath(post.slug), postPath(newSlug), now.toISOString());
  });
}
