import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/dates.js';

describe('formatDate', () => {
  it('writes the date in the language, Persian in its own calendar and digits', () => {
    expect(formatDate('2026-03-21T12:00:00Z', 'en')).toBe('March 21, 2026');
    expect(formatDate('2026-03-21T12:00:00Z', 'en', { style: 'medium' })).toBe('Mar 21, 2026');
    expect(formatDate('2026-03-21T12:00:00Z', 'fa_IR')).toBe('۱ فروردین ۱۴۰۵');
    expect(formatDate('2026-11-29T12:00:00Z', 'sq')).toBe('29 nëntor 2026');
  });
  it('uses the time zone it is given, UTC otherwise', () => {
    expect(formatDate('2026-11-29T23:30:00Z', 'en')).toBe('November 29, 2026');
    expect(formatDate('2026-11-29T23:30:00Z', 'en', { timeZone: 'Asia/Tehran' })).toBe('November 30, 2026');
  });
  it('gives an empty string for what is not a date, and English for an unknown language tag', () => {
    expect(formatDate('not a date', 'en')).toBe('');
    expect(formatDate('2026-11-29T12:00:00Z', 'x-not-a-locale!!')).toBe('November 29, 2026');
  });
});

describe('formatDate styles and the time of day', () => {
  const iso = '2026-12-02T13:05:00Z';
  it('writes the long, medium and numeric styles in the zone', () => {
    expect(formatDate(iso, 'en', { style: 'long', timeZone: 'Europe/Berlin' })).toBe('December 2, 2026');
    expect(formatDate(iso, 'en', { style: 'medium', timeZone: 'Europe/Berlin' })).toBe('Dec 2, 2026');
    expect(formatDate(iso, 'en', { style: 'iso', timeZone: 'Europe/Berlin' })).toBe('2026-12-02');
    expect(formatDate('2026-12-02T23:30:00Z', 'en', { style: 'iso', timeZone: 'Asia/Tehran' })).toBe('2026-12-03');
  });
  it('adds the time and the zone’s name when asked', () => {
    expect(formatDate(iso, 'en', { timeZone: 'Europe/Berlin', time: true })).toBe('December 2, 2026 at 2:05 PM CET');
    expect(formatDate(iso, 'en', { style: 'iso', timeZone: 'America/New_York', time: true })).toBe('2026-12-02 08:05 EST');
    expect(formatDate(iso, 'sq', { style: 'iso', timeZone: 'Europe/Tirane', time: true })).toBe('2026-12-02 14:05 CET');
  });
  it('keeps the Persian calendar and digits in every style, in the zone', () => {
    expect(formatDate(iso, 'fa', { timeZone: 'Asia/Tehran' })).toBe('۱۱ آذر ۱۴۰۵');
    expect(formatDate(iso, 'fa', { style: 'iso', timeZone: 'Asia/Tehran' })).toBe('۱۴۰۵/۰۹/۱۱');
    expect(formatDate('2026-12-02T21:00:00Z', 'fa', { timeZone: 'Asia/Tehran' })).toBe('۱۲ آذر ۱۴۰۵');
    expect(formatDate(iso, 'fa', { timeZone: 'Asia/Tehran', time: true })).toContain('۱۶:۳۵');
  });
});
