/**
 * @module web/site/people-presenters
 * People in the news on the public site → view-models and schema.org data: the person page's
 * header, "People in this story", the search page's people and `/people/`. Pure functions; the
 * editors' note never reaches them.
 */
import type { MediaRow, PersonRow } from '../../db/schema.js';
import type { StoryPerson } from '../../modules/article/reading.service.js';
import { linksOf } from '../../modules/content/profile-fields.js';
import { personPath } from '../../modules/person/person.service.js';
import type { CategoryTree } from '../../modules/taxonomy/taxonomy.js';
import { stringsFor } from './i18n.js';
import { absolute, breadcrumbJsonLd, imageVM, layoutVM, linkLabel, paginationVM } from './presenters.js';
import type { SiteContext } from './site-context.js';
import type { PeopleIndexVM, PersonCardVM, PersonProfileVM } from './view-models.js';

/** The index of people: `/people/`. */
export const PEOPLE_PATH = '/people/';

/** Their links as stored, https only: the form accepts nothing else, and a row written another way shows no other. */
const httpsLinksOf = (p: PersonRow): string[] => linksOf(p).filter((url) => /^https:\/\/[^\s"<>]+$/i.test(url));

const photoOf = (p: PersonRow, media: ReadonlyMap<number, MediaRow>): MediaRow | undefined =>
  p.photo_media_id !== null ? media.get(p.photo_media_id) : undefined;

/**
 * A person in a list. The photo is decorative there (the name beside it says who it is), so its
 * alt text is empty unless `alt` asks for one.
 * @example personCardVM(row, media) // { name: 'Maria Lind', url: '/people/maria-lind/', description: 'Harbour master', photo }
 */
export function personCardVM(p: PersonRow, media: ReadonlyMap<number, MediaRow>, alt = ''): PersonCardVM {
  const photo = photoOf(p, media);
  return { name: p.name, url: personPath(p.slug), description: p.description, ...(photo ? { photo: imageVM(photo, alt) } : {}) };
}

/** The person page's header: the photo (its alt text, or "Photo of {name}") with its credit, and their links. */
export function personProfileVM(p: PersonRow, media: ReadonlyMap<number, MediaRow>, lang: string): PersonProfileVM {
  const photo = photoOf(p, media);
  return {
    ...personCardVM(p, media, photo?.alt || stringsFor(lang).format('photoOf', { name: p.name })),
    credit: photo?.credit ?? '',
    links: httpsLinksOf(p).map((url) => ({ url, label: linkLabel(url) })),
  };
}

/** schema.org Person of someone in the news: the person page's main entity, an article's `about` and `mentions`. */
export function storyPersonJsonLd(site: SiteContext, p: PersonRow, media: ReadonlyMap<number, MediaRow>): Record<string, unknown> {
  const photo = photoOf(p, media);
  const sameAs = httpsLinksOf(p);
  return {
    '@type': 'Person',
    name: p.name,
    url: absolute(site, personPath(p.slug)),
    ...(p.description ? { description: p.description } : {}),
    ...(photo ? { image: absolute(site, imageVM(photo).src) } : {}),
    ...(sameAs.length ? { sameAs } : {}),
  };
}

/** An article's `about` (the people it is about) and `mentions` (those it quotes). */
export function storyPeopleJsonLd(site: SiteContext, people: readonly StoryPerson[], media: ReadonlyMap<number, MediaRow>): Record<string, unknown> {
  const about = people.filter((x) => x.roles.includes('subject')).map((x) => storyPersonJsonLd(site, x.person, media));
  const mentions = people.filter((x) => x.roles.includes('quoted')).map((x) => storyPersonJsonLd(site, x.person, media));
  return { ...(about.length ? { about } : {}), ...(mentions.length ? { mentions } : {}) };
}

/** `/people/` and its later pages: everyone with a published article, alphabetically. */
export function peopleIndexPage(
  site: SiteContext,
  tree: CategoryTree,
  list: { rows: PersonRow[]; page: number; totalPages: number },
  media: ReadonlyMap<number, MediaRow>,
): PeopleIndexVM {
  const t = stringsFor(site.siteLanguage);
  const path = list.page > 1 ? `${PEOPLE_PATH}page/${list.page}/` : PEOPLE_PATH;
  const crumbs = [{ name: t.home, url: '/' }, { name: t.people }];
  return {
    layout: layoutVM(site, {
      title: `${t.people}${list.page > 1 ? ` – ${t.format('pageOf', { n: list.page, total: list.totalPages })}` : ''}`,
      description: t.peopleIntro,
      path,
      tree,
      jsonLd: [breadcrumbJsonLd(site, crumbs, path)],
    }),
    heading: t.people,
    description: t.peopleIntro,
    breadcrumb: crumbs,
    people: list.rows.map((p) => personCardVM(p, media)),
    pagination: paginationVM(PEOPLE_PATH, list.page, list.totalPages),
  };
}
