import { describe, expect, it } from 'vitest';
import { directionOf, formatDate, stringsFor } from '../../../src/web/site/i18n.js';

describe('i18n', () => {
  it('knows right-to-left languages', () => {
    for (const l of ['fa', 'ar', 'he', 'ur', 'fa-IR']) expect(directionOf(l)).toBe('rtl');
    for (const l of ['en', 'sq', 'de']) expect(directionOf(l)).toBe('ltr');
  });

  it('formats dates in the page language, Persian in the Solar Hijri calendar', () => {
    expect(formatDate('2026-03-21T12:00:00Z', 'en')).toBe('March 21, 2026');
    expect(formatDate('2026-03-21T12:00:00Z', 'fa')).toBe('۱ فروردین ۱۴۰۵');
    expect(formatDate('2026-11-29T12:00:00Z', 'sq')).toBe('29 nëntor 2026');
  });

  it('falls back to English strings for unknown languages', () => {
    expect(stringsFor('xx').home).toBe('Home');
    expect(stringsFor('fa').home).toBe('خانه');
  });
});
