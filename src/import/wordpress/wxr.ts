/**
 * @module import/wordpress/wxr
 * What a WordPress eXtended RSS (WXR 1.0–1.2) export holds, as plain records, and the errors a
 * bad file produces. The reader (wxr-reader.ts) streams these records; nothing else parses XML.
 */

/** The `<channel>` facts that come before the first item. */
export interface WxrSite {
  title: string;
  link: string;
  description: string;
  language: string;
  wxrVersion: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrCategory {
  termId: string;
  nicename: string;
  /** Nicename of the parent, '' for a root. */
  parent: string;
  name: string;
  description: string;
}

export interface WxrTag {
  termId: string;
  slug: string;
  name: string;
  description: string;
}

/** `<wp:term>`: other taxonomies (menus, post formats…); counted, not imported. */
export interface WxrTerm {
  termId: string;
  taxonomy: string;
  slug: string;
  name: string;
}

export interface WxrMeta {
  key: string;
  value: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  /** '1', '0', 'spam', 'trash', 'post-trashed'. */
  approved: string;
  /** '' or 'comment' for comments; 'pingback', 'trackback'… */
  type: string;
  parent: string;
  userId: string;
}

/** A post, page, attachment, menu item or any other post type. */
export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  id: string;
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  commentStatus: string;
  name: string;
  status: string;
  parent: string;
  menuOrder: string;
  type: string;
  password: string;
  isSticky: string;
  attachmentUrl: string;
  /** `<category domain="category|post_tag|…" nicename="…">Name</category>` */
  terms: { domain: string; nicename: string; name: string }[];
  meta: WxrMeta[];
  comments: WxrComment[];
}

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'tag'; tag: WxrTag }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem };

export type WxrErrorCode = 'WXR_NOT_FOUND' | 'WXR_NOT_WXR' | 'WXR_MALFORMED' | 'WXR_TRUNCATED' | 'WXR_ENCODING' | 'WXR_DOCTYPE' | 'WXR_TOO_LARGE';

/** A file we refuse, with a message written for the person running the import. */
export class WxrError extends Error {
  constructor(
    public readonly code: WxrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WxrError';
  }
}

export const emptyItem = (): WxrItem => ({
  title: '',
  link: '',
  pubDate: '',
  creator: '',
  guid: '',
  content: '',
  excerpt: '',
  id: '',
  postDate: '',
  postDateGmt: '',
  postModified: '',
  postModifiedGmt: '',
  commentStatus: '',
  name: '',
  status: '',
  parent: '',
  menuOrder: '',
  type: '',
  password: '',
  isSticky: '',
  attachmentUrl: '',
  terms: [],
  meta: [],
  comments: [],
});

export const emptyComment = (): WxrComment => ({
  id: '',
  author: '',
  authorEmail: '',
  authorUrl: '',
  authorIp: '',
  date: '',
  dateGmt: '',
  content: '',
  approved: '',
  type: '',
  parent: '',
  userId: '',
});
