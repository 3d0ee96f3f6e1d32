/**
 * @module web/site/messages/catalogue
 * What a language's catalogue holds: the reader pages' words and the comment form's, as ICU
 * MessageFormat messages (types only; the catalogues are the other files here, read by i18n.ts).
 */
import type { CommentErrorCode } from '../../../modules/comment/comment.js';

/** The reader pages' words (ICU messages; those with `{…}` take values through `format`). */
export interface Messages {
  home: string;
  skipToContent: string;
  /** The breaking-news banner's label. */
  breaking: string;
  mainNav: string;
  breadcrumb: string;
  by: string;
  and: string;
  published: string;
  updated: string;
  /** "{n} min read" (plural on n) */
  minRead: string;
  tags: string;
  youMayAlsoLike: string;
  /** The comments section's heading, above the count and the thread. */
  commentsHeading: string;
  commentsClosed: string;
  /** "{n} comments" (plural on n) */
  comments: string;
  newer: string;
  older: string;
  /** "Page {n} of {total}" */
  pageOf: string;
  pagination: string;
  latest: string;
  /** Heading of the home page's first stories when editors pinned some. */
  topStories: string;
  /** A section block's link to the whole section: "More in {name}". */
  moreIn: string;
  sections: string;
  notFoundTitle: string;
  notFoundMessage: string;
  badRequestTitle: string;
  search: string;
  searchLabel: string;
  readIn: string;
  footerAbout: string;
  allRightsReserved: string;
  articlesBy: string;
  /** The alt text of an author's photo when the image has none: "Photo of {name}". */
  photoOf: string;
  /** Author pages: the label of the public email and of the links elsewhere. */
  authorEmail: string;
  authorLinks: string;
  category: string;
  tag: string;
  /** A date archive's kicker, and its description: "Articles from {period}" (March 2024). */
  archive: string;
  articlesFrom: string;
  /** The comments feeds' title ("Comments on {site}", also a post's title) and an item's ("Comment on {title} by {name}"). */
  commentsFeed: string;
  commentOn: string;
  author: string;
  /** People pages (/people/): the kicker, the index's title, a person page's list and links. */
  person: string;
  people: string;
  /** The heading of a person's articles: "Articles about or quoting {name}". */
  articlesAboutOrQuoting: string;
  /** A person page with no published article yet. */
  noArticlesYet: string;
  /** The index's description. */
  peopleIntro: string;
  /** The list after an article's body. */
  peopleInStory: string;
  /** A live page's label while it runs ("Live"), on the page and on its cards. */
  live: string;
  /** "Live coverage ended {date}" */
  liveEnded: string;
  keyEvents: string;
  /** The label of one entry that is a key event. */
  keyEvent: string;
  latestUpdates: string;
  /** "Updated", before the time of a live page's newest entry. */
  liveUpdated: string;
  /** The link to one entry, to share it. */
  entryLink: string;
  olderEntries: string;
  newerEntries: string;
  /**
   * Read to screen readers when entries arrive: "{n, plural, …}" ("3 new updates"). The page carries
   * it as one template per plural form (Strings.pluralForms); the page's script picks one and puts the number in.
   */
  newEntries: string;
  /** "Entries, page {n}" (later pages of a live page). */
  entriesPage: string;
  /** The search page's people results. */
  peopleFound: string;
  /** /people/ before anyone is in it. */
  noPeople: string;
  /** Pagination of lists that are not by date (/people/). */
  previousPage: string;
  nextPage: string;
  /** Search page */
  searchResults: string;
  /** "{count} results for “{q}”": plural on n, count is n as printed ("1,000+"). */
  resultsFor: string;
  noResults: string;
  searchHint: string;
  allSections: string;
  allAuthors: string;
  allLanguages: string;
  language: string;
  fromDate: string;
  toDate: string;
  filter: string;
  removeFilter: string;
  /** Notes at the end of an article and the /corrections/ page. */
  correction: string;
  update: string;
  correctionsTitle: string;
  correctionsIntro: string;
  noCorrections: string;
}

/** The comment form's words (ICU messages). */
export interface CommentMessages {
  yourComment: string;
  /** "Reply to {name}" */
  replyTo: string;
  cancelReply: string;
  name: string;
  email: string;
  optional: string;
  neverShown: string;
  comment: string;
  help: string;
  leaveEmpty: string;
  notify: string;
  submit: string;
  reply: string;
  /** Screen-reader suffix of "Reply": " to {name}" */
  replyToSr: string;
  held: string;
  staff: string;
  /** Badge on a reply by one of the article's authors. */
  author: string;
  olderComments: string;
  newerComments: string;
  commentPages: string;
  /** Shown under the comments heading while an open thread has none. */
  noComments: string;
  /** The thread's order links: their group label and the two orders. */
  sortComments: string;
  oldestFirst: string;
  newestFirst: string;
  /** "Comments, page {n} of {total}" */
  commentPageOf: string;
  /** Error messages by code; `{max}` in COMMENT_TOO_LONG. */
  errors: Record<CommentErrorCode, string>;
  /** Finer messages for COMMENT_INVALID. */
  invalid: { body: string; name: string; nameLong: string; emailRequired: string; email: string };
}

/** One language's messages: the page words and the comment form's. */
export interface Catalogue {
  ui: Messages;
  comments: CommentMessages;
}

/** A catalogue that may lack keys (they fall back); the tests hold every shipped one complete. */
export interface PartialCatalogue {
  ui: Partial<Messages>;
  comments: Partial<Omit<CommentMessages, 'errors' | 'invalid'>> & {
    errors?: Partial<CommentMessages['errors']>;
    invalid?: Partial<CommentMessages['invalid']>;
  };
}
