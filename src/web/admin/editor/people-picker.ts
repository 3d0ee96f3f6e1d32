/**
 * The article form's people fields with JavaScript: under "About" and "Quoted" (one person a
 * line, which stays the field the form sends), a search box that looks people up at People as
 * the name is typed (/admin/people/lookup) and adds the one chosen as a line; a name nobody has
 * is added as typed (the save makes the person). Keyboard: arrows move in the list, Enter adds.
 */
/// <reference lib="dom" />

interface Hit {
  id: number;
  name: string;
  description: string;
}

let seq = 0;

function enhance(textarea: HTMLTextAreaElement): void {
  const field = textarea.closest('.field');
  if (!field) return;
  const n = ++seq;
  const wrap = document.createElement('div');
  wrap.className = 'people-picker';
  const label = document.createElement('label');
  label.className = 'visually-hidden';
  label.htmlFor = `people-search-${n}`;
  label.textContent = `Find a person to add to ${field.querySelector('label')?.textContent ?? 'the list'}`;
  const input = document.createElement('input');
  input.type = 'search';
  input.id = `people-search-${n}`;
  input.className = 'field__input people-picker__input';
  input.placeholder = 'Find a person at People…';
  input.autocomplete = 'off';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', `people-results-${n}`);
  input.setAttribute('aria-autocomplete', 'list');
  const list = document.createElement('ul');
  list.id = `people-results-${n}`;
  list.className = 'people-picker__results';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  wrap.append(label, input, list);
  field.append(wrap);

  let hits: Hit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const lines = () =>
    textarea.value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const add = (line: string) => {
    if (!lines().some((l) => l.toLowerCase() === line.toLowerCase())) textarea.value = [...lines(), line].join('\n');
    input.value = '';
    close();
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
  };
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const show = () => {
    list.replaceChildren(
      ...hits.map((h, i) => {
        const li = document.createElement('li');
        li.id = `people-results-${n}-${i}`;
        li.setAttribute('role', 'option');
        li.className = `people-picker__option${i === active ? ' is-active' : ''}`;
        li.setAttribute('aria-selected', i === active ? 'true' : 'false');
        li.textContent = h.description ? `${h.name}, ${h.description}` : h.name;
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => add(h.name));
        return li;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', hits.length ? 'true' : 'false');
    if (active >= 0) input.setAttribute('aria-activedescendant', `people-results-${n}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      hits = [];
      close();
      return;
    }
    timer = setTimeout(async () => {
      try {
        const res = await fetch(`/admin/people/lookup?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
        hits = res.ok ? ((await res.json()) as Hit[]) : [];
      } catch {
        hits = [];
      }
      active = -1;
      if (input.value.trim() === q) show();
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      show();
    } else if (e.key === 'Enter') {
      // Enter adds the person and never submits the article form.
      e.preventDefault();
      const chosen = active >= 0 ? hits[active] : undefined;
      if (chosen) add(chosen.name);
      else if (input.value.trim()) add(input.value.trim());
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

export function mountPeoplePickers(root: ParentNode = document): void {
  root.querySelectorAll<HTMLTextAreaElement>('[data-people-fields] textarea').forEach(enhance);
}
