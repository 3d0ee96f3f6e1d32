/**
 * @module modules/person/person-suggest.service
 * `broadsheet people suggest`: the people a site's articles already name in captions and
 * quotations (modules/person/person-suggest), counted over every post and page but those in the
 * trash, and, with `applySuggestions`, created at People and linked: each caption and citation
 * naming them is attributed to them (their name links to their page) and the article is linked
 * to them as `quoted`. Reading writes nothing; applying twice changes nothing the second time.
 */
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ArticleDocument } from '../article/document.js';
import { referencedMediaIds } from '../article/render.js';
import { renderBody } from '../article/body-render.js';
import { tagsForPostChange } from '../content/cache-tags.js';
import { setPostBodyDocAndHtml } from '../content/posts.repository.js';
import { findMediaByIds } from '../media/media.repository.js';
import type { Actor } from '../user/user.js';
import { parsePersonForm } from './person.js';
import { attributeMentions, candidatesOf, creditKeysIn, mentionsIn, type Candidate, type MediaText, type Mention } from './person-suggest.js';
import { bodiesForSuggest, bodyForSuggest, countBodiesForSuggest, findPeopleByNameKeys, peopleOfPost, setPostPeople } from './person.repository.js';
import { createPerson } from './person.service.js';

const BATCH = 200;

/** A candidate and the person of that name already at People, if any. */
export interface SuggestedPerson extends Candidate {
  personId: number | null;
}

export interface Progress {
  done: number;
  total: number;
}

const parseDoc = (json: string): ArticleDocument | null => {
  try {
    const d = JSON.parse(json) as ArticleDocument;
    return d && Array.isArray(d.content) ? d : null;
  } catch {
    return null;
  }
};

/** The library's caption and credit of every figure in these documents. */
async function mediaTextOf(db: Db, docs: readonly ArticleDocument[]): Promise<MediaText> {
  const media = await findMediaByIds(
    db,
    docs.flatMap((d) => referencedMediaIds(d)),
  );
  return (id) => media.get(id);
}

/**
 * Every candidate person of the site, with whether People already has someone of that name.
 * @example const list = await suggestPeople(db, { onProgress: (p) => bar.update(p.done) })
 */
export async function suggestPeople(db: Db, o: { onProgress?: (p: Progress) => void } = {}): Promise<{ candidates: SuggestedPerson[]; articles: number }> {
  const total = await countBodiesForSuggest(db);
  const articles: { postId: number; mentions: Mention[] }[] = [];
  const credits = new Set<string>();
  let done = 0;
  o.onProgress?.({ done, total });
  for (let after = 0; ; ) {
    const rows = await bodiesForSuggest(db, after, BATCH);
    if (rows.length === 0) break;
    const docs = rows.map((r) => ({ id: r.id, doc: parseDoc(r.body_doc) }));
    const media = await mediaTextOf(
      db,
      docs.flatMap((d) => (d.doc ? [d.doc] : [])),
    );
    for (const { id, doc } of docs) {
      if (!doc) continue;
      const mentions = mentionsIn(doc, media);
      if (mentions.length) articles.push({ postId: id, mentions });
      for (const k of creditKeysIn(doc, media)) credits.add(k);
    }
    after = rows.at(-1)!.id;
    done += rows.length;
    o.onProgress?.({ done: Math.min(done, total), total: Math.max(total, done) });
  }
  const candidates = candidatesOf(articles, credits);
  const existing = new Map<string, number>();
  for (let i = 0; i < candidates.length; i += 500)
    for (const p of await findPeopleByNameKeys(
      db,
      candidates.slice(i, i + 500).map((c) => c.key),
    ))
      if (!existing.has(p.name_key)) existing.set(p.name_key, p.id);
  return { candidates: candidates.map((c) => ({ ...c, personId: existing.get(c.key) ?? null })), articles: done };
}

/** What `applySuggestions` did. */
export interface SuggestApplied {
  created: { id: number; name: string }[];
  /** Candidates whose name or role People refuses (with why); nothing was done for them. */
  skipped: { name: string; reason: string }[];
  /** Articles whose captions, quotations or links changed. */
  articles: number;
  /** Captions and quotations attributed. */
  attributed: number;
  purge: string[];
}

