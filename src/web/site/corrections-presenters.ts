/**
 * @module web/site/corrections-presenters
 * Corrections and update notes → view-models and schema.org data. Pure functions.
 */
import type { CorrectionRow } from '../../db/schema.js';
import type { PublicCorrection } from '../../modules/correction/correction.repository.js';
import { postPath } from '../../modules/article/permalink.js';
import type { ArticleBundle } from '../../modules/article/reading.service.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { stringsFor } from './i18n.js';
import { breadcrumbJsonLd, dateVM, layoutVM, paginationVM } from './presenters.js';
import type { SiteDates } from '../../modules/site/site.js';
import type { SiteContext } from './site-context.js';
import type { CorrectionVM, Layout, PaginationVM } from './view-models.js';

export function correctionVM(c: CorrectionRow, lang: string, dates: SiteDates): CorrectionVM {
  const t = stringsFor(lang);
  return {
    kind: c.kind,
    label: c.kind === 'correction' ? t.correction : t.update,
    date: dateVM(c.created_at, lang, dates, false),
    text: c.body,
    anchor: `correction-${c.id}`,
  };
}

/** NewsArticle's `correction`: one CorrectionComment per correction (update notes are not corrections). */
export function correctionJsonLd(b: ArticleBundle): { correction?: object[] } {
  const list = (b.corrections ?? []).filter((c) => c.kind === 'correction');
  if (list.length === 0) return {};
  return { correction: list.map((c) => ({ '@type': 'CorrectionComment', text: c.body, datePublished: c.created_at })) };
}

export interface CorrectionsPageVM {
  layout: Layout;
  heading: string;
  intro: string;
  breadcrumb: { name: string; url?: string }[];
  notes: (CorrectionVM & { article: { title: string; url: string; lang: string } })[];
  pagination: PaginationVM;
}

export const CORRECTIONS_PATH = '/corrections/';

export function correctionsPage(site: SiteContext, tree: CategoryTree, rows: PublicCorrection[], page: number, totalPages: number): CorrectionsPageVM {
  const lang = site.siteLanguage;
  const t = stringsFor(lang, site.siteLanguage);
  const path = page > 1 ? `${CORRECTIONS_PATH}page/${page}/` : CORRECTIONS_PATH;
  const crumbs = [{ name: t.home, url: '/' }, { name: t.correctionsTitle }];
  return {
    layout: layoutVM(site, {
      title: page > 1 ? `${t.correctionsTitle} (${page}/${totalPages})` : t.correctionsTitle,
      description: t.correctionsIntro,
      path,
      tree,
      jsonLd: [breadcrumbJsonLd(site, crumbs, path)],
    }),
    heading: t.correctionsTitle,
    intro: t.correctionsIntro,
    breadcrumb: crumbs,
    notes: rows.map((r) => ({
      ...correctionVM(r, lang, site.dates),
      article: { title: r.title, url: `${postPath(r.slug)}#correction-${r.id}`, lang: r.language },
    })),
    pagination: paginationVM(CORRECTIONS_PATH, page, totalPages),
  };
}
