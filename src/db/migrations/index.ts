/**
 * @module db/migrations
 * Ordered list of migrations. Each is dialect-neutral: what differs comes from the Dialect argument.
 */
import { m0001Initial } from './0001-initial.js';
import { m0002Search } from './0002-search.js';
import { m0003Related } from './0003-related.js';
import { m0004CommentsImport } from './0004-comments-import.js';
import { m0005RedirectTargets } from './0005-redirect-targets.js';
import { m0006Users } from './0006-users.js';
import { m0009Indexes } from './0009-indexes.js';
import { m0007Comments } from './0007-comments.js';
import { m0008Revisions } from './0008-revisions.js';
import { m0012Editorial } from './0012-editorial.js';
import { m0013CommentExtras } from './0013-comment-extras.js';
import { m0014PurgeLog } from './0014-purge-log.js';
import { m0015SettingsVersion } from './0015-settings-version.js';
import { m0016LoginThrottle } from './0016-login-throttle.js';
import { m0017MissingImages } from './0017-missing-images.js';
import { m0018AuthorProfiles } from './0018-author-profiles.js';
import { m0019TermNames } from './0019-term-names.js';
import { m0020PageParents } from './0020-page-parents.js';
import { m0021FrontPages } from './0021-front-pages.js';
import { m0022People } from './0022-people.js';
import { m0023Live } from './0023-live.js';
import { m0024CommentLookups } from './0024-comment-lookups.js';
import { m0025SearchPublished } from './0025-search-published.js';
import { m0026SitemapNewest } from './0026-sitemap-newest.js';
import { m0027CommentCounts } from './0027-comment-counts.js';
import { m0028AuthorTitles } from './0028-author-titles.js';
import { m0029PostFormats } from './0029-post-formats.js';
import { m0030AuthorEmails } from './0030-author-emails.js';
import { m0031MediaFocus } from './0031-media-focus.js';
import type { Migration } from './migration.js';

export type { Migration };

export const migrations: readonly Migration[] = [
  m0001Initial,
  m0002Search,
  m0003Related,
  m0004CommentsImport,
  m0005RedirectTargets,
  m0006Users,
  m0007Comments,
  m0008Revisions,
  m0009Indexes,
  m0012Editorial,
  m0013CommentExtras,
  m0014PurgeLog,
  m0015SettingsVersion,
  m0016LoginThrottle,
  m0017MissingImages,
  m0018AuthorProfiles,
  m0019TermNames,
  m0020PageParents,
  m0021FrontPages,
  m0022People,
  m0023Live,
  m0024CommentLookups,
  m0025SearchPublished,
  m0026SitemapNewest,
  m0027CommentCounts,
  m0028AuthorTitles,
  m0029PostFormats,
  m0030AuthorEmails,
  m0031MediaFocus,
];
