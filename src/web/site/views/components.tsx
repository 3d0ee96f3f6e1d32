/**
 * @module web/site/views/components
 * Small building blocks shared by the public pages: pictures, times, bylines, breadcrumbs,
 * story cards, pagination and the search form. Pure functions of view-model pieces.
 */
import type { ComponentChildren } from 'preact';
import { baseLanguage, directionOf, isArabicScript, type Strings } from '../i18n.js';
import type { CardVM, DateVM, ImageVM, Link, PaginationVM, PersonCardVM } from '../view-models.js';

/** `sizes` hints for each place an image appears, matched to the grid in site.css. */
export const SIZES = {
  /** The home and section lead: 7/12 of the wrap beside its text from 1100 px, half from 768 px, the column below. */
  lead: '(min-width: 1216px) 662px, (min-width: 1100px) calc((100vw - 80px) * .583), (min-width: 768px) calc((100vw - 72px) / 2), calc(100vw - 32px)',
  /** A card in the auto-filling grid (columns of at least 15rem, 1.5rem apart); 7rem beside the text on phones. */
  card: '(min-width: 1216px) 274px, (min-width: 1080px) calc((100vw - 120px) / 4), (min-width: 816px) calc((100vw - 96px) / 3), (min-width: 600px) calc((100vw - 64px) / 2), 112px',
  /** "You may also like": three columns from 900 px. */
  related: '(min-width: 1216px) 373px, (min-width: 900px) calc((100vw - 96px) / 3), (min-width: 600px) calc((100vw - 64px) / 2), 112px',
  /** The featured image: the wide column, 60rem at most. */
  featured: '(min-width: 1008px) 960px, (min-width: 768px) calc(100vw - 48px), calc(100vw - 32px)',
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
  /** Above the fold but not the largest paint (the masthead's logo): loaded eagerly, at normal priority. */
  eager?: boolean;
  class?: string;
}

/** `<picture>` with AVIF and WebP sources (when those derivatives exist) and a sized fallback `<img>`. */
export function Picture({ image, sizes, priority = false, eager = false, class: cls }: PictureProps) {
  const hasSrcset = image.srcset !== '';
  return (
    <picture>
      {image.avifSrcset !== undefined && image.avifSrcset !== '' && <source type="image/avif" srcset={image.avifSrcset} sizes={sizes} />}
      {image.webpSrcset !== '' && <source type="image/webp" srcset={image.webpSrcset} sizes={sizes} />}
      <img
        class={[cls, image.focus].filter(Boolean).join(' ') || undefined}
        src={image.src}
        srcset={hasSrcset ? image.srcset : undefined}
        sizes={hasSrcset ? sizes : undefined}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={priority || eager ? 'eager' : 'lazy'}
        fetchpriority={priority ? 'high' : undefined}
        decoding={priority || eager ? undefined : 'async'}
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

/** The list comma of the page language: "، " in Arabic-script languages. */
export const listComma = (lang: string): string => (isArabicScript(lang) ? '، ' : ', ');

/** "{n} min read" with the number in the page language's digits. */
export const minRead = (t: Strings, n: number): string => t.format('minRead', { n });

export function Time({ date, class: cls }: { date: DateVM; class?: string }) {
  return (
    <time class={cls} datetime={date.iso}>
      {date.label}
    </time>
  );
}

/** Languages whose "and" is a prefix of the next word (Arabic و, Hebrew ו): "A וB", not "A ו B". */
const PREFIXED_AND = new Set(['ar', 'he']);

/** "A", "A and B", "A, B and C" as a list of nodes (links or plain names). */
export function joinNames(items: ComponentChildren[], and: string, lang: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const last = PREFIXED_AND.has(baseLanguage(lang)) ? ` ${and}` : ` ${and} `;
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? last : listComma(lang));
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
        // A name may be in another script than the words around it: isolated, it keeps its own order.
        authors.map((a) => (
          <a href={a.url}>
            <bdi>{a.name}</bdi>
          </a>
        )),
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
  /** The first image of a page without a lead: loaded eagerly (it is the largest paint). */
  priority?: boolean;
  /** The image's `sizes` where the grid is not the usual one (SIZES.card). */
  sizes?: string;
}

/** The language and direction of a story's own text where it differs from the page's. */
export const ownText = (card: Pick<CardVM, 'lang' | 'dir'>) => (card.lang !== undefined ? { lang: card.lang, dir: card.dir ?? directionOf(card.lang) } : {});

/** A story in a list. The headline is the link; the whole card is clickable through it. */
export function Card({ card, t, lang, level, lead = false, priority = false, sizes }: CardProps) {
  const H = level === 2 ? 'h2' : 'h3';
  const minutes = minRead(t, card.readingMinutes);
  const own = ownText(card);
  // The card is in the page's language; the story's own headline, standfirst and image text in theirs.
  return (
    <article class={`card${lead ? ' card--lead' : ''}${card.image ? '' : ' card--noimage'}`}>
      {card.image && (
        <div class="card__media" lang={own.lang}>
          <Picture image={card.image} sizes={lead ? SIZES.lead : (sizes ?? SIZES.card)} priority={lead || priority} class="card__img" />
        </div>
      )}
      <div class="card__text">
        {card.category && (
          <a class="kicker card__kicker" href={card.category.url}>
            {card.category.name}
          </a>
        )}
        {card.note ? (
          // An aside or a status: its words, no headline.
          <p class="card__note" {...own}>
            <a class="card__link" href={card.url}>
              {card.excerpt || card.title}
            </a>
          </p>
        ) : (
          <>
            <H class="card__title" {...own}>
              <a class="card__link" href={card.url}>
                {card.live && (
                  <span class="card__live" lang={own.lang ? lang : undefined}>
                    {t.live}
                  </span>
                )}
                {card.title}
              </a>
            </H>
            {card.excerpt !== '' && (
              <p class="card__excerpt" {...own}>
                {card.excerpt}
              </p>
            )}
          </>
        )}
        <p class="meta card__meta">
          <AuthorLinks authors={card.authors} t={t} lang={lang} />
          <Time date={card.published} />
          <span>{minutes}</span>
          {card.comments > 0 && (
            <a class="card__comments" href={`${card.url}#comments`}>
              {t.format('comments', { n: card.comments })}
            </a>
          )}
        </p>
      </div>
    </article>
  );
}

/**
 * A grid of cards; renders nothing for an empty list. `eagerFirst`: the grid opens the page (no
 * lead above it), so its first image is loaded eagerly.
 */
export function CardGrid({
  cards,
  t,
  lang,
  level,
  eagerFirst = false,
  sizes,
}: {
  cards: CardVM[];
  t: Strings;
  lang: string;
  level: HeadingLevel;
  eagerFirst?: boolean;
  sizes?: string;
}) {
  if (cards.length === 0) return null;
  const first = eagerFirst ? cards.findIndex((c) => c.image) : -1;
  return (
    <div class="cards">
      {cards.map((card, i) => (
        <Card card={card} t={t} lang={lang} level={level} priority={i === first} {...(sizes ? { sizes } : {})} />
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
      <p class="pagination__status">{t.format('pageOf', { n: p.page, total: p.totalPages })}</p>
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
