/**
 * @module modules/person/person.service
 * People in the news: adding, editing, merging and deleting a person. Each use case is one
 * transaction with its audit row and returns the cache tags to purge: the person's page and
 * everything showing their name (`person:{id}`), and, when links to them change, the articles
 * whose bodies cite them (rendered again here, so a quotation's link never points at a person
 * who is gone).
 */
import type { Db } from '../../db/database.js';
import type { PersonRow } from '../../db/schema.js';
import { existingIds } from '../../db/existing-ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { slugify } from '../article/article.js';
import type { ArticleDocument } from '../article/document.js';
import { withoutPerson } from '../article/render.js';
import { renderBody } from '../article/body-render.js';
import { tag, tagsForPostChange } from '../content/cache-tags.js';
import { postDocuments, setPostBodyDocAndHtml } from '../content/posts.repository.js';
import { linksOf } from '../content/profile-fields.js';
import { addRedirect } from '../redirect/redirect.repository.js';
import type { Actor } from '../user/user.js';
import { nameKey, PersonError, type PersonLine, type PersonProfile } from './person.js';
import {
  deletePersonRow,
  findPeopleByIds,
  findPeopleByNameKeys,
  findPersonById,
  insertPerson,
  moveLinks,
  personSlugExists,
  postIdsOfPerson,
  updatePerson,
} from './person.repository.js';

/** Runs `fn` in a transaction, or in the caller's when `db` already is one (an article save that adds people). */
const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

/** The address of a person's page. */
export const personPath = (slug: string): string => `/people/${slug}/`;

async function freeSlug(db: Db, name: string, exceptId?: number): Promise<string> {
  const base = slugify(name) || 'person';
  let slug = base;
  for (let n = 2; await personSlugExists(db, slug, exceptId); n++) slug = `${base}-${n}`;
  return slug;
}

/** Refuses a photo that is not in the media library (PERSON_INVALID on the photo field). */
async function checkPhoto(db: Db, photoId: number | null): Promise<void> {
  if (photoId === null) return;
  if (!(await existingIds(db, 'media', [photoId])).has(photoId)) {
    const message = `There is no image ${photoId} in the media library: choose one from the library, or leave the field empty.`;
    throw new PersonError('PERSON_INVALID', message, { photoId: message });
  }
}

const columns = (p: PersonProfile) => ({
  name: p.name,
  name_key: nameKey(p.name),
  description: p.description,
  photo_media_id: p.photoId,
  links: JSON.stringify(p.links),
  note: p.note,
});

const LABELS: Record<keyof PersonProfile, string> = { name: 'name', description: 'description', photoId: 'photo', links: 'links', note: 'note' };

function changesOf(row: PersonRow, p: PersonProfile): (keyof PersonProfile)[] {
  const out: (keyof PersonProfile)[] = [];
  if (row.name !== p.name) out.push('name');
  if (row.description !== p.description) out.push('description');
  if (row.photo_media_id !== p.photoId) out.push('photoId');
  if (JSON.stringify(linksOf(row)) !== JSON.stringify(p.links)) out.push('links');
  if (row.note !== p.note) out.push('note');
  return out;
}

const audit = (
  db: Db,
  actor: Actor,
  now: Date,
  action: 'person.created' | 'person.updated' | 'person.deleted' | 'person.merged',
  row: Pick<PersonRow, 'id' | 'name'>,
  detail: string,
) =>
  recordAudit(db, {
    at: now.toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    action,
    target: { type: 'person', id: row.id, label: row.name },
    detail,
  });

export interface PersonSaved {
  id: number;
  slug: string;
  purge: string[];
}

/**
 * Adds a person (an editor at /admin/people, or an author while writing). The address comes from
 * the name, numbered when taken.
 * @example await createPerson(db, { name: 'Maria Lind', description: 'Harbour master', photoId: null, links: [], note: '' }, actor, now)
 */
