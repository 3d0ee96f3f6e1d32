/**
 * @module modules/author/author.service
 * Author profiles made for user accounts: the byline a newsroom user writes under.
 */
import type { Db } from '../../db/database.js';
import { slugify } from '../article/article.js';
import type { User } from '../user/user.js';
import { authorSlugExists, findAuthorOfUser, insertUserAuthor } from './author.repository.js';

/** The user's author profile, made (slug from their name, numbered when taken) the first time they write. */
export async function ensureAuthorOfUser(db: Db, user: Pick<User, 'id' | 'name'>, now: Date): Promise<number> {
  const found = await findAuthorOfUser(db, user.id);
  if (found) return found.id;
  const base = slugify(user.name) || `author-${user.id}`;
  let slug = base;
  for (let n = 2; await authorSlugExists(db, slug); n++) slug = `${base}-${n}`;
  return insertUserAuthor(db, { slug, name: user.name, user_id: user.id, created_at: now.toISOString() });
}
