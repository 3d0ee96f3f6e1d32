/**
 * @module web/site/views/people
 * `/people/`: everyone the site has published articles about or quoting, alphabetically.
 */
import type { PeopleIndexVM } from '../view-models.js';
import { Breadcrumb, Pagination, PersonList } from './components.js';
import { renderDocument } from './layout.js';

/** The index of people. */
export function renderPeopleIndex(vm: PeopleIndexVM): string {
  const { t, lang } = vm.layout;
  return renderDocument({
    layout: vm.layout,
    class: 'page--archive page--people',
    children: (
      <div class="wrap archive">
        <Breadcrumb items={vm.breadcrumb} t={t} />
        <header class="archive__header">
          <div class="archive__intro">
            <h1 class="archive__heading">{vm.heading}</h1>
            <p class="archive__description">{vm.description}</p>
          </div>
        </header>
        {vm.people.length ? <PersonList people={vm.people} class="person-list--index" /> : <p class="archive__empty">{t.noPeople}</p>}
        <Pagination p={vm.pagination} t={t} lang={lang} labels={{ prev: t.previousPage, next: t.nextPage }} />
      </div>
    ),
  });
}