/**
 * Creates the candidates People does not have yet (description: their role) and links every
 * article naming them: captions and citations attributed (`personId`), the article linked as
 * `quoted` (picked by the editor when the name is only inside imported HTML, which cannot be
 * attributed, so a later save of the article keeps the link). One transaction per article, with
 * its audit row; an article already attributed and linked is not touched.
 */
export async function applySuggestions(
  db: Db,
  candidates: readonly SuggestedPerson[],
  actor: Actor,
  now: Date,
  o: { onProgress?: (p: Progress) => void } = {},
): Promise<SuggestApplied> {
  const people = new Map<string, number>();
  const names = new Map<number, string>();
  const created: SuggestApplied['created'] = [];
  const skipped: SuggestApplied['skipped'] = [];
  for (const c of candidates) {
    let id = c.personId ?? (await findPeopleByNameKeys(db, [c.key]))[0]?.id ?? null;
    if (id === null) {
      const { profile, errors } = parsePersonForm({ name: c.name, description: c.role });
      if (!profile) {
        skipped.push({ name: c.name, reason: Object.values(errors).join(' ') });
        continue;
      }
      const note = 'Found in captions and quotations by `broadsheet people suggest`.';
      id = (await createPerson(db, { ...profile, note }, actor, now)).id;
      created.push({ id, name: c.name });
    }
    people.set(c.key, id);
    names.set(id, c.name);
  }
  const postIds = [...new Set(candidates.filter((c) => people.has(c.key)).flatMap((c) => c.postIds))].sort((a, b) => a - b);
  const purge = new Set<string>();
  let articles = 0;
  let attributed = 0;
  let done = 0;
  o.onProgress?.({ done, total: postIds.length });
  for (const postId of postIds) {
    const r = await linkArticle(db, postId, people, names, actor, now);
    if (r) {
      articles++;
      attributed += r.attributed;
      for (const t of r.purge) purge.add(t);
    }
    o.onProgress?.({ done: ++done, total: postIds.length });
  }
  return { created, skipped, articles, attributed, purge: [...purge] };
}

/** One article: its body attributed and its people linked, in one transaction; null when nothing changed. */
async function linkArticle(
  db: Db,
  postId: number,
  people: ReadonlyMap<string, number>,
  names: ReadonlyMap<number, string>,
  actor: Actor,
  now: Date,
): Promise<{ attributed: number; purge: string[] } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await bodyForSuggest(trx, postId);
    const doc = row ? parseDoc(row.body_doc) : null;
    if (!row || !doc) return null;
    const r = attributeMentions(doc, people, await mediaTextOf(trx, [doc]));
    const links = (await peopleOfPost(trx, postId)).map(({ personId, role, picked }) => ({ personId, role, picked }));
    const quoted = new Set(links.filter((l) => l.role === 'quoted').map((l) => l.personId));
    const added: number[] = [];
    for (const id of [...r.attributed.keys(), ...r.htmlOnly]) {
      if (quoted.has(id)) continue;
      quoted.add(id);
      added.push(id);
      // Attributed in the body: the article service finds them there again on every save.
      links.push({ personId: id, role: 'quoted', picked: !r.attributed.has(id) });
    }
    if (r.attributed.size === 0 && added.length === 0) return null;
    if (r.attributed.size) await setPostBodyDocAndHtml(trx, postId, JSON.stringify(r.doc), await renderBody(trx, r.doc, row.language));
    if (added.length) await setPostPeople(trx, postId, links);
    const attributedCount = [...r.attributed.values()].reduce((a, b) => a + b, 0);
    const who = [...new Set([...r.attributed.keys(), ...added])].map((id) => names.get(id) ?? `person ${id}`);
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip,
      action: 'person.linked',
      target: { type: 'article', id: postId, label: row.title },
      detail: `${who.join(', ')}: ${attributedCount} caption${attributedCount === 1 ? '' : 's'} or quotation${attributedCount === 1 ? '' : 's'} attributed, ${added.length} link${added.length === 1 ? '' : 's'} added (people suggest)`,
    });
    return { attributed: attributedCount, purge: await tagsForPostChange(trx, [postId]) };
  });
}
