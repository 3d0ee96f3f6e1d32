/**
 * @module web/site/view-models
 * The shapes that public views render. Views are pure functions of these; they never touch the
 * database. Every string here is plain text (views escape it) except `bodyHtml`, which is
 * sanitised HTML produced at save time.
 */
import type { CommentOrder } from '../../modules/comment/thread.js';
import type { CommentStrings } from './comment-strings.js';
import type { Strings } from './i18n.js';

export interface Link {
  name: string;
  url: string;
}

/** A masthead link; with children, a dropdown (the parent's own link comes first in it). */
export interface NavItem extends Link {
  children?: Link[];
}

export interface Layout {
  /** BCP 47 language of the page's main content, e.g. "en", "fa", "sq". */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Full <title> text, already including the site name where wanted. */
  title: string;
  /** <meta name="description">; never empty. */
  description: string;
  /** Absolute canonical URL. */
  canonical: string;
  /** The site's name in the page's language where the owner gave one (Settings), else its own. */
  siteName: string;
  /**
   * The name's language when it is not the page's (an English name on a Persian page): the
   * nameplate carries it, so it keeps its own typeface and direction.
   */
  siteNameLang?: string;
  siteUrl: string;
  /** The masthead navigation: the primary menu, or the top-level sections when there is none. */
  nav: NavItem[];
  /** Which nav item is current (its url), if any. */
  currentNav?: string;
  /** The footer menu; none: the sections, About and Corrections. */
  footerNav?: Link[];
  /** OpenGraph / Twitter card data. */
  og: {
    type: 'website' | 'article' | 'profile';
    image?: { url: string; width: number; height: number; alt: string };
    publishedTime?: string;
    modifiedTime?: string;
  };
  /** JSON-LD objects, each rendered as its own <script type="application/ld+json">. */
  jsonLd: object[];
  /** <link rel="alternate" hreflang> for translations. */
  alternates: { hreflang: string; href: string }[];
  /** Feed discovery: `<link rel="alternate" type="application/rss+xml">` and friends. */
  feeds: { type: string; title: string; href: string }[];
  /** Adds <meta name="robots" content="noindex"> (404, search results). */
  noindex?: boolean;
  /** UI strings in the page language. */
  t: Strings;
  /** The year shown in the footer copyright line. */
  year: number;
  /** The breaking-news banner, while it shows (/admin/front-page). */
  banner?: { text: string; url?: string };
  /** The owner's branding (/admin/settings). */
  brand: {
    logo?: { src: string; width: number; height: number; picture: ImageVM; sizes: string };
    favicon?: { href: string; type: string };
    /** Replaces "© year name. All rights reserved." */
    footerLine?: string;
  };
  /** The headline face of the page's script, preloaded (none: the reader's own fonts). */
  preloadFont?: string;
  /** Every stylesheet of the page, in order: the theme's (site.css, article.css where needed), then the brand's. */
  stylesheets: readonly string[];
  /** The theme's scripts and icon at their current (hashed) URLs. */
  assets: SiteAssetUrls;
}

/** The theme's own files a page links to, at their current URLs (web/static-assets). */
export interface SiteAssetUrls {
  siteCss: string;
  articleCss: string;
  commentsJs: string;
  liveJs: string;
  favicon: string;
}

export interface ImageVM {
  /** Fallback src (JPEG/PNG, middle width). */
  src: string;
  width: number;
  height: number;
  alt: string;
  /** "url 480w, url 960w, …" in WebP. Empty when there are no derivatives. */
  webpSrcset: string;
  /** Same widths in the original format. */
  srcset: string;
  /** Same widths in AVIF, once made in the background; absent or '' until then. */
  avifSrcset?: string;
  /** Classes placing a crop's centre at the image's focal point (site.css fx-/fy-); '' or absent: the middle. */
  focus?: string;
}

export interface FigureVM {
  image: ImageVM;
  caption: string;
  credit: string;
}

export interface AuthorVM {
  name: string;
  url: string;
  roleTitle: string;
  avatar?: ImageVM;
}

