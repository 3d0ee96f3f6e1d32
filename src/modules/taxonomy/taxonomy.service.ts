/**
 * @module modules/taxonomy/taxonomy.service
 * The category tree, the rules every category and tag name and slug follow, and the redirects a
 * changed path leaves behind.
 */
import { AppError } from '../../lib/errors.js';
import type { Db } from '../../db/database.js';
import { slugify, SLUG_PATTERN } from '../article/article.js';
import { categoryPath } from '../article/permalink.js';
import { addRedirect, removeRedirectsTo } from '../redirect/redirect.repository.js';
import { CategoryTree } from './taxonomy.js';
import { allCategories } from './taxonomy.repository.js';
import { categoryIdBySlug, updateCategoryRow } from './category.repository.js';
import { versioned } from '../../db/data-versions.js';

/**
 * The whole category tree (a newsroom has tens to hundreds of sections), kept in memory per
 * database handle and checked against the `categories` change counter (db/data-versions).
 */
export const loadCategoryTree: (db: Db) => Promise<CategoryTree> = versioned('categories', async (db) => new CategoryTree(await allCategories(db)));

export type TaxonomyErrorCode =
  | 'CATEGORY_INVALID'
  | 'CATEGORY_NOT_FOUND'
  | 'CATEGORY_SLUG_TAKEN'
  | 'CATEGORY_CYCLE'
  | 'TAG_INVALID'
  | 'TAG_NOT_FOUND'
  | 'TAG_SLUG_TAKEN';

export class TaxonomyError extends AppError<TaxonomyErrorCode> {}

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;

type Kind = 'CATEGORY' | 'TAG';
const noun = (k: Kind): string => (k === 'CATEGORY' ? 'category' : 'tag');

/** A name: one string, trimmed, 1 to 200 characters. */
export function cleanName(kind: Kind, raw: unknown): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (!name || name.length > NAME_MAX) throw new TaxonomyError(`${kind}_INVALID`, `A ${noun(kind)} name must have 1 to ${NAME_MAX} characters.`);
  return name;
}

/**
 * A slug as typed (lower-cased), or made from the name when left empty. A typed slug is never
 * rewritten silently: "a/b" or ".." is refused with a message rather than turned into something else.
 */
export function cleanSlug(kind: Kind, raw: unknown, name: string): string {
  const typed = typeof raw === 'string' ? raw.trim().normalize('NFKC').toLowerCase() : '';
  const slug = typed || slugify(name);
  if (!SLUG_PATTERN.test(slug)) {
    throw new TaxonomyError(
      `${kind}_INVALID`,
      typed
        ? 'The slug may only hold letters, digits and hyphens (no spaces, "/" or "."), and must start with a letter or digit.'
        : `No slug can be made from this name; type one (letters, digits and hyphens).`,
    );
  }
  return slug;
}

export function cleanDescription(kind: Kind, raw: unknown): string {
  if (raw === undefined) return '';
  if (typeof raw !== 'string' || raw.length > DESCRIPTION_MAX)
    throw new TaxonomyError(`${kind}_INVALID`, `A description may have at most ${DESCRIPTION_MAX.toLocaleString('en')} characters.`);
  return raw.trim();
}

/**
 * Names per language (language → name; an empty one is left out): each one a name by the same
 * rule as the name itself. Returns the JSON kept in `names`.
 */
export function cleanNames(kind: Kind, raw: unknown): string {
  if (raw === undefined || raw === null) return '{}';
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new TaxonomyError(`${kind}_INVALID`, 'The names per language are not in a form this screen sends.');
  const out: Record<string, string> = {};
  for (const [lang, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(lang)) throw new TaxonomyError(`${kind}_INVALID`, `“${lang.slice(0, 20)}” is not a language code.`);
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    out[lang] = cleanName(kind, value);
  }
  return JSON.stringify(out);
}

/** The feed addresses below a listing's base path, which move with it. */
const FEED_SUFFIXES = ['', 'feed/', 'feed/atom/', 'feed/json/'];

/** Old listing (page and its feeds) answers 301 with the new one. */
export async function redirectListing(db: Db, oldBase: string, newBase: string, now: Date): Promise<void> {
  if (oldBase === newBase) return;
  for (const s of FEED_SUFFIXES) await addRedirect(db, oldBase + s, newBase + s, now.toISOString());
}

/** A listing that is gone for good: redirects that led to it stop, so it answers 404. */
export async function dropRedirectsTo(db: Db, base: string): Promise<void> {
  await removeRedirectsTo(
    db,
    FEED_SUFFIXES.map((s) => base + s),
  );
}

/** Paths of every category, keyed by id, for comparing before and after a change. */
export const pathsOf = (tree: CategoryTree, ids: number[]): Map<number, string> => new Map(ids.map((id) => [id, categoryPath(tree.pathOf(id))]));

/** After a change, each listed category's old path (and feeds) redirects to its current one. */
export async function redirectMoved(db: Db, before: Map<number, string>, now: Date): Promise<void> {
  const after = await loadCategoryTree(db);
  for (const [id, oldPath] of before) if (after.get(id)) await redirectListing(db, oldPath, categoryPath(after.pathOf(id)), now);
}

/** Within a transaction: name, slug and description; returns the category as it was. */
export async function renameCategoryIn(trx: Db, id: number, changes: { name?: unknown; slug?: unknown; description?: unknown; names?: unknown }, now: Date) {
  const tree = await loadCategoryTree(trx);
  const current = tree.get(id);
  if (!current) throw new TaxonomyError('CATEGORY_NOT_FOUND', `No category with id ${id}.`);
  const name = changes.name !== undefined ? cleanName('CATEGORY', changes.name) : current.name;
  const slug = changes.slug !== undefined ? cleanSlug('CATEGORY', changes.slug, name) : current.slug;
  const description = changes.description !== undefined ? cleanDescription('CATEGORY', changes.description) : current.description;
  const names = changes.names !== undefined ? cleanNames('CATEGORY', changes.names) : current.names;
  if (slug !== current.slug && (await categoryIdBySlug(trx, slug)) !== undefined) {
    throw new TaxonomyError('CATEGORY_SLUG_TAKEN', `The slug "${slug}" is already in use by another category.`);
  }
  const oldPaths = pathsOf(tree, tree.subtreeIds(id));
  await updateCategoryRow(trx, id, { name, slug, description, names });
  if (slug !== current.slug) await redirectMoved(trx, oldPaths, now);
  return { before: current, after: { ...current, name, slug, description, names }, subtree: [...oldPaths.keys()] };
}

/**
 * Renames a category (name, slug, description). A new slug changes the path of the category and
 * of every category below it; each old path (and its feeds) keeps answering with a 301.
 */
export async function updateCategory(
  db: Db,
  id: number,
  changes: { name?: string; slug?: string; description?: string },
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute((trx) => renameCategoryIn(trx, id, changes, now));
}
