/**
 * @module web/admin/navigation/navigation.view
 * /admin/navigation: one menu at a time (primary or footer, in a language), its links in order
 * with buttons to move, nest and remove them (forms: no script needed; with one, rows can be
 * dragged), their labels editable in place, and a form to add a link.
 */
import { CsrfField, ErrorSummary, SelectField, TextField } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';
import type { MenuRowVM, NavigationVM } from './navigation.view-models.js';

const FIELDS: Record<string, string> = {
  menu: 'menu-items',
  kind: 'link-kind-category',
  category: 'link-category',
  tag: 'link-tag',
  page: 'link-page',
  author: 'link-author',
  url: 'link-url',
  label: 'link-label',
};

function OpButton({ row, op, label, text }: { row: MenuRowVM; op: string; label: string; text: string }) {
  return (
    <button
      class="button button--small button--secondary"
      type="submit"
      name="op"
      value={`${op}:${row.index}`}
      aria-label={`${label}: ${row.label || row.target}`}
      title={label}
    >
      {text}
    </button>
  );
}

function Rows({ vm }: { vm: NavigationVM }) {
  const { errors, values } = vm.form;
  if (!vm.rows.length) {
    return <p id={FIELDS.menu}>No links yet. {vm.fallback}</p>;
  }
  return (
    <form class="menu-editor" method="post" action="/admin/navigation/edit" data-menu-editor>
      <CsrfField token={vm.csrf} />
      <input type="hidden" name="location" value={vm.location} />
      <input type="hidden" name="language" value={vm.language} />
      <input type="hidden" name="version" value={vm.version} />
      <input type="hidden" name="order" value="" data-menu-order />
      {/* The first submit button is the one Enter in a label field presses. */}
      <p class="menu-editor__actions">
        <button class="button" type="submit" name="op" value="labels">
          Save labels
        </button>
      </p>
      <ol class="menu-items" id={FIELDS.menu}>
        {vm.rows.map((row) => {
          const id = `label-${row.index}`;
          return (
            <li class={`menu-item${row.depth ? ' menu-item--nested' : ''}${row.missing ? ' menu-item--missing' : ''}`} data-index={row.index}>
              <div class="menu-item__what">
                <span class="menu-item__number">
                  {row.depth ? '↳ ' : ''}
                  {row.index + 1}.
                </span>{' '}
                <span class="menu-item__target" id={`${id}-target`}>
                  {row.target}
                  {row.missing && <strong> (not shown: it no longer exists or is not published)</strong>}
                </span>
              </div>
              <div class="menu-item__field">
                <label class="menu-item__label" for={id}>
                  Label of link {row.index + 1}
                </label>
                <input
                  class="field__input"
                  type="text"
                  id={id}
                  name={id}
                  value={values[id] ?? row.label}
                  maxLength={80}
                  dir="auto"
                  placeholder={row.label ? undefined : 'Its own name'}
                  aria-describedby={`${id}-target`}
                  aria-invalid={errors[id] ? 'true' : undefined}
                />
                {errors[id] && <span class="field__error">{errors[id]}</span>}
              </div>
              <div class="menu-item__ops">
                {row.canUp && <OpButton row={row} op="up" label="Move up" text="↑" />}
                {row.canDown && <OpButton row={row} op="down" label="Move down" text="↓" />}
                {row.canIn && <OpButton row={row} op="in" label="Nest under the link above" text="→" />}
                {row.canOut && <OpButton row={row} op="out" label="Move to the top level" text="←" />}
                <OpButton row={row} op="remove" label="Remove" text="✕" />
              </div>
            </li>
          );
        })}
      </ol>
      <p class="menu-editor__actions">
        <button class="button button--secondary" type="submit" name="op" value="clear">
          Delete this menu
        </button>
      </p>
    </form>
  );
}

