/**
 * @module web/site/comment-strings
 * The comment form's labels and the messages readers see about their comments, per language
 * (the article's). Kept apart from i18n.ts because only the comments use them; same fallbacks.
 */
import type { CommentErrorCode } from '../../modules/comment/comment.js';
import type { CommentMessages } from './messages/catalogue.js';
import { baseLanguage, catalogueChain, formatMessage, mergeSection, type MessageValues } from './i18n.js';

export type { CommentMessages };

/** The comment form's words in one language, with `format` for those that take values. */
export interface CommentStrings extends CommentMessages {
  format(key: 'replyTo' | 'replyToSr' | 'commentPageOf', values: MessageValues): string;
}

interface Merged {
  strings: CommentStrings;
  langOf: Map<string, string>;
}

const cache = new Map<string, Merged>();

function merged(lang: string, siteLanguage: string): Merged {
  const key = `${baseLanguage(lang)}|${baseLanguage(siteLanguage)}`;
  let m = cache.get(key);
  if (!m) {
    const { values, langOf } = mergeSection<CommentMessages>(catalogueChain(lang, siteLanguage), (c) => c.comments);
    const strings: CommentStrings = Object.freeze({
      ...values,
      format: (k: 'replyTo' | 'replyToSr' | 'commentPageOf', v: MessageValues) => formatMessage(values[k], langOf.get(k) ?? 'en', v),
    });
    m = { strings, langOf };
    cache.set(key, m);
  }
  return m;
}

/** The comment form's words for an article in `lang` (falling back to the site's language, then English). */
export const commentStringsFor = (lang: string, siteLanguage = 'en'): CommentStrings => merged(lang, siteLanguage).strings;

/** A comment error's message in the article's language (the module's English is the fallback). */
export function commentErrorMessage(lang: string, code: CommentErrorCode, detail: string | undefined, values: MessageValues, siteLanguage = 'en'): string {
  const { strings, langOf } = merged(lang, siteLanguage);
  const fineKey = detail !== undefined && detail in strings.invalid ? `invalid.${detail}` : undefined;
  const source = fineKey ? strings.invalid[detail as keyof CommentMessages['invalid']] : strings.errors[code];
  return formatMessage(source, langOf.get(fineKey ?? `errors.${code}`) ?? 'en', values);
}
