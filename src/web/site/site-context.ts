/**
 * @module web/site/site-context
 * The site-wide facts every page needs: the environment's values (Config) under what the owner
 * saved at /admin/settings. One live object per app whose fields always read the latest settings:
 * `refresh` (an onRequest hook, before any route) reads them again after a purge of every page
 * (what a settings save sends, to every instance through the purge log), and otherwise costs
 * nothing; without a page cache to follow purges it checks the settings' change counter each time.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { tag } from '../../modules/content/cache-tags.js';
import { mediaUrl, responsiveImage } from '../../modules/media/media.js';
import type { Menus } from '../../modules/site/menu.js';
import type { MenuTargets } from '../../modules/site/menu.service.js';
import { bannerShows, datesOf, type Banner, type SiteDates, type SiteSettings } from '../../modules/site/site.js';
import { EMPTY_SITE_SNAPSHOT, loadSiteSnapshot, type SiteSnapshot } from '../../modules/site/site.service.js';
import { headlineFonts, themeCss } from './brand.js';
import type { ImageVM, SiteAssetUrls } from './view-models.js';

/** The theme's files under their plain names (a site context made without the prepared assets). */
export const PLAIN_ASSET_URLS: SiteAssetUrls = {
  siteCss: '/assets/site.css',
  articleCss: '/assets/article.css',
  commentsJs: '/assets/comments.js',
  liveJs: '/assets/live.js',
  favicon: '/favicon.svg',
};

export interface SiteBrand {
  /**
   * The masthead's logo (the site name is its text alternative): the original file (JSON-LD), and
   * its sizes for the masthead, which shows it 40 px tall on phones and 56 px from 768 px.
   */
  logo?: { src: string; width: number; height: number; picture: ImageVM; sizes: string };
  favicon?: { href: string; type: string };
  /** The share image of pages without their own. */
  shareImage?: { url: string; width: number; height: number; alt: string };
  /** The publisher's profiles (Organization sameAs). */
  sameAs: readonly string[];
  footerLine?: string;
  /** Stylesheets after site.css: the accent and type (/brand/theme.css), the owner's own. */
  stylesheets: readonly string[];
  /** The headline face's file per script, preloaded by pages (none: the reader's own fonts). */
  headlineFonts: { latin?: string; arabic?: string };
}

export interface SiteContext {
  siteUrl: string;
  siteName: string;
  /** The name in other languages (Settings), by language code. */
  readonly siteNames?: Readonly<Record<string, string>>;
  siteDescription: string;
  siteLanguage: string;
  postsPerPage: number;
  /** The zone and style dates are written in (and admin times typed in). */
  readonly dates: SiteDates;
  /** Feeds carry whole articles, or only their standfirst. */
  feedFullText: boolean;
  brand: SiteBrand;
  /** The theme's stylesheets, scripts and icon at their current URLs (web/static-assets). */
  assets: SiteAssetUrls;
  /** The breaking-news banner while it shows. */
  readonly banner: Banner | undefined;
  /** The menus (/admin/navigation) and what their items point at. */
  readonly navigation: { menus: Menus; targets: MenuTargets };
  /** Clock, injectable for tests. */
  now: () => Date;
}

/** The environment's values, shown beside each setting as its default. */
export interface SiteDefaults {
  name: string;
  tagline: string;
  language: string;
  postsPerPage: number;
}

export interface LiveSite extends SiteContext {
  readonly defaults: SiteDefaults;
  /** What is stored (empty fields: the defaults apply). */
  readonly settings: SiteSettings;
  /** The stored snapshot as it is, an expired banner included (for the admin). */
  readonly stored: SiteSnapshot;
  /** Reads the settings again if they may have changed (see the module comment). */
  refresh(db: Db): Promise<void>;
  /**
   * From now on, read them again only after a purge of every page (a page cache that follows the
   * purge log); when a banner expires, empty that cache here (every instance does, on its own clock).
   */
  followPurges(cache: { watch(fn: (tags: readonly string[]) => void): void; applyRemote(scope: 'all' | string[]): number }): void;
  /** The theme stylesheet's text for this version of the settings (undefined: site.css alone). */
  readonly themeCss: string | undefined;
}

/** The cache tags of what the menus link to (sections come with `nav`, which their changes purge). */
function menuDependencies(menus: Menus): Set<string> {
  const out = new Set<string>();
  for (const byLang of Object.values(menus)) {
    for (const items of Object.values(byLang)) {
      for (const it of items) {
        const id = Number(it.ref);
        if (it.kind === 'tag') out.add(tag.tag(id));
        else if (it.kind === 'page') out.add(tag.post(id));
        else if (it.kind === 'author') out.add(tag.author(id));
      }
    }
  }
  return out;
}

/** The logo's rendered width in the masthead (site.css .masthead__logo: its height, capped in width). */
const logoSizes = (logo: { width: number; height: number }): string => {
  const ratio = logo.width / Math.max(1, logo.height);
  return `(min-width: 768px) ${Math.round(Math.min(448, 56 * ratio))}px, ${Math.round(Math.min(320, 40 * ratio))}px`;
};

const shortHash = (s: string): string => createHash('sha256').update(s).digest('base64url').slice(0, 12);

