/**
 * Browser side of /admin/navigation (progressive enhancement; the screen works without it):
 * - the "Add a link" form shows only the field of the kind chosen;
 * - the links of a menu can be dragged into a new order, which is sent as the `order` step of
 *   the same form the buttons use (the up and down buttons stay, for the keyboard).
 * Bundled as /admin/assets/navigation.js. No inline scripts or styles: the strict CSP stays on.
 */
/// <reference lib="dom" />

function enhanceAddForm(form: HTMLFormElement): void {
  const groups = [...form.querySelectorAll<HTMLElement>('[data-kind]')];
  const show = () => {
    const kind = form.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value ?? 'category';
    for (const g of groups) g.hidden = g.dataset.kind !== kind;
  };
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'kind') show();
  });
  show();
}

function enhanceMenu(form: HTMLFormElement): void {
  const list = form.querySelector<HTMLOListElement>('.menu-items');
  const order = form.querySelector<HTMLInputElement>('[data-menu-order]');
  if (!list || !order) return;
  let dragged: HTMLLIElement | undefined;
  for (const li of list.querySelectorAll<HTMLLIElement>('li.menu-item')) {
    li.draggable = true;
    li.classList.add('is-draggable');
    li.addEventListener('dragstart', (e) => {
      dragged = li;
      li.classList.add('is-dragging');
      e.dataTransfer?.setData('text/plain', li.dataset.index ?? '');
    });
    li.addEventListener('dragend', () => {
      li.classList.remove('is-dragging');
      dragged = undefined;
    });
    li.addEventListener('dragover', (e) => {
      if (!dragged || dragged === li) return;
      e.preventDefault();
      const box = li.getBoundingClientRect();
      if (e.clientY > box.top + box.height / 2) li.after(dragged);
      else li.before(dragged);
    });
    li.addEventListener('drop', (e) => {
      e.preventDefault();
      const indexes = [...list.querySelectorAll<HTMLLIElement>('li.menu-item')].map((x) => x.dataset.index);
      order.value = indexes.join(',');
      const submit = document.createElement('button');
      submit.type = 'submit';
      submit.name = 'op';
      submit.value = 'order';
      submit.hidden = true;
      form.append(submit);
      // The label fields keep their names (label-N: the order before the move), so both apply.
      form.requestSubmit(submit);
    });
  }
}

for (const f of document.querySelectorAll<HTMLFormElement>('form[data-menu-add]')) enhanceAddForm(f);
for (const f of document.querySelectorAll<HTMLFormElement>('form[data-menu-editor]')) enhanceMenu(f);
