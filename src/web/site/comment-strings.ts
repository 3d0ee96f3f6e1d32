/**
 * @module web/site/comment-strings
 * The comment form's labels and the messages readers see about their comments, per language
 * (the article's). Kept apart from i18n.ts because only the comments use them; same fallbacks.
 */
import type { CommentErrorCode } from '../../modules/comment/comment.js';
import { baseLanguage } from './i18n.js';

export interface CommentStrings {
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
  /** "Comments, page {n} of {total}" */
  commentPageOf: string;
  /** Error messages by code; `{max}` in COMMENT_TOO_LONG. */
  errors: Record<CommentErrorCode, string>;
  /** Finer messages for COMMENT_INVALID. */
  invalid: { body: string; name: string; nameLong: string; emailRequired: string; email: string };
}

const en: CommentStrings = {
  yourComment: 'Leave a comment',
  replyTo: 'Reply to {name}',
  cancelReply: 'Cancel reply',
  name: 'Name',
  email: 'Email',
  optional: '(optional)',
  neverShown: 'never shown',
  comment: 'Comment',
  help: '*emphasis*, [links](https://example.com), > quotes and `code` work; HTML does not.',
  leaveEmpty: 'Leave this empty',
  notify: 'Email me when someone replies',
  submit: 'Post comment',
  reply: 'Reply',
  replyToSr: ' to {name}',
  held: 'Your comment is awaiting moderation.',
  staff: 'Staff',
  author: 'Author',
  olderComments: 'Older comments',
  newerComments: 'Newer comments',
  commentPages: 'Comment pages',
  commentPageOf: 'Comments, page {n} of {total}',
  errors: {
    COMMENT_INVALID: 'Please check the comment form.',
    COMMENT_TOO_LONG: 'Comments can be at most {max} characters long.',
    COMMENT_INVALID_UTF8: 'The comment is not valid UTF-8 text.',
    COMMENTS_CLOSED: 'Comments are closed for this article.',
    COMMENT_POST_NOT_FOUND: 'There is no such article.',
    COMMENT_PARENT_NOT_FOUND: 'The comment you are replying to is not there any more.',
    COMMENT_FORM_INVALID: 'This form has expired or did not come from this site. Reload the article and try again.',
    COMMENT_ORIGIN: 'This form did not come from this site, so the comment was not posted.',
    COMMENT_NOT_FOUND: 'There is no such comment.',
  },
  invalid: {
    body: 'Please write a comment.',
    name: 'Please give a name.',
    nameLong: 'Names can be at most 100 characters, without control characters.',
    emailRequired: 'Please give an email address (it is never shown).',
    email: 'That email address does not look right.',
  },
};

const fa: CommentStrings = {
  yourComment: 'دیدگاهی بنویسید',
  replyTo: 'پاسخ به {name}',
  cancelReply: 'لغو پاسخ',
  name: 'نام',
  email: 'ایمیل',
  optional: '(اختیاری)',
  neverShown: 'هرگز نمایش داده نمی‌شود',
  comment: 'دیدگاه',
  help: '*تأکید*، [پیوند](https://example.com)، > نقل‌قول و `کد` کار می‌کنند؛ HTML نه.',
  leaveEmpty: 'این را خالی بگذارید',
  notify: 'وقتی کسی پاسخ داد به من ایمیل بزن',
  submit: 'ارسال دیدگاه',
  reply: 'پاسخ',
  replyToSr: ' به {name}',
  held: 'دیدگاه شما در انتظار بررسی است.',
  staff: 'تحریریه',
  author: 'نویسنده',
  olderComments: 'دیدگاه‌های قدیمی‌تر',
  newerComments: 'دیدگاه‌های جدیدتر',
  commentPages: 'صفحه‌های دیدگاه',
  commentPageOf: 'دیدگاه‌ها، صفحهٔ {n} از {total}',
  errors: {
    COMMENT_INVALID: 'لطفاً فرم دیدگاه را بررسی کنید.',
    COMMENT_TOO_LONG: 'دیدگاه حداکثر می‌تواند {max} نویسه باشد.',
    COMMENT_INVALID_UTF8: 'متن دیدگاه UTF-8 معتبر نیست.',
    COMMENTS_CLOSED: 'دیدگاه‌ها برای این مطلب بسته است.',
    COMMENT_POST_NOT_FOUND: 'چنین مطلبی وجود ندارد.',
    COMMENT_PARENT_NOT_FOUND: 'دیدگاهی که به آن پاسخ می‌دهید دیگر وجود ندارد.',
    COMMENT_FORM_INVALID: 'این فرم منقضی شده یا از این سایت نیامده است. مطلب را دوباره بارگذاری کنید و دوباره تلاش کنید.',
    COMMENT_ORIGIN: 'این فرم از این سایت نیامده است، پس دیدگاه ارسال نشد.',
    COMMENT_NOT_FOUND: 'چنین دیدگاهی وجود ندارد.',
  },
  invalid: {
    body: 'لطفاً دیدگاهی بنویسید.',
    name: 'لطفاً نامی وارد کنید.',
    nameLong: 'نام حداکثر ۱۰۰ نویسه و بدون نویسه‌های کنترلی است.',
    emailRequired: 'لطفاً نشانی ایمیل وارد کنید (هرگز نمایش داده نمی‌شود).',
    email: 'این نشانی ایمیل درست به نظر نمی‌رسد.',
  },
};

