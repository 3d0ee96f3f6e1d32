/**
 * @module modules/search/search
 * Reader queries → safe search terms. Words keep only letters, digits and combining marks, so no
 * user text ever reaches FTS syntax; "quoted phrases" and trailing `*` prefixes are understood.
 */
import type { SearchTerm } from '../../db/full-text.js';

export const MAX_QUERY_CHARS = 500;
const MAX_TERMS = 16;
const MAX_WORD = 64;
const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;
// Bidi controls and zero-width characters other than ZWNJ carry no meaning in a query.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each of these code points is removed on its own, ZWJ included
const INVISIBLE = /[\u200b\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

const words = (s: string): string[] =>
  s
    .split(WORD_SPLIT)
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD));

/** Parses what a reader typed. Returns no terms for input with nothing searchable. */
export function parseQuery(raw: string): SearchTerm[] {
  const text = raw.slice(0, MAX_QUERY_CHARS).normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  const terms: SearchTerm[] = [];
  // Quoted phrases first; an unbalanced quote just ends the phrase at the end of the input.
  const rest = text.replace(/"([^"]*)("|$)/g, (_m, phrase: string) => {
    const w = words(phrase);
    if (w.length) terms.push({ words: w, prefix: false });
    return ' ';
  });
  for (const token of rest.split(/\s+/)) {
    const prefix = /\*$/.test(token);
    const w = words(token);
    w.forEach((word, i) => {
      terms.push({ words: [word], prefix: prefix && i === w.length - 1 && word.length >= 2 });
    });
  }
  // Duplicates add nothing to an AND query.
  const seen = new Set<string>();
  return terms
    .filter((t) => {
      const key = `${t.words.join(' ')}${t.prefix ? '*' : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_TERMS);
}
