/**
 * @module modules/translation/translation.service
 * Linking an article to its versions in other languages. Versions share `posts.translation_group`;
 * a group holds at most one article per language, and the public page offers the others as
 * hreflang alternates. Linking two grouped articles merges their groups; unlinking the last
 * other member leaves the article ungrouped.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { PostRow } from '../../db/schema.js';
import { containsText } from '../../db/like.js';
import { idOf } from '../../lib/ids.js';

export class TranslationError extends Error {
  constructor(public readonly code: 'TRANSLATION_INVALID' | 'TRANSLATION_NOT_FOUND', message: string) {
    super(message);
  }
}

export type TranslationMember = Pick<PostRow, 'id' | 'title' | 'language' | 'status' | 'slug' | 'translation_group'>;

const COLS = ['id', 'title', 'language', 'status', 'slug', 'translation_group'] as const;

async function article(db: Db, id: number): Promise<TranslationMember | undefined> {
  return db.selectFrom('posts').select(COLS).where('id', '=', id).where('type', '=', 'post').where('status', '!=', 'trash').executeTakeFirst();
}

async function members(db: Db, group: string | null, self: TranslationMember): Promise<TranslationMember[]> {
  if (group === null) return [self];
  return db.selectFrom('posts').select(COLS).where('translation_group', '=', group).orderBy('language').execute();
}

/** The article's versions in other languages (trash included, so they can be unlinked). */
export async function translationsFor(db: Db, postId: number): Promise<TranslationMember[]> {
  const self = await db.selectFrom('posts').select(COLS).where('id', '=', postId).executeTakeFirst();
  if (!self || self.translation_group === null) return [];
  return (await members(db, self.translation_group, self)).filter((m) => m.id !== postId);
}

/**
 * Puts `targetId` (and its group) in the same group as `postId`. Returns every article whose
 * alternates changed, for purging.
 * @example await linkTranslation(db, 12, 40) // 12 (en) ↔ 40 (fa)
 */
export async function linkTranslation(db: Db, postId: number, targetId: number): Promise<number[]> {
  if (postId === targetId) throw new TranslationError('TRANSLATION_INVALID', 'An article cannot be a translation of itself.');
  return db.transaction().execute(async (trx) => {
    const self = await article(trx, postId);
    if (!self) throw new TranslationError('TRANSLATION_NOT_FOUND', 'There is no such article.');
    const target = await article(trx, targetId);
    if (!target) throw new TranslationError('TRANSLATION_NOT_FOUND', `There is no article ${targetId} (or it is in the trash).`);
    if (self.translation_group !== null && self.translation_group === target.translation_group) {
      throw new TranslationError('TRANSLATION_INVALID', `“${target.title}” is already linked as a translation.`);
    }
    const mine = await members(trx, self.translation_group, self);
    const theirs = await members(trx, target.translation_group, target);
    const taken = new Map(mine.map((m) => [m.language.toLowerCase(), m]));
    for (const m of theirs) {
      const clash = taken.get(m.language.toLowerCase());
      if (clash) {
        throw new TranslationError('TRANSLATION_INVALID', clash.id === postId
          ? `“${m.title}” is in ${m.language}, the same language as this article; link versions in other languages.`
          : `There is already a ${m.language} version linked (“${clash.title}”); unlink it first.`);
      }
    }
    const group = self.translation_group ?? target.translation_group ?? randomUUID();
    const ids = [...mine, ...theirs].map((m) => m.id);
    await trx.updateTable('posts').set({ translation_group: group }).where('id', 'in', ids).execute();
    return ids;
  });
}

/** Takes `targetId` out of `postId`'s group. Returns every article whose alternates changed. */
export async function unlinkTranslation(db: Db, postId: number, targetId: number): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const self = await trx.selectFrom('posts').select(COLS).where('id', '=', postId).executeTakeFirst();
    if (!self) throw new TranslationError('TRANSLATION_NOT_FOUND', 'There is no such article.');
    const group = self.translation_group;
    const all = group === null ? [] : await members(trx, group, self);
    if (postId === targetId || !all.some((m) => m.id === targetId)) {
      throw new TranslationError('TRANSLATION_NOT_FOUND', 'That article is not linked to this one.');
    }
    const rest = all.filter((m) => m.id !== targetId);
    // A group of one is no group: its last member goes back to having no translations.
    const ungroup = rest.length === 1 ? [targetId, rest[0]!.id] : [targetId];
    await trx.updateTable('posts').set({ translation_group: null }).where('id', 'in', ungroup).execute();
    return all.map((m) => m.id);
  });
}

/**
 * Articles to offer for linking: by id, or headline words; not this one, not trashed. `ownerUserId`
 * (roles that may not edit everyone's articles): only published articles and that user's own, so
 * nobody learns the headlines of other people's drafts.
 */
export async function translationCandidates(db: Db, postId: number, q: string, o: { ownerUserId?: number; limit?: number } = {}): Promise<TranslationMember[]> {
  const query = q.trim();
  let sel = db.selectFrom('posts').select(COLS).where('type', '=', 'post').where('status', '!=', 'trash').where('id', '!=', postId);
  const owner = o.ownerUserId;
  if (owner !== undefined) {
    sel = sel.where((eb) => eb.or([
      eb('status', '=', 'published'),
      eb('id', 'in', eb.selectFrom('post_authors').innerJoin('authors', 'authors.id', 'post_authors.author_id').select('post_authors.post_id').where('authors.user_id', '=', owner)),
    ]));
  }
  const id = idOf(query);
  sel = id !== undefined ? sel.where('id', '=', id) : sel.where(containsText('title', query));
  return sel.orderBy('updated_at', 'desc').limit(o.limit ?? 20).execute();
}
