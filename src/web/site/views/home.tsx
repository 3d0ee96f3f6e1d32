/**
 * @module web/site/views/home
 * The front page: the lead story (page 1 only), then the latest stories and pagination.
 */
import type { HomeVM } from '../view-models.js';
import { Card, CardGrid, Pagination } from './components.js';
import { renderDocument } from './layout.js';

function Home({ vm }: { vm: HomeVM }) {
  const { t, lang } = vm.layout;
  return (
    <>
      {vm.lead && (
        <div class="wrap lead">
          <Card card={vm.lead} t={t} lang={lang} level={2} lead />
        </div>
      )}
      {vm.stories.length > 0 && (
        <section class="wrap stories" aria-labelledby="latest-heading">
          <h2 class="section-heading" id="latest-heading">
            {vm.pinned ? t.topStories : t.latest}
          </h2>
          <CardGrid cards={vm.stories} t={t} lang={lang} level={3} eagerFirst={!vm.lead} />
        </section>
      )}
      {vm.blocks.map((b, i) => (
        <section class="wrap stories stories--block" aria-labelledby={`block-heading-${i}`}>
          <h2 class="section-heading" id={`block-heading-${i}`}>
            <a href={b.section.url}>{b.section.name}</a>
          </h2>
          <CardGrid cards={b.stories} t={t} lang={lang} level={3} />
          <p class="stories__more">
            <a href={b.section.url}>{t.format('moreIn', { name: b.section.name })}</a>
          </p>
        </section>
      ))}
      <div class="wrap">
        <Pagination p={vm.pagination} t={t} lang={lang} />
      </div>
    </>
  );
}

/** The home page and its /page/N/ continuations. */
export function renderHome(vm: HomeVM): string {
  return renderDocument({ layout: vm.layout, isHome: true, class: 'page--home', children: <Home vm={vm} /> });
}
