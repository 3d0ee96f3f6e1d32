/**
 * @module web/site/i18n
 * UI strings per language and the language facts pages need (direction, date formatting).
 */
import { formatDate as formatLibDate, type DateFormat } from '../../lib/dates.js';

export interface Strings {
  home: string;
  skipToContent: string;
  /** The breaking-news banner's label. */
  breaking: string;
  mainNav: string;
  breadcrumb: string;
  by: string;
  and: string;
  published: string;
  updated: string;
  /** "{n} min read" */
  minRead: string;
  tags: string;
  youMayAlsoLike: string;
  /** The comments section's heading, above the count and the thread. */
  commentsHeading: string;
  commentsClosed: string;
  /** "{n} comments" */
  comments: string;
  /** "1 comment" */
  commentOne: string;
  newer: string;
  older: string;
  /** "Page {n} of {total}" */
  pageOf: string;
  pagination: string;
  latest: string;
  /** Heading of the home page's first stories when editors pinned some. */
  topStories: string;
  /** A section block's link to the whole section: "More in {name}". */
  moreIn: string;
  sections: string;
  notFoundTitle: string;
  notFoundMessage: string;
  badRequestTitle: string;
  search: string;
  searchLabel: string;
  readIn: string;
  footerAbout: string;
  allRightsReserved: string;
  articlesBy: string;
  /** The alt text of an author's photo when the image has none: "Photo of {name}". */
  photoOf: string;
  /** Author pages: the label of the public email and of the links elsewhere. */
  authorEmail: string;
  authorLinks: string;
  category: string;
  tag: string;
  author: string;
  /** People pages (/people/): the kicker, the index's title, a person page's list and links. */
  person: string;
  people: string;
  /** The heading of a person's articles: "Articles about or quoting {name}". */
  articlesAboutOrQuoting: string;
  /** A person page with no published article yet. */
  noArticlesYet: string;
  /** The index's description. */
  peopleIntro: string;
  /** The list after an article's body. */
  peopleInStory: string;
  /** A live page's label while it runs ("Live"), on the page and on its cards. */
  live: string;
  /** "Live coverage ended {date}" */
  liveEnded: string;
  keyEvents: string;
  /** The label of one entry that is a key event. */
  keyEvent: string;
  latestUpdates: string;
  /** "Updated", before the time of a live page's newest entry. */
  liveUpdated: string;
  /** The link to one entry, to share it. */
  entryLink: string;
  olderEntries: string;
  newerEntries: string;
  /** Read to screen readers when entries arrive: "{n} new entries". */
  newEntries: string;
  newEntry: string;
  /** "Entries, page {n}" (later pages of a live page). */
  entriesPage: string;
  /** The search page's people results. */
  peopleFound: string;
  /** /people/ before anyone is in it. */
  noPeople: string;
  /** Pagination of lists that are not by date (/people/). */
  previousPage: string;
  nextPage: string;
  /** Search page */
  searchResults: string;
  /** "{n} results for “{q}”" */
  resultsFor: string;
  noResults: string;
  searchHint: string;
  allSections: string;
  allAuthors: string;
  allLanguages: string;
  language: string;
  fromDate: string;
  toDate: string;
  filter: string;
  removeFilter: string;
  /** Notes at the end of an article and the /corrections/ page. */
  correction: string;
  update: string;
  correctionsTitle: string;
  correctionsIntro: string;
  noCorrections: string;
}

