/**
 * The editor's block menu: the `+` button in the toolbar, or `/` typed at the start of an empty
 * line (the words after it filter the list: "/gal"), offers the blocks an article is made of.
 * Arrow keys move through it, Enter inserts, Escape closes; the typed "/…" goes away on insert.
 */
/// <reference lib="dom" />
import type { Editor } from '@tiptap/core';
import { h, uid } from './dom.js';

export interface BlockChoice {
  label: string;
  /** A word or two more to find it by ("h2 title" for a heading). */
  keywords: string;
  run: () => void;
}

export interface BlockMenu {
  /** The editor's keys while the menu is open from a "/" (true when the menu took the key). */
  handleKey(event: KeyboardEvent): boolean;
  /** Opened from the toolbar's button: the focus goes into the menu. */
  openFrom(button: HTMLElement): void;
}

/** The words after a "/" that is all the empty paragraph at the cursor holds, or undefined. */
function slashQuery(editor: Editor): { query: string; from: number; to: number } | undefined {
  const { selection } = editor.state;
  if (!selection.empty) return undefined;
  const $from = selection.$from;
  if ($from.parent.type.name !== 'paragraph') return undefined;
  const text = $from.parent.textContent;
  if ($from.parentOffset !== text.length) return undefined;
  const m = /^\/([\p{L}\p{N} ]{0,24})$/u.exec(text);
  return m ? { query: m[1]!.trim().toLowerCase(), from: $from.start(), to: $from.pos } : undefined;
}

export function mountBlockMenu(editor: Editor, surface: HTMLElement, choices: BlockChoice[]): BlockMenu {
  const listId = uid('block-menu');
  const list = h('ul', { class: 'block-menu', id: listId, role: 'menu', 'aria-label': 'Insert a block', hidden: true });
  surface.append(list);
  let shown: { choice: BlockChoice; item: HTMLButtonElement }[] = [];
  let active = 0;
  let mode: 'slash' | 'button' | undefined;
  let opener: HTMLElement | undefined;
  // A "/" the person dismissed with Escape stays text until the line changes.
  let dismissed: string | undefined;

  const close = (): void => {
    list.hidden = true;
    mode = undefined;
    opener?.setAttribute('aria-expanded', 'false');
  };
  const paint = (query: string): void => {
    const hits = choices.filter((c) => `${c.label} ${c.keywords}`.toLowerCase().includes(query));
    shown = hits.map((choice) => {
      const item = h('button', { type: 'button', role: 'menuitem', class: 'block-menu__item', tabindex: '-1', text: choice.label });
      item.addEventListener('mousedown', (e) => e.preventDefault());
      item.addEventListener('click', () => choose(choice));
      return { choice, item };
    });
    list.replaceChildren(...shown.map((s) => h('li', { role: 'none' }, s.item)));
    if (shown.length === 0) list.append(h('li', { class: 'block-menu__none', role: 'none', text: 'No block by that name' }));
    active = Math.min(active, Math.max(0, shown.length - 1));
    mark();
  };
  const mark = (): void => {
    for (const [i, s] of shown.entries()) s.item.classList.toggle('is-active', i === active);
    if (mode === 'button') shown[active]?.item.focus();
  };
  const choose = (choice: BlockChoice): void => {
    const slash = mode === 'slash' ? slashQuery(editor) : undefined;
    close();
    if (slash) editor.chain().focus().deleteRange({ from: slash.from, to: slash.to }).run();
    else editor.commands.focus();
    choice.run();
  };
  const place = (x: number, y: number): void => {
    const box = surface.getBoundingClientRect();
    list.style.insetInlineStart = '';
    list.style.left = `${Math.max(0, Math.min(x - box.left, box.width - 240))}px`;
    list.style.top = `${y - box.top + 4}px`;
  };

  const follow = (): void => {
    const slash = slashQuery(editor);
    if (!slash || !editor.isFocused) {
      if (mode === 'slash') close();
      if (!slash) dismissed = undefined;
      return;
    }
    const key = `${slash.from}`;
    if (dismissed === key) return;
    if (mode !== 'slash') active = 0;
    mode = 'slash';
    paint(slash.query);
    list.hidden = false;
    const at = editor.view.coordsAtPos(slash.to);
    place(at.left, at.bottom);
  };
  editor.on('transaction', follow);
  document.addEventListener('mousedown', (e) => {
    const t = e.target as Node;
    if (mode === 'button' && !list.contains(t) && !opener?.contains(t)) close();
  });
  editor.on('blur', () => {
    if (mode === 'slash') close();
  });

  list.addEventListener('keydown', (e) => {
    if (mode !== 'button') return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + shown.length) % Math.max(1, shown.length);
      mark();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      const back = opener;
      close();
      back?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      active = e.key === 'Home' ? 0 : shown.length - 1;
      mark();
    }
  });

  return {
    handleKey(event: KeyboardEvent): boolean {
      if (mode !== 'slash' || list.hidden) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        active = (active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % Math.max(1, shown.length);
        mark();
        return true;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const hit = shown[active];
        if (!hit) return false;
        choose(hit.choice);
        return true;
      }
      if (event.key === 'Escape') {
        dismissed = `${slashQuery(editor)?.from ?? ''}`;
        close();
        return true;
      }
      return false;
    },
    openFrom(button: HTMLElement): void {
      if (mode === 'button') {
        close();
        button.focus();
        return;
      }
      opener = button;
      mode = 'button';
      active = 0;
      button.setAttribute('aria-expanded', 'true');
      button.setAttribute('aria-controls', listId);
      paint('');
      list.hidden = false;
      const r = button.getBoundingClientRect();
      place(r.left, r.bottom);
      mark();
    },
  };
}
