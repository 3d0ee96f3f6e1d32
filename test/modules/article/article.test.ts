import { describe, expect, it } from 'vitest';
import { slugify, SLUG_PATTERN } from '../../../src/modules/article/article.js';
import { countWords, readingMinutes } from '../../../src/modules/article/render.js';

describe('slugify', () => {
  it('makes URL slugs in any script', () => {
    expect(slugify('  Rail Line Reopens: Trains Return! ')).toBe('rail-line-reopens-trains-return');
    expect(slugify('Çfarë ndodhi në Tiranë?')).toBe('çfarë-ndodhi-në-tiranë');
    expect(slugify('بازگشایی راه‌آهن شمال')).toBe('بازگشایی-راه-آهن-شمال');
    for (const s of ['Rail Line', 'Çfarë ndodhi', 'بازگشایی راه‌آهن']) expect(SLUG_PATTERN.test(slugify(s))).toBe(true);
    expect(slugify('<script>')).toBe('script');
  });
});

describe('reading time', () => {
  it('counts words in every script and rounds to whole minutes', () => {
    expect(countWords('one two  three')).toBe(3);
    expect(countWords('خط راه‌آهن شمال')).toBe(4);
    expect(countWords('— … !!')).toBe(0);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(1150)).toBe(5);
  });
});
