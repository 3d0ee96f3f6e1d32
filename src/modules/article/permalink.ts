/**
 * @module modules/article/permalink
 * Public paths of content. WordPress' "post name" structure (/{slug}/) so migrated links match.
 */
export const postPath = (slug: string): string => `/${encodeURIComponent(slug)}/`;
export const categoryPath = (segments: string[]): string => `/category/${segments.map(encodeURIComponent).join('/')}/`;
export const tagPath = (slug: string): string => `/tag/${encodeURIComponent(slug)}/`;
export const authorPath = (slug: string): string => `/author/${encodeURIComponent(slug)}/`;
/** `/page/2/` appended to a listing's base path; page 1 is the base itself. */
export const pagedPath = (base: string, page: number): string => (page <= 1 ? base : `${base}page/${page}/`);
