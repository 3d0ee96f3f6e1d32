/**
 * @module web/site/views/search
 * /search: the query box with filters (a plain GET form), then results with highlighted snippets.
 */
import type { SearchVM, SnippetPart } from '../view-models.js';
import { AuthorLinks, formatNumber, minRead, ownText, Pagination, PersonList, Time } from './components.js';
import { renderDocument } from './layout.js';

function Snippet({ parts, own }: { parts: SnippetPart[]; own: ReturnType<typeof ownText> }) {
  if (parts.length === 0) return null;
  return (
    <p class="result__snippet" {...own}>
      {parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}
    </p>
  );
}

function Filters({ vm }: { vm: SearchVM }) {
  const { t } = vm.layout;
  const f = vm.filters;
  return (
    <form class="search-page__form" role="search" action="/search" method="get" aria-label={t.searchResults}>
      <div class="search-page__query">
        <label for="search-q">{t.searchLabel}</label>
        <div class="search">
          <input class="search__input" type="search" id="search-q" name="q" value={vm.query} maxLength={500} />
          <button class="search__button" type="submit">
            {t.search}
          </button>
        </div>
      </div>
      <fieldset class="search-page__filters">
        <legend>{t.filter}</legend>
        <label>
          <span>{t.category}</span>
          <select name="category">
            <option value="">{t.allSections}</option>
            {f.categories.map((c) => (
              <option value={c.value} selected={c.selected}>{`${'\u2003'.repeat(c.depth)}${c.name}`}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.author}</span>
          <select name="author">
            <option value="">{t.allAuthors}</option>
            {f.authors.map((a) => (
              <option value={a.value} selected={a.selected}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.language}</span>
          <select name="lang">
            <option value="">{t.allLanguages}</option>
            {f.languages.map((l) => (
              <option value={l.value} selected={l.selected} lang={l.value}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t.fromDate}</span>
          <input type="date" name="from" value={f.from} />
        </label>
        <label>
          <span>{t.toDate}</span>
          <input type="date" name="to" value={f.to} />
        </label>
      </fieldset>
      {f.tag && (
        <p class="search-page__chip">
          {t.tag}: <strong>{f.tag.name}</strong> <a href={f.tag.removeUrl}>{t.removeFilter}</a>
        </p>
      )}
    </form>
  );
}

/** People whose name matches, above the articles (page 1 only). */
function People({ vm }: { vm: SearchVM }) {
  if (vm.people.length === 0) return null;
  return (
    <section class="search-page__people" aria-labelledby="search-people-heading">
      <h2 class="search-page__people-heading" id="search-people-heading">
        {vm.layout.t.peopleFound}
      </h2>
      <PersonList people={vm.people} />
    </section>
  );
}

function Results({ vm }: { vm: SearchVM }) {
  const { t, lang } = vm.layout;
  if (!vm.query) return <p class="search-page__hint">{t.searchHint}</p>;
  if (!vm.searchable || vm.total === 0) {
    return (
      <>
        <p class="search-page__status" role="status">
          {t.noResults}
        </p>
        <p class="search-page__hint">{t.searchHint}</p>
      </>
    );
  }
  return (
    <>
      <p class="search-page__status" role="status">
        {t.format('resultsFor', { n: vm.total, count: `${formatNumber(vm.total, lang)}${vm.capped ? '+' : ''}`, q: vm.query })}
      </p>
      <ol class="results">
        {vm.results.map((r) => (
          <li class="result">
            {r.category && (
              <a class="kicker" href={r.category.url}>
                {r.category.name}
              </a>
            )}
            <h2 class="result__title" {...ownText(r)}>
              <a href={r.url}>{r.title}</a>
            </h2>
            <Snippet parts={r.snippet.length ? r.snippet : [{ text: r.excerpt, mark: false }]} own={ownText(r)} />
            <p class="meta result__meta">
              <AuthorLinks authors={r.authors} t={t} lang={lang} />
              <Time date={r.published} />
              <span>{minRead(t, r.readingMinutes)}</span>
            </p>
          </li>
        ))}
      </ol>
      <Pagination p={vm.pagination} t={t} lang={lang} />
    </>
  );
}

/** The search page. */
export function renderSearch(vm: SearchVM): string {
  const { t } = vm.layout;
  return renderDocument({
    layout: vm.layout,
    class: 'page--search',
    children: (
      <div class="wrap search-page">
        <h1 class="search-page__heading">{t.searchResults}</h1>
        <Filters vm={vm} />
        <People vm={vm} />
        <Results vm={vm} />
      </div>
    ),
  });
}