const sq: CommentStrings = {
  yourComment: 'Lini një koment',
  replyTo: 'Përgjigju {name}',
  cancelReply: 'Anulo përgjigjen',
  name: 'Emri',
  email: 'Email',
  optional: '(opsional)',
  neverShown: 'nuk shfaqet kurrë',
  comment: 'Komenti',
  help: '*theksim*, [lidhje](https://example.com), > citime dhe `kod` funksionojnë; HTML jo.',
  leaveEmpty: 'Lëreni bosh',
  notify: 'Më njoftoni me email kur dikush përgjigjet',
  submit: 'Dërgo komentin',
  reply: 'Përgjigju',
  replyToSr: ' {name}',
  held: 'Komenti juaj pret miratimin.',
  staff: 'Redaksia',
  author: 'Autori',
  olderComments: 'Komentet më të vjetra',
  newerComments: 'Komentet më të reja',
  commentPages: 'Faqet e komenteve',
  commentPageOf: 'Komentet, faqja {n} nga {total}',
  errors: {
    COMMENT_INVALID: 'Ju lutemi kontrolloni formularin e komentit.',
    COMMENT_TOO_LONG: 'Komentet mund të kenë të shumtën {max} shkronja.',
    COMMENT_INVALID_UTF8: 'Komenti nuk është tekst i vlefshëm UTF-8.',
    COMMENTS_CLOSED: 'Komentet janë mbyllur për këtë artikull.',
    COMMENT_POST_NOT_FOUND: 'Ky artikull nuk ekziston.',
    COMMENT_PARENT_NOT_FOUND: 'Komenti të cilit po i përgjigjeni nuk është më aty.',
    COMMENT_FORM_INVALID: 'Ky formular ka skaduar ose nuk erdhi nga kjo faqe. Ringarkoni artikullin dhe provoni përsëri.',
    COMMENT_ORIGIN: 'Ky formular nuk erdhi nga kjo faqe, prandaj komenti nuk u dërgua.',
    COMMENT_NOT_FOUND: 'Ky koment nuk ekziston.',
  },
  invalid: {
    body: 'Ju lutemi shkruani një koment.',
    name: 'Ju lutemi jepni një emër.',
    nameLong: 'Emri mund të ketë të shumtën 100 shkronja, pa shenja kontrolli.',
    emailRequired: 'Ju lutemi jepni një adresë emaili (nuk shfaqet kurrë).',
    email: 'Kjo adresë emaili nuk duket e saktë.',
  },
};

const table: Record<string, CommentStrings> = { en, fa, sq };

export const commentStringsFor = (lang: string): CommentStrings => table[baseLanguage(lang)] ?? en;

/** A comment error's message in the article's language (the module's English is the fallback). */
export function commentErrorMessage(lang: string, code: CommentErrorCode, detail: string | undefined, values: Record<string, string | number>): string {
  const s = commentStringsFor(lang);
  const fine = detail !== undefined ? (s.invalid as Record<string, string>)[detail] : undefined;
  return (fine ?? s.errors[code]).replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
