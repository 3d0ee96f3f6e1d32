/**
 * @module modules/site/site.service
 * Reading and saving the publisher's settings. They are read on every page that is rendered, so
 * they are kept in memory and checked against the `settings` change counter (db/data-versions);
 * another instance's save is seen on its next render, and its purge of every page reaches the
 * others through the purge log.
 */
import type { Db } from '../../db/database.js';
import type { MediaRow } from '../../db/schema.js';
import { versioned } from '../../db/data-versions.js';
import { DATE_STYLES } from '../../lib/dates.js';
import { canonicalTimeZone } from '../../lib/zoned-time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { tag } from '../content/cache-tags.js';
import { deleteSetting, settingsLike, upsertSetting } from '../content/settings.repository.js';
import { findMediaByIds } from '../media/media.repository.js';
import type { Actor } from '../user/user.js';
import { EMPTY_MENUS, type Menus } from './menu.js';
import { EMPTY_MENU_TARGETS, readMenus, type MenuTargets } from './menu.service.js';
import { EMPTY_SITE_SETTINGS, MEDIA_FIELDS, SiteError, type Banner, type SiteSettings } from './site.js';

type Key = keyof SiteSettings;

/** Where each setting is kept in `settings`. */
const KEYS: Record<Key, string> = {
  name: 'site.name',
  names: 'site.names',
  tagline: 'site.tagline',
  language: 'site.language',
  postsPerPage: 'site.posts_per_page',
  footerLine: 'site.footer_line',
  socialProfiles: 'site.social_profiles',
  logoId: 'site.logo_id',
  faviconId: 'site.favicon_id',
  shareImageId: 'site.share_image_id',
  accent: 'site.accent',
  fonts: 'site.fonts',
  customCss: 'site.custom_css',
  timeZone: 'site.time_zone',
  dateStyle: 'site.date_style',
  showTime: 'site.show_time',
};

const NUMBERS = new Set<Key>(['postsPerPage', 'logoId', 'faviconId', 'shareImageId']);

/** Labels for the audit log. */
const LABELS: Record<Key, string> = {
  name: 'name',
  names: 'name in other languages',
  tagline: 'description',
  language: 'language',
  postsPerPage: 'stories per page',
  footerLine: 'footer line',
  socialProfiles: 'social profiles',
  logoId: 'logo',
  faviconId: 'favicon',
  shareImageId: 'share image',
  accent: 'accent colour',
  fonts: 'type',
  customCss: 'stylesheet',
  timeZone: 'time zone',
  dateStyle: 'date style',
  showTime: 'time on articles',
};

const JSON_KEYS = new Set<Key>(['socialProfiles', 'names']);

const encode = (k: Key, v: unknown): string => (JSON_KEYS.has(k) ? JSON.stringify(v) : k === 'showTime' ? (v ? '1' : '0') : String(v));

/** Whether a value means "not set" (the default applies): nothing, false, an empty list or map, the system fonts. */
const isEmpty = (k: Key, v: unknown): boolean =>
  v === undefined ||
  v === false ||
  (Array.isArray(v) && v.length === 0) ||
  (k === 'names' && Object.keys(v as object).length === 0) ||
  (k === 'fonts' && v === 'system');

function decode(rows: { key: string; value: string }[]): SiteSettings {
  const out: Record<string, unknown> = { ...EMPTY_SITE_SETTINGS };
  for (const [k, key] of Object.entries(KEYS) as [Key, string][]) {
    const raw = rows.find((r) => r.key === key)?.value;
    if (raw === undefined) continue;
    if (k === 'socialProfiles') {
      try {
        const list: unknown = JSON.parse(raw);
        if (Array.isArray(list)) out[k] = list.filter((x) => typeof x === 'string');
      } catch {
        /* a broken value reads as none */
      }
    } else if (k === 'names') {
      try {
        const map: unknown = JSON.parse(raw);
        if (map && typeof map === 'object' && !Array.isArray(map))
          out[k] = Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
      } catch {
        /* a broken value reads as none */
      }
    } else if (k === 'timeZone') {
      // A zone the runtime no longer knows (an older ICU) reads as none: UTC.
      const zone = canonicalTimeZone(raw);
      if (zone) out[k] = zone;
    } else if (k === 'dateStyle') {
      if ((DATE_STYLES as readonly string[]).includes(raw)) out[k] = raw;
    } else if (k === 'showTime') {
      if (raw === '1') out[k] = true;
    } else if (NUMBERS.has(k)) {
      const n = Number(raw);
      if (Number.isInteger(n) && n > 0) out[k] = n;
    } else out[k] = raw;
  }
  return Object.freeze(out) as unknown as SiteSettings;
}

/** The stored settings and the images they name (logo, favicon, share image). */
export interface SiteSnapshot {
  settings: SiteSettings;
  media: ReadonlyMap<number, MediaRow>;
  /** The breaking-news banner, expired or not (see bannerShows). */
  banner?: Banner;
  /** The primary and footer menus (/admin/navigation) and what their items point at. */
  menus: Menus;
  menuTargets: MenuTargets;
}