const en: Strings = {
  home: 'Home',
  skipToContent: 'Skip to content',
  breaking: 'Breaking',
  mainNav: 'Sections',
  breadcrumb: 'Breadcrumb',
  by: 'By',
  and: 'and',
  published: 'Published',
  updated: 'Updated',
  minRead: '{n} min read',
  tags: 'Tags',
  youMayAlsoLike: 'You may also like',
  commentsHeading: 'Comments',
  commentsClosed: 'Comments are closed for this article.',
  comments: '{n} comments',
  commentOne: '{n} comment',
  newer: 'Newer stories',
  older: 'Older stories',
  pageOf: 'Page {n} of {total}',
  pagination: 'Pagination',
  latest: 'Latest news',
  topStories: 'Top stories',
  moreIn: 'More in {name}',
  sections: 'Sections',
  notFoundTitle: 'Page not found',
  notFoundMessage: 'We could not find the page you asked for. It may have moved, or the address may be mistyped.',
  badRequestTitle: 'Bad request',
  search: 'Search',
  searchLabel: 'Search articles',
  readIn: 'Read in',
  footerAbout: 'About us',
  allRightsReserved: 'All rights reserved.',
  articlesBy: 'Articles by {name}',
  photoOf: 'Photo of {name}',
  authorEmail: 'Email',
  authorLinks: 'Elsewhere',
  category: 'Section',
  tag: 'Topic',
  author: 'Author',
  person: 'Person',
  people: 'People',
  articlesAboutOrQuoting: 'Articles about or quoting {name}',
  noArticlesYet: 'No articles yet.',
  peopleIntro: 'The people in our stories: those they are about and those they quote.',
  peopleInStory: 'People in this story',
  live: 'Live',
  liveEnded: 'Live coverage ended {date}',
  keyEvents: 'Key events',
  keyEvent: 'Key event',
  latestUpdates: 'Latest updates',
  liveUpdated: 'Updated',
  entryLink: 'Link to this update',
  olderEntries: 'Older updates',
  newerEntries: 'Newer updates',
  newEntries: '{n} new updates',
  newEntry: '1 new update',
  entriesPage: 'Updates, page {n}',
  peopleFound: 'People',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  noPeople: 'No one yet: people appear here once an article about or quoting them is published.',
  searchResults: 'Search results',
  resultsFor: '{n} results for “{q}”',
  noResults: 'No articles match your search. Try fewer or different words.',
  searchHint: 'Type a word or two. Use "quotes" for a phrase and an asterisk for word beginnings, like climat*.',
  allSections: 'All sections',
  allAuthors: 'All authors',
  allLanguages: 'All languages',
  language: 'Language',
  fromDate: 'From',
  toDate: 'To',
  filter: 'Filter',
  removeFilter: 'Remove filter',
  correction: 'Correction',
  update: 'Update',
  correctionsTitle: 'Corrections and updates',
  correctionsIntro: 'Where we got something wrong, or a story changed after we published it, we say so here and at the end of the article.',
  noCorrections: 'No corrections or updates yet.',
};

