/**
 * @module lib/dates
 * Dates in a language's own calendar and digits (Persian → Solar Hijri), for pages, feeds and
 * article bodies alike. Formatters are cached: building one costs far more than using it.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export interface DateFormat {
  /** 'long' ("November 29, 2026") unless told; 'medium' ("Nov 29, 2026"). */
  style?: 'long' | 'medium';
  timeZone?: string;
}

/** The date of an ISO timestamp in `lang`; '' for a value that is not a date. */
export function formatDate(iso: string, lang: string, o: DateFormat = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const style = o.style ?? 'long';
  const timeZone = o.timeZone ?? 'UTC';
  const locale = /^fa([-_]|$)/i.test(lang) ? 'fa-IR-u-ca-persian' : lang;
  const key = `${locale}|${style}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en', { dateStyle: style, timeZone });
    }
    formatters.set(key, f);
  }
  return f.format(d);
}
