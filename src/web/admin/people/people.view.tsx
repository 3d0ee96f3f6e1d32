/**
 * @module web/admin/people/people.view
 * The People screens: /admin/people (everyone in the news, search, the add form),
 * /admin/people/{id} (their fields, the articles naming them, merge and delete), the merge and
 * delete confirmations, and the quick add form for a writer without JavaScript. Every form works
 * without JavaScript; with it, the photo is chosen from the library.
 */
import { CsrfField, ErrorSummary, Pagination, SelectField, TextAreaField, TextField } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';
import type { DeleteConfirmVM, MergeConfirmVM, PeopleVM, PersonEditVM, QuickAddVM } from './people.view-models.js';

const FIELD_IDS: Record<string, string> = {
  name: 'person-name',
  description: 'person-description',
  photoId: 'person-photo',
  links: 'person-links',
  note: 'person-note',
  slug: 'person-slug',
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Name and description: the two fields of the add forms (the list's and the quick one). */
function AddFields({ values, errors, ids }: { values: Record<string, string>; errors: Record<string, string>; ids: { name: string; description: string } }) {
  return (
    <>
      <TextField id={ids.name} name="name" label="Name" autocomplete="off" value={values.name ?? ''} error={errors.name} maxLength={100} dir="auto" />
      <TextField
        id={ids.description}
        name="description"
        label="Description or role"
        required={false}
        autocomplete="off"
        value={values.description ?? ''}
        error={errors.description}
        maxLength={200}
        dir="auto"
        hint="Such as “Harbour master” or “Albanian historian and journalist”: shown after the name."
      />
    </>
  );
}

function People({ vm }: { vm: PeopleVM }) {
  const { values, errors } = vm.create;
  const addIds = { name: 'new-person-name', description: 'new-person-description' };
  return (
    <>
      <p>
        Everyone the newsroom writes about or quotes. Each has a public page listing the published articles that name them; the number is how a quotation or a
        photo is attributed to them in the plain-text editor (<code>[quote person=12]</code>).
      </p>
      <form class="filters" method="get" action="/admin/people" role="search" aria-label="Search people">
        <div class="field field--inline">
          <label class="field__label" for="people-q">
            Search names
          </label>
          <input class="field__input" type="search" id="people-q" name="q" value={vm.q} maxLength={200} />
        </div>
        <button class="button button--secondary" type="submit">
          Search
        </button>
        {vm.q !== '' && <a href="/admin/people">Show everyone</a>}
      </form>
      {vm.people.length === 0 ? (
        <p>{vm.q ? 'Nobody’s name matches. Check the spelling, or add them below.' : 'No people yet: add the first below.'}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption>{vm.caption}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">No.</th>
                <th scope="col">Articles</th>
              </tr>
            </thead>
            <tbody>
              {vm.people.map((p) => (
                <tr>
                  <th scope="row">
                    <span class="author-cell">
                      {p.thumb ? <img class="author-cell__photo" src={p.thumb.src} width={40} height={40} alt="" /> : <span class="author-cell__photo" />}
                      <span>
                        <a href={p.editUrl} dir="auto">
                          {p.name}
                        </a>
                        {p.description !== '' && (
                          <>
                            <br />
                            <span class="muted" dir="auto">
                              {p.description}
                            </span>
                          </>
                        )}
                        <br />
                        <a class="muted" href={p.pageUrl} rel="noopener">
                          Public page<span class="visually-hidden"> of {p.name}</span>
                        </a>
                      </span>
                    </span>
                  </th>
                  <td>{p.id}</td>
                  <td>{p.articles.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={vm.page} totalPages={vm.totalPages} prevUrl={vm.prevUrl} nextUrl={vm.nextUrl} label="Pages of people" />
      <section class="panel" aria-labelledby="new-person-heading">
        <h2 id="new-person-heading">Add a person</h2>
        <p>Their photo, links and a note for editors come next, on their own screen.</p>
        <ErrorSummary errors={errors} fields={addIds} />
        <form class="form" method="post" action="/admin/people" novalidate>
          <CsrfField token={vm.csrf} />
          <AddFields values={values} errors={errors} ids={addIds} />
          <button class="button" type="submit">
            Add the person
          </button>
        </form>
      </section>
    </>
  );
}

function PersonEdit({ vm }: { vm: PersonEditVM }) {
  const { values, errors } = vm.form;
  const merge = vm.merge;
  return (
    <>
      <p>
        <a href="/admin/people">All people</a> · No. {vm.id} ·{' '}
        <a href={vm.pageUrl} rel="noopener">
          Their public page
        </a>
      </p>
      <ErrorSummary errors={errors} fields={FIELD_IDS} />
      <form class="form form--wide" method="post" action={vm.action} novalidate>
        <CsrfField token={vm.csrf} />
        <TextField
          id={FIELD_IDS.name!}
          name="name"
          label="Name"
          value={values.name ?? ''}
          error={errors.name}
          maxLength={100}
          dir="auto"
          hint="As readers know them; the name quotations and captions link to their page."
        />
        <TextField
          id={FIELD_IDS.description!}
          name="description"
          label="Description or role"
          required={false}
          value={values.description ?? ''}
          error={errors.description}
          maxLength={200}
          dir="auto"
          hint="One line after the name, such as “Albanian historian and journalist”."
        />
        <div class="featured-field" data-media-field="photo" data-media-upload={vm.canUpload ? '1' : '0'}>
          <TextField
            id={FIELD_IDS.photoId!}
            name="photoId"
            label="Photo (media id)"
            required={false}
            value={values.photoId ?? ''}
            error={errors.photoId}
            maxLength={10}
            inputMode="numeric"
            hint="The number of an image in the media library; its credit is shown with it. A square portrait works best."
          />
          {vm.photo && (
            <p class="featured-field__preview">
              <img
                src={vm.photo.thumb.src}
                width={vm.photo.thumb.width}
                height={vm.photo.thumb.height}
                alt={`Current photo: ${vm.photo.alt || 'no alt text'}`}
              />
              <a href={vm.photo.editUrl}>{`Image ${values.photoId} in the media library`}</a>
            </p>
          )}
        </div>
        <TextAreaField
          id={FIELD_IDS.links!}
          name="links"
          label="Links"
          rows={4}
          value={values.links ?? ''}
          error={errors.links}
          hint="Their website and profiles elsewhere: one https:// address per line, at most 10. Search engines learn they are the same person."
        />
        <TextAreaField
          id={FIELD_IDS.note!}
          name="note"
          label="Note for editors"
          rows={4}
          value={values.note ?? ''}
          error={errors.note}
          dir="auto"
          hint="How to reach them, how they want to be named, what to check. Plain text, at most 2,000 characters. Never shown to readers."
        />
        <TextField
          id={FIELD_IDS.slug!}
          name="slug"
          label="Address"
          value={values.slug ?? ''}
          error={errors.slug}
          maxLength={190}
          autocomplete="off"
          hint={`Their page is ${vm.addressPrefix}${vm.slug}/ (lowercase letters, digits and hyphens). If you change it, the old address keeps working: it redirects to the new one.`}
        />
        <p class="form__actions">
          <button class="button" type="submit">
            Save
          </button>
        </p>
      </form>

      <section class="panel" aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles that name them</h2>
        {vm.articles.length === 0 ? (
          <p>No article names them yet. Choose them in an article’s People, or attribute a quotation or a photo to them.</p>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <caption>
                {plural(vm.articleTotal, 'article', 'articles')}
                {vm.articleTotal > vm.articles.length ? ` (the ${vm.articles.length} changed last are listed)` : ''}, drafts and the trash included
              </caption>
              <thead>
                <tr>
                  <th scope="col">Headline</th>
                  <th scope="col">Status</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {vm.articles.map((a) => (
                  <tr>
                    <th scope="row">
                      <a href={a.editUrl} dir="auto">
                        {a.title}
                      </a>
                    </th>
                    <td>{a.status}</td>
                    <td>{a.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section class="panel" aria-labelledby="merge-heading">
        <h2 id="merge-heading">Merge into another person</h2>
        <p>
          For a duplicate: everything that names {vm.name} moves to the person who stays, and this page’s address redirects to theirs. You confirm on the next
          screen.
        </p>
        <ErrorSummary errors={merge.errors} fields={{ into: 'merge-into', intoId: 'merge-into-id' }} />
        <form class="form" method="get" action={merge.action} novalidate>
          {merge.candidates.length > 0 && (
            <SelectField
              id="merge-into"
              name="into"
              label="Who stays"
              options={[{ value: '', label: 'Choose: people with a name in common' }, ...merge.candidates]}
              value={merge.values.into ?? ''}
              error={merge.errors.into}
            />
          )}
          <TextField
            id="merge-into-id"
            name="intoId"
            label={merge.candidates.length > 0 ? 'Or the number of anyone else' : 'The number of the person who stays'}
            required={false}
            value={merge.values.intoId ?? ''}
            error={merge.errors.intoId}
            maxLength={10}
            inputMode="numeric"
            autocomplete="off"
            hint="The No. column of the list of people."
          />
          <button class="button button--secondary" type="submit">
            Review the merge
          </button>
        </form>
      </section>

      <section class="panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this person</h2>
        <p>
          Their page goes and the articles stop linking to it. <a href={vm.deleteUrl}>Delete {vm.name}…</a>
        </p>
      </section>
      <script src={vm.script} type="module" />
    </>
  );
}

function MergeConfirm({ vm }: { vm: MergeConfirmVM }) {
  const { from, into } = vm;
  return (
    <>
      <dl class="facts">
        <dt>The duplicate, deleted</dt>
        <dd dir="auto">
          {from.name}
          {from.description ? `, ${from.description}` : ''} (no. {from.id}, {plural(from.articles, 'article', 'articles')}, {from.path})
        </dd>
        <dt>Who stays</dt>
        <dd dir="auto">
          {into.name}
          {into.description ? `, ${into.description}` : ''} (no. {into.id}, {plural(into.articles, 'article', 'articles')}, {into.path})
        </dd>
      </dl>
      <ul>
        <li>
          {from.articles > 0
            ? `The ${plural(from.articles, 'article', 'articles')} naming ${from.name}, and the quotations and photos attributed to them, will name ${into.name}; the words and captions stay as written.`
            : `No article names ${from.name}, so no article changes.`}
        </li>
        <li>
          {from.path} will redirect to {into.path}.
        </li>
        <li>
          {into.name}’s name, description, photo, links and note stay as they are; {from.name}’s are deleted, so copy anything you want to keep first.
        </li>
      </ul>
      <form class="inline-form" method="post" action={vm.action}>
        <CsrfField token={vm.csrf} />
        <input type="hidden" name="into" value={String(into.id)} />
        <button class="button button--danger" type="submit">
          Merge into {into.name}
        </button>
        <a href={vm.cancelUrl}>Cancel</a>
      </form>
    </>
  );
}

function DeleteConfirm({ vm }: { vm: DeleteConfirmVM }) {
  return (
    <>
      <p>
        {vm.articles > 0
          ? `${plural(vm.articles, 'article links', 'articles link')} to ${vm.name} (drafts and the trash included). Those links go; quotations and captions attributed to them keep their words, without the link to their page.`
          : `No article links to ${vm.name}.`}
      </p>
      <p>Their page, {vm.path}, will answer “not found”. This cannot be undone.</p>
      <form class="inline-form" method="post" action={vm.action}>
        <CsrfField token={vm.csrf} />
        <button class="button button--danger" type="submit">
          Delete {vm.name}
        </button>
        <a href={vm.cancelUrl}>Cancel</a>
      </form>
    </>
  );
}

function QuickAdd({ vm }: { vm: QuickAddVM }) {
  const ids = { name: 'quick-person-name', description: 'quick-person-description' };
  return (
    <>
      <ErrorSummary errors={vm.form.errors} fields={ids} />
      <form class="form" method="post" action="/admin/people/quick" novalidate>
        <CsrfField token={vm.csrf} />
        {vm.next !== undefined && <input type="hidden" name="next" value={vm.next} />}
        <AddFields values={vm.form.values} errors={vm.form.errors} ids={ids} />
        <p class="form__actions">
          <button class="button" type="submit">
            Add the person
          </button>
          <a href={vm.backUrl}>Go back</a>
        </p>
      </form>
    </>
  );
}

export const renderPeople = (vm: PeopleVM): string => renderAdminDocument({ layout: vm.layout, children: <People vm={vm} /> });
export const renderPersonEdit = (vm: PersonEditVM): string => renderAdminDocument({ layout: vm.layout, children: <PersonEdit vm={vm} /> });
export const renderMergeConfirm = (vm: MergeConfirmVM): string => renderAdminDocument({ layout: vm.layout, children: <MergeConfirm vm={vm} /> });
export const renderDeleteConfirm = (vm: DeleteConfirmVM): string => renderAdminDocument({ layout: vm.layout, children: <DeleteConfirm vm={vm} /> });
export const renderQuickAdd = (vm: QuickAddVM): string => renderAdminDocument({ layout: vm.layout, children: <QuickAdd vm={vm} /> });
