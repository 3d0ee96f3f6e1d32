/**
 * @module modules/article/date-archive
 * WordPress' date archives — `/2024/`, `/2024/03/`, `/2024/03/15/` — as periods: parsed from a
 * path's segments or from `?m=202403` / `?year=2024&monthnum=3`, written back as the canonical
 * path, and turned into the instants that bound them in the site's time zone (a story published
 * at 23:30 in Berlin on 31 March is in March's archive, as the site's own dates say).
 *
 *   const period = periodOf('2024', '3');          // { year: 2024, month: 3 }
 *   periodPath(period)                              // '/2024/03/'
 *   periodRange(period, 'Europe/Berlin')            // { from: '2024-02-29T23:00:00.000Z', before: '2024-03-31T22:00:00.000Z' }
 */
import { instantOf, type WallTime } from '../../lib/zoned-time.js';

/** A year, a month of it or a day of that (month 1–12). */
export interface Period {
  year: number;
  month?: number;
  day?: number;
}

const YEAR = /^\d{4}$/;
const PART = /^\d{1,2}$/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The period named by a date archive's segments, or undefined when they name none (`/2024/13/`,
 * `/2023/02/29/`, year 0000). Months and days may be written without the leading zero.
 */
export function periodOf(year: string, month?: string, day?: string): Period | undefined {
  if (!YEAR.test(year)) return undefined;
  const y = Number(year);
  if (y < 1) return undefined;
  if (month === undefined) return { year: y };
  if (!PART.test(month)) return undefined;
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  if (day === undefined) return { year: y, month: m };
  if (!PART.test(day)) return undefined;
  const d = Number(day);
  if (d < 1 || d > daysIn(y, m)) return undefined;
  return { year: y, month: m, day: d };
}

/** WordPress' `?m=2024`, `?m=202403`, `?m=20240315` (a time after the date is ignored, as there). */
export function periodOfM(m: string): Period | undefined {
  const digits = /^(\d{4})(\d{2})?(\d{2})?\d{0,6}$/.exec(m);
  if (!digits) return undefined;
  return periodOf(digits[1]!, digits[2], digits[3]);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The canonical path: `/2024/`, `/2024/03/`, `/2024/03/15/`. */
export function periodPath(p: Period): string {
  return `/${p.year}/${p.month !== undefined ? `${two(p.month)}/` : ''}${p.day !== undefined ? `${two(p.day)}/` : ''}`;
}

/** The first instant of a wall-clock day in `zone` (midnight, or the first minute after a skipped one). */
function startOfDay(year: number, month: number, day: number, zone: string): Date {
  const wall: WallTime = { year, month, day, hour: 0, minute: 0, second: 0 };
  const at = instantOf(wall, zone);
  if (at.ok) return at.instant;
  const shifted = instantOf(at.shifted, zone);
  return shifted.ok ? shifted.instant : new Date(Date.UTC(year, month - 1, day));
}

/** The day after the period's last, as year/month/day (rolling over months and years). */
function dayAfter(p: Period): [number, number, number] {
  if (p.month === undefined) return [p.year + 1, 1, 1];
  if (p.day === undefined) return p.month === 12 ? [p.year + 1, 1, 1] : [p.year, p.month + 1, 1];
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/** The instants that bound the period in `zone`: published at or after `from` and before `before`. */
export function periodRange(p: Period, zone: string): { from: string; before: string } {
  const from = startOfDay(p.year, p.month ?? 1, p.day ?? 1, zone);
  const [y, m, d] = dayAfter(p);
  return { from: from.toISOString(), before: startOfDay(y, m, d, zone).toISOString() };
}
