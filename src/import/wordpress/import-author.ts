/**
 * @module import/wordpress/import-author
 * Authors become author profiles (no login is created): matched by import_map, then by slug.
 * Their address is kept on the profile (authors.email: never shown, written back by the export).
 */
import type { Db } from '../../db/database.js';
import { slugify } from '../../modules/article/article.js';
import { authorPath } from '../../modules/article/permalink.js';
import { remember } from '../../modules/redirect/import-map.repository.js';
import { findAuthorBySlug, insertAuthor, renameAuthor, setAuthorEmail } from '../../modules/author/author.repository.js';
import { authorSlugById } from '../../modules/author/author-lookup.repository.js';
import type { ImportReport } from '../report.js';
import { putRedirects, countRedirects } from './redirects.js';
import { slugOf } from './text.js';

/** An author by login: mapped → updated; same slug exists → matched; else created. Returns the id. */
export async function upsertAuthor(
  trx: Db,
  h: { source: string; report: ImportReport },
  mapped: number | undefined,
  login: string,
  name: string,
  iso: string,
  email = '',
): Promise<number> {
  const slug = slugOf(login, name) || `author-${slugify(login) || 'x'}`;
  let id = mapped !== undefined && (await authorSlugById(trx, mapped)) !== undefined ? mapped : undefined;
  if (id !== undefined) {
    await renameAuthor(trx, id, name.slice(0, 200));
    h.report.count('author', 'updated');
  } else {
    id = (await findAuthorBySlug(trx, slug))?.id;
    if (id !== undefined) h.report.count('author', 'matched');
    else {
      id = await insertAuthor(trx, { slug, name: name.slice(0, 200), created_at: iso });
      h.report.count('author', 'created');
    }
  }
  // Their address, kept (never shown): a later export gives it back to WordPress.
  const address = email.trim();
  if (address && address.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(address)) await setAuthorEmail(trx, id, address);
  await remember(trx, h.source, 'author', login, id);
  const theirs = `/author/${slugOf(login) || encodeURIComponent(login)}/`;
  if (theirs !== authorPath(slug)) countRedirects(h.report, await putRedirects(trx, [{ from: theirs, to: authorPath(slug) }], iso));
  return id;
}
