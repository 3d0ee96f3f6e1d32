/**
 * @module web/site/comment-strings
 * The comment form's labels and the messages readers see about their comments, per language
 * (the article's). Kept apart from i18n.ts because only the comments use them; same fallbacks.
 */
import type { CommentErrorCode } from '../../modules/comment/comment.js';
import { baseLanguage, catalogueChain, formatMessage, mergeSection, type MessageValues } from './i18n.js';

/** The comment form's words (ICU messages, as in i18n.ts). */
export interface CommentMessages {
  yourComment: string;
  /** "Reply to {name}" */
  replyTo: string;
  cancelReply: string;
  name: string;
  email: string;
  optional: string;
  neverShown: string;
  comment: string;
  help: string;
  leaveEmpty: string;
  notify: string;
  submit: string;
  reply: string;
  /** Screen-reader suffix of "Reply": " to {name}" */
  replyToSr: string;
  held: string;
  staff: string;
  /** Badge on a reply by one of the article's authors. */
  author: string;
  olderComments: string;
  newerComments: string;
  commentPages: string;
  /** Shown under the comments heading while an open thread has none. */
  noComments: string;
  /** The thread's order links: their group label and the two orders. */
  sortComments: string;
  oldestFirst: string;
  newestFirst: string;
  /** "Comments, page {n} of {total}" */
  commentPageOf: string;
  /** Error messages by code; `{max}` in COMMENT_TOO_LONG. */
  errors: Record<CommentErrorCode, string>;
  /** Finer messages for COMMENT_INVALID. */
  invalid: { body: string; name: string; nameLong: string; emailRequired: string; email: string };
}

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
