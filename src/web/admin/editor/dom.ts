/**
 * Small DOM builders shared by the admin's scripts (the media picker, the editor's blocks and
 * menus): an element with its attributes and children, and ids unique on the page.
 */
/// <reference lib="dom" />

export type Child = Node | string | null | undefined | false;

/** An element; `text` sets its text, `false` or `undefined` leaves an attribute out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

let seq = 0;
/** An id no other element of the page has ("media-picker-title-3"). */
export const uid = (p: string): string => `${p}-${++seq}`;

/** The page's CSRF token (the form's hidden field). */
export const csrfToken = (): string => document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