export const EMPTY_SITE_SNAPSHOT: SiteSnapshot = { settings: EMPTY_SITE_SETTINGS, media: new Map(), menus: EMPTY_MENUS, menuTargets: EMPTY_MENU_TARGETS };

const BANNER_KEY = 'site.banner';

function decodeBanner(raw: string | undefined): Banner | undefined {
  if (raw === undefined) return undefined;
  try {
    const b = JSON.parse(raw) as Partial<Banner>;
    if (typeof b.text !== 'string' || !b.text) return undefined;
    return { text: b.text, ...(typeof b.url === 'string' ? { url: b.url } : {}), ...(typeof b.expiresAt === 'string' ? { expiresAt: b.expiresAt } : {}) };
  } catch {
    return undefined;
  }
}

async function readSnapshot(db: Db): Promise<SiteSnapshot> {
  const rows = await settingsLike(db, 'site.%');
  const settings = decode(rows);
  const ids = MEDIA_FIELDS.map((f) => settings[f]).filter((x): x is number => x !== undefined);
  const media = await findMediaByIds(db, ids);
  const banner = decodeBanner(rows.find((r) => r.key === BANNER_KEY)?.value);
  const { menus, targets } = await readMenus(db, rows);
  return { settings, media, ...(banner ? { banner } : {}), menus, menuTargets: targets };
}

/** The settings, kept in memory until the `settings` counter moves (one single-row read per call). */
export const loadSiteSnapshot: (db: Db, opts?: { fresh?: boolean }) => Promise<SiteSnapshot> = versioned('settings', readSnapshot);

export const loadSiteSettings = async (db: Db): Promise<SiteSettings> => (await loadSiteSnapshot(db)).settings;

/**
 * Saves the whole settings form: what is empty goes back to its default. One transaction with its
 * audit entry; refuses (SITE_SETTINGS_INVALID, per field) an image that is not in the library.
 * Returns the cache tags to purge: every page shows the site's name and look.
 */
export async function updateSiteSettings(db: Db, next: SiteSettings, actor: Actor, now: Date): Promise<{ purge: string[]; changed: string[] }> {
  return db.transaction().execute(async (trx) => {
    const before = decode(await settingsLike(trx, 'site.%'));
    const ids = MEDIA_FIELDS.map((f) => next[f]).filter((x): x is number => x !== undefined);
    const found = await findMediaByIds(trx, ids);
    const missing: Record<string, string> = {};
    for (const f of MEDIA_FIELDS) {
      const id = next[f];
      if (id !== undefined && !found.has(id)) missing[f] = `There is no image ${id} in the media library.`;
    }
    if (Object.keys(missing).length) throw new SiteError('SITE_SETTINGS_INVALID', Object.values(missing)[0]!, missing);
    const changed: Key[] = [];
    for (const [k, key] of Object.entries(KEYS) as [Key, string][]) {
      const was = isEmpty(k, before[k]) ? undefined : encode(k, before[k]);
      const value = next[k];
      const stored = isEmpty(k, value) ? undefined : encode(k, value);
      const wasEmpty = was === undefined;
      if ((wasEmpty && stored === undefined) || was === stored) continue;
      changed.push(k);
      if (stored === undefined) await deleteSetting(trx, key);
      else await upsertSetting(trx, key, stored);
    }
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip,
      action: 'settings.updated',
      detail: changed.length ? `Site: ${changed.map((k) => LABELS[k]).join(', ')}` : 'Site: no change',
    });
    return { purge: changed.length ? [tag.all] : [], changed: changed.map((k) => LABELS[k]) };
  });
}

/** Which site settings use this image (a library image in use may not be deleted). */
export async function siteUsesOfMedia(db: Db, id: number): Promise<string[]> {
  const s = await loadSiteSettings(db);
  return MEDIA_FIELDS.filter((f) => s[f] === id).map((f) => LABELS[f]);
}

/** Posts (or replaces) the breaking-news banner, or removes it (undefined), with its audit entry. */
export async function setBanner(db: Db, banner: Banner | undefined, actor: Actor, now: Date): Promise<{ purge: string[] }> {
  return db.transaction().execute(async (trx) => {
    if (banner) await upsertSetting(trx, BANNER_KEY, JSON.stringify(banner));
    else await deleteSetting(trx, BANNER_KEY);
    await recordAudit(trx, {
      at: now.toISOString(),
      actorId: actor.id,
      actorLabel: actor.label,
      ip: actor.ip,
      action: banner ? 'banner.set' : 'banner.removed',
      detail: banner ? `${banner.text}${banner.expiresAt ? ` (until ${banner.expiresAt})` : ''}` : '',
    });
    return { purge: [tag.all] };
  });
}
