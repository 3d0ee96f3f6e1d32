/**
 * @module modules/comment/comment-link
 * A comment's link: the comment page of its article that holds it, with its #comment-ID anchor.
 * The post redirect, the admin queue and emails all link through this, so a comment on page 3
 * is found on page 3.
 */
import type { Db } from '../../db/database.js';
import { postPath } from '../article/permalink.js';
import { loadCommentSettings } from './comment-settings.js';
import { commentPlace } from './comment.repository.js';
import { commentPagePath, pageOfThread } from './thread.js';

/**
 * @example await commentLink(db, 123) // "/my-story/comment-page-2/#comment-123"
 */
export async function commentLink(db: Db, id: number, perPage?: number): Promise<string | undefined> {
  const place = await commentPlace(db, id);
  if (!place) return undefined;
  const per = perPage ?? (await loadCommentSettings(db)).perPage;
  return `${commentPagePath(postPath(place.slug), pageOfThread(place.approvedBefore, place.approvedThread, per))}#comment-${id}`;
}