/** An author page's profile: the byline's fields, the bio's paragraphs, the public email and links. */
export interface AuthorProfileVM extends AuthorVM {
  bio: string[];
  email?: string;
  links: { url: string; label: string }[];
}

/** A person in a list ("People in this story", search results, /people/). */
export interface PersonCardVM {
  name: string;
  url: string;
  /** Their role ("Albanian historian and journalist"); may be empty. */
  description: string;
  photo?: ImageVM;
}

/** A person page's header: the card's fields, the photo's credit and their links elsewhere. */
export interface PersonProfileVM extends PersonCardVM {
  credit: string;
  /** Plain links (not rel=me: these are not our pages), labelled with their host. */
  links: { url: string; label: string }[];
}

export interface DateVM {
  /** ISO-8601 for <time datetime>. */
  iso: string;
  /** Formatted in the page language with Intl (Persian calendar for fa). */
  label: string;
}

/** A story in a list (home, archives, related). */
export interface CardVM {
  url: string;
  title: string;
  excerpt: string;
  image?: ImageVM;
  category?: Link;
  authors: Link[];
  published: DateVM;
  readingMinutes: number;
  /** Approved comments; shown as a link to the article's comments when there are any. */
  comments: number;
  /** Set when the story's language differs from the page's, so the card gets its own lang/dir. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** A live page while its coverage runs: the card says "Live". */
  live?: true;
  /** An aside or a status (WordPress post formats): its words are the card, with no headline. */
  note?: true;
}

export interface PaginationVM {
  page: number;
  totalPages: number;
  prevUrl?: string;
  nextUrl?: string;
}

export interface HomeVM {
  layout: Layout;
  /** The lead story, shown larger; only on page 1. */
  lead?: CardVM;
  stories: CardVM[];
  /** Page 1 with stories pinned by editors: the stories are the top stories. */
  pinned?: boolean;
  /** Page 1: the section blocks below the top stories (/admin/front-page). */
  blocks: { section: Link; stories: CardVM[] }[];
  pagination: PaginationVM;
}

export interface ArticleVM {
  layout: Layout;
  isPage: boolean;
  /** Articles always; a static page only while its comments are turned on (off by default). */
  showComments: boolean;
  /** Home » Parent » Category » Headline; the last item is the current page (no url). */
  breadcrumb: { name: string; url?: string }[];
  title: string;
  standfirst: string;
  authors: AuthorVM[];
  published?: DateVM;
  /** Present only when the article was updated after publication. */
  updated?: DateVM;
  readingMinutes: number;
  featured?: FigureVM;
  /** Sanitised at save time: inline figures, blockquotes with <cite>, quote cards. */
  bodyHtml: string;
  tags: Link[];
  /** "You may also like" (filled by the discovery module; may be empty). */
  related: CardVM[];
  /** "Comments": the count, the thread (nested by replies) and, when open, "Leave a comment" with the form. */
  comments: { open: boolean; count: number; thread: CommentVM[]; form?: CommentFormVM; strings: CommentStrings; pages: CommentPagesVM };
  /** Other-language versions of this article. */
  translations: { lang: string; name: string; url: string }[];
  /** Corrections and update notes, oldest first, shown at the end of the article. */
  corrections?: CorrectionVM[];
  /** "People in this story": who it is about and whom it quotes (empty: no list). */
  people: PersonCardVM[];
  /** A live page: its key events and entries, newest first. */
  live?: LiveBlogVM;
}

export interface LiveBlogVM {
  status: 'live' | 'ended';
  /** "Live", or "Live coverage ended …". */
  label: string;
  /** The newest entry's time. */
  updated?: DateVM;
  keyEvents: { anchor: string; headline: string; at: DateVM }[];
  entries: LiveEntryVM[];
  total: number;
  /** 1 on the article's page; later pages hold older entries. */
  page: number;
  olderUrl?: string;
  newerUrl?: string;
  /** While live, on the first page: what the page's script asks for newer entries (the newest id is in it). */
  pollUrl?: string;
}

