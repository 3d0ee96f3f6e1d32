/**
 * @module web/site/views/corrections
 * Corrections and update notes: the list at the end of an article, and the /corrections/ page.
 * The notes are plain text: rendered as text, so escaped.
 */
import { directionOf } from '../i18n.js';
import type { CorrectionsPageVM } from '../corrections-presenters.js';
import type { CorrectionVM } from '../view-models.js';
import { Breadcrumb, listComma, Pagination, Time } from './components.js';
import { renderDocument } from './layout.js';

/** "Correction, 29 November 2026: …", oldest first, at the end of the article. */
export function Corrections({ notes, lang }: { notes: CorrectionVM[]; lang: string }) {
  if (notes.length === 0) return null;
  return (
    <aside
      class="corrections"
      aria-label={notes
        .map((n) => n.label)
        .filter((l, i, a) => a.indexOf(l) === i)
        .join(', ')}
    >
      {notes.map((n) => (
        <p class={`correction correction--${n.kind}`} id={n.anchor}>
          <strong class="correction__label">
            {n.label}
            {listComma(lang)}
            <Time date={n.date} />:
          </strong>{' '}
          {n.text}
        </p>
      ))}
    </aside>
  );
}

function CorrectionsList({ vm }: { vm: CorrectionsPageVM }) {
  const { t, lang } = vm.layout;
  return (
    <div class="wrap wrap--text corrections-page">
      <Breadcrumb items={vm.breadcrumb} t={t} />
      <h1 class="archive__heading">{vm.heading}</h1>
      <p class="archive__description">{vm.intro}</p>
      {vm.notes.length === 0 ? (
        <p>{t.noCorrections}</p>
      ) : (
        <ol class="corrections-list">
          {vm.notes.map((n) => (
            <li class={`correction correction--${n.kind}`}>
              <h2 class="corrections-list__title">
                <a
                  href={n.article.url}
                  lang={n.article.lang !== lang ? n.article.lang : undefined}
                  dir={n.article.lang !== lang ? directionOf(n.article.lang) : undefined}
                >
                  {n.article.title}
                </a>
              </h2>
              <p>
                <strong class="correction__label">
                  {n.label}
                  {listComma(lang)}
                  <Time date={n.date} />:
                </strong>{' '}
                {n.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination p={vm.pagination} t={t} lang={lang} />
    </div>
  );
}

export const renderCorrections = (vm: CorrectionsPageVM): string =>
  renderDocument({ layout: vm.layout, class: 'page--corrections', children: <CorrectionsList vm={vm} /> });
