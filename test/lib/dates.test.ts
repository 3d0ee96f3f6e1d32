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