const fa: Strings = {
  home: 'خانه',
  skipToContent: 'رفتن به محتوا',
  breaking: 'خبر فوری',
  mainNav: 'بخش‌ها',
  breadcrumb: 'مسیر راهنما',
  by: 'نوشته‌ی',
  and: 'و',
  published: 'منتشر شده',
  updated: 'به‌روزرسانی',
  minRead: '{n} دقیقه مطالعه',
  tags: 'برچسب‌ها',
  youMayAlsoLike: 'شاید این‌ها را هم بپسندید',
  commentsHeading: 'دیدگاه‌ها',
  commentsClosed: 'دیدگاه‌ها برای این مطلب بسته است.',
  comments: '{n} دیدگاه',
  commentOne: '{n} دیدگاه',
  newer: 'مطالب جدیدتر',
  older: 'مطالب قدیمی‌تر',
  pageOf: 'صفحه‌ی {n} از {total}',
  pagination: 'صفحه‌بندی',
  latest: 'تازه‌ترین خبرها',
  topStories: 'خبرهای مهم',
  moreIn: 'بیشتر در {name}',
  sections: 'بخش‌ها',
  notFoundTitle: 'صفحه پیدا نشد',
  notFoundMessage: 'صفحه‌ای که خواستید پیدا نشد. شاید جابه‌جا شده یا نشانی اشتباه است.',
  badRequestTitle: 'درخواست نادرست',
  search: 'جست‌وجو',
  searchLabel: 'جست‌وجوی مطالب',
  readIn: 'خواندن به',
  footerAbout: 'درباره‌ی ما',
  allRightsReserved: 'همه‌ی حقوق محفوظ است.',
  articlesBy: 'مطالب {name}',
  photoOf: 'عکس {name}',
  authorEmail: 'ایمیل',
  authorLinks: 'پیوندها',
  category: 'بخش',
  tag: 'موضوع',
  author: 'نویسنده',
  person: 'شخص',
  people: 'افراد',
  articlesAboutOrQuoting: 'مطالبی درباره‌ی {name} یا به نقل از او',
  noArticlesYet: 'هنوز مطلبی منتشر نشده است.',
  peopleIntro: 'افرادی که در گزارش‌های ما آمده‌اند: کسانی که گزارش درباره‌ی آن‌هاست و کسانی که از آن‌ها نقل شده است.',
  peopleInStory: 'افراد این گزارش',
  live: 'زنده',
  liveEnded: 'پوشش زنده در {date} پایان یافت',
  keyEvents: 'رویدادهای مهم',
  keyEvent: 'رویداد مهم',
  latestUpdates: 'تازه‌ترین به‌روزرسانی‌ها',
  liveUpdated: 'به‌روزشده',
  entryLink: 'پیوند این به‌روزرسانی',
  olderEntries: 'به‌روزرسانی‌های قدیمی‌تر',
  newerEntries: 'به‌روزرسانی‌های تازه‌تر',
  newEntries: '{n} به‌روزرسانی تازه',
  newEntry: '۱ به‌روزرسانی تازه',
  entriesPage: 'به‌روزرسانی‌ها، صفحهٔ {n}',
  peopleFound: 'افراد',
  previousPage: 'صفحه‌ی قبل',
  nextPage: 'صفحه‌ی بعد',
  noPeople: 'هنوز کسی نیست: افراد پس از انتشار مطلبی درباره‌ی آن‌ها یا به نقل از آن‌ها اینجا می‌آیند.',
  searchResults: 'نتایج جست‌وجو',
  resultsFor: '{n} نتیجه برای «{q}»',
  noResults: 'هیچ مطلبی با جست‌وجوی شما جور نیست. واژه‌های کمتر یا دیگری را امتحان کنید.',
  searchHint: 'یکی دو واژه بنویسید. برای عبارت از "گیومه" استفاده کنید.',
  allSections: 'همه‌ی بخش‌ها',
  allAuthors: 'همه‌ی نویسندگان',
  allLanguages: 'همه‌ی زبان‌ها',
  language: 'زبان',
  fromDate: 'از',
  toDate: 'تا',
  filter: 'پالایش',
  removeFilter: 'حذف پالایه',
  correction: 'اصلاحیه',
  update: 'به‌روزرسانی',
  correctionsTitle: 'اصلاحیه‌ها و به‌روزرسانی‌ها',
  correctionsIntro: 'هر جا اشتباه کرده‌ایم یا خبری پس از انتشار تغییر کرده، اینجا و در پایان همان مطلب می‌گوییم.',
  noCorrections: 'هنوز اصلاحیه یا به‌روزرسانی‌ای نیست.',
};

