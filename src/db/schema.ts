/**
 * @module db/schema
 * Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC strings on both
 * dialects (the PostgreSQL dialect parses timestamptz back into that form); booleans are 0/1.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type PostType = 'post' | 'page';
export type PostStatus = 'draft' | 'pending' | 'scheduled' | 'published' | 'trash';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface MediaTable {
  id: Generated<number>;
  /** Path under the media root, e.g. `2026/11/harbour-dawn.jpg`. */
  path: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON: Derivative[] */
  derivatives: string;
  created_at: string;
  /** Focal point, percent across and down (0–100); null: the middle (migration 0031). */
  focal_x: Generated<number | null>;
  focal_y: Generated<number | null>;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** Job title shown next to the byline, e.g. "Europe correspondent". */
  role_title: string;
  /** JSON: the title in other languages, language → title ('{}' for none; migration 0028). */
  role_titles: Generated<string>;
  bio: string;
  avatar_media_id: number | null;
  user_id: number | null;
  created_at: string;
  /** Shown on the author page as a mailto link ('' for none). */
  public_email: Generated<string>;
  /** The author's own address ('' for none; migration 0030): never shown, kept for exports (an imported author's). */
  email: Generated<string>;
  /** JSON: string[] of https addresses (schema.org sameAs). */
  links: Generated<string>;
}

export interface CategoriesTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  name: string;
  description: string;
  position: number;
  /** JSON: language → name, for pages in that language (migration 0019). */
  names: Generated<string>;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  /** JSON: language → name, for pages in that language (migration 0019). */
  names: Generated<string>;
}

export interface PostsTable {
  id: Generated<number>;
  type: PostType;
  status: PostStatus;
  slug: string;
  title: string;
  /** The standfirst: one or two sentences under the headline. */
  excerpt: string;
  /** JSON: the editor's structured document (see modules/article/document.ts). */
  body_doc: string;
  /** Sanitised HTML rendered from body_doc on save; pages never re-render it. */
  body_html: string;
  /** Plain text of the body for the full-text index (migration 0002). */
  search_text: Generated<string>;
  word_count: number;
  language: string;
  translation_group: string | null;
  primary_category_id: number | null;
  featured_media_id: number | null;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  comment_status: 'open' | 'closed';
  sticky: number;
  seo_title: string;
  seo_description: string;
  /** A page's parent page (migration 0020); null for top-level pages and every post. */
  parent_id: Generated<number | null>;
  /** A page's place among its siblings, lower first (migration 0020). */
  menu_order: Generated<number>;
  /** A live page (migration 0023): 'live' while it runs, 'ended' after; null for any other article. */
  live_status: Generated<LiveStatus | null>;
  live_started_at: Generated<string | null>;
  live_ended_at: Generated<string | null>;
  /** When its latest entry was published. */
  live_updated_at: Generated<string | null>;
  /** WordPress' post format (migration 0029): an aside or a status shows no headline on cards. */
  format: Generated<PostFormat>;
}

/** The post formats WordPress has; 'standard' is none. */
export const POST_FORMATS = ['standard', 'aside', 'status', 'quote', 'link', 'gallery', 'image', 'video', 'audio', 'chat'] as const;
export type PostFormat = (typeof POST_FORMATS)[number];

export type LiveStatus = 'live' | 'ended';

export interface PinsTable {
  id: Generated<number>;
  /** 'home' or 'cat:{id}' (a section front). */
  scope: string;
  slot: 'lead' | 'top';
  post_id: number;
  position: number;
  expires_at: string | null;
  created_at: string;
}

export interface HomeBlocksTable {
  id: Generated<number>;
  category_id: number;
  count: number;
  position: number;
}

export interface PostAuthorsTable {
  post_id: number;
  author_id: number;
  position: number;
}
export interface PostCategoriesTable {
  post_id: number;
  category_id: number;
}
export interface PostTagsTable {
  post_id: number;
  tag_id: number;
}

export interface RedirectsTable {
  /** Request path, always starting with `/`. */
  from_path: string;
  to_path: string;
  status: number;
  created_at: string;
}

export interface RelatedPostsTable {
  post_id: number;
  related_id: number;
  rank: number;
  score: number;
}

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';

export interface CommentsTable {
  id: Generated<number>;
  post_id: number;
  parent_id: number | null;
  /** Zero-padded ancestor ids and its own, joined by '/'; ORDER BY path gives thread order. */
  path: string;
  depth: number;
  author_name: string;
  /** Never shown on any page or API. */
  author_email: string;
  author_url: string;
  user_id: number | null;
  body: string;
  body_html: string;
  status: CommentStatus;
  ip_hash: string;
  spam_score: number;
  spam_reasons: string;
  created_at: string;
  updated_at: string;
  /** Per-form idempotency key (migration 0007); NULL for imported comments. */
  form_key: Generated<string | null>;
  /** 1: the commenter asked to be emailed about replies (migration 0007). */
  notify_replies: Generated<number>;
  /** 1: the parent commenter was emailed about this reply (migration 0013; at most once). */
  reply_notified: Generated<number>;
}

/** Which local row an imported item became (WordPress post 123 → posts.id 45). */
export interface ImportMapTable {
  source: string;
  kind: string;
  source_id: string;
  local_id: number;
}

export interface MigrationsTable {
  name: string;
  applied_at: string;
}