export async function createPerson(db: Db, p: PersonProfile, actor: Actor, now: Date): Promise<PersonSaved> {
  return inTransaction(db, async (trx) => {
    await checkPhoto(trx, p.photoId);
    const slug = await freeSlug(trx, p.name);
    const at = now.toISOString();
    const id = await insertPerson(trx, { ...columns(p), slug, created_at: at, updated_at: at });
    await audit(trx, actor, now, 'person.created', { id, name: p.name }, personPath(slug));
    return { id, slug, purge: [] };
  });
}

/**
 * Saves a person's fields. The address stays unless `slug` asks for another (then the old one
 * redirects to it, and the bodies citing them are rendered again with the new link).
 */
export async function savePerson(
  db: Db,
  id: number,
  p: PersonProfile & { slug?: string },
  actor: Actor,
  now: Date,
): Promise<PersonSaved & { changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const row = await findPersonById(trx, id);
    if (!row) throw new PersonError('PERSON_NOT_FOUND', 'There is no such person; they may have been deleted or merged into another.');
    await checkPhoto(trx, p.photoId);
    let slug = row.slug;
    if (p.slug !== undefined && p.slug !== row.slug) {
      if (await personSlugExists(trx, p.slug, id)) {
        const message = `Another person already has the address ${personPath(p.slug)}.`;
        throw new PersonError('PERSON_INVALID', message, { slug: message });
      }
      slug = p.slug;
    }
    const changed = changesOf(row, p).map((k) => LABELS[k]);
    if (slug !== row.slug) changed.push('address');
    const purge = new Set<string>();
    if (changed.length) {
      await updatePerson(trx, id, { ...columns(p), slug, updated_at: now.toISOString() });
      purge.add(tag.person(id));
      purge.add(tag.personList(id));
      // Search results and feeds print names; the sitemap lists the address.
      if (changed.includes('name') || changed.includes('address')) for (const t of [tag.search, tag.sitemap]) purge.add(t);
    }
    if (slug !== row.slug) {
      await addRedirect(trx, personPath(row.slug), personPath(slug), now.toISOString());
      const posts = await postIdsOfPerson(trx, id);
      await rerender(trx, posts, (d) => d);
      for (const t of await tagsForPostChange(trx, posts)) purge.add(t);
    }
    await audit(trx, actor, now, 'person.updated', { id, name: p.name }, changed.length ? `Person: ${changed.join(', ')}` : 'Person: no change');
    return { id, slug, changed, purge: [...purge] };
  });
}

/**
 * Deletes a person: their links to articles go, and every quotation or photo attributed to them
 * in a body loses the link (the words and captions stay as written).
 */
export async function deletePerson(db: Db, id: number, actor: Actor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    const row = await findPersonById(trx, id);
    if (!row) throw new PersonError('PERSON_NOT_FOUND', 'There is no such person; they may have been deleted already.');
    const posts = await postIdsOfPerson(trx, id);
    await deletePersonRow(trx, id);
    await rerender(trx, posts, (d) => withoutPerson(d, id));
    await audit(trx, actor, now, 'person.deleted', row, `${personPath(row.slug)}, linked from ${posts.length} article${posts.length === 1 ? '' : 's'}`);
    return { purge: [...new Set([tag.person(id), tag.personList(id), tag.search, tag.sitemap, ...(await tagsForPostChange(trx, posts))])] };
  });
}

/**
 * Merges a duplicate into the person who stays: their articles, quotations and photos move over,
 * the duplicate's address redirects to the other's, and the duplicate is deleted. The fields of
 * the one who stays are kept as they are.
 */
