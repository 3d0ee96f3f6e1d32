/**
 * @module modules/taxonomy/tag.service
 * Tag changes from the newsroom: rename (old URL 301s), merge several into one (articles
 * re-tagged without duplicates, old URLs 301 to the survivor), delete (articles lose the tag and
 * its URL answers 404, as in WordPress). One transaction each, with its audit entry; each
 * returns the cache tags to purge after commit.
 */
import type { Db } from '../../db/database.js';
import type { TagRow } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { AuditAction } from '../audit/audit.js';
import { tagPath } from '../article/permalink.js';
import { hashtagTagsOf, tag } from '../content/cache-tags.js';
import type { Actor } from '../user/user.js';
import type { TaxonomyChange } from './category.service.js';
import { findTagById, findTagBySlug, insertLinks, postIdsWithTags } from './taxonomy.repository.js';
import { deleteTagsAndLinks, findTagsByIds, tagIdWithSlugIn, updateTagRow } from './tag.repository.js';
import { slugify } from '../article/article.js';
import { cleanDescription, cleanName, cleanNames, cleanSlug, dropRedirectsTo, redirectListing, TaxonomyError } from './taxonomy.service.js';

/** Most tags one merge takes (a page of the list). */
export const MERGE_MAX = 100;

const audit = (db: Db, actor: Actor, now: Date, action: AuditAction, t: Pick<TagRow, 'id' | 'name'>, detail: string) =>
  recordAudit(db, {
    at: now.toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    ip: actor.ip,
    action,
    target: { type: 'tag', id: t.id, label: t.name },
    detail,
  });

async function found(db: Db, id: number): Promise<TagRow> {
  const t = await findTagById(db, id);
  if (!t) throw new TaxonomyError('TAG_NOT_FOUND', 'There is no such tag (it may have been merged or deleted).');
  return t;
}

/** The tag's own page and feeds, every article showing it, and the feeds listing its name. */
const tagTags = (ids: number[], postIds: number[] = []): string[] => [
  tag.feed,
  tag.sitemap,
  ...ids.flatMap((id) => [tag.tag(id), tag.tagList(id)]),
  ...postIds.map(tag.post),
];

export async function renameTag(
  db: Db,
  id: number,
  changes: { name: unknown; slug: unknown; description?: unknown; names?: unknown },
  actor: Actor,
  now: Date,
): Promise<TaxonomyChange> {
  const name = cleanName('TAG', changes.name);
  const slug = cleanSlug('TAG', changes.slug, name);
  return db.transaction().execute(async (trx) => {
    const t = await found(trx, id);
    const description = changes.description !== undefined ? cleanDescription('TAG', changes.description) : t.description;
    const names = changes.names !== undefined ? cleanNames('TAG', changes.names) : t.names;
    if (slug !== t.slug && (await findTagBySlug(trx, slug)) !== undefined) {
      throw new TaxonomyError('TAG_SLUG_TAKEN', `The slug "${slug}" is already in use by another tag. To combine the two, merge them.`);
    }
    await updateTagRow(trx, id, { name, slug, description, names });
    await redirectListing(trx, tagPath(t.slug), tagPath(slug), now);
    const parts = [
      t.name !== name ? `name "${t.name}" → "${name}"` : '',
      t.slug !== slug ? `slug ${t.slug} → ${slug}` : '',
      t.names !== names ? `names per language ${names}` : '',
    ].filter(Boolean);
    await audit(trx, actor, now, 'tag.updated', { id, name }, parts.join('; ') || 'description');
    // Quoted posts' hashtags that named it by its old name or slug, or name it by the new ones.
    return { id, purge: [...tagTags([id], await postIdsWithTags(trx, [id])), ...hashtagTagsOf(t), ...hashtagTagsOf({ name, slug })] };
  });
}

/** Merges `sourceIds` into `targetId`; the sources are deleted and their URLs 301 to the target. */
export async function mergeTags(db: Db, sourceIds: number[], targetId: number, actor: Actor, now: Date): Promise<TaxonomyChange> {
  const sources = [...new Set(sourceIds)].filter((s) => s !== targetId);
  if (sources.length === 0) throw new TaxonomyError('TAG_INVALID', 'Choose at least one tag to merge other than the one they merge into.');
  if (sources.length > MERGE_MAX) throw new TaxonomyError('TAG_INVALID', `At most ${MERGE_MAX} tags can be merged at once.`);
  return db.transaction().execute(async (trx) => {
    const target = await found(trx, targetId);
    const rows = await findTagsByIds(trx, sources);
    if (rows.length !== sources.length) throw new TaxonomyError('TAG_NOT_FOUND', 'One of the chosen tags no longer exists; reload the list and try again.');
    const postIds = await postIdsWithTags(trx, sources);
    const already = new Set(await postIdsWithTags(trx, [targetId]));
    await insertLinks(
      trx,
      'post_tags',
      postIds.filter((p) => !already.has(p)),
      targetId,
    );
    await deleteTagsAndLinks(trx, sources);
    for (const r of rows) await redirectListing(trx, tagPath(r.slug), tagPath(target.slug), now);
    await audit(trx, actor, now, 'tag.merged', target, `${rows.map((r) => r.slug).join(', ')} → ${target.slug} (${postIds.length} article(s))`);
    return { id: targetId, purge: [...tagTags([targetId, ...sources], postIds), ...rows.flatMap(hashtagTagsOf)] };
  });
}

/**
 * Merges `sourceIds` into the tag named by `into` (its slug, or a name that slugifies to it), as
 * typed in the merge form.
 *
 * @example await mergeTagsInto(db, [4, 9], 'Climate', actor, now) // into the tag with slug "climate"
 */
export async function mergeTagsInto(db: Db, sourceIds: number[], into: string, actor: Actor, now: Date): Promise<TaxonomyChange> {
  const typed = into.trim();
  if (!typed || typed.length > 200) throw new TaxonomyError('TAG_INVALID', 'Type the slug or name of the tag to merge into.');
  const targetId = await tagIdWithSlugIn(db, [typed.toLowerCase(), slugify(typed)]);
  if (targetId === undefined) throw new TaxonomyError('TAG_INVALID', `There is no tag "${typed}" to merge into. Type the slug or name of an existing tag.`);
  return mergeTags(db, sourceIds, targetId, actor, now);
}

export async function deleteTag(db: Db, id: number, actor: Actor, now: Date): Promise<TaxonomyChange> {
  return db.transaction().execute(async (trx) => {
    const t = await found(trx, id);
    const postIds = await postIdsWithTags(trx, [id]);
    await deleteTagsAndLinks(trx, [id]);
    await dropRedirectsTo(trx, tagPath(t.slug));
    await audit(trx, actor, now, 'tag.deleted', t, `${tagPath(t.slug)} (${postIds.length} article(s))`);
    return { id, purge: [...tagTags([id], postIds), ...hashtagTagsOf(t)] };
  });
}
