/**
 * @module web/site/i18n
 * The reader interface's words per language and the language facts pages need (direction, date
 * formatting).
 *
 * Each language is a catalogue in messages/ (one file each) of ICU MessageFormat messages, read by
 * intl-messageformat: plurals and selects follow the language's own rules (Arabic has six plural
 * forms) and `#` prints numbers in its digits. A key a catalogue lacks falls back, key by key, to
 * the site's language and then to English; each message is formatted with the rules of the
 * language it is written in.
 */
import { baseLanguage, directionOf } from '../../lib/direction.js';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatDate as formatLibDate, type DateFormat } from '../../lib/dates.js';
import type { Catalogue, CommentMessages, Messages, PartialCatalogue } from './messages/catalogue.js';
import { ar } from './messages/ar.js';
import { de } from './messages/de.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fa } from './messages/fa.js';
import { fr } from './messages/fr.js';
import { he } from './messages/he.js';
import { sq } from './messages/sq.js';
import { tr } from './messages/tr.js';
import { ur } from './messages/ur.js';

export type { Catalogue, CommentMessages, Messages, PartialCatalogue };

/** Values a message takes: numbers (plurals, `#`) or text. */
export type MessageValues = Record<string, string | number>;

/** Page words in one language, with `format` for the messages that take values. */
export interface Strings extends Messages {
  /** The language the page asked for (its base subtag). */
  readonly lang: string;
  format(key: keyof Messages, values: MessageValues): string;
  /**
   * A plural message as one template per plural form of its language, `{n}` where the number
   * goes, for a browser script that counts (live.js): it picks the form with `Intl.PluralRules`
   * in `lang` and puts the number in. Forms whose numbers never come up below 1,000 are left to `other`.
   */
  pluralForms(key: keyof Messages, argument: string): { lang: string; forms: Record<string, string> };
}

const CATALOGUES: Record<string, PartialCatalogue> = { en, ar, de, es, fa, fr, he, sq, tr, ur };

/** The languages the reader pages are translated into (a site language must be one of them). */
export const UI_LANGUAGES: readonly string[] = Object.keys(CATALOGUES);

/** The catalogue of a shipped language, as written (for the completeness tests). */
export const catalogueOf = (lang: string): PartialCatalogue | undefined => CATALOGUES[lang];

export { baseLanguage, directionOf };

const ARABIC_SCRIPT = new Set(['fa', 'ar', 'ur', 'ps', 'ckb', 'sd', 'ug']);

/** Whether a language is written in the Arabic script (its comma, its typeface). */
export const isArabicScript = (lang: string): boolean => ARABIC_SCRIPT.has(baseLanguage(lang));

interface Compiled {
  message: IntlMessageFormat;
  /** Arguments printed as they are (`{n}`): numbers among them get the language's digits. */
  plain: Set<string>;
  numbers: Intl.NumberFormat;
}

const compiled = new Map<string, Compiled>();

/**
 * The names of a message's plain arguments (`{n}`, element type 1) at any depth, less those a
 * plural or select (types 5, 6) chooses by, which must stay numbers.
 */
function plainArguments(elements: unknown[]): Set<string> {
  const plain = new Set<string>();
  const selectors = new Set<string>();
  const walk = (els: unknown[]): void => {
    for (const el of els as { type: number; value: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (el.type === 1) plain.add(el.value);
      if (el.type === 5 || el.type === 6) selectors.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(elements);
  for (const name of selectors) plain.delete(name);
  return plain;
}

/**
 * Formats one ICU message by the rules (plurals, digits) of the language it is written in. A number
 * in a plain argument is printed in that language's digits and grouping too ("۱۲", "5,000"), as
 * `#` and `{n, number}` are.
 */
export function formatMessage(source: string, lang: string, values: MessageValues): string {
  const key = `${lang}\u0000${source}`;
  let c = compiled.get(key);
  if (!c) {
    const message = new IntlMessageFormat(source, lang);
    c = { message, plain: plainArguments(message.getAst()), numbers: new Intl.NumberFormat(lang) };
    compiled.set(key, c);
  }
  const shown: MessageValues = { ...values };
  for (const name of c.plain) {
    const v = values[name];
    if (typeof v === 'number') shown[name] = c.numbers.format(v);
  }
  return String(c.message.format(shown));
}

/** See `Strings.pluralForms`: each form formatted with its smallest number, that number then marked `{n}`. */
export function pluralTemplates(source: string, lang: string, argument: string): Record<string, string> {
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const forms: Record<string, string> = {};
  for (const form of rules.resolvedOptions().pluralCategories) {
    let sample = 0;
    while (sample < 1000 && rules.select(sample) !== form) sample++;
    if (sample === 1000) continue;
    forms[form] = formatMessage(source, lang, { [argument]: sample })
      .split(numbers.format(sample))
      .join('{n}');
  }
  return forms;
}

/** Where each key's message comes from: the page's language, then the site's, then English. */
export const catalogueChain = (lang: string, siteLanguage: string): [string, PartialCatalogue][] =>
  [...new Set([baseLanguage(lang), baseLanguage(siteLanguage), 'en'])].flatMap((l) =>
    CATALOGUES[l] ? [[l, CATALOGUES[l]] as [string, PartialCatalogue]] : [],
  );

/**
 * One catalogue section merged along a chain (first wins), key by key and one level down (the
 * comment errors), with the language each message was taken from.
 */
export function mergeSection<T>(
  chain: readonly [string, PartialCatalogue][],
  pick: (c: PartialCatalogue) => object,
): { values: T; langOf: Map<string, string> } {
  const values: Record<string, unknown> = {};
  const langOf = new Map<string, string>();
  for (const [from, catalogue] of [...chain].reverse()) {
    for (const [k, v] of Object.entries(pick(catalogue))) {
      if (typeof v === 'string') {
        values[k] = v;
        langOf.set(k, from);
      } else if (v && typeof v === 'object') {
        values[k] = { ...(values[k] as object), ...v };
        for (const inner of Object.keys(v)) langOf.set(`${k}.${inner}`, from);
      }
    }
  }
  return { values: values as T, langOf };
}

const stringsCache = new Map<string, Strings>();

/** The page words for a page in `lang` on a site in `siteLanguage` (the fallback before English). */
export function stringsFor(lang: string, siteLanguage = 'en'): Strings {
  const key = `${baseLanguage(lang)}|${baseLanguage(siteLanguage)}`;
  let strings = stringsCache.get(key);
  if (!strings) {
    const { values, langOf } = mergeSection<Messages>(catalogueChain(lang, siteLanguage), (c) => c.ui);
    strings = Object.freeze({
      ...values,
      lang: baseLanguage(lang),
      format: (k: keyof Messages, v: MessageValues) => formatMessage(values[k], langOf.get(k) ?? 'en', v),
      pluralForms: (k: keyof Messages, argument: string) => {
        const from = langOf.get(k) ?? 'en';
        return { lang: from, forms: pluralTemplates(values[k], from, argument) };
      },
    });
    stringsCache.set(key, strings);
  }
  return strings;
}

/** Native name of a language, for "Read in …" links. */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** Formats a date in the language's own calendar and digits (see lib/dates). */
export const formatDate = (iso: string, lang: string, o: DateFormat = {}): string => formatLibDate(iso, lang, o);
