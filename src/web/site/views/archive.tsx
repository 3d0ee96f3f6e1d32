/**
 * @module web/site/views/archive
 * Category, tag and author archives: a header describing the collection, then its stories.
 */
import type { Strings } from '../i18n.js';
import type { ArchiveVM, AuthorProfileVM, PersonProfileVM } from '../view-models.js';
import { Breadcrumb, Card, CardGrid, Pagination, Picture, SIZES } from './components.js';
import { renderDocument } from './layout.js';

function AuthorProfile({ author, t }: { author: AuthorProfileVM; t: Strings }) {
  return (
    <>
      {author.roleTitle !== '' && <p class="archive__role">{author.roleTitle}</p>}
      {author.bio.length > 0 && (
        <div class="archive__bio" dir="auto">
          {author.bio.map((p) => (
            <p>{p}</p>
          ))}
        </div>
      )}
      {(author.email !== undefined || author.links.length > 0) && (
        <dl class="profile-contact">
          {author.email !== undefined && (
            <>
              <dt>{t.authorEmail}</dt>
              <dd>
                <a href={`mailto:${author.email}`} dir="ltr">
                  {author.email}
                </a>
              </dd>
            </>
          )}
          {author.links.length > 0 && (
            <>
              <dt>{t.authorLinks}</dt>
              <dd>
                <ul class="profile-links">
                  {author.links.map((l) => (
                    <li>
                      <a href={l.url} rel="me noopener" dir="ltr">
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
    </>
  );
}

/**
 * A person page's header: the photo with its credit beside the name (above it on phones), their
 * role and their links elsewhere (plain links: these are not our pages, so not rel=me).
 */
function PersonHeader({ person, t }: { person: PersonProfileVM; t: Strings }) {
  return (
    <header class="archive__header person-header">
      {person.photo && (
        <figure class="person-header__photo">
          <Picture image={person.photo} sizes={SIZES.personPhoto} priority class="person-header__img" />
          {person.credit !== '' && (
            <figcaption class="figure__credit" dir="auto">
              {person.credit}
            </figcaption>
          )}
        </figure>
      )}
      <div class="archive__intro">
        <p class="kicker archive__kind">{t.person}</p>
        {/* A name in another script (a Persian name on an English site) keeps its own direction, not the line's place. */}
        <h1 class="archive__heading">
          <bdi>{person.name}</bdi>
        </h1>
        {person.description !== '' && (
          <p class="archive__description person-header__role">
            <bdi>{person.description}</bdi>
          </p>
        )}
        {person.links.length > 0 && (
          <dl class="profile-contact">
            <dt>{t.authorLinks}</dt>
            <dd>
              <ul class="profile-links">
                {person.links.map((l) => (
                  <li>
                    <a href={l.url} rel="noopener" dir="ltr">
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        )}
      </div>
    </header>
  );
}

function ArchiveHeader({ vm }: { vm: ArchiveVM }) {
  if (vm.person) return <PersonHeader person={vm.person} t={vm.layout.t} />;
  const { t } = vm.layout;
  const kind = { category: t.category, tag: t.tag, author: t.author, person: t.person, date: t.archive }[vm.kind];
  const author = vm.kind === 'author' ? vm.author : undefined;
  return (
    <header class={`archive__header${author ? ' archive__header--author' : ''}`}>
      {author?.avatar && <Picture image={author.avatar} sizes={SIZES.avatarLarge} priority class="avatar avatar--large" />}
      <div class="archive__intro">
        <p class="kicker archive__kind">{kind}</p>
        <h1 class="archive__heading">{vm.heading}</h1>
        {author && !vm.heading.includes(author.name) && <p class="archive__name">{author.name}</p>}
        {author && <AuthorProfile author={author} t={t} />}
        {/* On author pages the bio already says what the description would. */}
        {vm.description !== '' && !author?.bio.length && <p class="archive__description">{vm.description}</p>}
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
      {vm.person && <h2 class="section-heading archive__list-heading">{vm.person.listHeading}</h2>}
      {vm.empty !== undefined && vm.stories.length === 0 && <p class="archive__empty">{vm.empty}</p>}
      {vm.lead && (
        <div class="lead lead--section">
          <Card card={vm.lead} t={t} lang={lang} level={2} lead />
        </div>
      )}
      <CardGrid cards={vm.stories} t={t} lang={lang} level={vm.person ? 3 : 2} eagerFirst={!vm.lead} />
      <Pagination p={vm.pagination} t={t} lang={lang} />
    </div>
  );
}

/** A category, tag, author or person archive page. */
export function renderArchive(vm: ArchiveVM): string {
  return renderDocument({ layout: vm.layout, class: `page--archive page--${vm.kind}`, children: <Archive vm={vm} /> });
}
