import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  formatWallTime,
  instantOf,
  parseWallTime,
  timeZones,
  wallTimeOf,
  zoneAbbreviation,
  type WallTime,
} from '../../src/lib/zoned-time.js';

const wall = (s: string): WallTime => parseWallTime(s)!;
const at = (s: string, zone: string) => {
  const r = instantOf(wall(s), zone);
  return r.ok ? { iso: r.instant.toISOString(), ambiguous: r.ambiguous } : { gap: formatWallTime(r.shifted, ' ') };
};

describe('instantOf: a wall time in a zone as an instant', () => {
  it('Europe/Berlin: winter +1, summer +2; the skipped hour refused, the repeated hour its earlier instant', () => {
    expect(at('2026-01-15 09:00', 'Europe/Berlin')).toEqual({ iso: '2026-01-15T08:00:00.000Z', ambiguous: false });
    expect(at('2026-07-01 12:00', 'Europe/Berlin')).toEqual({ iso: '2026-07-01T10:00:00.000Z', ambiguous: false });
    // 29 March 2026: 02:00 becomes 03:00.
    expect(at('2026-03-29 01:59', 'Europe/Berlin')).toEqual({ iso: '2026-03-29T00:59:00.000Z', ambiguous: false });
    expect(at('2026-03-29 02:00', 'Europe/Berlin')).toEqual({ gap: '2026-03-29 03:00' });
    expect(at('2026-03-29 02:30', 'Europe/Berlin')).toEqual({ gap: '2026-03-29 03:30' });
    expect(at('2026-03-29 03:00', 'Europe/Berlin')).toEqual({ iso: '2026-03-29T01:00:00.000Z', ambiguous: false });
    // 25 October 2026: 03:00 goes back to 02:00, so 02:30 happens at 00:30 and 01:30 UTC.
    expect(at('2026-10-25 02:30', 'Europe/Berlin')).toEqual({ iso: '2026-10-25T00:30:00.000Z', ambiguous: true });
    expect(at('2026-10-25 03:00', 'Europe/Berlin')).toEqual({ iso: '2026-10-25T02:00:00.000Z', ambiguous: false });
  });

  it('America/New_York: the change at 02:00 in March and November', () => {
    expect(at('2026-03-08 02:30', 'America/New_York')).toEqual({ gap: '2026-03-08 03:30' });
    expect(at('2026-03-08 03:30', 'America/New_York')).toEqual({ iso: '2026-03-08T07:30:00.000Z', ambiguous: false });
    expect(at('2026-11-01 01:30', 'America/New_York')).toEqual({ iso: '2026-11-01T05:30:00.000Z', ambiguous: true });
    expect(at('2026-11-01 02:30', 'America/New_York')).toEqual({ iso: '2026-11-01T07:30:00.000Z', ambiguous: false });
  });

  it('Asia/Tehran: +3:30 all year since 2022; before, summer time at midnight', () => {
    expect(at('2026-03-22 00:30', 'Asia/Tehran')).toEqual({ iso: '2026-03-21T21:00:00.000Z', ambiguous: false });
    expect(at('2026-07-01 12:00', 'Asia/Tehran')).toEqual({ iso: '2026-07-01T08:30:00.000Z', ambiguous: false });
    // 2021: clocks went forward at 00:00 on 22 March and back at 00:00 on 22 September.
    expect(at('2021-03-22 00:30', 'Asia/Tehran')).toEqual({ gap: '2021-03-22 01:30' });
    expect(at('2021-09-21 23:30', 'Asia/Tehran')).toEqual({ iso: '2021-09-21T19:00:00.000Z', ambiguous: true });
  });

  it('Australia/Lord_Howe: a half-hour change (+10:30 in winter, +11 in summer)', () => {
    expect(at('2026-10-04 02:15', 'Australia/Lord_Howe')).toEqual({ gap: '2026-10-04 02:45' });
    expect(at('2026-10-04 02:30', 'Australia/Lord_Howe')).toEqual({ iso: '2026-10-03T15:30:00.000Z', ambiguous: false });
    expect(at('2026-04-05 01:45', 'Australia/Lord_Howe')).toEqual({ iso: '2026-04-04T14:45:00.000Z', ambiguous: true });
    expect(at('2026-07-01 12:00', 'Australia/Lord_Howe')).toEqual({ iso: '2026-07-01T01:30:00.000Z', ambiguous: false });
  });

  it('UTC and round trips: every quarter hour of a year in Berlin comes back to itself', () => {
    expect(at('2026-01-01 00:00', 'UTC')).toEqual({ iso: '2026-01-01T00:00:00.000Z', ambiguous: false });
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 15 * 60_000 * 97) {
      const w = wallTimeOf(new Date(t), 'Europe/Berlin');
      const r = instantOf(w, 'Europe/Berlin');
      expect(r.ok && formatWallTime(wallTimeOf(r.instant, 'Europe/Berlin'))).toBe(formatWallTime(w));
    }
  });
});

describe('parseWallTime, canonicalTimeZone, zoneAbbreviation', () => {
  it('reads YYYY-MM-DD HH:MM (T or space, seconds optional) and nothing that is not in the calendar', () => {
    expect(parseWallTime('2026-12-02T14:05')).toEqual({ year: 2026, month: 12, day: 2, hour: 14, minute: 5, second: 0 });
    expect(parseWallTime('2026-12-02 14:05:30')?.second).toBe(30);
    for (const bad of ['2026-02-30 10:00', '2026-13-01 10:00', '2026-12-02 24:00', '2026-12-02', 'tomorrow', "'; DROP TABLE posts; --", '2026-12-02T14:05Z'])
      expect(parseWallTime(bad), bad).toBeUndefined();
  });
  it('knows the IANA list and UTC, resolves aliases, and refuses anything else', () => {
    expect(timeZones()).toContain('UTC');
    expect(timeZones()).toContain('Australia/Lord_Howe');
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe(canonicalTimeZone('Asia/Calcutta'));
    for (const bad of ['Mars/Olympus', '', '<script>', "UTC'; --", 'A'.repeat(200), '../etc/passwd', '+05:00'])
      expect(canonicalTimeZone(bad), bad).toBeUndefined();
  });
  it('names the zone as a reader knows it, or by its offset', () => {
    const winter = new Date('2026-12-02T12:00:00Z');
    const summer = new Date('2026-07-02T12:00:00Z');
    expect([zoneAbbreviation(winter, 'Europe/Berlin'), zoneAbbreviation(summer, 'Europe/Berlin')]).toEqual(['CET', 'CEST']);
    expect([zoneAbbreviation(winter, 'America/New_York'), zoneAbbreviation(summer, 'America/New_York')]).toEqual(['EST', 'EDT']);
    expect([zoneAbbreviation(winter, 'Europe/London'), zoneAbbreviation(summer, 'Europe/London')]).toEqual(['GMT', 'BST']);
    expect(zoneAbbreviation(winter, 'Asia/Tehran')).toBe('GMT+3:30');
    expect(zoneAbbreviation(winter, 'UTC')).toBe('UTC');
  });
});
