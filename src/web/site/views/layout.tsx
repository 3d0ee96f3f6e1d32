/**
 * @module web/site/views/layout
 * The document shell every public page shares: <head> metadata (SEO, OpenGraph, Twitter,
 * JSON-LD), the masthead with search and section navigation, and the footer.
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Layout as LayoutVM } from '../view-models.js';
import { directionOf } from '../i18n.js';
import { formatNumber, Picture, SearchForm } from './components.js';

/** Serialises JSON-LD so it can never close its <script> element or break out of it. */
export const jsonLdText = (data: object): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** OpenGraph wants language_TERRITORY; a bare language gets its most common territory. */
const OG_LOCALES: Record<string, string> = {
  en: 'en_US',
  fa: 'fa_IR',
  sq: 'sq_AL',
  ar: 'ar_AR',
  de: 'de_DE',
  fr: 'fr_FR',
  es: 'es_ES',
  he: 'he_IL',
  tr: 'tr_TR',
  ur: 'ur_PK',
};
export const ogLocale = (lang: string): string => {
  const [base = lang, region] = lang.split(/[-_]/);
  return region ? `${base.toLowerCase()}_${region.toUpperCase()}` : (OG_LOCALES[base.toLowerCase()] ?? base.toLowerCase());
};

export const THEME_COLOR = '#ffffff';

function Head({ layout }: { layout: LayoutVM }) {
  const { og } = layout;
  const image = og.image;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{layout.title}</title>
      <meta name="description" content={layout.description} />
      {layout.noindex && <meta name="robots" content="noindex" />}
      <link rel="canonical" href={layout.canonical} />
      {layout.alternates.map((alt) => (
        <link rel="alternate" hreflang={alt.hreflang} href={alt.href} />
      ))}
      {layout.feeds.map((f) => (
        <link rel="alternate" type={f.type} title={f.title} href={f.href} />
      ))}
      <meta name="theme-color" content={THEME_COLOR} />
      {layout.brand.favicon ? (
        <link rel="icon" href={layout.brand.favicon.href} type={layout.brand.favicon.type} />
      ) : (
        <link rel="icon" href={layout.assets.favicon} type="image/svg+xml" />
      )}
      {layout.stylesheets.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      {layout.preloadFont && <link rel="preload" href={layout.preloadFont} as="font" type="font/woff2" crossorigin="anonymous" />}
      <meta property="og:type" content={og.type} />
      <meta property="og:title" content={layout.title} />
      <meta property="og:description" content={layout.description} />
      <meta property="og:url" content={layout.canonical} />
      <meta property="og:site_name" content={layout.siteName} />
      <meta property="og:locale" content={ogLocale(layout.lang)} />
      {layout.alternates
        .filter((alt) => alt.hreflang !== 'x-default' && alt.hreflang !== layout.lang)
        .map((alt) => (
          <meta property="og:locale:alternate" content={ogLocale(alt.hreflang)} />
        ))}
      {image && <meta property="og:image" content={image.url} />}
      {image && <meta property="og:image:width" content={String(image.width)} />}
      {image && <meta property="og:image:height" content={String(image.height)} />}
      {image && <meta property="og:image:alt" content={image.alt} />}
      {og.publishedTime !== undefined && <meta property="article:published_time" content={og.publishedTime} />}
      {og.modifiedTime !== undefined && <meta property="article:modified_time" content={og.modifiedTime} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={layout.title} />
      <meta name="twitter:description" content={layout.description} />
      {image && <meta name="twitter:image" content={image.url} />}
      {image && <meta name="twitter:image:alt" content={image.alt} />}
      {layout.jsonLd.map((data) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
      ))}
    </head>
  );
}

/** The nameplate's own language and direction when it is not the page's (see Layout.siteNameLang). */
const nameLang = (layout: LayoutVM): { lang?: string; dir?: 'ltr' | 'rtl' } =>
  layout.siteNameLang ? { lang: layout.siteNameLang, dir: directionOf(layout.siteNameLang) } : {};