export async function mergePeople(
  db: Db,
  fromId: number,
  intoId: number,
  actor: Actor,
  now: Date,
): Promise<{ purge: string[]; into: PersonRow; from: PersonRow; moved: number }> {
  if (fromId === intoId) throw new PersonError('PERSON_MERGE_INVALID', 'Choose another person to merge into: a person cannot be merged into themselves.');
  return db.transaction().execute(async (trx) => {
    const both = await findPeopleByIds(trx, [fromId, intoId]);
    const from = both.get(fromId);
    const into = both.get(intoId);
    if (!from) throw new PersonError('PERSON_NOT_FOUND', 'There is no such person; they may have been deleted or merged already.');
    if (!into) throw new PersonError('PERSON_MERGE_INVALID', 'The person to merge into does not exist; they may have been deleted.');
    const posts = await postIdsOfPerson(trx, fromId);
    await moveLinks(trx, fromId, intoId);
    await rerender(trx, posts, (d) => withoutPerson(d, fromId, intoId));
    await deletePersonRow(trx, fromId);
    await addRedirect(trx, personPath(from.slug), personPath(into.slug), now.toISOString());
    await audit(
      trx,
      actor,
      now,
      'person.merged',
      into,
      `${from.name} (${personPath(from.slug)}) merged into ${into.name}; ${posts.length} article${posts.length === 1 ? '' : 's'} moved`,
    );
    const purge = [
      tag.person(fromId),
      tag.personList(fromId),
      tag.person(intoId),
      tag.personList(intoId),
      tag.search,
      tag.sitemap,
      ...(await tagsForPostChange(trx, posts)),
    ];
    return { purge: [...new Set(purge)], into, from, moved: posts.length };
  });
}

/** Renders the bodies of these posts again after `edit` (links to people follow the rows as they are now). */
async function rerender(db: Db, postIds: readonly number[], edit: (d: ArticleDocument) => ArticleDocument): Promise<void> {
  for (const r of await postDocuments(db, postIds)) {
    let doc: ArticleDocument;
    try {
      doc = JSON.parse(r.body_doc) as ArticleDocument;
    } catch {
      continue;
    }
    if (!doc || !Array.isArray(doc.content)) continue;
    const next = edit(doc);
    await setPostBodyDocAndHtml(db, r.id, JSON.stringify(next), await renderBody(db, next, r.language));
  }
}

/**
 * The people an article form's lines name, in order: "#12" that person; a name, the person of
 * that name (the one already linked to the article first, then the oldest); a name nobody has, a
 * new person (its role from "Name, role") when `mayCreate`, else a problem to show. Runs in the
 * caller's transaction.
 */
export async function resolvePeople(
  trx: Db,
  lines: readonly PersonLine[],
  o: { actor: Actor; now: Date; mayCreate: boolean; linked: readonly number[] },
): Promise<{ ids: number[]; created: number[]; problem?: string }> {
  const byId = await findPeopleByIds(
    trx,
    lines.flatMap((l) => (l.id !== undefined ? [l.id] : [])),
  );
  const byKey = new Map<string, PersonRow[]>();
  for (const r of await findPeopleByNameKeys(
    trx,
    lines.filter((l) => l.id === undefined).map((l) => nameKey(l.name)),
  )) {
    byKey.set(r.name_key, [...(byKey.get(r.name_key) ?? []), r]);
  }
  const ids: number[] = [];
  const created: number[] = [];
  for (const l of lines) {
    if (l.id !== undefined) {
      if (!byId.has(l.id)) return { ids, created, problem: `There is no person number ${l.id} at People; they may have been deleted or merged.` };
      ids.push(l.id);
      continue;
    }
    const key = nameKey(l.name);
    const same = byKey.get(key) ?? [];
    const found = same.find((r) => o.linked.includes(r.id)) ?? same[0];
    if (found) {
      ids.push(found.id);
      continue;
    }
    if (!o.mayCreate) return { ids, created, problem: `${l.name} is not at People yet, and your role cannot add people: ask an editor.` };
    const made = await createPerson(trx, { name: l.name, description: l.description, photoId: null, links: [], note: '' }, o.actor, o.now);
    const row = (await findPersonById(trx, made.id))!;
    byKey.set(key, [row]);
    ids.push(made.id);
    created.push(made.id);
  }
  return { ids: [...new Set(ids)], created };
}
