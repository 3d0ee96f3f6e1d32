/**
 * @module web/site/views/components
 * Small building blocks shared by the public pages: pictures, times, bylines, breadcrumbs,
 * story cards, pagination and the search form. Pure functions of view-model pieces.
 */
import type { ComponentChildren } from 'preact';
import { baseLanguage, directionOf, fill, type Strings } from '../i18n.js';
import type { CardVM, DateVM, ImageVM, Link, PaginationVM, PersonCardVM } from '../view-models.js';

/** `sizes` hints for each place an image appears, matched to the grid in site.css. */
export const SIZES = {
  lead: '(min-width: 1100px) 680px, (min-width: 768px) 60vw, 100vw',
  card: '(min-width: 1100px) 300px, (min-width: 600px) 45vw, 112px',
  featured: '(min-width: 1100px) 1040px, 100vw',
  avatar: '40px',
  avatarLarge: '96px',
  /** A person's thumbnail in a list ("People in this story", search, /people/). */
  personThumb: '64px',
  /** A person page's photo: beside the name from 600 px, above it on phones. */
  personPhoto: '(min-width: 600px) 200px, 160px',
} as const;

interface PictureProps {
  image: ImageVM;
  sizes: string;
  /** The largest image above the fold: loaded eagerly with high priority. */
  priority?: boolean;
  class?: string;
}

/** `<picture>` with AVIF and WebP sources (when those derivatives exist) and a sized fallback `<img>`. */
export function Picture({ image, sizes, priority = false, class: cls }: PictureProps) {
  const hasSrcset = image.srcset !== '';
  return (
    <picture>
      {image.avifSrcset !== undefined && image.avifSrcset !== '' && <source type="image/avif" srcset={image.avifSrcset} sizes={sizes} />}
      {image.webpSrcset !== '' && <source type="image/webp" srcset={image.webpSrcset} sizes={sizes} />}
      <img
        class={cls}
        src={image.src}
        srcset={hasSrcset ? image.srcset : undefined}
        sizes={hasSrcset ? sizes : undefined}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={priority ? 'eager' : 'lazy'}
        fetchpriority={priority ? 'high' : undefined}
        decoding={priority ? undefined : 'async'}
      />
    </picture>
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the page language's digits (Persian pages show ۶, not 6); no grouping for years. */
export function formatNumber(n: number, lang: string, grouping = true): string {
  const key = `${lang}|${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(lang, { useGrouping: grouping });
    } catch {
      f = new Intl.NumberFormat('en', { useGrouping: grouping });
    }
    numberFormats.set(key, f);
  }
  return f.format(n);
}

const ARABIC_SCRIPT = new Set(['fa', 'ar', 'ur', 'ps', 'ckb', 'sd', 'ug']);

/** The list comma of the page language: "، " in Arabic-script languages. */
export const listComma = (lang: string): string => (ARABIC_SCRIPT.has(baseLanguage(lang)) ? '، ' : ', ');

/** "{n} min read" with the number in the page language's digits. */
export const minRead = (t: Strings, lang: string, n: number): string => fill(t.minRead, { n: formatNumber(n, lang) });

export function Time({ date, class: cls }: { date: DateVM; class?: string }) {
  return (
    <time class={cls} datetime={date.iso}>
      {date.label}
    </time>
  );
}

/** "A", "A and B", "A, B and C" as a list of nodes (links or plain names). */
export function joinNames(items: ComponentChildren[], and: string, lang: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? ` ${and} ` : listComma(lang));
    out.push(item);
  });
  return out;
}

/** Links to authors, for cards: "By A and B". */
export function AuthorLinks({ authors, t, lang }: { authors: Link[]; t: Strings; lang: string }) {
  if (authors.length === 0) return null;
  return (
    <span class="meta__authors">
      {t.by}{' '}
      {joinNames(
        authors.map((a) => <a href={a.url}>{a.name}</a>),
        t.and,
        lang,
      )}
    </span>
  );
}

/** Breadcrumb trail; separators come from CSS so screen readers do not read them. */
export function Breadcrumb({ items, t }: { items: { name: string; url?: string }[]; t: Strings }) {
  if (items.length === 0) return null;
  return (
    <nav class="breadcrumb" aria-label={t.breadcrumb}>
      <ol>
        {items.map((item, i) => (
          <li>
            {i === items.length - 1 ? (
              <span aria-current="page">{item.name}</span>
            ) : item.url !== undefined ? (
              <a href={item.url}>{item.name}</a>
            ) : (
              <span>{item.name}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

type HeadingLevel = 2 | 3;

interface CardProps {
  card: CardVM;
  t: Strings;
  /** The page language (UI strings and digits). */
  lang: string;
  /** Heading level of the title, so headings never skip a level in their context. */
  level: HeadingLevel;
  /** The lead story on the home page: large, eager image. */
  lead?: boolean;
}

/** A story in a list. The headline is the link; the whole card is clickable through it. */
export function Card({ card, t, lang, level, lead = false }: CardProps) {
  const H = level === 2 ? 'h2' : 'h3';
  const minutes = minRead(t, lang, card.readingMinutes);
  return (
    <article
      class={`card${lead ? ' card--lead' : ''}${card.image ? '' : ' card--noimage'}`}
      lang={card.lang}
      dir={card.lang !== undefined ? (card.dir ?? directionOf(card.lang)) : undefined}
    >
      {card.image && (
        <div class="card__media">
          <Picture image={card.image} sizes={lead ? SIZES.lead : SIZES.card} priority={lead} class="card__img" />
        </div>
      )}
      <div class="card__text">
        {card.category && (
          <a class="kicker card__kicker" href={card.category.url}>
            {card.category.name}
          </a>
        )}
        <H class="card__title">
          <a class="card__link" href={card.url}>
            {card.live && <span class="card__live">{t.live}</span>}
            {card.title}
          </a>
        </H>
        {card.excerpt !== '' && <p class="card__excerpt">{card.excerpt}</p>}
        <p class="meta card__meta">
          <AuthorLinks authors={card.authors} t={t} lang={lang} />
          <Time date={card.published} />
          <span>{minutes}</span>
          {card.comments > 0 && (
            <a class="card__comments" href={`${card.url}#comments`}>
              {fill(card.comments === 1 ? t.commentOne : t.comments, { n: formatNumber(card.comments, lang) })}
            </a>
          )}
        </p>
      </div>
    </article>
  );
}

