/**
 * @module modules/translation/translation.repository
 * Reads and writes of `posts.translation_group`, the link between an article's versions in other
 * languages. The handle (db or trx) is always the first argument.
 */
import type { Db } from '../../db/database.js';
import type { PostRow } from '../../db/schema.js';
import { containsText } from '../../db/like.js';
import { bylinedTo } from '../article/article-admin.repository.js';

export type TranslationMember = Pick<PostRow, 'id' | 'title' | 'language' | 'status' | 'slug' | 'translation_group'>;

const COLS = ['id', 'title', 'language', 'status', 'slug', 'translation_group'] as const;

/** Any post by id, trash included. */
export async function findMember(db: Db, id: number): Promise<TranslationMember | undefined> {
  return db.selectFrom('posts').select(COLS).where('id', '=', id).executeTakeFirst();
}

/** An article (type post) that is not in the trash. */
export async function findLinkableArticle(db: Db, id: number): Promise<TranslationMember | undefined> {
  return db.selectFrom('posts').select(COLS).where('id', '=', id).where('type', '=', 'post').where('status', '!=', 'trash').executeTakeFirst();
}

/** Every post in the group, by language. */
export async function groupMembers(db: Db, group: string): Promise<TranslationMember[]> {
  return db.selectFrom('posts').select(COLS).where('translation_group', '=', group).orderBy('language').execute();
}

export async function setTranslationGroup(db: Db, ids: number[], group: string | null): Promise<void> {
  await db.updateTable('posts').set({ translation_group: group }).where('id', 'in', ids).execute();
}

export interface CandidateQuery {
  excludeId: number;
  /** One article by id, or (when undefined) those whose headline contains `text`. */
  id: number | undefined;
  text: string;
  /** Only published articles and this user's own. */
  ownerUserId?: number;
  limit: number;
}

/** Articles (not trashed) to offer for linking, most recently changed first. */
export async function linkCandidates(db: Db, q: CandidateQuery): Promise<TranslationMember[]> {
  let sel = db.selectFrom('posts').select(COLS).where('type', '=', 'post').where('status', '!=', 'trash').where('id', '!=', q.excludeId);
  const owner = q.ownerUserId;
  if (owner !== undefined) {
    sel = sel.where((eb) => eb.or([eb('status', '=', 'published'), eb('id', 'in', bylinedTo(eb, owner))]));
  }
  sel = q.id !== undefined ? sel.where('id', '=', q.id) : sel.where(containsText('title', q.text));
  return sel.orderBy('updated_at', 'desc').limit(q.limit).execute();
}
