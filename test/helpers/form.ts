/**
 * @module test/helpers/form
 * The fields a browser without JavaScript submits from a form on a page: what a test posts when
 * it means "the user pressed the button and changed nothing" (or changed one field). Parsed with
 * htmlparser2, so entities in values and textareas are decoded as a browser decodes them. Also the
 * quick reads of one hidden value (`fieldValue`, `csrfOf`) as the markup carries it.
 */
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export type FormFields = Record<string, string | string[]>;

function walk(node: { children?: unknown[] }, visit: (el: Element) => void): void {
  for (const child of (node.children ?? []) as Element[]) {
    if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
      visit(child);
      walk(child, visit);
    }
  }
}

const textOf = (el: Element): string =>
  (el.children as unknown as { type: string; data?: string; children?: unknown[] }[])
    .map((c) => (c.type === 'text' ? (c.data ?? '') : textOf(c as unknown as Element)))
    .join('');

/**
 * The successful controls of the first form whose action ends with `action` (or the first form):
 * inputs (checked boxes only, no buttons), textareas (a leading newline dropped, as HTML says),
 * selects (the selected option, else the first). `button` adds a submit button's name and value.
 */
export function formFields(html: string, action?: string, button?: { name: string; value: string }): FormFields {
  const dom = parseDocument(html, { decodeEntities: true });
  let form: Element | undefined;
  walk(dom, (el) => {
    if (!form && el.name === 'form' && (action === undefined || (el.attribs.action ?? '').endsWith(action))) form = el;
  });
  if (!form) throw new Error(`no form${action ? ` with action …${action}` : ''} on the page`);
  const out: FormFields = {};
  const add = (name: string, value: string): void => {
    const had = out[name];
    out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  };
  walk(form, (el) => {
    const name = el.attribs.name;
    if (!name || el.attribs.disabled !== undefined) return;
    if (el.name === 'input') {
      const type = (el.attribs.type ?? 'text').toLowerCase();
      if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset' || type === 'file') return;
      if ((type === 'checkbox' || type === 'radio') && el.attribs.checked === undefined) return;
      add(name, el.attribs.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''));
    } else if (el.name === 'textarea') {
      add(name, textOf(el).replace(/^\r?\n/, ''));
    } else if (el.name === 'select') {
      const options: Element[] = [];
      walk(el, (o) => {
        if (o.name === 'option') options.push(o);
      });
      const chosen = options.find((o) => o.attribs.selected !== undefined) ?? options[0];
      if (chosen) add(name, chosen.attribs.value ?? textOf(chosen));
    }
  });
  if (button) add(button.name, button.value);
  return out;
}

/** The raw `value` of the first control named `name` anywhere on the page (as written, entities not decoded). */
export const fieldValue = (html: string, name: string): string | undefined => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** The hidden `_csrf` value of the first form on a page that has one. */
export function csrfOf(html: string): string {
  const token = fieldValue(html, '_csrf');
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}
