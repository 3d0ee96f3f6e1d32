/**
 * @module web/site/views/archive
 * Category, tag and author archives: a header describing the collection, then its stories.
 */
import type { ArchiveVM } from '../view-models.js';
import { Breadcrumb, CardGrid, Pagination, Picture, SIZES } from './components.js';
import { renderDocument } from './layout.js';

function ArchiveHeader({ vm }: { vm: ArchiveVM }) {
  const { t } = vm.layout;
  const kind = vm.kind === 'category' ? t.category : vm.kind === 'tag' ? t.tag : t.author;
  const author = vm.kind === 'author' ? vm.author : undefined;
  return (
    <header class={`archive__header${author ? ' archive__header--author' : ''}`}>
      {author?.avatar && <Picture image={{ ...author.avatar, alt: '' }} sizes={SIZES.avatarLarge} priority class="avatar avatar--large" />}
      <div class="archive__intro">
        <p class="kicker archive__kind">{kind}</p>
        <h1 class="archive__heading">{vm.heading}</h1>
        {author && !vm.heading.includes(author.name) && <p class="archive__name">{author.name}</p>}
        {author && author.roleTitle !== '' && <p class="archive__role">{author.roleTitle}</p>}
        {author && author.bio !== '' && <p class="archive__bio">{author.bio}</p>}
        {/* On author pages the bio already says what the description would. */}
        {vm.description !== '' && !author?.bio && <p class="archive__description">{vm.description}</p>}
        {vm.subcategories.length > 0 && (
          <ul class="subcategories">
            {vm.subcategories.map((c) => (
              <li>
                <a href={c.url}>{c.name}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </header>
  );
}

function Archive({ vm }: { vm: ArchiveVM }) {
  const { t, lang } = vm.layout;
  return (
    <div class="wrap archive">
      <Breadcrumb items={vm.breadcrumb} t={t} />
      <ArchiveHeader vm={vm} />
      <CardGrid cards={vm.stories} t={t} lang={lang} level={2} />
      <Pagination p={vm.pagination} t={t} lang={lang} />
    </div>
  );
}

/** A category, tag or author archive page. */
export function renderArchive(vm: ArchiveVM): string {
  return renderDocument({ layout: vm.layout, class: `page--archive page--${vm.kind}`, children: <Archive vm={vm} /> });
}
