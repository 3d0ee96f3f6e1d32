/**
 * @module import/wordpress/import-author
 * Authors become author profiles (no login is created): matched by import_map, then by slug.
 */
import type { Db } from '../../db/database.js';
import { slugify } from '../../modules/article/article.js';
import { authorPath } from '../../modules/article/permalink.js';
import { remember } from '../../modules/redirect/import-map.repository.js';
import type { ImportReport } from '../report.js';
import { putRedirects } from './redirects.js';
import { slugOf } from './text.js';

/** An author by login: mapped → updated; same slug exists → matched; else created. Returns the id. */
export async function upsertAuthor(trx: Db, h: { source: string; report: ImportReport }, mapped: number | undefined, login: string, name: string, iso: string): Promise<number> {
  const slug = slugOf(login, name) || `author-${slugify(login) || 'x'}`;
  let id = mapped !== undefined ? (await trx.selectFrom('authors').select('id').where('id', '=', mapped).executeTakeFirst())?.id : undefined;
  if (id !== undefined) {
    await trx.updateTable('authors').set({ name: name.slice(0, 200) }).where('id', '=', id).execute();
    h.report.count('author', 'updated');
  } else {
    id = (await trx.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
    if (id !== undefined) h.report.count('author', 'matched');
    else {
      id = (await trx.insertInto('authors').values({ slug, name: name.slice(0, 200), role_title: '', bio: '', created_at: iso }).returning('id').executeTakeFirstOrThrow()).id;
      h.report.count('author', 'created');
    }
  }
  await remember(trx, h.source, 'author', login, id);
  const theirs = `/author/${slugOf(login) || encodeURIComponent(login)}/`;
  if (theirs !== authorPath(slug)) h.report.count('redirect', 'created', await putRedirects(trx, [{ from: theirs, to: authorPath(slug) }], iso));
  return id;
}

