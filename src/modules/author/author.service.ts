/**
 * @module modules/author/author.service
 * Author profiles: the byline a newsroom user writes under (made the first time they write or
 * save their profile), and guest authors without a login, whom editors manage. Each use case is
 * one transaction with its audit row and returns the cache tags to purge: the author's page and
 * feed and every page showing their byline (`author:{id}`), and, when the name changes, the feeds
 * and search pages that print it.
 */
import type { Db } from '../../db/database.js';
import type { AuthorRow } from '../../db/schema.js';
import { existingIds } from '../../db/existing-ids.js';
import { parseNames } from '../../lib/local-names.js';
import { recordAudit } from '../audit/audit.repository.js';
import { slugify } from '../article/article.js';
import { tag } from '../content/cache-tags.js';
import type { Actor, User } from '../user/user.js';
import { AuthorError, linksOf, type AuthorProfile } from './author.js';
import {
  articleCountOfAuthor,
  authorSlugExists,
  deleteAuthorRow,
  findAuthorById,
  findAuthorOfUser,
  insertAuthor,
  insertUserAuthor,
  updateAuthorProfile,
} from './author.repository.js';

async function freeSlug(db: Db, name: string, fallback: string): Promise<string> {
  const base = slugify(name) || fallback;
  let slug = base;
  for (let n = 2; await authorSlugExists(db, slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The user's author profile, made (slug from their name, numbered when taken) the first time they write. */
export async function ensureAuthorOfUser(db: Db, user: Pick<User, 'id' | 'name'>, now: Date): Promise<number> {
  const found = await findAuthorOfUser(db, user.id);
  if (found) return found.id;
  const slug = await freeSlug(db, user.name, `author-${user.id}`);
  return insertUserAuthor(db, { slug, name: user.name, user_id: user.id, created_at: now.toISOString() });
}

/** Refuses a photo that is not in the media library (AUTHOR_INVALID on the photo field). */
async function checkPhoto(db: Db, photoId: number | null): Promise<void> {
  if (photoId === null) return;
  if (!(await existingIds(db, 'media', [photoId])).has(photoId)) {
    const message = `There is no image ${photoId} in the media library: choose one from the library, or leave the field empty.`;
    throw new AuthorError('AUTHOR_INVALID', message, { photoId: message });
  }
}

const LABELS: Record<keyof AuthorProfile, string> = {
  name: 'name',
  title: 'title',
  titles: 'title in other languages',
  bio: 'bio',
  photoId: 'photo',
  publicEmail: 'public email',
  links: 'links',
};

/** What differs between the stored profile and the new one (field keys, in form order). */
function changesOf(row: AuthorRow, p: AuthorProfile): (keyof AuthorProfile)[] {
  const out: (keyof AuthorProfile)[] = [];
  if (row.name !== p.name) out.push('name');
  if (row.role_title !== p.title) out.push('title');
  if (JSON.stringify(parseNames(row.role_titles)) !== JSON.stringify(p.titles)) out.push('titles');
  if (row.bio !== p.bio) out.push('bio');
  if (row.avatar_media_id !== p.photoId) out.push('photoId');
  if (row.public_email !== p.publicEmail) out.push('publicEmail');
  if (JSON.stringify(linksOf(row)) !== JSON.stringify(p.links)) out.push('links');
  return out;
}

/** The tags to purge after a profile change: nothing when nothing changed. */
function purgeFor(id: number, changed: (keyof AuthorProfile)[]): string[] {
  if (changed.length === 0) return [];
  // Feeds and search results print the name only; the rest shows on the author page and bylines.
  return changed.includes('name') ? [tag.author(id), tag.feed, tag.search] : [tag.author(id)];
}

export interface ProfileSaved {
  id: number;
  slug: string;
  changed: string[];
  purge: string[];
}

async function applyProfile(trx: Db, row: AuthorRow, p: AuthorProfile, actor: Actor, now: Date): Promise<ProfileSaved> {
  await checkPhoto(trx, p.photoId);
  const changed = changesOf(row, p);
  if (changed.length)
    await updateAuthorProfile(trx, row.id, {
      name: p.name,
      role_title: p.title,
      role_titles: JSON.stringify(p.titles),
      bio: p.bio,
      avatar_media_id: p.photoId,
      public_email: p.publicEmail,
      links: JSON.stringify(p.links),
    });
  await recordAudit(trx, {
    at: now.toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    action: 'author.updated',
    target: { type: 'author', id: row.id, label: p.name },
    detail: changed.length ? `Profile: ${changed.map((k) => LABELS[k]).join(', ')}` : 'Profile: no change',
  });
  return { id: row.id, slug: row.slug, changed: changed.map((k) => LABELS[k]), purge: purgeFor(row.id, changed) };
}

/**
 * The signed-in user saves their own profile (made now if they have never written). Nobody
 * reaches another author's profile through this use case: the profile is found by the user's id.
 */
export async function saveOwnProfile(db: Db, user: Pick<User, 'id' | 'name'>, p: AuthorProfile, actor: Actor, now: Date): Promise<ProfileSaved> {
  return db.transaction().execute(async (trx) => {
    // A first profile takes its address from the name it is saved with, not the account's.
    const id = await ensureAuthorOfUser(trx, { id: user.id, name: p.name }, now);
    const row = (await findAuthorById(trx, id))!;
    return applyProfile(trx, row, p, actor, now);
  });
}

/** An editor saves any author's profile (AUTHOR_NOT_FOUND when there is none with that id). */
export async function saveAuthorProfile(db: Db, id: number, p: AuthorProfile, actor: Actor, now: Date): Promise<ProfileSaved> {
  return db.transaction().execute(async (trx) => {
    const row = await findAuthorById(trx, id);
    if (!row) throw new AuthorError('AUTHOR_NOT_FOUND', 'There is no such author; they may have been deleted.');
    return applyProfile(trx, row, p, actor, now);
  });
}

/** Adds a guest author (no login): a byline editors can choose for any article. */
export async function createGuestAuthor(db: Db, p: AuthorProfile, actor: Actor, now: Date): Promise<{ id: number; slug: string; purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    await checkPhoto(trx, p.photoId);
    const slug = await freeSlug(trx, p.name, 'author');
    const id = await insertAuthor(trx, {
      slug,
      name: p.name,
      role_title: p.title,
      role_titles: JSON.stringify(p.titles),
      bio: p.bio,
      avatar_media_id: p.photoId,
      public_email: p.publicEmail,
      links: JSON.stringify(p.links),
      user_id: null,
      created_at: now.toISOString(),
    });
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip,
      action: 'author.created',
      target: { type: 'author', id, label: p.name },
      detail: `Guest author /author/${slug}/`,
    });
    // The search form lists every author by name.
    return { id, slug, purge: [tag.search] };
  });
}

/**
 * Deletes a guest author who has no article. Refuses (AUTHOR_HAS_LOGIN) the profile of a user
 * account, and (AUTHOR_HAS_ARTICLES) an author still on a byline, drafts and the trash included.
 */
export async function deleteGuestAuthor(db: Db, id: number, actor: Actor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    const row = await findAuthorById(trx, id);
    if (!row) throw new AuthorError('AUTHOR_NOT_FOUND', 'There is no such author; they may have been deleted already.');
    if (row.user_id !== null)
      throw new AuthorError(
        'AUTHOR_HAS_LOGIN',
        `${row.name} writes with a login: their profile stays as long as the account does (disable the account instead).`,
      );
    const n = await articleCountOfAuthor(trx, id);
    if (n > 0)
      throw new AuthorError(
        'AUTHOR_HAS_ARTICLES',
        `${row.name} is on the byline of ${n} article${n === 1 ? '' : 's'} (drafts and the trash included): give them another author first.`,
      );
    await deleteAuthorRow(trx, id);
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip,
      action: 'author.deleted',
      target: { type: 'author', id, label: row.name },
      detail: `Guest author /author/${row.slug}/`,
    });
    return { purge: [tag.author(id), tag.search] };
  });
}
