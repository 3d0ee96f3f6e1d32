/**
 * @module modules/content/cache-tags.repository
 * What a change to some posts touches, read in one round of parallel queries: the categories
 * (filed and primary), tags, authors and people they are linked to.
 */
import type { Db } from '../../db/database.js';
import { categoryLinksOfPosts } from '../taxonomy/category.repository.js';
import { tagLinksOfPosts } from '../taxonomy/tag.repository.js';

export interface PostLinkIds {
  /** Filed-under categories, then primary sections (repeats possible). */
  categoryIds: number[];
  tagIds: number[];
  authorIds: number[];
  personIds: number[];
}

export async function linkIdsOfPosts(db: Db, postIds: number[]): Promise<PostLinkIds> {
  const [cats, tags, authors, rows, people] = await Promise.all([
    categoryLinksOfPosts(db, postIds),
    tagLinksOfPosts(db, postIds),
    db.selectFrom('post_authors').select('author_id').where('post_id', 'in', postIds).execute(),
    db.selectFrom('posts').select('primary_category_id').where('id', 'in', postIds).execute(),
    db.selectFrom('post_people').select('person_id').distinct().where('post_id', 'in', postIds).execute(),
  ]);
  return {
    categoryIds: [...cats.map((c) => c.category_id), ...rows.map((r) => r.primary_category_id).filter((x): x is number => x !== null)],
    tagIds: tags.map((t) => t.tag_id),
    authorIds: authors.map((a) => a.author_id),
    personIds: people.map((p) => p.person_id),
  };
}
