/**
 * @module modules/revision/revision.service
 * Keeping a revision at each save, and turning one back into the input that restores it.
 */
import type { Db } from '../../db/database.js';
import type { RevisionRow } from '../../db/schema.js';
import type { ArticleInput } from '../article/article.js';
import type { ArticleDocument } from '../article/document.js';
import { categoryIdsForPost, findPostById, linkIdsForPost } from '../article/article.repository.js';
import { deleteAutosaves, insertRevision } from './revision.repository.js';
import type { RevisionActor, RevisionFields } from './revision.js';

/** Stores the article as it is now (call right after a save). */
export async function recordRevision(db: Db, postId: number, actor: RevisionActor, now: Date): Promise<number | undefined> {
  return storeRevision(db, postId, actor, now);
}

/** What the editor holds but has not saved: headline, standfirst and body. */
export interface AutosaveContent {
  title: string;
  excerpt: string;
  body: ArticleDocument;
}

/**
 * Keeps the editor's unsaved content as this user's one autosave of the article (replacing the
 * previous one). The article itself is never touched, whatever its status: for a published
 * article readers keep seeing the saved version (WordPress behaviour).
 */
export async function recordAutosave(
  db: Db,
  postId: number,
  actor: RevisionActor & { id: number },
  content: AutosaveContent,
  now: Date,
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    await deleteAutosaves(trx, postId, actor.id);
    return storeRevision(trx, postId, actor, now, content);
  });
}

async function storeRevision(db: Db, postId: number, actor: RevisionActor, now: Date, autosave?: AutosaveContent): Promise<number | undefined> {
  const post = await findPostById(db, postId);
  if (!post) return undefined;
  const [categoryIds, { tagIds, authorIds }] = await Promise.all([categoryIdsForPost(db, postId), linkIdsForPost(db, postId)]);
  const fields: RevisionFields = {
    slug: post.slug,
    language: post.language,
    primaryCategoryId: post.primary_category_id,
    categoryIds,
    tagIds,
    authorIds,
    featuredMediaId: post.featured_media_id,
    seoTitle: post.seo_title,
    seoDescription: post.seo_description,
    commentStatus: post.comment_status,
  };
  return insertRevision(db, {
    post_id: postId,
    created_at: now.toISOString(),
    user_id: actor.id,
    user_label: actor.label.slice(0, 300),
    status: post.status,
    title: autosave ? autosave.title : post.title,
    excerpt: autosave ? autosave.excerpt : post.excerpt,
    body_doc: autosave ? JSON.stringify(autosave.body) : post.body_doc,
    fields: JSON.stringify(fields),
    kind: autosave ? 'autosave' : 'save',
  });
}

/** The save that brings the article back to this revision's content (its status is not restored). */
export function inputFromRevision(rev: RevisionRow): Omit<ArticleInput, 'status'> {
  const f = JSON.parse(rev.fields) as RevisionFields;
  return {
    type: 'post',
    slug: f.slug,
    title: rev.title,
    excerpt: rev.excerpt,
    body: JSON.parse(rev.body_doc) as ArticleDocument,
    language: f.language,
    categoryIds: f.categoryIds,
    primaryCategoryId: f.primaryCategoryId,
    tagIds: f.tagIds,
    authorIds: f.authorIds,
    featuredMediaId: f.featuredMediaId,
    seoTitle: f.seoTitle,
    seoDescription: f.seoDescription,
    commentStatus: f.commentStatus,
  };
}
