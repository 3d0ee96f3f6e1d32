/**
 * @module modules/related/related.service
 * "You may also like": computed when an article is published or changed, stored in related_posts.
 * Candidates come from the full-text index (the article's key terms, OR-ed), then shared
 * categories and tags and recency adjust the order; one that shares no section, tag or leading
 * term with the article is left out (related.ts relatedEnough). Same language; never itself;
 * never unpublished.
 */
import type { Db } from '../../db/database.js';
import type { FullText } from '../../db/full-text.js';
import * as articles from '../article/article.repository.js';
import { categoryLinksOfPosts } from '../taxonomy/category.repository.js';
import { tagLinksOfPosts } from '../taxonomy/tag.repository.js';
import { keyTerms, LEADING_TERMS, scoreCandidates, termsIn, type Candidate } from './related.js';
import * as repo from './related.repository.js';

export const RELATED_MAX = 6;
const CANDIDATES = 40;

/** What a post's related list is computed from. */
interface RelatedInputs {
  post: repo.RelatedSource | undefined;
  tags: { id: number; name: string }[];
  categoryIds: number[];
  terms: string[];
  /**
   * All of it that decides the post's own list and its place in other lists, as one string: its
   * key terms, title, tags, sections, language, type, status and date.
   */
  key: string;
}

async function relatedInputs(db: Db, postId: number): Promise<RelatedInputs> {
  const post = await repo.relatedSource(db, postId);
  if (post?.status !== 'published' || post.type !== 'post') return { post, tags: [], categoryIds: [], terms: [], key: `off:${post?.status}:${post?.type}` };
  const [tags, categoryIds] = await Promise.all([articles.tagsForPost(db, postId), articles.categoryIdsForPost(db, postId)]);
  const terms = keyTerms({ title: post.title, excerpt: post.excerpt, body: post.search_text, tags: tags.map((t) => t.name) });
  const key = JSON.stringify([
    post.title,
    post.language,
    post.published_at,
    terms,
    tags.map((t) => t.id).sort((a, b) => a - b),
    [...categoryIds].sort((a, b) => a - b),
  ]);
  return { post, tags, categoryIds, terms, key };
}

/** Recomputes and stores the related list of one post; returns the related ids in order. */
export async function computeRelated(db: Db, fullText: FullText, postId: number, now: Date = new Date(), given?: RelatedInputs): Promise<number[]> {
  const { post, tags, categoryIds, terms } = given ?? (await relatedInputs(db, postId));
  if (post?.status !== 'published' || post.type !== 'post') {
    await repo.clearRelated(db, postId);
    return [];
  }
  const similar = await fullText.similar(db, terms, { language: post.language, excludeId: postId }, CANDIDATES);
  const textScore = new Map(similar.map((s) => [s.id, s.score]));
  // Too few text matches (a short or unusual article): its section's latest stories fill in.
  if (similar.length < RELATED_MAX && categoryIds.length) {
    const fill = await articles.listPublished(db, { categoryIds, excludeId: postId, language: post.language }, RELATED_MAX, 0);
    for (const r of fill) if (!textScore.has(r.id)) textScore.set(r.id, 0);
  }
  const ids = [...textScore.keys()];
  let ranked: { id: number; score: number }[] = [];
  if (ids.length) {
    const [cats, tgs, rows] = await Promise.all([categoryLinksOfPosts(db, ids), tagLinksOfPosts(db, ids), repo.candidateRows(db, ids)]);
    const myCats = new Set(categoryIds);
    const myTags = new Set(tags.map((t) => t.id));
    const leading = terms.slice(0, LEADING_TERMS);
    const candidates: Candidate[] = rows.map((d) => ({
      id: d.id,
      textScore: textScore.get(d.id) ?? 0,
      sharedCategories: cats.filter((c) => c.post_id === d.id && myCats.has(c.category_id)).length,
      sharedTags: tgs.filter((t) => t.post_id === d.id && myTags.has(t.tag_id)).length,
      sharedTerms: termsIn(`${d.title} ${d.excerpt}`, leading),
      publishedAt: d.published_at ?? '1970-01-01T00:00:00Z',
    }));
    ranked = scoreCandidates(candidates, now).slice(0, RELATED_MAX);
  }
  await db.transaction().execute(async (trx) => {
    await repo.clearRelated(trx, postId);
    await repo.insertRelated(trx, postId, ranked);
  });
  return ranked.map((r) => r.id);
}

/**
 * After a post changes: its own list, then its neighbours' (the posts it now relates to, and
 * those that listed it), whose lists may now include or drop it.
 *
 * `refreshed` remembers, per post, the inputs of its last refresh (see RelatedInputs.key): a save
 * that changed none of them (a typo fixed, a paragraph reworded with the same key terms, the
 * desk's every-minute update of a breaking story) changes no list, and is skipped. A related list
 * is about ten full-text queries, the largest piece of work an edit sets off.
 */
export async function refreshRelatedAround(db: Db, fullText: FullText, postId: number, now: Date = new Date(), refreshed?: Map<number, string>): Promise<void> {
  const inputs = await relatedInputs(db, postId);
  if (refreshed?.get(postId) === inputs.key) return;
  const mine = await computeRelated(db, fullText, postId, now, inputs);
  const listing = await repo.postsListing(db, postId);
  for (const id of new Set([...mine, ...listing])) await computeRelated(db, fullText, id, now);
  if (refreshed) {
    refreshed.delete(postId);
    refreshed.set(postId, inputs.key);
    // Remember the most recently refreshed posts only.
    if (refreshed.size > 10_000) refreshed.delete(refreshed.keys().next().value!);
  }
}

/** Every published post's list (after an import or the demo seed). */
export async function refreshAllRelated(db: Db, fullText: FullText, now: Date = new Date()): Promise<number> {
  const ids = await repo.publishedPostIds(db);
  for (const id of ids) await computeRelated(db, fullText, id, now);
  return ids.length;
}
