/**
 * @module modules/site/site
 * The publisher's own settings (identity and branding), as the owner saves them at
 * /admin/settings: what each may hold, the bundled type pairings, and the accent colour's contrast
 * rule. A setting left empty is not stored, so the environment's default (SITE_NAME…) applies.
 */
import { DATE_STYLES, type DateStyle } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { canonicalTimeZone, formatWallTime, instantOf, parseWallTime } from '../../lib/zoned-time.js';

export type SiteErrorCode = 'SITE_SETTINGS_INVALID' | 'MENU_INVALID' | 'MENU_CHANGED';

export class SiteError extends AppError<SiteErrorCode> {
  /** @param fields form field → message */
  constructor(
    code: SiteErrorCode,
    message: string,
    public readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(code, message);
  }
}

/** A type pairing: a serif for headlines and text, a sans for navigation and small print. */
export interface FontPairing {
  id: string;
  label: string;
  /** CSS font-family values. */
  serif: string;
  sans: string;
  /** The @fontsource-variable packages whose files are served from /brand/fonts/ (none: system fonts). */
  packages: readonly string[];
}

const SYSTEM_SERIF = '"Source Serif 4", "Source Serif Pro", Georgia, Cambria, "Times New Roman", Times, serif';
const SYSTEM_SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

export const FONT_PAIRINGS: readonly FontPairing[] = [
  { id: 'system', label: 'The reader’s own fonts (fastest: nothing to download)', serif: SYSTEM_SERIF, sans: SYSTEM_SANS, packages: [] },
  {
    id: 'source',
    label: 'Source Serif 4 with Source Sans 3 (classic)',
    serif: `"Source Serif 4 Variable", ${SYSTEM_SERIF}`,
    sans: `"Source Sans 3 Variable", ${SYSTEM_SANS}`,
    packages: ['source-serif-4', 'source-sans-3'],
  },
  {
    id: 'newsreader',
    label: 'Newsreader with Inter (modern)',
    serif: `"Newsreader Variable", ${SYSTEM_SERIF}`,
    sans: `"Inter Variable", ${SYSTEM_SANS}`,
    packages: ['newsreader', 'inter'],
  },
  {
    id: 'merriweather',
    label: 'Merriweather with Libre Franklin (sturdy, large on screen)',
    serif: `"Merriweather Variable", ${SYSTEM_SERIF}`,
    sans: `"Libre Franklin Variable", ${SYSTEM_SANS}`,
    packages: ['merriweather', 'libre-franklin'],
  },
];

export const fontPairing = (id: string | undefined): FontPairing => FONT_PAIRINGS.find((p) => p.id === id) ?? FONT_PAIRINGS[0]!;

/** The theme's own accent (site.css). */
export const DEFAULT_ACCENT = '#b3121d';
/** What the accent is shown on: the page, the paper-coloured panels, and white text on it. */
const BACKGROUNDS = [
  { hex: '#ffffff', what: 'the white page and white text on it' },
  { hex: '#f7f5f0', what: 'the light panels' },
] as const;
/** WCAG 2.1 AA for body-size text. */
export const MIN_CONTRAST = 4.5;

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Why an accent colour cannot be used, or undefined when it passes AA everywhere it is shown. */
export function accentProblem(hex: string): string | undefined {
  for (const bg of BACKGROUNDS) {
    const ratio = contrastRatio(hex, bg.hex);
    if (ratio < MIN_CONTRAST)
      return `${hex} has a contrast of ${ratio.toFixed(2)}:1 against ${bg.what}; links, labels and buttons need at least ${MIN_CONTRAST}:1 (WCAG AA). Choose a darker shade.`;
  }
  return undefined;
}