function brandOf(site: Pick<SiteContext, 'siteUrl' | 'siteName'>, snap: SiteSnapshot, theme: string | undefined): SiteBrand {
  const s = snap.settings;
  const media = (id: number | undefined) => (id !== undefined ? snap.media.get(id) : undefined);
  const logo = media(s.logoId);
  const favicon = media(s.faviconId);
  const share = media(s.shareImageId) ?? logo;
  const stylesheets: string[] = [];
  if (theme) stylesheets.push(`/brand/theme.css?v=${shortHash(theme)}`);
  if (s.customCss) stylesheets.push(`/brand/custom.css?v=${shortHash(s.customCss)}`);
  return {
    ...(logo
      ? { logo: { src: mediaUrl(logo.path), width: logo.width, height: logo.height, picture: responsiveImage(logo, site.siteName), sizes: logoSizes(logo) } }
      : {}),
    ...(favicon ? { favicon: { href: mediaUrl(favicon.path), type: favicon.mime } } : {}),
    ...(share ? { shareImage: { url: site.siteUrl + mediaUrl(share.path), width: share.width, height: share.height, alt: share.alt || site.siteName } } : {}),
    sameAs: s.socialProfiles,
    ...(s.footerLine ? { footerLine: s.footerLine } : {}),
    stylesheets,
    headlineFonts: headlineFonts(s),
  };
}

/** The app's live site context (see the module comment). */
export function liveSite(config: Config, now: () => Date = () => new Date(), assets: SiteAssetUrls = PLAIN_ASSET_URLS): LiveSite {
  const defaults: SiteDefaults = { name: config.siteName, tagline: config.siteDescription, language: config.siteLanguage, postsPerPage: config.postsPerPage };
  let snap: SiteSnapshot = EMPTY_SITE_SNAPSHOT;
  let theme: string | undefined;
  let brand: SiteBrand = { sameAs: [], stylesheets: [], headlineFonts: {} };
  let following = false;
  /** A menu's target changed (a page renamed or moved): read the snapshot though the settings did not change. */
  let targetsStale = false;
  let menuDeps = new Set<string>();
  let dates: SiteDates = datesOf(snap.settings);
  let stale = true;
  let expireCache: (() => void) | undefined;
  let expiry: NodeJS.Timeout | undefined;
  // A banner that expires takes itself off the cached pages (a timer longer than ~24 days re-arms).
  const armExpiry = (b: Banner | undefined) => {
    if (expiry) clearTimeout(expiry);
    expiry = undefined;
    if (!b?.expiresAt || !expireCache) return;
    const ms = Date.parse(b.expiresAt) - now().getTime();
    if (ms <= 0) return;
    expiry = setTimeout(() => (ms > 2 ** 31 - 1 ? armExpiry(b) : expireCache?.()), Math.min(ms + 50, 2 ** 31 - 1));
    expiry.unref();
  };
  const site: LiveSite = {
    siteUrl: config.siteUrl,
    feedFullText: config.feedFullText,
    assets,
    now,
    defaults,
    get settings() {
      return snap.settings;
    },
    get stored() {
      return snap;
    },
    get siteName() {
      return snap.settings.name ?? defaults.name;
    },
    get siteNames() {
      return snap.settings.names ?? {};
    },
    get siteDescription() {
      return snap.settings.tagline ?? defaults.tagline;
    },
    get siteLanguage() {
      return snap.settings.language ?? defaults.language;
    },
    get postsPerPage() {
      return snap.settings.postsPerPage ?? defaults.postsPerPage;
    },
    get brand() {
      return brand;
    },
    get dates() {
      return dates;
    },
    get themeCss() {
      return theme;
    },
    get banner() {
      return bannerShows(snap.banner, now()) ? snap.banner : undefined;
    },
    get navigation() {
      return { menus: snap.menus, targets: snap.menuTargets };
    },
    followPurges(cache) {
      following = true;
      expireCache = () => cache.applyRemote('all');
      cache.watch((tags) => {
        if (tags.includes(tag.all)) stale = true;
        // A section, tag, page or author a menu links to changed (renamed, unpublished): every page
        // shows the menus, so this instance empties its pages and reads the menus again.
        else if (tags.some((t) => t === tag.nav || menuDeps.has(t))) {
          stale = true;
          // The settings counter did not move: what the menus link to did.
          targetsStale = true;
          if (!tags.includes(tag.nav)) cache.applyRemote([tag.nav]);
        }
      });
    },
    async refresh(db) {
      if (following && !stale) return;
      // Cleared before the read: a purge arriving during it marks the settings stale again.
      stale = false;
      const fresh = targetsStale;
      targetsStale = false;
      let next: SiteSnapshot;
      try {
        next = await loadSiteSnapshot(db, { fresh });
      } catch (err) {
        stale = true;
        targetsStale ||= fresh;
        throw err;
      }
      if (next === snap) return;
      if (next.banner !== snap.banner) armExpiry(next.banner);
      snap = next;
      menuDeps = menuDependencies(next.menus);
      theme = themeCss(next.settings);
      dates = datesOf(next.settings);
      brand = brandOf(site, next, theme);
    },
  };
  return site;
}
