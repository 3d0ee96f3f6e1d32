/**
 * @module modules/article/article.service
 * Use cases on articles. Each owns its transaction; body_html is rendered and sanitised here,
 * once, on save.
 */
import type { Db } from '../../db/database.js';
import { findMediaByIds } from '../media/media.repository.js';
import { addRedirect } from '../redirect/redirect.repository.js';
import { ArticleError, validateArticle, type ArticleInput } from './article.js';
import * as repo from './article.repository.js';
import { countWords, documentText, referencedMediaIds, renderDocument } from './render.js';
import { postPath } from './permalink.js';

/** Creates a post or page with its authors, categories and tags, atomically. */
export async function createArticle(db: Db, input: ArticleInput, now: Date = new Date()): Promise<number> {
  validateArticle(input);
  return db.transaction().execute(async (trx) => {
    if (await repo.slugExists(trx, input.slug)) throw new ArticleError('ARTICLE_SLUG_TAKEN', `The slug "${input.slug}" is already in use.`);
    const media = await findMediaByIds(trx, referencedMediaIds(input.body));
    const lang = input.language ?? 'en';
    const html = renderDocument(input.body, { media, lang });
    const text = documentText(input.body);
    const categoryIds = [...new Set(input.categoryIds ?? [])];
    const primary = input.primaryCategoryId ?? categoryIds[0] ?? null;
    if (primary !== null && !categoryIds.includes(primary)) categoryIds.unshift(primary);
    const status = input.status ?? 'draft';
    const iso = now.toISOString();
    const id = await repo.insertPost(trx, {
      type: input.type ?? 'post',
      status,
      slug: input.slug,
      title: input.title.trim(),
      excerpt: (input.excerpt ?? '').trim(),
      body_doc: JSON.stringify(input.body),
      body_html: html,
      search_text: text,
      word_count: countWords(`${input.title}\n${text}`),
      language: lang,
      translation_group: input.translationGroup ?? null,
      primary_category_id: primary,
      featured_media_id: input.featuredMediaId ?? null,
      published_at: input.publishedAt ?? (status === 'published' ? iso : null),
      updated_at: input.updatedAt ?? input.publishedAt ?? iso,
      created_at: iso,
      comment_status: input.commentStatus ?? 'open',
      sticky: input.sticky ? 1 : 0,
      seo_title: input.seoTitle ?? '',
      seo_description: input.seoDescription ?? '',
    });
    await repo.linkAuthors(trx, id, [...new Set(input.authorIds ?? [])]);
    await repo.linkCategories(trx, id, categoryIds);
    await repo.linkTags(trx, id, [...new Set(input.tagIds ?? [])]);
    return id;
  });
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
