/**
 * @module modules/translation/translation.service
 * Linking an article to its versions in other languages. Versions share `posts.translation_group`;
 * a group holds at most one article per language, and the public page offers the others as
 * hreflang alternates. Linking two grouped articles merges their groups; unlinking the last
 * other member leaves the article ungrouped.
 */
import { AppError } from '../../lib/errors.js';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { idOf } from '../../lib/ids.js';
import * as repo from './translation.repository.js';
import type { TranslationMember } from './translation.repository.js';

export type { TranslationMember };

export type TranslationErrorCode = 'TRANSLATION_INVALID' | 'TRANSLATION_NOT_FOUND';

export class TranslationError extends AppError<TranslationErrorCode> {}

async function members(db: Db, group: string | null, self: TranslationMember): Promise<TranslationMember[]> {
  if (group === null) return [self];
  return repo.groupMembers(db, group);
}

/** The article's versions in other languages (trash included, so they can be unlinked). */
export async function translationsFor(db: Db, postId: number): Promise<TranslationMember[]> {
  const self = await repo.findMember(db, postId);
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
    const self = await repo.findLinkableArticle(trx, postId);
    if (!self) throw new TranslationError('TRANSLATION_NOT_FOUND', 'There is no such article.');
    const target = await repo.findLinkableArticle(trx, targetId);
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
        throw new TranslationError(
          'TRANSLATION_INVALID',
          clash.id === postId
            ? `“${m.title}” is in ${m.language}, the same language as this article; link versions in other languages.`
            : `There is already a ${m.language} version linked (“${clash.title}”); unlink it first.`,
        );
      }
    }
    const group = self.translation_group ?? target.translation_group ?? randomUUID();
    const ids = [...mine, ...theirs].map((m) => m.id);
    await repo.setTranslationGroup(trx, ids, group);
    return ids;
  });
}

/** Takes `targetId` out of `postId`'s group. Returns every article whose alternates changed. */
export async function unlinkTranslation(db: Db, postId: number, targetId: number): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const self = await repo.findMember(trx, postId);
    if (!self) throw new TranslationError('TRANSLATION_NOT_FOUND', 'There is no such article.');
    const group = self.translation_group;
    const all = group === null ? [] : await members(trx, group, self);
    if (postId === targetId || !all.some((m) => m.id === targetId)) {
      throw new TranslationError('TRANSLATION_NOT_FOUND', 'That article is not linked to this one.');
    }
    const rest = all.filter((m) => m.id !== targetId);
    // A group of one is no group: its last member goes back to having no translations.
    const ungroup = rest.length === 1 ? [targetId, rest[0]!.id] : [targetId];
    await repo.setTranslationGroup(trx, ungroup, null);
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
  return repo.linkCandidates(db, {
    excludeId: postId,
    id: idOf(query),
    text: query,
    limit: o.limit ?? 20,
    ...(o.ownerUserId !== undefined ? { ownerUserId: o.ownerUserId } : {}),
  });
}
