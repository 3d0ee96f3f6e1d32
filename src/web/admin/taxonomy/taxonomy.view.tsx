/**
 * @module web/admin/taxonomy/taxonomy.view
 * /admin/categories (the tree, Up/Down, add), /admin/categories/:id (rename, move, delete with a
 * receiving category), /admin/tags (search, counts, merge) and /admin/tags/:id (rename, delete).
 * Every action is a plain form: nothing needs JavaScript.
 */
import type { CategoriesVM, CategoryEditVM, CategoryNodeVM, OptionVM, TagEditVM, TagsVM } from './taxonomy.view-models.js';
import { CsrfField, ErrorSummary, Pagination, SelectField, TextField } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';

function TextArea({ id, name, label, value, hint }: { id: string; name: string; label: string; value: string; hint?: string }) {
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        class="field__input field__textarea"
        id={id}
        name={name}
        rows={3}
        maxLength={2000}
        aria-describedby={hint !== undefined ? `${id}-hint` : undefined}
      >
        {value}
      </textarea>
    </div>
  );
}

function Problem({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return <ErrorSummary errors={{}} fields={{}} extra={message} />;
}

function StepButton({ node, csrf, dir }: { node: CategoryNodeVM; csrf: string; dir: 'up' | 'down' }) {
  return (
    <form class="inline-form" method="post" action={`/admin/categories/${node.id}/${dir}`}>
      <CsrfField token={csrf} />
      <button class="button button--small button--secondary" type="submit">
        <span class="visually-hidden">Move {node.name} </span>
        {dir === 'up' ? 'Up' : 'Down'}
      </button>
    </form>
  );
}

function Node({ node, csrf }: { node: CategoryNodeVM; csrf: string }) {
  return (
    <li class="cat-tree__item" id={`cat-${node.id}`}>
      <div class="cat-tree__row">
        <a class="cat-tree__name" href={node.editUrl}>
          {node.name}
        </a>
        <a class="muted" href={node.url}>
          {node.url}
        </a>
        <span class="muted">
          {node.articles} {node.articles === 1 ? 'article' : 'articles'}
        </span>
        <div class="cat-tree__actions">
          {node.canUp && <StepButton node={node} csrf={csrf} dir="up" />}
          {node.canDown && <StepButton node={node} csrf={csrf} dir="down" />}
        </div>
      </div>
      {node.children.length > 0 && (
        <ul class="cat-tree">
          {node.children.map((c) => (
            <Node node={c} csrf={csrf} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Categories({ vm }: { vm: CategoriesVM }) {
  const { values, errors } = vm.create;
  return (
    <>
      <section class="panel" aria-labelledby="tree-heading">
        <h2 id="tree-heading">
          Category tree <span class="muted">({vm.total})</span>
        </h2>
        {vm.tree.length === 0 ? (
          <p>No categories yet. Add the first one below.</p>
        ) : (
          <ul class="cat-tree cat-tree--root">
            {vm.tree.map((n) => (
              <Node node={n} csrf={vm.csrf} />
            ))}
          </ul>
        )}
        <p class="muted">
          Choose a category’s name to rename it, move it under another one or delete it. Up and Down change the order among its siblings (the order of the
          site’s navigation).
        </p>
      </section>
      <section class="panel" aria-labelledby="new-category-heading">
        <h2 id="new-category-heading">Add a category</h2>
        <Problem message={vm.problem} />
        <form class="form" method="post" action="/admin/categories" novalidate>
          <CsrfField token={vm.csrf} />
          <TextField id="new-name" name="name" label="Name" value={values.name ?? ''} error={errors.name} maxLength={200} autocomplete="off" />
          <TextField
            id="new-slug"
            name="slug"
            label="Slug"
            required={false}
            value={values.slug ?? ''}
            error={errors.slug}
            maxLength={190}
            autocomplete="off"
            hint="The last part of its address. Leave empty to make it from the name."
          />
          <SelectField id="new-parent" name="parent" label="Parent" options={vm.parentOptions} value={values.parent ?? ''} />
          <TextArea id="new-description" name="description" label="Description" value={values.description ?? ''} hint="Optional; shown on the category page." />
          <button class="button" type="submit">
            Add category
          </button>
        </form>
      </section>
    </>
  );
}

function Select({ id, name, label, options, value }: { id: string; name: string; label: string; options: OptionVM[]; value: string }) {
  return <SelectField id={id} name={name} label={label} options={options} value={value} />;
}

/** "All categories · View /category/x/ · 3 articles" above a category's or tag's page. */
function TermFacts({ listUrl, listLabel, url, articles }: { listUrl: string; listLabel: string; url: string; articles: number }) {
  return (
    <p>
      <a href={listUrl}>{listLabel}</a> · <a href={url}>View {url}</a> · {articles} {articles === 1 ? 'article' : 'articles'}
    </p>
  );
}

/** Name, slug and description of a category or tag (`prefix` keeps the field ids apart). */
function RenameForm({
  prefix,
  action,
  csrf,
  form,
  problem,
  slugHint,
  languages,
}: {
  languages: { value: string; label: string }[];
  prefix: 'cat' | 'tag';
  action: string;
  csrf: string;
  form: { values: Record<string, string | undefined>; errors: Record<string, string | undefined> };
  problem: string | undefined;
  slugHint: string;
}) {
  const { values, errors } = form;
  return (
    <section class="panel" aria-labelledby="rename-heading">
      <h2 id="rename-heading">Name and address</h2>
      <Problem message={problem} />
      <form class="form" method="post" action={action} novalidate>
        <CsrfField token={csrf} />
        <TextField id={`${prefix}-name`} name="name" label="Name" value={values.name ?? ''} error={errors.name} maxLength={200} autocomplete="off" />
        <TextField
          id={`${prefix}-slug`}
          name="slug"
          label="Slug"
          value={values.slug ?? ''}
          error={errors.slug}
          maxLength={190}
          autocomplete="off"
          hint={slugHint}
        />
        <TextArea id={`${prefix}-description`} name="description" label="Description" value={values.description ?? ''} />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Name in other languages</legend>
          <p class="hint">Shown instead of the name on pages in that language: breadcrumbs, section labels on stories, menus. Leave empty to use the name.</p>
          {languages.map((l) => (
            <TextField
              id={`${prefix}-name-${l.value}`}
              name={`name-${l.value}`}
              label={l.label}
              required={false}
              value={values[`name-${l.value}`] ?? ''}
              maxLength={200}
              autocomplete="off"
              dir="auto"
            />
          ))}
        </fieldset>
        <button class="button" type="submit">
          Save
        </button>
      </form>
    </section>
  );
}

function CategoryEdit({ vm }: { vm: CategoryEditVM }) {
  const p = vm.problem;
  return (
    <>
      <TermFacts listUrl="/admin/categories" listLabel="All categories" url={vm.url} articles={vm.articles} />
      <RenameForm
        prefix="cat"
        action={`/admin/categories/${vm.id}`}
        csrf={vm.csrf}
        form={vm.rename}
        languages={vm.languages}
        problem={p?.form === 'rename' ? p.message : undefined}
        slugHint="Changing it changes the address of this category and of those below it; the old addresses redirect. Leave empty to make it from the name."
      />
      <section class="panel" aria-labelledby="move-heading">
        <h2 id="move-heading">Move</h2>
        <Problem message={p?.form === 'move' ? p.message : undefined} />
        <form class="form" method="post" action={`/admin/categories/${vm.id}/move`}>
          <CsrfField token={vm.csrf} />
          <Select id="move-parent" name="parent" label="Parent" options={vm.parentOptions} value={vm.parent} />
          <button class="button button--secondary" type="submit">
            Move
          </button>
        </form>
      </section>
      <section class="panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <Problem message={p?.form === 'delete' ? p.message : undefined} />
        {vm.receiverOptions.length === 0 ? (
          <p>This category cannot be deleted: there is no other category to receive its articles. Add one first.</p>
        ) : (
          <form class="form" method="post" action={`/admin/categories/${vm.id}/delete`}>
            <CsrfField token={vm.csrf} />
            <p>
              Its {vm.articles} {vm.articles === 1 ? 'article moves' : 'articles move'}
              {vm.children > 0 ? ` and its ${vm.children} sub-${vm.children === 1 ? 'category moves' : 'categories move'}` : ''} to the category you choose, and
              its address redirects there.
            </p>
            <Select id="delete-receiver" name="receiver" label="Category that receives its articles" options={vm.receiverOptions} value="" />
            <button class="button button--danger" type="submit">
              Delete {vm.name}
            </button>
          </form>
        )}
      </section>
    </>
  );
}

function Tags({ vm }: { vm: TagsVM }) {
  return (
    <>
      <form class="inline-form" method="get" action="/admin/tags" role="search">
        <label for="tag-q">Search tags</label>
        <input type="search" id="tag-q" name="q" value={vm.q} maxLength={200} />
        <button class="button button--small" type="submit">
          Search
        </button>
        {vm.q && <a href="/admin/tags">Show all</a>}
      </form>
      <Problem message={vm.problem} />
      {vm.rows.length === 0 ? (
        <p>{vm.q ? 'No tag matches.' : 'No tags yet. Tags are added from the article form.'}</p>
      ) : (
        <form method="post" action="/admin/tags/merge">
          <CsrfField token={vm.csrf} />
          <div class="table-wrap">
            <table class="table">
              <caption>
                {vm.total} {vm.total === 1 ? 'tag' : 'tags'}
                {vm.q ? ` matching “${vm.q}”` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Merge</th>
                  <th scope="col">Tag</th>
                  <th scope="col">Address</th>
                  <th scope="col">Articles</th>
                </tr>
              </thead>
              <tbody>
                {vm.rows.map((r) => (
                  <tr>
                    <td>
                      <input type="checkbox" id={`merge-${r.id}`} name="ids" value={String(r.id)} />
                      <label class="visually-hidden" for={`merge-${r.id}`}>
                        Merge {r.name}
                      </label>
                    </td>
                    <th scope="row">
                      <a href={r.editUrl}>{r.name}</a>
                    </th>
                    <td>
                      <a href={r.url}>{r.url}</a>
                    </td>
                    <td>{r.articles}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="panel">
            <h2>Merge the ticked tags</h2>
            <p>Their articles get the tag below instead (never twice); the ticked tags are deleted and their addresses redirect to it.</p>
            <div class="field form">
              <label class="field__label" for="merge-into">
                Into the tag (its slug or name)
              </label>
              <input class="field__input" type="text" id="merge-into" name="into" value={vm.into} maxLength={200} autocomplete="off" />
            </div>
            <button class="button" type="submit">
              Merge
            </button>
          </div>
        </form>
      )}
      <Pagination page={vm.page} totalPages={vm.totalPages} prevUrl={vm.prevUrl} nextUrl={vm.nextUrl} label="Tag pages" />
    </>
  );
}

function TagEdit({ vm }: { vm: TagEditVM }) {
  return (
    <>
      <TermFacts listUrl="/admin/tags" listLabel="All tags" url={vm.url} articles={vm.articles} />
      <RenameForm
        prefix="tag"
        action={`/admin/tags/${vm.id}`}
        csrf={vm.csrf}
        form={vm.form}
        languages={vm.languages}
        problem={vm.problem}
        slugHint="Changing it changes the tag’s address; the old one redirects."
      />
      <section class="panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <form class="form" method="post" action={`/admin/tags/${vm.id}/delete`}>
          <CsrfField token={vm.csrf} />
          <p>
            {vm.articles} {vm.articles === 1 ? 'article loses' : 'articles lose'} this tag, and its address will answer “not found”. To keep the address
            working, merge it into another tag instead.
          </p>
          <button class="button button--danger" type="submit">
            Delete {vm.name}
          </button>
        </form>
      </section>
    </>
  );
}

export const renderCategories = (vm: CategoriesVM): string => renderAdminDocument({ layout: vm.layout, children: <Categories vm={vm} /> });
export const renderCategoryEdit = (vm: CategoryEditVM): string => renderAdminDocument({ layout: vm.layout, children: <CategoryEdit vm={vm} /> });
export const renderTags = (vm: TagsVM): string => renderAdminDocument({ layout: vm.layout, children: <Tags vm={vm} /> });
export const renderTagEdit = (vm: TagEditVM): string => renderAdminDocument({ layout: vm.layout, children: <TagEdit vm={vm} /> });