function Navigation({ vm }: { vm: NavigationVM }) {
  const { values, errors } = vm.form;
  const kind = values.kind || 'category';
  const kinds: { value: string; label: string }[] = [
    { value: 'category', label: 'A section' },
    { value: 'tag', label: 'A tag' },
    { value: 'page', label: 'A page' },
    { value: 'author', label: 'An author' },
    { value: 'url', label: 'Any address' },
  ];
  return (
    <>
      <nav class="menu-switch" aria-label="Menus">
        <ul>
          {vm.menus.map((m) => (
            <li>
              <a href={m.url} aria-current={m.current ? 'page' : undefined} class={m.exists ? undefined : 'is-empty'}>
                {m.label}
              </a>
            </li>
          ))}
        </ul>
        <form method="get" action="/admin/navigation" class="menu-switch__language">
          <input type="hidden" name="menu" value={vm.location} />
          <SelectField id="menu-language" name="language" label="Language of the menu" options={vm.languages} value={vm.language} />
          <button class="button button--secondary" type="submit">
            Show
          </button>
        </form>
      </nav>
      <ErrorSummary errors={errors} fields={FIELDS} />
      <section class="panel" aria-labelledby="menu-title">
        <h2 id="menu-title">
          {vm.location === 'primary' ? 'Primary menu' : 'Footer menu'}: {vm.languageLabel}
        </h2>
        <p class="hint">
          {vm.location === 'primary'
            ? 'Shown under the masthead of every page. A link nested under another opens from it as a dropdown (one level).'
            : 'Shown in the footer of every page, in one row.'}
        </p>
        <Rows vm={vm} />
      </section>
      <section class="panel" aria-labelledby="add-title">
        <h2 id="add-title">Add a link</h2>
        <form class="form" method="post" action="/admin/navigation/add" novalidate data-menu-add>
          <CsrfField token={vm.csrf} />
          <input type="hidden" name="location" value={vm.location} />
          <input type="hidden" name="language" value={vm.language} />
          <input type="hidden" name="version" value={vm.version} />
          <fieldset class="fieldset">
            <legend class="fieldset__legend">Link to</legend>
            <div class="choices">
              {kinds.map((k) => (
                <label class="choice">
                  <input type="radio" name="kind" value={k.value} id={`link-kind-${k.value}`} checked={k.value === kind} />
                  {k.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div data-kind="category">
            <SelectField
              id={FIELDS.category!}
              name="category"
              label="Section"
              options={vm.choices.categories}
              value={values.category}
              error={errors.category}
            />
          </div>
          <div data-kind="tag">
            <TextField
              id={FIELDS.tag!}
              name="tag"
              label="Tag (its name or slug)"
              required={false}
              value={values.tag ?? ''}
              error={errors.tag}
              maxLength={200}
              dir="auto"
            />
          </div>
          <div data-kind="page">
            {vm.choices.pages.length ? (
              <SelectField id={FIELDS.page!} name="page" label="Page" options={vm.choices.pages} value={values.page} error={errors.page} />
            ) : (
              <p id={FIELDS.page}>No page is published yet.</p>
            )}
          </div>
          <div data-kind="author">
            <SelectField id={FIELDS.author!} name="author" label="Author" options={vm.choices.authors} value={values.author} error={errors.author} />
          </div>
          <div data-kind="url">
            <TextField
              id={FIELDS.url!}
              name="url"
              label="Address"
              required={false}
              value={values.url ?? ''}
              error={errors.url}
              maxLength={500}
              hint="A page of this site, such as /corrections/, or an https:// address."
            />
          </div>
          <TextField
            id={FIELDS.label!}
            name="label"
            label="Label (optional for sections, tags, pages and authors)"
            required={false}
            value={values.label ?? ''}
            error={errors.label}
            maxLength={80}
            dir="auto"
            hint="The text readers see; empty: the section’s, tag’s, page’s or author’s own name."
          />
          {vm.location === 'primary' && vm.rows.length > 0 && (
            <label class="choice">
              <input type="checkbox" name="nested" value="1" checked={values.nested === '1'} /> Nest it under the last top-level link (a dropdown)
            </label>
          )}
          <button class="button" type="submit">
            Add to the menu
          </button>
        </form>
      </section>
      <script src={vm.script} type="module" />
    </>
  );
}

export const renderNavigation = (vm: NavigationVM): string => renderAdminDocument({ layout: vm.layout, children: <Navigation vm={vm} /> });
