/**
 * Browser side of the article form's tag field (bundled with editor.ts): as a tag is typed (the
 * part after the last comma), existing tags that contain it are listed under the field
 * (GET /admin/tags/suggest); a name that matches none is marked as a new tag, to be created on
 * save. Arrow keys move through the list, Enter or a click takes a name, Escape closes it. Without
 * JavaScript the field is the plain comma-separated list it always was.
 */
/// <reference lib="dom" />

export function mountTagSuggest(input: HTMLInputElement): void {
  const list = document.createElement('ul');
  list.className = 'tag-suggest';
  list.id = `${input.id}-suggestions`;
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';
  let active = -1;
  let asked = 0;

  const segment = (): string => input.value.split(',').at(-1)?.trim() ?? '';
  const close = (): void => {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const take = (name: string): void => {
    const parts = input.value.split(',');
    parts[parts.length - 1] = ` ${name}`;
    input.value = `${parts.join(',').replace(/^\s+/, '')}, `;
    close();
    input.focus();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const highlight = (i: number): void => {
    const items = [...list.children] as HTMLElement[];
    if (!items.length) return;
    active = (i + items.length) % items.length;
    for (const [k, el] of items.entries()) el.setAttribute('aria-selected', k === active ? 'true' : 'false');
    input.setAttribute('aria-activedescendant', items[active]!.id);
  };
  const show = (typed: string, names: string[]): void => {
    list.replaceChildren();
    const chosen = new Set(
      input.value
        .split(',')
        .slice(0, -1)
        .map((s) => s.trim().toLowerCase()),
    );
    const options = names.filter((n) => !chosen.has(n.toLowerCase())).map((n) => ({ name: n, isNew: false }));
    if (!names.some((n) => n.toLowerCase() === typed.toLowerCase())) options.push({ name: typed, isNew: true });
    options.forEach((o, k) => {
      const li = document.createElement('li');
      li.id = `${list.id}-${k}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.name = o.name;
      li.textContent = o.name;
      if (o.isNew) {
        li.classList.add('tag-suggest__new');
        const mark = document.createElement('span');
        mark.className = 'tag-suggest__mark';
        mark.textContent = ' (new tag)';
        li.append(mark);
      }
      // mousedown, not click: it comes before the field's blur closes the list.
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        take(o.name);
      });
      list.append(li);
    });
    list.hidden = options.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    active = -1;
  };

  input.addEventListener('input', () => {
    const typed = segment();
    if (!typed) return close();
    const mine = ++asked;
    fetch(`/admin/tags/suggest?q=${encodeURIComponent(typed.slice(0, 100))}`, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<{ names?: string[] }>) : { names: [] }))
      .then((data) => {
        if (mine === asked && segment() === typed) show(typed, data.names ?? []);
      })
      .catch(() => close());
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      take((list.children[active] as HTMLElement).dataset.name ?? '');
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', close);
}
