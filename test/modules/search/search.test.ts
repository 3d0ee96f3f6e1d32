import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/modules/search/search.js';

describe('parseQuery', () => {
  it('splits words, keeps quoted phrases and trailing-star prefixes', () => {
    expect(parseQuery('Rail  "northern line" harb*')).toEqual([
      { words: ['northern', 'line'], prefix: false },
      { words: ['rail'], prefix: false },
      { words: ['harb'], prefix: true },
    ]);
  });

  it('reduces FTS operators, SQL and punctuation to plain words or nothing', () => {
    expect(parseQuery('NEAR(a b) OR title:x -y ^z')).toEqual(['near', 'a', 'b', 'or', 'title', 'x', 'y', 'z'].map((w) => ({ words: [w], prefix: false })));
    expect(parseQuery("'; DROP TABLE posts; --").map((t) => t.words[0])).toEqual(['drop', 'table', 'posts']);
    expect(parseQuery('!!! ??? *** ""')).toEqual([]);
    expect(parseQuery('"unbalanced phrase')).toEqual([{ words: ['unbalanced', 'phrase'], prefix: false }]);
  });

  it('handles Persian, Albanian, invisible characters and huge input', () => {
    expect(parseQuery('راه‌آهن').map((t) => t.words[0])).toEqual(['راه', 'آهن']);
    expect(parseQuery('Çfarë ndodhi')[0]!.words[0]).toBe('çfarë');
    expect(parseQuery('ra\u200bil\u202e')).toEqual([{ words: ['rail'], prefix: false }]);
    expect(parseQuery('word '.repeat(5000)).length).toBe(1);
    expect(parseQuery('a b c d e f g h i j k l m n o p q r s t').length).toBe(16);
    expect(parseQuery('\ufffd\ufffd')).toEqual([]);
  });
});
