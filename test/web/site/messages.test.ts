/**
 * The reader interface's catalogues: every shipped language has every message, each message is
 * valid ICU MessageFormat with the English placeholders, plurals follow the language's rules, and
 * a key a catalogue lacks falls back to the site's language, then to English.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { commentErrorMessage, commentStringsFor } from '../../../src/web/site/comment-strings.js';
import { catalogueOf, formatMessage, mergeSection, stringsFor, UI_LANGUAGES, type Messages, type PartialCatalogue } from '../../../src/web/site/i18n.js';

const en = catalogueOf('en')!;

/** Every message of a catalogue as [path, source]: ui.home, comments.errors.COMMENT_INVALID, … */
function flatten(c: PartialCatalogue): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, o: object): void => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') out.set(`${prefix}${k}`, v);
      else if (v && typeof v === 'object') walk(`${prefix}${k}.`, v);
    }
  };
  walk('', c);
  return out;
}

/** The names of a message's arguments, and whether it has a plural. */
function argumentsOf(source: string): { names: Set<string>; plural: Set<string> } {
  const names = new Set<string>();
  const plural = new Set<string>();
  // The parser's element types: 1–4 argument, number, date, time; 5 select; 6 plural.
  type Element = { type: number; value: string; options?: Record<string, { value: Element[] }> };
  const walk = (els: Element[]): void => {
    for (const el of els) {
      if (el.type >= 1 && el.type <= 6) names.add(el.value);
      if (el.type === 6) plural.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(source, 'en').getAst() as unknown as Element[]);
  return { names, plural };
}

const SAMPLE = {
  n: 3,
  total: 7,
  name: 'Dana Okafor',
  date: '2 May 2026',
  q: 'tide',
  count: '3',
  max: 5000,
  period: 'March 2024',
  site: 'The Gazette',
  title: 'The crane stays',
};
const english = flatten(en);

describe('message catalogues', () => {
  it('ships the reader interface in at least ten languages', () => {
    expect([...UI_LANGUAGES].sort()).toEqual(expect.arrayContaining(['ar', 'de', 'en', 'es', 'fa', 'fr', 'he', 'sq', 'tr', 'ur']));
  });

  for (const lang of UI_LANGUAGES) {
    describe(lang, () => {
      const messages = flatten(catalogueOf(lang)!);

      it('has every message English has, and no other', () => {
        expect(
          [...messages.keys()].filter((k) => !english.has(k)),
          'keys English does not have',
        ).toEqual([]);
        expect(
          [...english.keys()].filter((k) => !messages.has(k)),
          'missing keys',
        ).toEqual([]);
      });

      it('has valid ICU messages with the English placeholders, none left unfilled', () => {
        for (const [key, source] of messages) {
          const ours = argumentsOf(source);
          const theirs = argumentsOf(english.get(key)!);
          expect([...ours.names].sort(), key).toEqual([...theirs.names].sort());
          expect([...ours.plural].sort(), `${key}: plural arguments`).toEqual([...theirs.plural].sort());
          for (const n of [0, 1, 2, 3, 11, 100, 1001]) {
            const text = formatMessage(source, lang, { ...SAMPLE, n });
            // An ASCII apostrophe before a brace quotes it in ICU: "d'{name}" would print "{name}".
            expect(text, key).not.toMatch(/[{}]/);
            expect(text.trim(), key).not.toBe('');
          }
        }
      });

      it('is translated, not copied from English (beyond names and symbols)', () => {
        if (lang === 'en') return;
        const same = [...messages].filter(([k, v]) => v === english.get(k) && /[a-z]{4}/i.test(v.replace(/\{[^}]*\}/g, '')));
        // Words that are the same in some languages ("Live", "Tags", "Email").
        expect(same.length, same.map(([k]) => k).join(', ')).toBeLessThanOrEqual(6);
      });
    });
  }

  it('puts Arabic counts in their six plural forms', () => {
    const forms = [0, 1, 2, 3, 11, 100].map((n) => stringsFor('ar').format('comments', { n }));
    expect(new Set(forms).size).toBe(6);
    expect(stringsFor('ar').format('comments', { n: 2 })).not.toMatch(/2/); // the dual names no number
  });

  it('gives a counting script one template per plural form, the number marked {n}', () => {
    expect(stringsFor('en').pluralForms('newEntries', 'n')).toEqual({ lang: 'en', forms: { one: '{n} new update', other: '{n} new updates' } });
    const ar = stringsFor('ar').pluralForms('newEntries', 'n');
    expect(Object.keys(ar.forms).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(new Set(Object.values(ar.forms)).size).toBe(6);
    expect(ar.forms.two).not.toContain('{n}');
    expect(ar.forms.few).toContain('{n}');
    // Persian: the template's number was the Persian digit, now the marker; no digit is left over.
    const fa = stringsFor('fa').pluralForms('newEntries', 'n');
    for (const text of Object.values(fa.forms)) expect(text).toMatch(/^\{n\} [^0-9۰-۹]+$/);
    // A language without the message: the site's, in the site's plural rules.
    expect(stringsFor('it', 'de').pluralForms('newEntries', 'n')).toEqual({ lang: 'de', forms: { one: '{n} neuer Eintrag', other: '{n} neue Einträge' } });
  });

  it('says "1 comment" and "2 comments" in English, with each language its own digits', () => {
    expect(stringsFor('en').format('comments', { n: 1 })).toBe('1 comment');
    expect(stringsFor('en').format('comments', { n: 2 })).toBe('2 comments');
    expect(stringsFor('en').format('comments', { n: 1200 })).toBe('1,200 comments');
    expect(stringsFor('fa').format('comments', { n: 12 })).toBe('۱۲ دیدگاه');
  });

  it('falls back key by key: the page language, then the site language, then English', () => {
    // A language with no catalogue on a Persian site reads Persian; on an English site, English.
    expect(stringsFor('ku', 'fa').home).toBe(stringsFor('fa').home);
    expect(stringsFor('ku').home).toBe('Home');
    // A catalogue that lacks a key takes it from the next one, formatted by that one's rules.
    const partial: PartialCatalogue = { ui: { home: 'Startseite' }, comments: { errors: { COMMENT_NOT_FOUND: 'Kein Kommentar.' } } };
    const { values, langOf } = mergeSection<Messages>(
      [
        ['de', partial],
        ['en', en],
      ],
      (c) => c.ui,
    );
    expect(values.home).toBe('Startseite');
    expect(values.search).toBe('Search');
    expect(langOf.get('home')).toBe('de');
    expect(langOf.get('comments')).toBe('en');
    const comments = mergeSection<{ errors: Record<string, string> }>(
      [
        ['de', partial],
        ['en', en],
      ],
      (c) => c.comments,
    );
    expect(comments.values.errors.COMMENT_NOT_FOUND).toBe('Kein Kommentar.');
    expect(comments.values.errors.COMMENT_INVALID).toBe(en.comments.errors?.COMMENT_INVALID);
  });

  it('formats comment messages and errors in the article language', () => {
    expect(commentStringsFor('en').format('replyTo', { name: 'Ada' })).toBe('Reply to Ada');
    expect(commentErrorMessage('en', 'COMMENT_TOO_LONG', undefined, { max: 5000 })).toBe('Comments can be at most 5,000 characters long.');
    expect(commentErrorMessage('en', 'COMMENT_INVALID', 'email', {})).toBe('That email address does not look right.');
    expect(commentErrorMessage('de', 'COMMENT_INVALID', 'email', {})).not.toBe('That email address does not look right.');
  });
});
