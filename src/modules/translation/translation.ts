/**
 * @module modules/translation/translation
 * The rule for a translated article's hreflang alternates, the same in pages and sitemaps.
 */

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * The versions of one article plus `x-default` (what a reader whose language none of them is gets
 * sent to): the version in the site's language, else the first listed. One version alone has no
 * alternates at all.
 */
export function withXDefault(versions: readonly Alternate[], siteLanguage: string): Alternate[] {
  const own = versions.filter((v) => v.hreflang !== 'x-default');
  if (own.length < 2) return [];
  const base = (l: string) => l.toLowerCase().split(/[-_]/)[0];
  const fallback = own.find((v) => v.hreflang === siteLanguage) ?? own.find((v) => base(v.hreflang) === base(siteLanguage)) ?? own[0]!;
  return [...own, { hreflang: 'x-default', href: fallback.href }];
}
