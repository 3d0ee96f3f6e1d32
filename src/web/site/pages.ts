/**
 * @module web/site/pages
 * One builder per public page: bundle → complete view-model. No I/O here.
 */
import type { AuthorRow, CategoryRow, MediaRow, PersonRow, TagRow } from '../../db/schema.js';
import type { ArticleBundle, CardBundle, ListPage } from '../../modules/article/reading.service.js';
import { authorPath, categoryPath, postPath, tagPath } from '../../modules/article/permalink.js';
import { pagePath } from '../../modules/article/page-tree.js';
import { periodPath, type Period } from '../../modules/article/date-archive.js';
import { formatPeriod } from '../../lib/dates.js';
import { mediaUrl, shareFileOf } from '../../modules/media/media.js';
import { withXDefault } from '../../modules/translation/translation.js';
import { firstBodyImage, firstParagraphText, readingMinutes, withQuoteCardDates } from '../../modules/article/render.js';
import { withHashtagLinks } from '../../modules/article/hashtags.js';
import { liveBlogVM, liveJsonLd } from './live-presenters.js';
import { localName, type CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { directionOf, languageName, stringsFor } from './i18n.js';
import {
  absolute,
  authorProfileVM,
  authorVM,
  breadcrumbJsonLd,
  personJsonLd,
  cardsVM,
  categoryCrumbs,
  categoryLink,
  dateVM,
  imageVM,
  layoutVM,
  paginationVM,
  publisherJsonLd,
} from './presenters.js';
import type { SiteDates } from '../../modules/site/site.js';
import type { SiteContext } from './site-context.js';
import { correctionJsonLd, correctionVM } from './corrections-presenters.js';
import type { PublicComment } from '../../modules/comment/comment.js';
import { commentPagePath, orderedCommentPath, type CommentOrder } from '../../modules/comment/thread.js';
import type { ThreadPage } from '../../modules/comment/comment.repository.js';
import { commentStringsFor } from './comment-strings.js';
import { personCardVM, personProfileVM, PEOPLE_PATH, storyPeopleJsonLd, storyPersonJsonLd } from './people-presenters.js';
import { personPath } from '../../modules/person/person.service.js';
import type { ArchiveVM, ArticleVM, CommentPagesVM, CommentVM, ErrorVM, HomeVM } from './view-models.js';

/** What the article route knows about commenting for this request (see web/site/comments.ts). */
export interface ArticleCommentsInput {
  open: boolean;
  /** Signed form token (issued now). */
  token: string;
  /** ?replytocom=ID: reply to this comment (when it is shown). */
  replyTo?: number;
  requireEmail: boolean;
  maxLength: number;
  /** The comment page asked for (1: the article itself) and threads per page. */
  page: number;
  /** The order of threads the reader asked for (?comments=newest); oldest first by default. */
  order?: CommentOrder;
  perPage: number;
  /** That page's comments and the article's totals. */
  thread: ThreadPage;
}

/** The flat thread (ORDER BY path) as nested comments; a reply whose parent is not shown goes top level. */
function commentThreadVM(
  comments: PublicComment[],
  lang: string,
  dates: SiteDates,
  path: string,
  open: boolean,
  authorUserIds: ReadonlySet<number> = new Set(),
): CommentVM[] {
  const byId = new Map<number, CommentVM>();
  const top: CommentVM[] = [];
  for (const c of comments) {
    const vm: CommentVM = {
      id: c.id,
      anchor: `comment-${c.id}`,
      authorName: c.authorName,
      date: dateVM(c.createdAt, lang, dates),
      bodyHtml: c.bodyHtml,
      held: c.status !== 'approved',
      replies: [],
      ...(c.staffUserId !== null ? { staff: authorUserIds.has(c.staffUserId) ? ('author' as const) : ('staff' as const) } : {}),
      ...(open && c.status === 'approved' ? { replyUrl: `${path}${path.includes('?') ? '&' : '?'}replytocom=${c.id}#respond` } : {}),
    };
    byId.set(c.id, vm);
    const parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
    (parent ? parent.replies : top).push(vm);
  }
  return top;
}

const pageSuffix = (site: SiteContext, page: number, total: number): string =>
  page > 1 ? ` – ${stringsFor(site.siteLanguage).format('pageOf', { n: page, total })}` : '';

export function homePage(
  site: SiteContext,
  tree: CategoryTree,
  list: ListPage,
  front?: { pinned: boolean; blocks: { categoryId: number; bundle: CardBundle }[] },
): HomeVM {
  const lang = site.siteLanguage;
  const cards = cardsVM(list, tree, lang, site.dates);
  const first = list.page === 1 ? cards.shift() : undefined;
  const path = list.page > 1 ? `/page/${list.page}/` : '/';
  return {
    layout: layoutVM(site, {
      path,
      tree,
      ...(list.page > 1 ? { title: `${stringsFor(lang, site.siteLanguage).latest}${pageSuffix(site, list.page, list.totalPages)}` } : {}),
      jsonLd:
        list.page === 1
          ? [
              {
                '@context': 'https://schema.org',
                '@type': 'WebSite',
                name: site.siteName,
                url: `${site.siteUrl}/`,
                potentialAction: { '@type': 'SearchAction', target: `${site.siteUrl}/search?q={query}`, 'query-input': 'required name=query' },
                publisher: publisherJsonLd(site),
              },
            ]
          : [],
    }),
    ...(first ? { lead: first } : {}),
    stories: cards,
    ...(front?.pinned ? { pinned: true } : {}),
    blocks: (front?.blocks ?? []).flatMap((b) => {
      const section = categoryLink(tree, b.categoryId, lang);
      return section && b.bundle.rows.length ? [{ section, stories: cardsVM(b.bundle, tree, lang, site.dates) }] : [];
    }),
    pagination: paginationVM('/', list.page, list.totalPages),
  };
}

/** A nested page's parents in its breadcrumb, root first, each linked to its own nested path. */
function pageCrumbs(ancestors: NonNullable<ArticleBundle['ancestors']>): { name: string; url: string }[] {
  return ancestors.map((a, i) => ({ name: a.title, url: pagePath(ancestors.slice(0, i + 1).map((x) => x.slug)) }));
}

export function articlePage(site: SiteContext, tree: CategoryTree, b: ArticleBundle, ci?: ArticleCommentsInput): ArticleVM {
  const { post } = b;
  const lang = post.language;
  const t = stringsFor(lang, site.siteLanguage);
  const articlePath = b.path ?? postPath(post.slug);
  const commentPage = ci && ci.page > 1 ? ci.page : 1;
  // Comment pages after the first are pages of their own (canonical to themselves, like WordPress).
  const path = commentPagePath(articlePath, commentPage);
  const isPage = post.type === 'page';
  const crumbs: { name: string; url?: string }[] = isPage
    ? [{ name: t.home, url: '/' }, ...pageCrumbs(b.ancestors ?? [])]
    : categoryCrumbs(tree, post.primary_category_id, t.home, lang);
  crumbs.push({ name: post.title });
  const featuredRow = post.featured_media_id !== null ? b.media.get(post.featured_media_id) : undefined;
  const featured = featuredRow ? { image: imageVM(featuredRow), caption: featuredRow.caption, credit: featuredRow.credit } : undefined;
  const published = post.published_at ? dateVM(post.published_at, lang, site.dates) : undefined;
  // "Updated" only when it differs meaningfully (more than a minute) from publication.
  const wasUpdated = post.published_at && Date.parse(post.updated_at) - Date.parse(post.published_at) > 60_000;
  const authors = b.authors.map((a) => authorVM(a, b.media, lang));
  // No standfirst: the article's own first words, not the site's description.
  const description = post.seo_description || post.excerpt || firstParagraphText(post.body_html) || site.siteDescription;
  // No featured image: the first image of the text is the one shared.
  const featuredFile = featuredRow ? shareFileOf(featuredRow) : undefined;
  const inline = featuredFile ? undefined : firstBodyImage(post.body_html);
  const shareFile = featuredFile ? { url: mediaUrl(featuredFile.path), width: featuredFile.width, height: featuredFile.height, alt: featuredRow!.alt } : inline;
  const imageUrl = shareFile ? absolute(site, shareFile.url) : undefined;
  const jsonLd: object[] = [breadcrumbJsonLd(site, crumbs, path)];
  if (isPage)
    jsonLd.push({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      '@id': absolute(site, articlePath),
      url: absolute(site, articlePath),
      name: post.title,
      description,
      inLanguage: lang,
      ...(imageUrl ? { primaryImageOfPage: { '@type': 'ImageObject', url: imageUrl } } : {}),
      dateModified: post.updated_at,
      isPartOf: { '@type': 'WebSite', url: absolute(site, '/') },
    });
  else {
    jsonLd.push({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': absolute(site, articlePath) },
      headline: post.title.slice(0, 110),
      description,
      inLanguage: lang,
      ...(imageUrl ? { image: [imageUrl] } : {}),
      ...(post.published_at ? { datePublished: post.published_at } : {}),
      dateModified: post.updated_at,
      author: b.authors.map((a) => personJsonLd(site, a, b.media, lang)),
      ...storyPeopleJsonLd(site, b.people ?? [], b.media),
      publisher: publisherJsonLd(site),
      ...(b.tags.length ? { keywords: b.tags.map((x) => x.name).join(', ') } : {}),
      wordCount: post.word_count,
      ...correctionJsonLd(b),
      ...liveJsonLd(site, b),
    });
  }
  const translations = b.translations.map((tr) => ({ lang: tr.language, name: languageName(tr.language), url: postPath(tr.slug) }));
  const comments = commentsVM(commentsOwnerOf(b, site), ci);
  const live = isPage ? undefined : liveBlogVM(site, b);
  return {
    layout: layoutVM(site, {
      lang,
      title:
        (post.seo_title || post.title) +
        (commentPage > 1
          ? ` – ${commentStringsFor(lang, site.siteLanguage).format('commentPageOf', { n: commentPage, total: comments.pages.totalPages })}`
          : ''),
      description,
      path,
      tree,
      ...(post.primary_category_id !== null ? { currentNav: categoryPath([tree.ancestry(post.primary_category_id)[0]?.slug ?? '']) } : {}),
      og: {
        type: isPage ? 'website' : 'article',
        ...(shareFile && imageUrl ? { image: { url: imageUrl, width: shareFile.width, height: shareFile.height, alt: shareFile.alt } } : {}),
        ...(post.published_at && !isPage ? { publishedTime: post.published_at, modifiedTime: post.updated_at } : {}),
      },
      jsonLd,
      alternates: withXDefault(
        [{ hreflang: lang, href: absolute(site, articlePath) }, ...translations.map((tr) => ({ hreflang: tr.lang, href: absolute(site, tr.url) }))],
        site.siteLanguage,
      ),
      article: true,
    }),
    isPage,
    showComments: !isPage || post.comment_status === 'open',
    breadcrumb: crumbs,
    title: post.title,
    standfirst: post.excerpt,
    authors,
    ...(published && !isPage ? { published } : {}),
    ...(wasUpdated && !isPage ? { updated: dateVM(post.updated_at, lang, site.dates) } : {}),
    readingMinutes: readingMinutes(post.word_count),
    ...(featured ? { featured } : {}),
    // Quoted posts' hashtags linked to the tags they name today (read with the article), and
    // their dates in the site's zone and style as they are set today.
    bodyHtml: withQuoteCardDates(withHashtagLinks(post.body_html, b.hashtags?.tags), lang, site.dates),
    tags: b.tags.map((x) => ({ name: localName(x, lang), url: tagPath(x.slug) })),
    related: cardsVM(b.related, tree, lang, site.dates),
    comments,
    translations,
    corrections: (b.corrections ?? []).map((c) => correctionVM(c, lang, site.dates)),
    ...(live ? { live } : {}),
    people: isPage ? [] : (b.people ?? []).map((x) => personCardVM(x.person, b.media)),
  };
}

interface ArchiveInput {
  kind: ArchiveVM['kind'];
  heading: string;
  description: string;
  basePath: string;
  crumbs: { name: string; url?: string }[];
  subcategories?: ArchiveVM['subcategories'];
  author?: ArchiveVM['author'];
  person?: ArchiveVM['person'];
  currentNav?: string;
  ogType?: 'website' | 'profile';
}

const feedOf = (a: ArchiveInput) => ({ path: `${a.basePath}feed/`, title: a.heading });

function archivePage(site: SiteContext, tree: CategoryTree, list: ListPage, a: ArchiveInput): ArchiveVM {
  const path = list.page > 1 ? `${a.basePath}page/${list.page}/` : a.basePath;
  const crumbs = [...a.crumbs];
  return {
    layout: layoutVM(site, {
      title: `${a.heading}${pageSuffix(site, list.page, list.totalPages)}`,
      description: a.description,
      path,
      tree,
      ...(a.currentNav ? { currentNav: a.currentNav } : {}),
      og: { type: a.ogType ?? 'website' },
      jsonLd: [breadcrumbJsonLd(site, crumbs, path)],
      feed: feedOf(a),
    }),
    kind: a.kind,
    heading: a.heading,
    description: a.description,
    breadcrumb: crumbs,
    subcategories: a.subcategories ?? [],
    ...(a.author ? { author: a.author } : {}),
    ...(a.person ? { person: a.person } : {}),
    stories: cardsVM(list, tree, site.siteLanguage, site.dates),
    pagination: paginationVM(a.basePath, list.page, list.totalPages),
  };
}

export function categoryPage(site: SiteContext, tree: CategoryTree, category: CategoryRow, list: ListPage, leadPinned = false): ArchiveVM {
  const t = stringsFor(site.siteLanguage);
  const crumbs: { name: string; url?: string }[] = categoryCrumbs(tree, category.id, t.home, site.siteLanguage);
  crumbs[crumbs.length - 1] = { name: category.name };
  const segments = tree.pathOf(category.id);
  const vm = archivePage(site, tree, list, {
    kind: 'category',
    heading: category.name,
    description: category.description || `${t.latest}: ${category.name}`,
    basePath: categoryPath(segments),
    crumbs,
    subcategories: tree.childrenOf(category.id).map((c) => ({ name: c.name, url: categoryPath([...segments, c.slug]) })),
    currentNav: categoryPath(segments.slice(0, 1)),
  });
  // A pinned lead is shown larger above the other stories (page 1 of the section front).
  const [lead, ...stories] = vm.stories;
  return leadPinned && lead ? { ...vm, lead, stories } : vm;
}

export function tagPage(site: SiteContext, tree: CategoryTree, tag: TagRow, list: ListPage): ArchiveVM {
  const t = stringsFor(site.siteLanguage);
  return archivePage(site, tree, list, {
    kind: 'tag',
    heading: tag.name,
    description: tag.description || `${t.latest}: ${tag.name}`,
    basePath: tagPath(tag.slug),
    crumbs: [{ name: t.home, url: '/' }, { name: tag.name }],
  });
}

/**
 * `/2024/03/` and the like: the stories published in a period, newest first, headed by the period
 * in the site's language; its crumbs climb the year and the month.
 */
export function datePage(site: SiteContext, tree: CategoryTree, period: Period, list: ListPage): ArchiveVM {
  const lang = site.siteLanguage;
  const t = stringsFor(lang);
  const heading = formatPeriod(lang, period.year, period.month, period.day);
  const crumbs: { name: string; url?: string }[] = [{ name: t.home, url: '/' }];
  if (period.month !== undefined) crumbs.push({ name: formatPeriod(lang, period.year), url: periodPath({ year: period.year }) });
  if (period.day !== undefined)
    crumbs.push({ name: formatPeriod(lang, period.year, period.month), url: periodPath({ year: period.year, month: period.month }) });
  crumbs.push({ name: heading });
  return archivePage(site, tree, list, {
    kind: 'date',
    heading,
    description: t.format('articlesFrom', { period: heading }),
    basePath: periodPath(period),
    crumbs,
  });
}

export function authorPage(site: SiteContext, tree: CategoryTree, author: AuthorRow, media: ReadonlyMap<number, MediaRow>, list: ListPage): ArchiveVM {
  const t = stringsFor(site.siteLanguage);
  const profile = authorProfileVM(author, media, site.siteLanguage);
  const description = profile.bio[0] ?? t.format('articlesBy', { name: author.name });
  const vm = archivePage(site, tree, list, {
    kind: 'author',
    heading: author.name,
    description: description.length > 300 ? `${description.slice(0, 299)}…` : description,
    basePath: authorPath(author.slug),
    crumbs: [{ name: t.home, url: '/' }, { name: author.name }],
    author: profile,
    ogType: 'profile',
  });
  // The page is about a person: ProfilePage with the author as its main entity.
  vm.layout.jsonLd.push({
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: vm.layout.canonical,
    mainEntity: {
      ...personJsonLd(site, author, media, site.siteLanguage),
      ...(profile.bio.length ? { description: profile.bio.join('\n\n').slice(0, 1000) } : {}),
      ...(author.public_email ? { email: author.public_email } : {}),
    },
  });
  return vm;
}

/**
 * `/people/{slug}/`: who they are (photo with its credit, role, links), then every published
 * article about or quoting them, newest first. ProfilePage with the Person as its main entity.
 */
export function personPage(site: SiteContext, tree: CategoryTree, person: PersonRow, media: ReadonlyMap<number, MediaRow>, list: ListPage): ArchiveVM {
  const t = stringsFor(site.siteLanguage);
  const profile = personProfileVM(person, media, site.siteLanguage);
  const listHeading = t.format('articlesAboutOrQuoting', { name: person.name });
  const vm = archivePage(site, tree, list, {
    kind: 'person',
    heading: person.name,
    description: person.description || listHeading,
    basePath: personPath(person.slug),
    crumbs: [{ name: t.home, url: '/' }, { name: t.people, url: PEOPLE_PATH }, { name: person.name }],
    person: { ...profile, listHeading },
    ogType: 'profile',
  });
  if (profile.photo) {
    const photo = media.get(person.photo_media_id!)!;
    vm.layout.og.image = { url: absolute(site, profile.photo.src), width: photo.width, height: photo.height, alt: profile.photo.alt };
  }
  vm.layout.jsonLd.push({
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: vm.layout.canonical,
    mainEntity: storyPersonJsonLd(site, person, media),
  });
  return list.total === 0 ? { ...vm, empty: t.noArticlesYet } : vm;
}

/** `lang`: the page's language when the error is about content in another one (a comment's article). */
export function errorPage(site: SiteContext, tree: CategoryTree, status: number, code: string, path: string, message?: string, lang?: string): ErrorVM {
  const t = stringsFor(lang ?? site.siteLanguage, site.siteLanguage);
  const notFound = status === 404;
  const heading = notFound ? t.notFoundTitle : t.badRequestTitle;
  return {
    layout: layoutVM(site, { ...(lang !== undefined ? { lang } : {}), title: heading, description: heading, path, tree, noindex: true }),
    status,
    code,
    heading,
    message: message ?? t.notFoundMessage,
  };
}

export { directionOf };

/** What an article's comments section needs to know of its article (kept with its fragment). */
export interface CommentsOwner {
  postId: number;
  lang: string;
  /** The site's language: where the comment form's words fall back for an untranslated language. */
  siteLanguage: string;
  /** The article's path (its first comment page). */
  path: string;
  commentStatus: 'open' | 'closed';
  /** Users among its authors: their replies are marked "Author" rather than "Staff". */
  authorUserIds: number[];
  /** The site's date settings when the fragment was made (a change to them purges every page). */
  dates: SiteDates;
  /** The form's script (comments.js at its current URL). */
  script: string;
}

export const commentsOwnerOf = (b: ArticleBundle, site: Pick<SiteContext, 'dates' | 'assets' | 'siteLanguage'>): CommentsOwner => ({
  dates: site.dates,
  siteLanguage: site.siteLanguage,
  script: site.assets.commentsJs,
  postId: b.post.id,
  lang: b.post.language,
  path: b.path ?? postPath(b.post.slug),
  commentStatus: b.post.comment_status,
  authorUserIds: b.authors.map((a) => a.user_id).filter((id): id is number => id !== null),
});

/** The comments section: a page of the thread, its navigation and the form (when open). */
export function commentsVM(owner: CommentsOwner, ci: ArticleCommentsInput | undefined): ArticleVM['comments'] {
  const { lang, path: articlePath } = owner;
  const open = ci ? ci.open : owner.commentStatus === 'open';
  const count = ci?.thread.approved ?? 0;
  const page = ci?.page ?? 1;
  const comments = ci?.thread.comments ?? [];
  const totalPages = ci?.thread.totalPages ?? 1;
  const order = ci?.order ?? 'oldest';
  const at = (n: number, o: CommentOrder = order) => orderedCommentPath(commentPagePath(articlePath, n), o);
  const here = at(page);
  const thread = commentThreadVM(comments, lang, owner.dates, here, open, new Set(owner.authorUserIds));
  const strings = commentStringsFor(lang, owner.siteLanguage);
  const pages: CommentPagesVM = {
    page,
    totalPages,
    order,
    ...(page > 1 ? { prevUrl: `${at(page - 1)}#comments` } : {}),
    ...(page < totalPages ? { nextUrl: `${at(page + 1)}#comments` } : {}),
    // Either order starts again from its first page.
    orderUrls: { oldest: `${at(1, 'oldest')}#comments`, newest: `${at(1, 'newest')}#comments` },
  };
  if (!open || !ci) return { open, count, thread, strings, pages };
  const parent = ci.replyTo !== undefined ? comments.find((c) => c.id === ci.replyTo && c.status === 'approved') : undefined;
  return {
    open,
    count,
    thread,
    strings,
    pages,
    form: {
      action: '/comments/',
      token: ci.token,
      postId: owner.postId,
      requireEmail: ci.requireEmail,
      maxLength: ci.maxLength,
      script: owner.script,
      ...(parent ? { parentId: parent.id, replyingTo: { name: parent.authorName, cancelUrl: `${here}#respond` } } : {}),
    },
  };
}