const sq: Strings = {
  home: 'Kreu',
  skipToContent: 'Kalo te përmbajtja',
  breaking: 'E fundit',
  mainNav: 'Rubrikat',
  breadcrumb: 'Gjurma',
  by: 'Nga',
  and: 'dhe',
  published: 'Publikuar',
  updated: 'Përditësuar',
  minRead: '{n} min lexim',
  tags: 'Etiketa',
  youMayAlsoLike: 'Mund t’ju pëlqejë edhe',
  commentsHeading: 'Komente',
  commentsClosed: 'Komentet janë mbyllur për këtë artikull.',
  comments: '{n} komente',
  commentOne: '{n} koment',
  newer: 'Artikuj më të rinj',
  older: 'Artikuj më të vjetër',
  pageOf: 'Faqja {n} nga {total}',
  pagination: 'Faqosja',
  latest: 'Lajmet e fundit',
  topStories: 'Lajmet kryesore',
  moreIn: 'Më shumë në {name}',
  sections: 'Rubrikat',
  notFoundTitle: 'Faqja nuk u gjet',
  notFoundMessage: 'Nuk e gjetëm faqen që kërkuat. Mund të jetë zhvendosur ose adresa mund të jetë e gabuar.',
  badRequestTitle: 'Kërkesë e pavlefshme',
  search: 'Kërko',
  searchLabel: 'Kërko artikuj',
  readIn: 'Lexo në',
  footerAbout: 'Rreth nesh',
  allRightsReserved: 'Të gjitha të drejtat të rezervuara.',
  articlesBy: 'Artikuj nga {name}',
  photoOf: 'Foto e {name}',
  authorEmail: 'Email',
  authorLinks: 'Lidhje',
  category: 'Rubrika',
  tag: 'Tema',
  author: 'Autori',
  person: 'Person',
  people: 'Njerëz',
  articlesAboutOrQuoting: 'Artikuj për {name} ose që e citojnë',
  noArticlesYet: 'Ende nuk ka artikuj.',
  peopleIntro: 'Njerëzit në artikujt tanë: ata për të cilët shkruajmë dhe ata që citojmë.',
  peopleInStory: 'Njerëz në këtë artikull',
  live: 'Drejtpërdrejt',
  liveEnded: 'Mbulimi i drejtpërdrejtë përfundoi më {date}',
  keyEvents: 'Ngjarjet kryesore',
  keyEvent: 'Ngjarje kryesore',
  latestUpdates: 'Përditësimet e fundit',
  liveUpdated: 'Përditësuar',
  entryLink: 'Lidhja e këtij përditësimi',
  olderEntries: 'Përditësime më të vjetra',
  newerEntries: 'Përditësime më të reja',
  newEntries: '{n} përditësime të reja',
  newEntry: '1 përditësim i ri',
  entriesPage: 'Përditësimet, faqja {n}',
  peopleFound: 'Njerëz',
  previousPage: 'Faqja e mëparshme',
  nextPage: 'Faqja tjetër',
  noPeople: 'Ende askush: njerëzit shfaqen këtu sapo botohet një artikull për ta ose që i citon.',
  searchResults: 'Rezultatet e kërkimit',
  resultsFor: '{n} rezultate për “{q}”',
  noResults: 'Asnjë artikull nuk përputhet me kërkimin. Provoni më pak fjalë ose fjalë të tjera.',
  searchHint: 'Shkruani një ose dy fjalë. Përdorni "thonjëza" për një frazë.',
  allSections: 'Të gjitha rubrikat',
  allAuthors: 'Të gjithë autorët',
  allLanguages: 'Të gjitha gjuhët',
  language: 'Gjuha',
  fromDate: 'Nga',
  toDate: 'Deri',
  filter: 'Filtro',
  removeFilter: 'Hiq filtrin',
  correction: 'Korrigjim',
  update: 'Përditësim',
  correctionsTitle: 'Korrigjime dhe përditësime',
  correctionsIntro: 'Kur kemi gabuar, ose kur një lajm ka ndryshuar pas botimit, e themi këtu dhe në fund të artikullit.',
  noCorrections: 'Ende asnjë korrigjim ose përditësim.',
};

const table: Record<string, Strings> = { en, fa, sq };

/** The languages the reader pages are translated into (a site language must be one of them). */
export const UI_LANGUAGES: readonly string[] = Object.keys(table);

const RTL = new Set(['fa', 'ar', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);

/** Base language subtag: "fa-IR" → "fa". */
export const baseLanguage = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0] ?? 'en';

export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL.has(baseLanguage(lang)) ? 'rtl' : 'ltr');

export const stringsFor = (lang: string): Strings => table[baseLanguage(lang)] ?? en;

/** Replaces `{key}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

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
