/**
 * @module modules/person/person.repository
 * Every query on `people` and `post_people`: a person by id, slug or name, the admin's list, the
 * people of articles, the published articles of a person, and the writes of the person services.
 * The handle is always the first argument.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, PersonRole, PersonRow } from '../../db/schema.js';
import { containsText } from '../../db/like.js';
import { forShare } from '../../db/row-lock.js';
import { runPrepared } from '../../db/prepared.js';
import { figuresOf, type ArticleDocument } from '../article/document.js';

export interface PersonColumns {
  name: string;
  name_key: string;
  description: string;
  photo_media_id: number | null;
  /** JSON array of strings. */
  links: string;
  note: string;
}

export async function insertPerson(db: Db, row: PersonColumns & { slug: string; created_at: string; updated_at: string }): Promise<number> {
  return (await db.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePerson(db: Db, id: number, row: PersonColumns & { slug: string; updated_at: string }): Promise<void> {
  await db.updateTable('people').set(row).where('id', '=', id).execute();
}

export async function deletePersonRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('people').where('id', '=', id).execute();
}

export async function findPersonById(db: Db, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPersonBySlug(db: Db, slug: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function personSlugExists(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('people').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** With `lock: 'share'`, the rows stay locked against change until the transaction ends (db/row-lock). */
export async function findPeopleByIds(db: Db, ids: readonly number[], opts: { lock?: 'share' } = {}): Promise<Map<number, PersonRow>> {
  if (ids.length === 0) return new Map();
  const query = db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', [...new Set(ids)]);
  const rows = await (opts.lock ? forShare(db, query) : query).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** People whose folded name is one of `keys` (matching a name typed or found in a caption). */
export async function findPeopleByNameKeys(db: Db, keys: readonly string[]): Promise<PersonRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('name_key', 'in', [...new Set(keys)])
    .orderBy('id')
    .execute();
}

/** One row of the admin's list: the person and how many articles (any status) name them. */
export interface PersonListRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  photo_media_id: number | null;
  articles: number;
}

/** People by name (those whose name contains `q`, when given), with their article counts. */
export async function peopleForAdmin(db: Db, o: { q?: string; limit: number; offset: number }): Promise<{ rows: PersonListRow[]; total: number }> {
  let base = db.selectFrom('people');
  if (o.q) base = base.where(containsText('people.name_key', o.q));
  const [rows, total] = await Promise.all([
    base
      .select((eb) => [
        'people.id',
        'people.slug',
        'people.name',
        'people.description',
        'people.photo_media_id',
        eb
          .selectFrom('post_people')
          .select((sub) => sub.fn.count<number | string>('post_people.post_id').distinct().as('n'))
          .whereRef('post_people.person_id', '=', 'people.id')
          .as('articles'),
      ])
      .orderBy('people.name_key')
      .orderBy('people.id')
      .limit(o.limit)
      .offset(o.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, articles: Number(r.articles ?? 0) })), total: Number(total.n) };
}

/** People whose folded name starts a word with `key` (the picker, the search page), shortest names first. */
export async function peopleMatching(db: Db, key: string, limit: number): Promise<PersonRow[]> {
  if (!key) return [];
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .selectFrom('people')
    .selectAll()
    .where((eb) =>
      eb.or([sql<boolean>`${eb.ref('name_key')} like ${`${escaped}%`} escape '\\'`, sql<boolean>`${eb.ref('name_key')} like ${`% ${escaped}%`} escape '\\'`]),
    )
    .orderBy((eb) => eb.fn('length', ['name_key']))
    .orderBy('name_key')
    .limit(limit)
    .execute();
}

export interface PostPersonLink {
  personId: number;
  role: PersonRole;
  /** Chosen by the editor (true), or only cited in the body (false). */
  picked: boolean;
}

/** The people of one article, in the order the editor gave them. */
export async function peopleOfPost(db: Db, postId: number): Promise<(PostPersonLink & { person: PersonRow })[]> {
  // Every article page asks: compiled once (db/prepared).
  const rows = await runPrepared(db, 'people-of-post', [postId], () =>
    db
      .selectFrom('post_people')
      .innerJoin('people', 'people.id', 'post_people.person_id')
      .selectAll('people')
      .select(['post_people.role as link_role', 'post_people.picked as link_picked'])
      .where('post_people.post_id', '=', postId)
      .orderBy('post_people.position')
      .orderBy('people.name_key'),
  );
  return rows.map(({ link_role, link_picked, ...person }) => ({ personId: person.id, role: link_role, picked: link_picked === 1, person }));
}

/** Replaces the people of an article. */
export async function setPostPeople(db: Db, postId: number, links: readonly PostPersonLink[]): Promise<void> {
  await db.deleteFrom('post_people').where('post_id', '=', postId).execute();
  if (links.length === 0) return;
  await db
    .insertInto('post_people')
    .values(links.map((l, position) => ({ post_id: postId, person_id: l.personId, role: l.role, position, picked: l.picked ? 1 : 0 })))
    .execute();
}

/** Every article (any status) that names this person. */
export async function postIdsOfPerson(db: Db, personId: number): Promise<number[]> {
  const rows = await db.selectFrom('post_people').select('post_id').distinct().where('person_id', '=', personId).execute();
  return rows.map((r) => r.post_id);
}

/**
 * Moves every link of `fromId` to `intoId` (a merge): a link `intoId` already has with that
 * article and role is kept once.
 */
export async function moveLinks(db: Db, fromId: number, intoId: number): Promise<void> {
  const existing = await db.selectFrom('post_people').select(['post_id', 'role']).where('person_id', '=', intoId).execute();
  const have = new Set(existing.map((r) => `${r.post_id}:${r.role}`));
  const moving = await db.selectFrom('post_people').selectAll().where('person_id', '=', fromId).execute();
  const clash = moving.filter((r) => have.has(`${r.post_id}:${r.role}`));
  for (const r of clash)
    await db.deleteFrom('post_people').where('person_id', '=', fromId).where('post_id', '=', r.post_id).where('role', '=', r.role).execute();
  await db.updateTable('post_people').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
}

/** Published posts (not pages) that name this person, newest first: the person page's list. */
export async function publishedPostIdsOfPerson(db: Db, personId: number, limit: number, offset: number): Promise<{ ids: number[]; total: number }> {
  const base = db
    .selectFrom('posts')
    .where('posts.status', '=', 'published')
    .where('posts.type', '=', 'post')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('post_people')
          .select('post_people.post_id')
          .whereRef('post_people.post_id', '=', 'posts.id')
          .where('post_people.person_id', '=', personId),
      ),
    );
  const [rows, total] = await Promise.all([
    base.select('posts.id').orderBy('posts.published_at', 'desc').orderBy('posts.id', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(total.n) };
}

/** Every person with at least one published article, for the sitemap (id order: stable pages). */
export async function peopleForSitemap(db: Db): Promise<{ slug: string; updated_at: string }[]> {
  return db
    .selectFrom('people')
    .select(['people.slug', 'people.updated_at'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('post_people')
          .innerJoin('posts', 'posts.id', 'post_people.post_id')
          .select('post_people.post_id')
          .whereRef('post_people.person_id', '=', 'people.id')
          .where('posts.status', '=', 'published'),
      ),
    )
    .orderBy('people.id')
    .execute();
}

/** One article naming a person, as the person's admin screen lists it. */
export interface PersonArticleRow {
  id: number;
  type: 'post' | 'page';
  title: string;
  status: string;
  role: PersonRole;
}

/**
 * The articles (any status) that name this person, newest change first, each once per role:
 * at most `limit` rows, and how many articles there are in all.
 */
export async function articlesOfPerson(db: Db, personId: number, limit: number): Promise<{ rows: PersonArticleRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('post_people')
      .innerJoin('posts', 'posts.id', 'post_people.post_id')
      .select(['posts.id', 'posts.type', 'posts.title', 'posts.status', 'post_people.role'])
      .where('post_people.person_id', '=', personId)
      .orderBy('posts.updated_at', 'desc')
      .orderBy('posts.id', 'desc')
      .orderBy('post_people.role', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('post_people')
      .select((eb) => eb.fn.count<number | string>('post_people.post_id').distinct().as('n'))
      .where('post_people.person_id', '=', personId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as PersonArticleRow[], total: Number(total.n) };
}

/**
 * Other people whose folded name has a word in common with `key` (likely duplicates: "Maria
 * Lind" and "Lind, Maria" or "M. Lind"), by name. Words of one character are not compared. A
 * name key holds only letters, digits and single spaces (nameKey), so no word needs escaping.
 */
export async function peopleSharingAWord(db: Db, key: string, exceptId: number, limit: number): Promise<PersonRow[]> {
  const words = [...new Set(key.split(' ').filter((w) => [...w].length > 1))].slice(0, 8);
  if (words.length === 0) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', '<>', exceptId)
    .where((eb) =>
      eb.or(
        words.flatMap((w) => [eb('name_key', '=', w), eb('name_key', 'like', `${w} %`), eb('name_key', 'like', `% ${w}`), eb('name_key', 'like', `% ${w} %`)]),
      ),
    )
    .orderBy('name_key')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// `broadsheet people suggest` (person-suggest.service): reading every body, in id order.

/** One article body as the suggestions read it. */
export interface SuggestBodyRow {
  id: number;
  title: string;
  body_doc: string;
  language: string;
}

const suggestable = (db: Db) => db.selectFrom('posts').where('posts.status', '<>', 'trash').where('posts.type', 'in', ['post', 'page']);

/** How many posts and pages (any status but trash) the suggestions read. */
export async function countBodiesForSuggest(db: Db): Promise<number> {
  const r = await suggestable(db)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next `limit` posts and pages (any status but trash) after `afterId`, in id order. */
export async function bodiesForSuggest(db: Db, afterId: number, limit: number): Promise<SuggestBodyRow[]> {
  return suggestable(db)
    .select(['posts.id', 'posts.title', 'posts.body_doc', 'posts.language'])
    .where('posts.id', '>', afterId)
    .orderBy('posts.id')
    .limit(limit)
    .execute();
}

/** One post or page (not in the trash) as the suggestions read it, when `--apply` edits it. */
export async function bodyForSuggest(db: Db, id: number): Promise<SuggestBodyRow | undefined> {
  return suggestable(db).select(['posts.id', 'posts.title', 'posts.body_doc', 'posts.language']).where('posts.id', '=', id).executeTakeFirst();
}

// ---- The public site's reads (web/site: /people/, the search page) ----

/** People linked to at least one published article (not a page): who the public site lists. */
const withPublishedArticle = (eb: ExpressionBuilder<Database, 'people'>) =>
  eb.exists(
    eb
      .selectFrom('post_people')
      .innerJoin('posts', 'posts.id', 'post_people.post_id')
      .select('post_people.post_id')
      .whereRef('post_people.person_id', '=', 'people.id')
      .where('posts.status', '=', 'published')
      .where('posts.type', '=', 'post'),
  );

/**
 * A page of `/people/`: people with at least one published article, alphabetically (by folded
 * name), and how many there are in all.
 */
export async function publicPeoplePage(db: Db, limit: number, offset: number): Promise<{ rows: PersonRow[]; total: number }> {
  const base = db.selectFrom('people').where(withPublishedArticle);
  const [rows, total] = await Promise.all([
    base.selectAll('people').orderBy('people.name_key').orderBy('people.id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/**
 * The search page's people: those whose folded name starts a word with `key` (as peopleMatching)
 * and who have a published article, so a result never leads to an empty page.
 */
export async function publicPeopleMatching(db: Db, key: string, limit: number): Promise<PersonRow[]> {
  if (!key) return [];
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  return (
    db
      .selectFrom('people')
      .selectAll('people')
      // ESCAPE spelled out: SQLite has no default escape character, so a typed % or _ stays literal on both.
      .where(sql<boolean>`(people.name_key like ${`${escaped}%`} escape '\\' or people.name_key like ${`% ${escaped}%`} escape '\\')`)
      .where(withPublishedArticle)
      .orderBy((eb) => eb.fn('length', ['people.name_key']))
      .orderBy('people.name_key')
      .limit(limit)
      .execute()
  );
}

/**
 * Figures attributed to a person, with their image (any article, the first by id): what gives a
 * person found in captions the portrait the caption sits under.
 */
export async function attributedPortraits(db: Db): Promise<{ personId: number; mediaId: number }[]> {
  const rows = await db
    .selectFrom('posts')
    .select(['id', 'body_doc'])
    .where('body_doc', 'like', '%"personId":%')
    .where('status', '<>', 'trash')
    .orderBy('id')
    .execute();
  const out = new Map<number, number>();
  for (const r of rows) {
    let doc: ArticleDocument;
    try {
      doc = JSON.parse(r.body_doc) as ArticleDocument;
    } catch {
      continue;
    }
    // Figures in galleries count too; the stored JSON is not trusted to have every attribute.
    for (const f of figuresOf(doc)) {
      const { personId, mediaId } = (f.attrs ?? {}) as { personId?: unknown; mediaId?: unknown };
      if (typeof personId === 'number' && typeof mediaId === 'number' && !out.has(personId)) out.set(personId, mediaId);
    }
  }
  return [...out].map(([personId, mediaId]) => ({ personId, mediaId }));
}