/** What the owner may store (every field optional: absent means the default). */
export interface SiteSettings {
  name?: string;
  /** The name in other languages, by language code: the masthead of pages in that language. */
  names?: Readonly<Record<string, string>>;
  tagline?: string;
  language?: string;
  postsPerPage?: number;
  footerLine?: string;
  /** The publisher's profiles elsewhere (schema.org sameAs). */
  socialProfiles: readonly string[];
  logoId?: number;
  faviconId?: number;
  shareImageId?: number;
  accent?: string;
  fonts: string;
  /** The owner's own stylesheet, served at /brand/custom.css. */
  customCss?: string;
  /** The IANA zone dates are shown and times typed in (none: UTC). */
  timeZone?: string;
  /** How pages write a date (none: 'long'). */
  dateStyle?: DateStyle;
  /** Whether an article's dates carry the time of day. */
  showTime?: boolean;
}

/** The date settings in force: what pages and the admin need to write and read a time. */
export interface SiteDates {
  timeZone: string;
  style: DateStyle;
  showTime: boolean;
}

export const DEFAULT_DATES: Readonly<SiteDates> = Object.freeze({ timeZone: 'UTC', style: 'long', showTime: false });

/**
 * The site's name for a page in `lang`, and the language it is written in: its translation when
 * the owner gave one (or one for the base language, "fa" for "fa-IR"), else the name in the
 * site's own language.
 */
export function siteNameIn(
  s: { names?: Readonly<Record<string, string>> | undefined },
  name: string,
  siteLanguage: string,
  lang: string,
): { name: string; lang: string } {
  const l = lang.toLowerCase();
  const base = l.split(/[-_]/)[0] ?? l;
  const own = s.names?.[l] ?? s.names?.[base];
  return own ? { name: own, lang } : { name, lang: siteLanguage };
}

/** The settings' date fields over the defaults. */
export const datesOf = (s: SiteSettings): SiteDates => ({
  timeZone: s.timeZone ?? DEFAULT_DATES.timeZone,
  style: s.dateStyle ?? DEFAULT_DATES.style,
  showTime: s.showTime ?? DEFAULT_DATES.showTime,
});

export const EMPTY_SITE_SETTINGS: Readonly<SiteSettings> = Object.freeze({ socialProfiles: [], fonts: 'system' });

export const SITE_LIMITS = { name: 120, tagline: 300, footerLine: 200, profile: 300, profiles: 10, customCss: 100_000 } as const;

/** The media fields: an image of the library, by id. */
export const MEDIA_FIELDS = ['logoId', 'faviconId', 'shareImageId'] as const;
export type MediaField = (typeof MEDIA_FIELDS)[number];

// Control characters other than tab, newline and carriage return: never part of a name or a line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/;

function line(form: Record<string, string | undefined>, name: string, max: number, errors: Record<string, string>, what: string): string | undefined {
  const v = (form[name] ?? '').trim();
  if (!v) return undefined;
  if (CONTROL.test(v) || /[\r\n]/.test(v)) errors[name] = `${what} must be one line of text.`;
  else if (v.length > max) errors[name] = `${what} must be at most ${max} characters (it has ${v.length}).`;
  return v;
}

function mediaId(raw: string | undefined, name: string, errors: Record<string, string>): number | undefined {
  const v = (raw ?? '').trim();
  if (!v) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(v)) {
    errors[name] = 'Enter the number of an image in the media library, or leave it empty.';
    return undefined;
  }
  return Number(v);
}