function Masthead({ layout, isHome }: { layout: LayoutVM; isHome: boolean }) {
  const { t } = layout;
  const Title = isHome ? 'h1' : 'p';
  return (
    <header class="masthead">
      <div class="masthead__top wrap">
        <Title class="masthead__title">
          <a href="/" rel="home" {...nameLang(layout)}>
            {layout.brand.logo ? <Picture image={layout.brand.logo.picture} sizes={layout.brand.logo.sizes} eager class="masthead__logo" /> : layout.siteName}
          </a>
        </Title>
        <SearchForm t={t} id="masthead-search" label={t.search} class="search--masthead" />
        {/* On phones the search box folds into an icon: a disclosure, so it opens without a script. */}
        <details class="masthead__find">
          <summary class="masthead__find-toggle">
            {/* A magnifier drawn by site.css (no inline SVG: article pages carry none of their own). */}
            <span class="masthead__find-icon" aria-hidden="true" />
            <span class="sr-only">{t.search}</span>
          </summary>
          <SearchForm t={t} id="masthead-find" label={t.search} class="search--drawer" />
        </details>
      </div>
      {layout.nav.length > 0 && (
        <nav class="mainnav" aria-label={t.mainNav}>
          <ul class="mainnav__list wrap">
            {layout.nav.map((item) => {
              const current = (url: string) => (url === layout.currentNav ? 'page' : undefined);
              if (!item.children?.length) {
                return (
                  <li>
                    <a href={item.url} aria-current={current(item.url)}>
                      {item.name}
                    </a>
                  </li>
                );
              }
              // A dropdown that needs no script: <details> opens with a click, a tap, Enter or Space.
              const inside = item.url === layout.currentNav || item.children.some((c) => c.url === layout.currentNav);
              return (
                <li class="mainnav__group">
                  <details class="mainnav__details">
                    <summary class={inside ? 'mainnav__summary is-current' : 'mainnav__summary'}>{item.name}</summary>
                    <ul class="mainnav__sub">
                      <li>
                        <a href={item.url} aria-current={current(item.url)}>
                          {item.name}
                        </a>
                      </li>
                      {item.children.map((c) => (
                        <li>
                          <a href={c.url} aria-current={current(c.url)}>
                            {c.name}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </header>
  );
}

function Footer({ layout }: { layout: LayoutVM }) {
  const { t } = layout;
  return (
    <footer class="footer">
      <div class="wrap footer__inner">
        <p class="footer__name">
          <a href="/" {...nameLang(layout)}>
            {layout.siteName}
          </a>
        </p>
        <ul class="footer__links">
          {layout.footerNav ? (
            layout.footerNav.map((item) => (
              <li>
                <a href={item.url}>{item.name}</a>
              </li>
            ))
          ) : (
            <>
              {layout.nav.map((item) => (
                <li>
                  <a href={item.url}>{item.name}</a>
                </li>
              ))}
              <li>
                <a href="/about/">{t.footerAbout}</a>
              </li>
              <li>
                <a href="/corrections/">{t.correctionsTitle}</a>
              </li>
            </>
          )}
        </ul>
        <p class="footer__copy">{layout.brand.footerLine ?? `© ${formatNumber(layout.year, layout.lang, false)} ${layout.siteName}. ${t.allRightsReserved}`}</p>
      </div>
    </footer>
  );
}

interface PageProps {
  layout: LayoutVM;
  /** The home page carries the site name as its <h1>. */
  isHome?: boolean;
  /** Extra class on <main>, e.g. "page--article". */
  class?: string;
  children: ComponentChildren;
}

function Page({ layout, isHome = false, class: cls, children }: PageProps) {
  return (
    <html lang={layout.lang} dir={layout.dir}>
      <Head layout={layout} />
      <body>
        <a class="skip" href="#main">
          {layout.t.skipToContent}
        </a>
        <Masthead layout={layout} isHome={isHome} />
        {layout.banner && (
          <section class="breaking" aria-label={layout.t.breaking}>
            <p class="breaking__inner wrap">
              <strong class="breaking__label">{layout.t.breaking}</strong>{' '}
              {layout.banner.url ? (
                <a class="breaking__text" href={layout.banner.url} dir="auto">
                  {layout.banner.text}
                </a>
              ) : (
                <span class="breaking__text" dir="auto">
                  {layout.banner.text}
                </span>
              )}
            </p>
          </section>
        )}
        <main id="main" class={`main${cls ? ` ${cls}` : ''}`}>
          {children}
        </main>
        <Footer layout={layout} />
      </body>
    </html>
  );
}

/** Renders a complete HTML document. */
export function renderDocument(props: PageProps): string {
  return `<!doctype html>${renderToString(<Page {...props} />)}`;
}
