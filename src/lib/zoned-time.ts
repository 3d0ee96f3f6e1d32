/**
 * @module lib/zoned-time
 * Wall-clock times in an IANA time zone, with nothing but Intl: which zones exist, the wall time
 * of an instant in a zone, and the instant of a wall time (the inverse, where daylight saving
 * makes some wall times not exist and others happen twice).
 */

/** A wall-clock time: what a clock on the wall in the zone reads (month 1–12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

let zones: ReadonlySet<string> | undefined;

/** Every zone Intl knows, plus UTC (which `supportedValuesOf` leaves out), sorted. */
export function timeZones(): readonly string[] {
  return [...zoneSet()].sort();
}

function zoneSet(): ReadonlySet<string> {
  zones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  return zones;
}

/**
 * The zone's name as the list spells it, or undefined for a name that is not a zone. An alias
 * Intl resolves ("Asia/Kolkata" → "Asia/Calcutta" in Node 20's ICU, "Etc/UTC" → "UTC") counts.
 * @example canonicalTimeZone('Europe/Berlin') // 'Europe/Berlin'
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (zoneSet().has(name)) return name;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    if (resolved === 'Etc/UTC' || resolved === 'Etc/GMT' || resolved === 'GMT') return 'UTC';
    return zoneSet().has(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(zone, f);
  }
  return f;
}

/**
 * The wall time of an instant in `zone`.
 * @example wallTimeOf(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin') // { year: 2026, month: 7, day: 1, hour: 14, minute: 0, second: 0 }
 */
export function wallTimeOf(instant: Date, zone: string): WallTime {
  const out: Record<string, number> = {};
  let bc = false;
  for (const p of partsFormatter(zone).formatToParts(instant)) {
    if (p.type === 'era') bc = p.value === 'BC';
    else if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: bc ? 1 - out.year! : out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

const asUtc = (w: WallTime): number => {
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second));
  d.setUTCFullYear(w.year);
  return d.getTime();
};

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in winter: 3,600,000). */
export const offsetAt = (instant: number, zone: string): number =>
  asUtc(wallTimeOf(new Date(Math.floor(instant / 1000) * 1000), zone)) - Math.floor(instant / 1000) * 1000;

export type InstantOfWallTime =
  /** `ambiguous`: the wall time happens twice (clocks went back); `instant` is the earlier one. */
  | { ok: true; instant: Date; ambiguous: boolean }
  /** The wall time does not exist (clocks went forward over it); `shifted` is where it would be, read with the offset before the change. */
  | { ok: false; shifted: WallTime };

const HOUR = 3_600_000;

/**
 * The instant at which clocks in `zone` show `wall`. A time skipped by a change to daylight
 * saving does not exist (ok: false); a time repeated when clocks go back is taken at its first
 * occurrence, the earlier instant (as the zone's own clocks first show it).
 * @example instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin') // { ok: false, … }
 */
export function instantOf(wall: WallTime, zone: string): InstantOfWallTime {
  const target = asUtc(wall);
  // Every offset in force within a day and a half of the wall time (no zone moves more than 26 h).
  const offsets = new Set<number>();
  for (let h = -36; h <= 36; h += 6) offsets.add(offsetAt(target + h * HOUR, zone));
  const found = [...offsets]
    .map((o) => target - o)
    .filter((t) => asUtc(wallTimeOf(new Date(t), zone)) === target)
    .sort((a, b) => a - b);
  const unique = [...new Set(found)];
  if (unique.length > 0) return { ok: true, instant: new Date(unique[0]!), ambiguous: unique.length > 1 };
  return { ok: false, shifted: wallTimeOf(new Date(target - offsetAt(target - 36 * HOUR, zone)), zone) };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-12-02T14:05` (what an <input type="datetime-local"> holds), seconds when not zero. */
export function formatWallTime(w: WallTime, sep = 'T'): string {
  const s = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}${sep}${pad(w.hour)}:${pad(w.minute)}`;
  return w.second ? `${s}:${pad(w.second)}` : s;
}

/**
 * Reads `YYYY-MM-DDTHH:MM` (a space for the T, seconds optional) as a wall time; undefined for
 * anything else, or a date that is not in the calendar (February 30).
 */
export function parseWallTime(text: string): WallTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const w: WallTime = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +(m[6] ?? 0) };
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return undefined;
  const check = new Date(asUtc(w));
  if (check.getUTCDate() !== w.day || check.getUTCMonth() + 1 !== w.month) return undefined;
  return w;
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function shortName(instant: Date, zone: string, locale: string): string | undefined {
  const k = `${locale}|${zone}`;
  let f = nameFormatters.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    nameFormatters.set(k, f);
  }
  return f.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
}

/**
 * The zone's short name at an instant, in English: the abbreviation in use where ICU knows one
 * (American English for the Americas' "EST", British for Europe's "CET", "BST"), otherwise the
 * offset ("GMT+3:30").
 * @example zoneAbbreviation(new Date('2026-12-02T12:00:00Z'), 'Europe/Berlin') // 'CET'
 */
export function zoneAbbreviation(instant: Date, zone: string): string {
  if (zone === 'UTC') return 'UTC';
  const us = shortName(instant, zone, 'en-US');
  if (us && /^[A-Z]{2,5}$/.test(us)) return us;
  const gb = shortName(instant, zone, 'en-GB');
  if (gb && /^[A-Z]{2,5}$/.test(gb)) return gb;
  return us ?? gb ?? zone;
}
