/**
 * @module web/site/page-tags
 * The cache tags of each public page: every entity whose name, link or list it shows.
 */
import type { ArticleBundle, CardBundle } from '../../modules/article/reading.service.js';
import { hashtagPageTags, tag } from '../../modules/content/cache-tags.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';

/** A story card shows the post, its comment count, its section's name and its authors' names. */
export function cardTags(bundle: CardBundle): string[] {
  const out: string[] = [];
  for (const r of bundle.rows) {
    out.push(tag.post(r.id), tag.comments(r.id));
    if (r.primary_category_id !== null) out.push(tag.cat(r.primary_category_id));
    for (const a of bundle.authors.get(r.id) ?? []) out.push(tag.author(a.id));
  }
  return out;
}

/** Every page shows the section navigation. */
export const pageTags = (...tags: (string | string[])[]): string[] => [tag.nav, ...tags.flat()];

/** Everything an article page shows but its comments (the article fragment's tags). */
export function articleFragmentTags(b: ArticleBundle, tree: CategoryTree): string[] {
  const p = b.post;
  return pageTags(
    tag.post(p.id),
    p.primary_category_id !== null ? tree.ancestry(p.primary_category_id).map((c) => tag.cat(c.id)) : [],
    b.authors.map((a) => tag.author(a.id)),
    b.tags.map((t) => tag.tag(t.id)),
    b.translations.map((t) => tag.post(t.id)),
    // A nested page shows its parents' titles (breadcrumb) and its path holds their slugs.
    (b.ancestors ?? []).map((a) => tag.post(a.id)),
    cardTags(b.related),
    // "People in this story": their names, photos and addresses.
    (b.people ?? []).map((x) => tag.person(x.person.id)),
    // A live page's entries: publishing one purges this alone. Entries' authors are shown by name.
    b.live ? [tag.live(p.id), ...new Set(b.live.entries.flatMap((e) => (e.author_id !== null ? [tag.author(e.author_id)] : [])))] : [],
    // Hashtags in quoted posts: a tag of that name appearing or going changes the page; one that
    // links changes it when renamed.
    hashtagPageTags(b.hashtags?.names ?? []),
    [...(b.hashtags?.tags.values() ?? [])].map((t) => tag.tag(t.id)),
  );
}

/** The whole article page: its fragment and its comments. */
export const articleTags = (b: ArticleBundle, tree: CategoryTree): string[] => [...articleFragmentTags(b, tree), tag.comments(b.post.id)];
