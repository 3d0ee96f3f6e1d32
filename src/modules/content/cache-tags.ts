/**
 * @module modules/content/cache-tags
 * Names for what a cached page depends on, and which of them a write touches. Two kinds per
 * entity: `cat:3` (its name or slug is shown) and `cat-list:3` (the list of its posts is shown),
 * so publishing a story purges its section's listings without purging every article in it.
 */
import type { Db } from '../../db/database.js';
import { loadCategoryTree } from '../taxonomy/taxonomy.service.js';
import { linkIdsOfPosts } from './cache-tags.repository.js';
import { hashtagKey, hashtagSlug } from '../article/hashtags.js';

export const tag = {
  post: (id: number) => `post:${id}`,
  /**
   * A post's comments: its thread and the comment counts on its cards. Comment writes purge this
   * alone, so the rest of an article (its fragment, see web/site/article-fragments) survives them.
   */
  comments: (id: number) => `comments:${id}`,
  /**
   * A live page's entries (its page, its entries endpoint, the "updated" time on its cards):
   * publishing an entry purges this alone, not the article's other pages.
   */
  live: (id: number) => `live:${id}`,
  /** The site's comments feed (/comments/feed/): every comment shown or hidden anywhere changes it. */
  commentsFeed: 'comments-feed',
  cat: (id: number) => `cat:${id}`,
  catList: (id: number) => `cat-list:${id}`,
  tag: (id: number) => `tag:${id}`,
  tagList: (id: number) => `tag-list:${id}`,
  author: (id: number) => `author:${id}`,
  authorList: (id: number) => `author-list:${id}`,
  /** A person's name, photo or address is shown (their page, "People in this story"). */
  person: (id: number) => `person:${id}`,
  /** The list of a person's articles is shown (their page and feeds). */
  personList: (id: number) => `person-list:${id}`,
  home: 'home',
  /** A front page's choices (pins, section blocks): 'home' or 'cat:{id}'. */
  front: (scope: string) => `front:${scope}`,
  nav: 'nav',
  feed: 'feed',
  sitemap: 'sitemap',
  /** Date archives (/2024/03/) and their feeds: any post change may move a story in or out of one. */
  dates: 'dates',
  /** The /corrections/ list. */
  corrections: 'corrections',
  /** Search result pages: any post change may change any result set. */
  search: 'search',
  /**
   * A page whose quoted posts hold this hashtag (by hashtagKey, URL-encoded so any script fits a
   * header): a tag of that name created, renamed or removed changes whether and where it links.
   */
  hashtag: (key: string) => `hashtag:${encodeURIComponent(key)}`,
  /** The same, by the tag slug the hashtag stands for (hashtagSlug). */
  hashtagSlug: (slug: string) => `hashtag-slug:${encodeURIComponent(slug)}`,
  /** Every page (site settings, navigation: what the whole site shows). */
  all: 'all',
} as const;

/**
 * What changing these posts (publish, edit, unpublish, schedule going live) touches: their own
 * pages and every card of them, and every list they are or were in.
 */
export async function tagsForPostChange(db: Db, postIds: number[], extra: Iterable<string> = []): Promise<string[]> {
  const out = new Set<string>([tag.home, tag.feed, tag.sitemap, tag.search, tag.dates, tag.commentsFeed, ...extra]);
  if (postIds.length === 0) return [...out];
  const [links, tree] = await Promise.all([linkIdsOfPosts(db, postIds), loadCategoryTree(db)]);
  for (const id of postIds) {
    out.add(tag.post(id));
    out.add(tag.comments(id));
  }
  // Archives include their sub-sections, so every ancestor's list changes too.
  for (const c of links.categoryIds) for (const a of tree.ancestry(c)) out.add(tag.catList(a.id));
  for (const t of links.tagIds) out.add(tag.tagList(t));
  for (const a of links.authorIds) out.add(tag.authorList(a));
  for (const p of links.personIds) out.add(tag.personList(p));
  return [...out];
}

/** What a comment shown, changed or hidden on these posts purges: their threads and counts, and the comments feed. */
export const commentPurgeTags = (postIds: readonly number[]): string[] => [...postIds.map(tag.comments), tag.commentsFeed];

/** The cache tags of a page showing these hashtags (modules/article/hashtags hashtagsIn). */
export const hashtagPageTags = (names: readonly string[]): string[] => names.flatMap((n) => [tag.hashtag(hashtagKey(n)), tag.hashtagSlug(hashtagSlug(n))]);

/** What a tag with this name and slug appearing, changing or going purges: the pages whose hashtags it matches. */
export const hashtagTagsOf = (t: { name: string; slug: string }): string[] => [tag.hashtag(hashtagKey(t.name)), tag.hashtagSlug(t.slug)];