export interface LiveEntryVM {
  id: number;
  anchor: string;
  at: DateVM;
  author: string;
  headline: string;
  pinned: boolean;
  /** Sanitised at save time, like the article body. */
  bodyHtml: string;
  /** The entry's own address, to share it (its own title and description). */
  shareUrl: string;
}

/** "Correction, 29 November 2026: …" */
export interface CorrectionVM {
  kind: 'correction' | 'update';
  /** "Correction" or "Update", in the page's language. */
  label: string;
  date: DateVM;
  text: string;
  anchor: string;
}

export interface ArchiveVM {
  layout: Layout;
  kind: 'category' | 'tag' | 'author' | 'person' | 'date';
  heading: string;
  description: string;
  breadcrumb: { name: string; url?: string }[];
  /** Child categories of a category archive. */
  subcategories: Link[];
  /** On author pages. */
  author?: AuthorProfileVM;
  /** On person pages (/people/{slug}/), with the heading of their articles. */
  person?: PersonProfileVM & { listHeading: string };
  /** Shown instead of the stories when there are none. */
  empty?: string;
  /** A section front's pinned lead story (page 1), shown larger above the others. */
  lead?: CardVM;
  stories: CardVM[];
  pagination: PaginationVM;
}

/** /people/: everyone with a published article, alphabetically. */
export interface PeopleIndexVM {
  layout: Layout;
  heading: string;
  description: string;
  breadcrumb: { name: string; url?: string }[];
  people: PersonCardVM[];
  pagination: PaginationVM;
}

export interface ErrorVM {
  layout: Layout;
  status: number;
  /** The error's code (docs/errors.md), on the page as data-error-code. */
  code: string;
  heading: string;
  message: string;
}

/** A piece of a search snippet; `mark` pieces matched the query and are highlighted. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchVM {
  layout: Layout;
  /** What the reader typed, for the search box. */
  query: string;
  /** False when the query had nothing searchable (punctuation only, empty). */
  searchable: boolean;
  total: number;
  /** More results exist than `total` (shown as "1,000+"). */
  capped: boolean;
  results: (CardVM & { snippet: SnippetPart[] })[];
  /** People whose name matches the query (at most 5), shown above the articles. */
  people: PersonCardVM[];
  pagination: PaginationVM;
  /** Filter controls, with the current choice marked. */
  filters: {
    categories: { value: string; name: string; depth: number; selected: boolean }[];
    authors: { value: string; name: string; selected: boolean }[];
    languages: { value: string; name: string; selected: boolean }[];
    /** Active tag filter, shown as a removable chip. */
    tag?: { name: string; removeUrl: string };
    from: string;
    to: string;
  };
}

/**
 * Comment pages and their order: oldest threads first, "Older comments" is rel=prev and "Newer
 * comments" rel=next; newest first, the other way round.
 */
export interface CommentPagesVM {
  page: number;
  totalPages: number;
  order: CommentOrder;
  prevUrl?: string;
  nextUrl?: string;
  /** The first page in each order (the sort links). */
  orderUrls: Record<CommentOrder, string>;
}

/** One comment and its replies. Never carries the email or the IP hash. */
export interface CommentVM {
  id: number;
  /** "comment-123": the stable anchor. */
  anchor: string;
  authorName: string;
  date: DateVM;
  /** Sanitised when stored (Markdown-lite, comment policy). */
  bodyHtml: string;
  /** Awaiting moderation: only its author sees it. */
  held: boolean;
  /** Written from the admin: by one of the article's authors, or by other staff. */
  staff?: 'author' | 'staff';
  /** No-JavaScript reply: the article with ?replytocom=ID#respond. */
  replyUrl?: string;
  replies: CommentVM[];
}

export interface CommentFormVM {
  action: string;
  token: string;
  postId: number;
  parentId?: number;
  /** The name of the comment being replied to, with a link to cancel the reply. */
  replyingTo?: { name: string; cancelUrl: string };
  requireEmail: boolean;
  /** The script that enhances it (comments.js at its current URL). */
  script: string;
  maxLength: number;
}
