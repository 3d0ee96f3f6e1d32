/**
 * @module lib/dates
 * Dates in a language's own calendar and digits (Persian → Solar Hijri), in a time zone, for
 * pages, feeds and article bodies alike. Formatters are cached: building one costs far more than
 * using it.
 */
import { zoneAbbreviation } from './zoned-time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "December 2, 2026" (long), "Dec 2, 2026" (medium), "2026-12-02" (iso: numbers, year first). */
export type DateStyle = 'long' | 'medium' | 'iso';

export const DATE_STYLES: readonly DateStyle[] = ['long', 'medium', 'iso'];

export interface DateFormat {
  /** 'long' unless told. */
  style?: DateStyle;
  /** An IANA zone; UTC unless told. */
  timeZone?: string;
  /** Add the time of day and the zone's short name ("December 2, 2026 at 2:05 PM CET"). */
  time?: boolean;
}

const isPersian = (lang: string): boolean => /^fa([-_]|$)/i.test(lang);

function formatter(locale: string, timeZone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${locale}|${timeZone}|${key}`;
  let f = formatters.get(k);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en', { ...options, timeZone });
    }
    formatters.set(k, f);
  }
  return f;
}

/** Year first, two-digit month and day, in the language's calendar and digits. */
function isoLike(d: Date, locale: string, timeZone: string, persian: boolean): string {
  const f = formatter(locale, timeZone, 'iso', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = f.formatToParts(d);
  const of = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  // Persian writes numeric dates with slashes (۱۴۰۵/۰۹/۱۱); a hyphen reads as a minus there.
  return [of('year'), of('month'), of('day')].join(persian ? '/' : '-');
}

/**
 * The date of an ISO timestamp in `lang`, in `timeZone`; '' for a value that is not a date.
 * @example formatDate('2026-12-02T13:05:00Z', 'en', { style: 'iso', timeZone: 'Europe/Berlin', time: true }) // '2026-12-02 14:05 CET'
 */
export function formatDate(iso: string, lang: string, o: DateFormat = {}): string {
  // A pure function of its arguments, asked again for the same dates by every render of a page.
  const key = `${iso}|${lang}|${o.style ?? ''}|${o.timeZone ?? ''}|${o.time ? 1 : 0}`;
  let out = formatted.get(key);
  if (out === undefined) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    out = formatUncached(iso, lang, o);
    formatted.set(key, out);
  }
  return out;
}

const formatted = new Map<string, string>();
const FORMATTED_MAX = 20_000;

function formatUncached(iso: string, lang: string, o: DateFormat): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const style = o.style ?? 'long';
  const timeZone = o.timeZone ?? 'UTC';
  const persian = isPersian(lang);
  const locale = persian ? 'fa-IR-u-ca-persian' : lang;
  if (style === 'iso') {
    const date = isoLike(d, locale, timeZone, persian);
    if (!o.time) return date;
    const time = formatter(locale, timeZone, 'hm23', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    return `${date} ${time} ${zoneName(d, locale, timeZone, persian)}`;
  }
  if (!o.time) return formatter(locale, timeZone, style, { dateStyle: style }).format(d);
  const dateTime = formatter(locale, timeZone, `${style}+t`, { dateStyle: style, timeStyle: 'short' }).format(d);
  return `${dateTime} ${zoneName(d, locale, timeZone, persian)}`;
}

/** The zone's short name: in Persian as Persian writes it, elsewhere the English abbreviation. */
function zoneName(d: Date, locale: string, timeZone: string, persian: boolean): string {
  if (!persian) return zoneAbbreviation(d, timeZone);
  const f = formatter(locale, timeZone, 'zone', { hour: 'numeric', timeZoneName: 'short' });
  return f.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * A period of the Gregorian calendar named in `lang` with its digits: "2024", "March 2024",
 * "March 15, 2024" (a date archive's heading; its URL counts in Gregorian years whatever the
 * language's own calendar).
 * @example formatPeriod('de', 2024, 3) // 'März 2024'
 */
export function formatPeriod(lang: string, year: number, month?: number, day?: number): string {
  const d = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1, 12));
  const fields: Intl.DateTimeFormatOptions =
    day !== undefined ? { year: 'numeric', month: 'long', day: 'numeric' } : month !== undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  const locale = `${isPersian(lang) ? 'fa-IR' : lang}-u-ca-gregory`;
  return formatter(locale, 'UTC', `period${day !== undefined ? 3 : month !== undefined ? 2 : 1}`, fields).format(d);
}