export interface Database {
  settings: SettingsTable;
  media: MediaTable;
  authors: AuthorsTable;
  categories: CategoriesTable;
  tags: TagsTable;
  posts: PostsTable;
  pins: PinsTable;
  home_blocks: HomeBlocksTable;
  post_authors: PostAuthorsTable;
  post_categories: PostCategoriesTable;
  post_tags: PostTagsTable;
  redirects: RedirectsTable;
  related_posts: RelatedPostsTable;
  comments: CommentsTable;
  import_map: ImportMapTable;
  broadsheet_migrations: MigrationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  missing_images: MissingImagesTable;
  audit_log: AuditLogTable;
  comment_rules: CommentRulesTable;
  comment_threads: CommentThreadsTable;
  comment_counts: CommentCountsTable;
}

export type PostRow = Selectable<PostsTable>;
export type NewPost = Insertable<PostsTable>;
export type PostUpdate = Updateable<PostsTable>;
export type MediaRow = Selectable<MediaTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type TagRow = Selectable<TagsTable>;

// Accounts and access (migration 0006).

export type UserRole = 'owner' | 'editor' | 'author' | 'contributor';
export type UserStatus = 'active' | 'disabled';

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  role: UserRole;
  status: UserStatus;
  /** `$scrypt$ln=…,r=…,p=…$salt$hash` (modules/user/password.ts); never the password. */
  password_hash: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** Hex SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

/** An image an article refers to that is not in the media library (see migration 0017). */
export interface MissingImagesTable {
  id: Generated<number>;
  post_id: number;
  url: string;
  alt: string;
  caption: string;
  source: 'import' | 'editor';
  created_at: string;
}

/** Login attempts in the current window, per (account, address) pair, address and account. */
export interface LoginThrottleTable {
  scope: 'pair' | 'ip' | 'account';
  key: string;
  count: number;
  window_start: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: number | null;
  target_label: string;
  detail: string;
  ip: string;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;

// Comment block and allow lists (migration 0007).

export interface CommentRulesTable {
  id: Generated<number>;
  kind: 'word' | 'email' | 'ip_hash';
  list: 'block' | 'allow';
  value: string;
  created_at: string;
  /** Why the rule is there (migration 0013). */
  note: Generated<string>;
}

// Comment totals kept by triggers on comments (migration 0027): never written by application code.

export interface CommentThreadsTable {
  post_id: number;
  /** The thread root's path segment (the first 10 characters of its comments' paths). */
  root_path: string;
  /** Approved comments in the thread (a thread with none has no row). */
  approved: number;
}

export interface CommentCountsTable {
  post_id: number;
  approved: number;
  /** Threads with an approved comment. */
  threads: number;
}

// Revisions (migration 0008): a copy of an article at each save.

export interface RevisionsTable {
  id: Generated<number>;
  post_id: number;
  created_at: string;
  user_id: number | null;
  user_label: string;
  status: PostStatus;
  title: string;
  excerpt: string;
  /** JSON: the body document as saved. */
  body_doc: string;
  /** JSON: RevisionFields (modules/revision/revision.ts). */
  fields: string;
  /** 'save' (an explicit save) or 'autosave' (migration 0012). */
  kind: ColumnType<'save' | 'autosave', 'save' | 'autosave' | undefined, 'save' | 'autosave'>;
}

export type RevisionRow = Selectable<RevisionsTable>;

// Declaration merging adds the table to Database above.
export interface Database {
  revisions: RevisionsTable;
}

// Corrections, preview links (migration 0012).

export interface CorrectionsTable {
  id: Generated<number>;
  post_id: number;
  kind: 'correction' | 'update';
  /** Plain text, shown escaped. */
  body: string;
  created_at: string;
  updated_at: string;
  user_id: number | null;
}

export interface PreviewLinksTable {
  id: Generated<number>;
  post_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  user_id: number | null;
}

export type CorrectionRow = Selectable<CorrectionsTable>;
export type PreviewLinkRow = Selectable<PreviewLinksTable>;

/**
 * One page-cache purge, followed by every instance (see jobs/purge-follower.ts). `tags` is
 * space-separated, or `all`; `origin` is the instance id that wrote it (`cli:…` for commands).
 */
export interface PurgeLogTable {
  id: Generated<number>;
  tags: string;
  origin: string;
  created_at: string;
}

/** A change counter per table, bumped by triggers (migration 0014); read to validate in-memory copies. */
export interface DataVersionsTable {
  name: string;
  version: number;
}

export interface Database {
  corrections: CorrectionsTable;
  preview_links: PreviewLinksTable;
  purge_log: PurgeLogTable;
  data_versions: DataVersionsTable;
}

// People in the news (migration 0022).

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** The name folded for matching (modules/person: nameKey). */
  name_key: string;
  /** A short description or role: "Albanian historian and journalist". */
  description: Generated<string>;
  photo_media_id: number | null;
  /** JSON: string[] of https addresses (schema.org sameAs). */
  links: Generated<string>;
  /** For editors only; never shown to readers. */
  note: Generated<string>;
  created_at: string;
  updated_at: string;
}

export type PersonRole = 'subject' | 'quoted';

export interface PostPeopleTable {
  post_id: number;
  person_id: number;
  role: PersonRole;
  position: Generated<number>;
  /** 1: chosen by the editor; 0: only cited in the body (a quotation or figure attributed to them). */
  picked: Generated<number>;
}

export type PersonRow = Selectable<PeopleTable>;

export interface Database {
  people: PeopleTable;
  post_people: PostPeopleTable;
}

// Live coverage (migration 0023).

export interface LiveEntriesTable {
  id: Generated<number>;
  post_id: number;
  author_id: number | null;
  headline: Generated<string>;
  /** JSON: the same document shape as an article body (modules/article/document.ts). */
  body_doc: string;
  /** Sanitised HTML rendered from body_doc on save. */
  body_html: string;
  search_text: Generated<string>;
  /** 1: a key event. */
  pinned: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type LiveEntryRow = Selectable<LiveEntriesTable>;

export interface Database {
  live_entries: LiveEntriesTable;
}
