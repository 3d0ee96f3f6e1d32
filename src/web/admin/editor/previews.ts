/**
 * Under the SEO fields, kept current as the article is written: the search result (title and
 * description against the lengths search engines show before cutting) and the card a social
 * network draws from the page's OpenGraph data (featured image, title, description, site).
 * What they show is what the page will say: the SEO title or else the headline; the SEO
 * description, else the standfirst, else the body's first paragraph (web/site/pages).
 */
/// <reference lib="dom" />
import { h } from './dom.js';

/** About what a search result shows of a title and a description before it cuts them. */
export const TITLE_ROOM = 60;
export const DESCRIPTION_ROOM = 155;

const value = (form: HTMLFormElement, sel: string): string => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel)?.value.trim() ?? '';

/** A length against the room for it: "48 of about 60 characters", or how much is cut. */
function fits(n: number, room: number): { text: string; over: boolean } {
  if (n === 0) return { text: 'empty', over: true };
  return n <= room ? { text: `${n} of about ${room} characters`, over: false } : { text: `${n} characters: about ${n - room} will be cut`, over: true };
}

const cut = (s: string, room: number): string => (s.length <= room ? s : `${s.slice(0, room - 1).trimEnd()}…`);

export function mountPreviews(form: HTMLFormElement, firstParagraph: () => string): void {
  const anchor = form.querySelector('#seo-description')?.closest('.field');
  if (!anchor) return;
  const sTitle = h('p', { class: 'serp__title' });
  const sUrl = h('p', { class: 'serp__url' });
  const sDesc = h('p', { class: 'serp__desc' });
  const titleFit = h('li', {});
  const descFit = h('li', {});
  const cImage = h('div', { class: 'social-card__image' });
  const cSite = h('p', { class: 'social-card__site' });
  const cTitle = h('p', { class: 'social-card__title' });
  const cDesc = h('p', { class: 'social-card__desc' });
  const box = h(
    'section',
    { class: 'side-box previews', 'aria-labelledby': 'previews-title', 'data-previews': '' },
    h('h2', { class: 'side-box__title', id: 'previews-title', text: 'How it will look' }),
    h('h3', { class: 'previews__heading', text: 'In search results' }),
    h('div', { class: 'serp', 'data-serp': '' }, sUrl, sTitle, sDesc),
    h('ul', { class: 'previews__fits', 'aria-live': 'polite' }, titleFit, descFit),
    h('h3', { class: 'previews__heading', text: 'Shared on social networks' }),
    h('div', { class: 'social-card', 'data-social-card': '' }, cImage, h('div', { class: 'social-card__text' }, cSite, cTitle, cDesc)),
  );
  anchor.after(box);
  const paint = (): void => {
    const title = value(form, '#seo-title') || value(form, '#title');
    const description = value(form, '#seo-description') || value(form, '#excerpt') || firstParagraph();
    const slug = form.querySelector<HTMLElement>('[data-slug-preview]')?.textContent?.match(/\/[^\s]*\//)?.[0] ?? '/';
    sUrl.textContent = `${location.host}${slug}`;
    sTitle.textContent = cut(title, TITLE_ROOM) || 'A headline is needed';
    sDesc.textContent = cut(description, DESCRIPTION_ROOM);
    const t = fits(title.length, TITLE_ROOM);
    const d = fits(description.length, DESCRIPTION_ROOM);
    titleFit.textContent = `Title: ${t.text}`;
    descFit.textContent = `Description: ${d.text}`;
    titleFit.classList.toggle('previews__over', t.over);
    descFit.classList.toggle('previews__over', d.over);
    cSite.textContent = location.host.toUpperCase();
    cTitle.textContent = title;
    cDesc.textContent = cut(description, 200);
    const img = form.querySelector<HTMLImageElement>('.featured-field__preview img');
    const src = img?.getAttribute('src');
    if (src !== (cImage.firstElementChild as HTMLImageElement | null)?.getAttribute('src'))
      cImage.replaceChildren(
        src ? h('img', { src, alt: '' }) : h('span', { class: 'social-card__noimage', text: 'No featured image: the site’s share image is used' }),
      );
  };
  form.addEventListener('input', paint);
  form.addEventListener('editor-change', paint);
  // The featured image's thumbnail changes when one is chosen in the picker.
  const featured = form.querySelector('[data-media-featured]');
  if (featured) new MutationObserver(paint).observe(featured, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
  paint();
}