/** The owner's stylesheet may not pull anything from another host: the CSP would block it anyway. */
function cssProblem(css: string): string | undefined {
  if (css.length > SITE_LIMITS.customCss)
    return `The stylesheet must be at most ${SITE_LIMITS.customCss / 1000} KB (it has ${Math.ceil(css.length / 1000)} KB).`;
  if (css.includes('\u0000')) return 'The stylesheet contains a NUL character; paste it again as plain text.';
  if (/@import\b/i.test(css)) return 'The stylesheet may not @import other stylesheets: paste their rules in instead.';
  const external = /url\(\s*['"]?\s*((?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)[^'")\s]*)/gi;
  for (const m of css.matchAll(external)) {
    if (!/^data:/i.test(m[1]!)) return `The stylesheet may only use images and fonts from this site (/media/…); ${m[1]!.slice(0, 80)} is on another host.`;
  }
  return undefined;
}

/**
 * Checks the settings form (strings, as posted). `languages` are those the reader interface is
 * translated into. Media ids are checked against the library by the service.
 */
export function parseSiteSettingsForm(
  form: Record<string, string | undefined>,
  languages: readonly string[],
): { settings?: SiteSettings; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: SiteSettings = { socialProfiles: [], fonts: 'system' };
  const name = line(form, 'name', SITE_LIMITS.name, errors, 'The site name');
  if (name) out.name = name;
  const names: Record<string, string> = {};
  for (const l of languages) {
    const v = line(form, `name-${l}`, SITE_LIMITS.name, errors, 'The name');
    if (v) names[l] = v;
  }
  if (Object.keys(names).length) out.names = names;
  const tagline = line(form, 'tagline', SITE_LIMITS.tagline, errors, 'The description');
  if (tagline) out.tagline = tagline;
  const footer = line(form, 'footerLine', SITE_LIMITS.footerLine, errors, 'The footer line');
  if (footer) out.footerLine = footer;
  const language = (form.language ?? '').trim();
  if (language) {
    if (!languages.includes(language)) errors.language = 'Choose one of the languages the reader pages are translated into.';
    else out.language = language;
  }
  const perPage = (form.postsPerPage ?? '').trim();
  if (perPage) {
    const n = /^\d{1,3}$/.test(perPage) ? Number(perPage) : Number.NaN;
    if (!(n >= 1 && n <= 100)) errors.postsPerPage = 'Enter a whole number of stories from 1 to 100, or leave it empty.';
    else out.postsPerPage = n;
  }
  const profiles = (form.socialProfiles ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (profiles.length > SITE_LIMITS.profiles) errors.socialProfiles = `List at most ${SITE_LIMITS.profiles} profiles.`;
  else {
    for (const p of profiles) {
      let ok = false;
      try {
        const u = new URL(p);
        ok = (u.protocol === 'https:' || u.protocol === 'http:') && p.length <= SITE_LIMITS.profile && !CONTROL.test(p) && !u.username && !u.password;
      } catch {
        ok = false;
      }
      if (!ok) {
        errors.socialProfiles = `“${p.slice(0, 80)}” is not a web address: give one https:// address per line.`;
        break;
      }
    }
    if (!errors.socialProfiles) out.socialProfiles = [...new Set(profiles)];
  }
  for (const f of MEDIA_FIELDS) {
    const id = mediaId(form[f], f, errors);
    if (id !== undefined) out[f] = id;
  }
  const accent = (form.accent ?? '').trim().toLowerCase();
  if (accent) {
    if (!/^#[0-9a-f]{6}$/.test(accent)) errors.accent = 'Give the colour as # and six hexadecimal digits, such as #b3121d.';
    else {
      const problem = accentProblem(accent);
      if (problem) errors.accent = problem;
      else if (accent !== DEFAULT_ACCENT) out.accent = accent;
    }
  }
  const fonts = form.fonts ?? 'system';
  if (!FONT_PAIRINGS.some((p) => p.id === fonts)) errors.fonts = 'Choose one of the type pairings.';
  else out.fonts = fonts;
  const zone = (form.timeZone ?? '').trim();
  if (zone) {
    const canonical = zone.length <= 64 ? canonicalTimeZone(zone) : undefined;
    if (!canonical) errors.timeZone = `“${zone.slice(0, 64)}” is not a time zone: choose one from the list, such as Europe/Berlin or America/New_York.`;
    else if (canonical !== 'UTC') out.timeZone = canonical;
  }
  const dateStyle = (form.dateStyle ?? '').trim();
  if (dateStyle) {
    if (!DATE_STYLES.includes(dateStyle as DateStyle)) errors.dateStyle = 'Choose one of the date styles.';
    else if (dateStyle !== 'long') out.dateStyle = dateStyle as DateStyle;
  }
  if (form.showTime !== undefined && form.showTime !== '' && form.showTime !== '1') errors.showTime = 'Tick the box to show the time, or leave it empty.';
  else if (form.showTime === '1') out.showTime = true;
  const css = (form.customCss ?? '').replace(/\r\n/g, '\n');
  if (css.trim()) {
    const problem = cssProblem(css);
    if (problem) errors.customCss = problem;
    else out.customCss = css;
  }
  return Object.keys(errors).length ? { errors } : { settings: out, errors };
}

/** One line shown at the top of every page until it expires or is removed (editors: /admin/front-page). */
export interface Banner {
  text: string;
  /** A page of this site (/…) or an https:// address; none: the line is not a link. */
  url?: string;
  /** ISO time; none: until removed. */
  expiresAt?: string;
}

export const BANNER_LIMITS = { text: 200, url: 500 } as const;

/** Whether the banner shows at `now`. */
export const bannerShows = (b: Banner | undefined, now: Date): b is Banner =>
  b !== undefined && (b.expiresAt === undefined || Date.parse(b.expiresAt) > now.getTime());

/**
 * An expiry typed as wall time in the site's zone (YYYY-MM-DD HH:MM, seconds optional), after
 * `now`; empty: none. `untilWhat` ends the message for a time that has passed ("to keep the
 * banner until you remove it").
 */
export function parseExpiry(raw: string | undefined, now: Date, untilWhat: string, timeZone = 'UTC'): { expiresAt?: string; error?: string } {
  const expires = (raw ?? '').trim();
  if (!expires) return {};
  const read = readLocalTime(expires, timeZone);
  if ('error' in read) return { error: read.error };
  if (read.instant.getTime() <= now.getTime()) return { error: `That time has passed: give a later one, or leave it empty ${untilWhat}.` };
  return { expiresAt: read.instant.toISOString() };
}

/**
 * Checks the banner form: text, link, and an expiry typed as wall time in the site's zone
 * (YYYY-MM-DDTHH:MM, seconds optional) after `now`.
 */
export function parseBannerForm(form: Record<string, string | undefined>, now: Date, timeZone = 'UTC'): { banner?: Banner; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const text = line(form, 'text', BANNER_LIMITS.text, errors, 'The banner');
  if (!text && !errors.text) errors.text = 'Write the line readers will see.';
  const url = (form.url ?? '').trim();
  if (url) {
    let ok = url.length <= BANNER_LIMITS.url && !CONTROL.test(url) && !/\s/.test(url);
    if (ok && url.startsWith('/')) ok = !/^\/[/\\]/.test(url);
    else if (ok) {
      try {
        const u = new URL(url);
        ok = u.protocol === 'https:' && !u.username && !u.password;
      } catch {
        ok = false;
      }
    }
    if (!ok) errors.url = 'Link to a page of this site (starting with /) or to an https:// address.';
  }
  const { expiresAt, error } = parseExpiry(form.expiresAt, now, 'to keep the banner until you remove it', timeZone);
  if (error) errors.expiresAt = error;
  if (Object.keys(errors).length) return { errors };
  return { banner: { text: text!, ...(url ? { url } : {}), ...(expiresAt ? { expiresAt } : {}) }, errors };
}

/**
 * A time typed in the site's zone (YYYY-MM-DDTHH:MM, a space for the T, seconds optional) as an
 * instant, or a message saying what to type. A time the clocks skip (the change to summer time)
 * is refused; one they show twice (the change back) is the earlier of the two instants.
 * @example readLocalTime('2026-07-01T12:00', 'Europe/Berlin') // { instant: 2026-07-01T10:00:00.000Z }
 */
export function readLocalTime(text: string, timeZone: string, what = 'the date and time'): { instant: Date; ambiguous: boolean } | { error: string } {
  const wall = parseWallTime(text);
  if (!wall) return { error: `Give ${what} as YYYY-MM-DD HH:MM, such as 2026-12-01 08:00 (in ${timeZone}).` };
  const r = instantOf(wall, timeZone);
  if (!r.ok)
    return {
      error: `${formatWallTime(wall, ' ')} does not exist in ${timeZone}: the clocks go forward over it that day (it would be ${formatWallTime(r.shifted, ' ').slice(11)} after the change). Choose a time before or after it.`,
    };
  return { instant: r.instant, ambiguous: r.ambiguous };
}