/** A grid of cards; renders nothing for an empty list. */
export function CardGrid({ cards, t, lang, level }: { cards: CardVM[]; t: Strings; lang: string; level: HeadingLevel }) {
  if (cards.length === 0) return null;
  return (
    <div class="cards">
      {cards.map((card) => (
        <Card card={card} t={t} lang={lang} level={level} />
      ))}
    </div>
  );
}

/**
 * People as a list: thumbnail, name linked to their page, their role. The photo is decorative
 * (the name says who it is).
 */
export function PersonList({ people, class: cls }: { people: PersonCardVM[]; class?: string }) {
  if (people.length === 0) return null;
  return (
    <ul class={`person-list${cls ? ` ${cls}` : ''}`}>
      {people.map((p) => (
        <li class="person-card">
          {p.photo ? (
            <Picture image={{ ...p.photo, alt: '' }} sizes={SIZES.personThumb} class="person-card__photo" />
          ) : (
            <span class="person-card__photo person-card__photo--none" aria-hidden="true">
              {[...p.name][0]}
            </span>
          )}
          <span class="person-card__text">
            <a class="person-card__name" href={p.url}>
              <bdi>{p.name}</bdi>
            </a>
            {p.description !== '' && (
              <span class="person-card__role">
                <bdi>{p.description}</bdi>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Newer/older links and "Page n of total"; nothing when there is a single page. `labels`: for
 * lists that are not stories by date (people, alphabetically).
 */
export function Pagination({ p, t, lang, labels }: { p: PaginationVM; t: Strings; lang: string; labels?: { prev: string; next: string } }) {
  if (p.totalPages <= 1 && p.prevUrl === undefined && p.nextUrl === undefined) return null;
  return (
    <nav class="pagination" aria-label={t.pagination}>
      {p.prevUrl !== undefined ? (
        <a class="pagination__link pagination__link--prev" href={p.prevUrl} rel="prev">
          {labels?.prev ?? t.newer}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
      <p class="pagination__status">{fill(t.pageOf, { n: formatNumber(p.page, lang), total: formatNumber(p.totalPages, lang) })}</p>
      {p.nextUrl !== undefined ? (
        <a class="pagination__link pagination__link--next" href={p.nextUrl} rel="next">
          {labels?.next ?? t.older}
        </a>
      ) : (
        <span class="pagination__spacer" />
      )}
    </nav>
  );
}

interface SearchFormProps {
  t: Strings;
  /** Distinguishes the masthead form from one on a page (ids and landmark names stay unique). */
  id: string;
  label: string;
  class?: string;
}

/** GET /search?q= form; works without JavaScript. */
export function SearchForm({ t, id, label, class: cls }: SearchFormProps) {
  const inputId = `${id}-q`;
  return (
    <form class={`search${cls ? ` ${cls}` : ''}`} role="search" action="/search" method="get" aria-label={label}>
      <label class="search__label" for={inputId}>
        {t.searchLabel}
      </label>
      <input class="search__input" type="search" id={inputId} name="q" autocomplete="off" />
      <button class="search__button" type="submit">
        {t.search}
      </button>
    </form>
  );
}
