/**
 * @module web/site/presenters
 * Rows and bundles → view-models. Pure functions: no database, no I/O.
 */
import type { AuthorRow, MediaRow } from '../../db/schema.js';
import type { CardBundle } from '../../modules/article/reading.service.js';
import type { CardRow } from '../../modules/article/article.repository.js';
import { authorPath, categoryPath, pagedPath, postPath, tagPath } from '../../modules/article/permalink.js';
import { readingMinutes } from '../../modules/article/render.js';
import { responsiveImage } from '../../modules/media/media.js';
import { bioParagraphs, linksOf } from '../../modules/author/author.js';
import { menuFor, type MenuItem, type MenuLocation } from '../../modules/site/menu.js';
import { DEFAULT_DATES, siteNameIn, type SiteDates } from '../../modules/site/site.js';
import { instantOf, wallTimeOf } from '../../lib/zoned-time.js';
import type { MenuTargets } from '../../modules/site/menu.service.js';
import { localName, type CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { localText } from '../../lib/local-names.js';
import { directionOf, formatDate, stringsFor, baseLanguage, isArabicScript, languageName } from './i18n.js';
import type { SiteContext } from './site-context.js';
import type { AuthorProfileVM, AuthorVM, CardVM, DateVM, ImageVM, Layout, Link, NavItem, PaginationVM } from './view-models.js';

export const absolute = (site: SiteContext, path: string): string => site.siteUrl + path;

export const imageVM = (row: MediaRow, alt?: string): ImageVM => responsiveImage(row, alt);

/**
 * A date as a page shows it: in the site's zone and date style (with the time of day when the
 * owner chose it and `withTime` allows); `iso` stays the instant, for <time datetime>.
 */
export const dateVM = (iso: string, lang: string, dates: SiteDates = DEFAULT_DATES, withTime = true): DateVM => ({
  iso,
  label: formatDate(iso, lang, { style: dates.style, timeZone: dates.timeZone, time: withTime && dates.showTime }),
});

/** The top-level sections, named in `lang`: the masthead and footer when no menu is set. */
export function navOf(tree: CategoryTree, lang: string): Link[] {
  return tree.roots().map((c) => ({ name: localName(c, lang), url: categoryPath([c.slug]) }));
}

/** A menu item's link for a page in `lang`; undefined when its target is gone or unpublished. */
function menuLink(item: MenuItem, tree: CategoryTree, targets: MenuTargets, lang: string): Link | undefined {
  const id = Number(item.ref);
  let link: Link | undefined;
  switch (item.kind) {
    case 'category':
      link = categoryLink(tree, id, lang);
      break;
    case 'tag': {
      const t = targets.tag.get(id);
      link = t && { name: localName(t, lang), url: tagPath(t.slug) };
      break;
    }
    case 'page': {
      const p = targets.page.get(id);
      link = p && { name: p.title, url: p.path };
      break;
    }
    case 'author': {
      const a = targets.author.get(id);
      link = a && { name: a.name, url: authorPath(a.slug) };
      break;
    }
    case 'url':
      link = { name: item.label, url: item.ref };
      break;
  }
  return link && (item.label ? { ...link, name: item.label } : link);
}

/** The menu of `location` for a page in `lang`, its links resolved; undefined when none is set. */
export function menuVM(site: SiteContext, tree: CategoryTree, location: MenuLocation, lang: string): NavItem[] | undefined {
  const { menus, targets } = site.navigation;
  const items = menuFor(menus, location, lang);
  if (!items) return undefined;
  const out: NavItem[] = [];
  let parentShown = false;
  for (const item of items) {
    const link = menuLink(item, tree, targets, lang);
    if (item.depth === 1) {
      // A nested link under a parent whose target is gone shows at the top level instead.
      const parent = parentShown ? out.at(-1) : undefined;
      if (link && parent) parent.children = [...(parent.children ?? []), link];
      else if (link) out.push(link);
      continue;
    }
    parentShown = link !== undefined;
    if (link) out.push({ ...link });
  }
  return out;
}

/** A section's link, named in `lang` where it has a name in that language. */
export function categoryLink(tree: CategoryTree, id: number | null, lang: string): Link | undefined {
  const c = tree.get(id);
  return c ? { name: localName(c, lang), url: categoryPath(tree.pathOf(c.id)) } : undefined;
}

/** An author's title for a page in `lang`: its translation where the profile gives one. */
export const authorTitle = (a: Pick<AuthorRow, 'role_title' | 'role_titles'>, lang: string): string => localText(a.role_titles, lang) ?? a.role_title;

export function authorVM(a: AuthorRow, media: ReadonlyMap<number, MediaRow>, lang: string): AuthorVM {
  const avatar = a.avatar_media_id !== null ? media.get(a.avatar_media_id) : undefined;
  return { name: a.name, url: authorPath(a.slug), roleTitle: authorTitle(a, lang), ...(avatar ? { avatar: imageVM(avatar, '') } : {}) };
}

/** A link's label: its host (without www.) and path, as short as it can be told apart. */
export function linkLabel(url: string): string {
  try {
    const u = new URL(url);
    const label = u.hostname.replace(/^www\./, '') + (u.pathname === '/' ? '' : decodeURI(u.pathname).replace(/\/$/, ''));
    return label.length > 60 ? `${label.slice(0, 59)}…` : label;
  } catch {
    return url;
  }
}

/** The author page's profile: the photo (its alt text, or "Photo of {name}"), bio paragraphs, public email, links. */
export function authorProfileVM(a: AuthorRow, media: ReadonlyMap<number, MediaRow>, lang: string): AuthorProfileVM {
  const base = authorVM(a, media, lang);
  const photo = a.avatar_media_id !== null ? media.get(a.avatar_media_id) : undefined;
  return {
    ...base,
    ...(photo ? { avatar: imageVM(photo, photo.alt || stringsFor(lang).format('photoOf', { name: a.name })) } : {}),
    bio: bioParagraphs(a.bio),
    ...(a.public_email ? { email: a.public_email } : {}),
    links: linksOf(a).map((url) => ({ url, label: linkLabel(url) })),
  };
}

/** schema.org Person of an author: on the author page and in an article's `author`. */
export function personJsonLd(site: SiteContext, a: AuthorRow, media: ReadonlyMap<number, MediaRow>, lang: string): Record<string, unknown> {
  const photo = a.avatar_media_id !== null ? media.get(a.avatar_media_id) : undefined;
  const sameAs = linksOf(a);
  return {
    '@type': 'Person',
    name: a.name,
    url: absolute(site, authorPath(a.slug)),
    ...(authorTitle(a, lang) ? { jobTitle: authorTitle(a, lang) } : {}),
    ...(photo ? { image: absolute(site, imageVM(photo).src) } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

export function cardVM(row: CardRow, bundle: CardBundle, tree: CategoryTree, pageLang: string, dates: SiteDates): CardVM {
  const img = row.featured_media_id !== null ? bundle.media.get(row.featured_media_id) : undefined;
  // The words around the story's own text (its section, date, byline words) are the page's.
  const category = categoryLink(tree, row.primary_category_id, pageLang);
  const differs = baseLanguage(row.language) !== baseLanguage(pageLang);
  return {
    url: postPath(row.slug),
    title: row.title,
    excerpt: row.excerpt,
    ...(img ? { image: imageVM(img) } : {}),
    ...(category ? { category } : {}),
    authors: (bundle.authors.get(row.id) ?? []).map((a) => ({ name: a.name, url: authorPath(a.slug) })),
    published: dateVM(row.published_at ?? row.updated_at, pageLang, dates, false),
    readingMinutes: readingMinutes(row.word_count),
    comments: Number(row.comment_count ?? 0),
    ...(differs ? { lang: row.language, dir: directionOf(row.language) } : {}),
    ...(row.live_status === 'live' ? { live: true as const } : {}),
    ...(row.format === 'aside' || row.format === 'status' ? { note: true as const } : {}),
  };
}

export const cardsVM = (bundle: CardBundle, tree: CategoryTree, pageLang: string, dates: SiteDates): CardVM[] =>
  bundle.rows.map((r) => cardVM(r, bundle, tree, pageLang, dates));

export function paginationVM(base: string, page: number, totalPages: number): PaginationVM {
  return {
    page,
    totalPages,
    ...(page > 1 ? { prevUrl: pagedPath(base, page - 1) } : {}),
    ...(page < totalPages ? { nextUrl: pagedPath(base, page + 1) } : {}),
  };
}

export interface LayoutInput {
  lang?: string;
  /** Page title without the site name; omitted on the home page. */
  title?: string;
  description?: string;
  path: string;
  tree: CategoryTree;
  currentNav?: string;
  og?: Layout['og'];
  jsonLd?: object[];
  alternates?: Layout['alternates'];
  noindex?: boolean;
  /** A section's, tag's or author's own feeds, offered after the site's. */
  feed?: { path: string; title: string };
  /** The page shows an article (or a static page, a preview, a live page): it loads article.css too. */
  article?: boolean;
}

/** RSS, Atom and JSON Feed links for a feed base path such as `/feed/` or `/tag/rail/feed/`. */
function feedLinks(site: SiteContext, base: string, title: string, query = ''): Layout['feeds'] {
  return [
    { type: 'application/rss+xml', title: `${title} (RSS)`, href: absolute(site, `${base}${query}`) },
    { type: 'application/atom+xml', title: `${title} (Atom)`, href: absolute(site, `${base}atom/${query}`) },
    { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: absolute(site, `${base}json/${query}`) },
  ];
}

/**
 * The site's feeds a page offers: on a page in another language than the site's, that language's
 * feed first (`/feed/?lang=fa`, under the name in that language), then the whole site's.
 */
function siteFeeds(site: SiteContext, lang: string, name: string): Layout['feeds'] {
  const own = baseLanguage(lang) !== baseLanguage(site.siteLanguage);
  return [
    ...(own ? feedLinks(site, '/feed/', `${name} (${languageName(lang)})`, `?lang=${encodeURIComponent(lang)}`) : []),
    ...feedLinks(site, '/feed/', site.siteName),
  ];
}

/** The publisher (schema.org NewsMediaOrganization): name, logo, and its profiles elsewhere. */
export function publisherJsonLd(site: SiteContext): object {
  const logo = site.brand.logo;
  return {
    '@type': 'NewsMediaOrganization',
    name: site.siteName,
    url: `${site.siteUrl}/`,
    logo: logo
      ? { '@type': 'ImageObject', url: absolute(site, logo.src), width: logo.width, height: logo.height }
      : { '@type': 'ImageObject', url: absolute(site, '/assets/logo.png'), width: 512, height: 512 },
    ...(site.brand.sameAs.length ? { sameAs: [...site.brand.sameAs] } : {}),
  };
}

function footerOf(site: SiteContext, tree: CategoryTree, lang: string): { footerNav?: Link[] } {
  const menu = menuVM(site, tree, 'footer', lang);
  return menu ? { footerNav: menu.map(({ name, url }) => ({ name, url })) } : {};
}

/** The headline face a page in `lang` paints first: Arabic-script pages' or Latin-script pages'. */
function preloadOf(fonts: { latin?: string; arabic?: string }, lang: string): { preloadFont?: string } {
  const file = isArabicScript(lang) ? fonts.arabic : fonts.latin;
  return file ? { preloadFont: file } : {};
}

export function layoutVM(site: SiteContext, input: LayoutInput): Layout {
  const lang = input.lang ?? site.siteLanguage;
  const t = stringsFor(lang, site.siteLanguage);
  const og = input.og ?? { type: 'website' };
  const share = site.brand.shareImage;
  const banner = site.banner;
  const name = siteNameIn({ names: site.siteNames }, site.siteName, site.siteLanguage, lang);
  return {
    ...(banner ? { banner: { text: banner.text, ...(banner.url ? { url: banner.url } : {}) } } : {}),
    lang,
    dir: directionOf(lang),
    title: input.title ? `${input.title} | ${name.name}` : `${name.name}: ${site.siteDescription}`.slice(0, 120),
    description: (input.description || site.siteDescription).slice(0, 300),
    canonical: absolute(site, input.path),
    siteName: name.name,
    ...(baseLanguage(name.lang) !== baseLanguage(lang) ? { siteNameLang: name.lang } : {}),
    siteUrl: site.siteUrl,
    nav: menuVM(site, input.tree, 'primary', lang) ?? navOf(input.tree, lang),
    ...footerOf(site, input.tree, lang),
    ...(input.currentNav ? { currentNav: input.currentNav } : {}),
    og: og.image || !share ? og : { ...og, image: share },
    brand: {
      ...(site.brand.logo ? { logo: site.brand.logo } : {}),
      ...(site.brand.favicon ? { favicon: site.brand.favicon } : {}),
      ...(site.brand.footerLine ? { footerLine: site.brand.footerLine.replaceAll('{year}', String(siteYear(site))) } : {}),
    },
    stylesheets: [site.assets.siteCss, ...(input.article ? [site.assets.articleCss] : []), ...site.brand.stylesheets],
    ...preloadOf(site.brand.headlineFonts, lang),
    assets: site.assets,
    jsonLd: input.jsonLd ?? [],
    alternates: input.alternates ?? [],
    feeds: [...siteFeeds(site, lang, name.name), ...(input.feed ? feedLinks(site, input.feed.path, input.feed.title) : [])],
    ...(input.noindex ? { noindex: true } : {}),
    t,
    year: siteYear(site),
  };
}

/** The year shown last, and the instants it starts and ends at in its zone. */
let yearMemo = { zone: '', from: 0, to: 0, year: 0 };

const newYearAt = (year: number, zone: string): number => {
  const start = instantOf({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, zone);
  // A zone may skip midnight; then the year starts with the first minute its clocks show.
  return start.ok ? start.instant.getTime() : (instantOf(start.shifted, zone) as { instant: Date }).instant.getTime();
};

/**
 * The current year where the site is (its time zone, not UTC): the footer's "© 2027" turns at the
 * newsroom's midnight. Worked out once a year per zone (it is read on every article request).
 */
export function siteYear(site: SiteContext): number {
  const t = site.now().getTime();
  const zone = site.dates.timeZone;
  if (yearMemo.zone !== zone || t < yearMemo.from || t >= yearMemo.to) {
    const year = wallTimeOf(new Date(t), zone).year;
    yearMemo = { zone, year, from: newYearAt(year, zone), to: newYearAt(year + 1, zone) };
  }
  return yearMemo.year;
}

/** schema.org BreadcrumbList from crumbs (the last one is the page itself). */
export function breadcrumbJsonLd(site: SiteContext, crumbs: { name: string; url?: string }[], selfPath: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absolute(site, c.url ?? selfPath),
    })),
  };
}

/** Home » Parent » Category (linked), for a category id. */
export function categoryCrumbs(tree: CategoryTree, id: number | null, homeName: string, lang: string): { name: string; url: string }[] {
  const crumbs = [{ name: homeName, url: '/' }];
  if (id === null) return crumbs;
  const chain = tree.ancestry(id);
  chain.forEach((c, i) => {
    crumbs.push({ name: localName(c, lang), url: categoryPath(chain.slice(0, i + 1).map((x) => x.slug)) });
  });
  return crumbs;
}

export { stringsFor, tagPath, postPath };
