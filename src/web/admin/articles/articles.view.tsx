/**
 * @module web/admin/articles/articles.view
 * /admin/articles: the filtered, paginated list; /admin/articles/new and /admin/articles/:id: the
 * edit form. The form works without JavaScript (the body is a textarea of paragraphs); with it,
 * /admin/assets/editor.js mounts the rich editor on [data-editor] and fills the hidden JSON field.
 */
import type { ArticleFormVM, ArticlesVM, Option, RevisionsVM } from './articles.view-models.js';
import { CsrfField, ErrorSummary, Pagination, SelectField, TextAreaField, TextField, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';
import { AutosaveNotice, AutosaveStatus, EditorialPanels } from './editorial/editorial.view.js';

function FilterSelect({ id, name, label, options, value }: { id: string; name: string; label: string; options: Option[]; value: string }) {
  return (
    <div class="field field--inline">
      <label class="field__label" for={id}>
        {label}
      </label>
      <select class="field__select" id={id} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Articles({ vm }: { vm: ArticlesVM }) {
  const f = vm.filters;
  return (
    <>
      {vm.canCreate && (
        <p>
          <a class="button" href="/admin/articles/new">
            New article
          </a>
        </p>
      )}
      <form class="filters" method="get" action="/admin/articles" role="search" aria-label="Filter articles">
        <div class="field field--inline">
          <label class="field__label" for="filter-q">
            Search
          </label>
          <input class="field__input" type="search" id="filter-q" name="q" value={f.q} maxLength={200} />
        </div>
        <FilterSelect id="filter-status" name="status" label="Status" options={vm.statusOptions} value={f.status} />
        <FilterSelect id="filter-author" name="author" label="Author" options={vm.authorOptions} value={f.author} />
        <FilterSelect id="filter-category" name="category" label="Category" options={vm.categoryOptions} value={f.category} />
        <FilterSelect id="filter-language" name="language" label="Language" options={vm.languageOptions} value={f.language} />
        <button class="button button--secondary" type="submit">
          Filter
        </button>
      </form>
      {vm.rows.length === 0 ? (
        <p>No articles match.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption>
              {vm.total} {vm.total === 1 ? 'article' : 'articles'}, last changed first
            </caption>
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Status</th>
                <th scope="col">Authors</th>
                <th scope="col">Language</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {vm.rows.map((r) => (
                <tr>
                  <th scope="row">
                    {r.editUrl ? <a href={r.editUrl}>{r.title}</a> : r.title}
                    {(r.previewUrl || r.publicUrl) && (
                      <>
                        <br />
                        {r.publicUrl ? (
                          <a class="muted" href={r.publicUrl}>
                            View<span class="visually-hidden"> {r.title}</span>
                          </a>
                        ) : (
                          r.previewUrl && (
                            <a class="muted" href={r.previewUrl}>
                              Preview<span class="visually-hidden"> {r.title}</span>
                            </a>
                          )
                        )}
                      </>
                    )}
                  </th>
                  <td>
                    <span class={`badge status status--${r.status}`}>{r.statusLabel}</span>
                    {r.published && r.status === 'scheduled' && (
                      <>
                        {' '}
                        <Time date={r.published} />
                      </>
                    )}
                    {r.missingImages !== undefined && (
                      <>
                        {' '}
                        <a class="badge badge--warn" href={`${r.editUrl ?? ''}#missing-images-title`}>
                          {r.missingImages === 1 ? '1 image to upload' : `${r.missingImages} images to upload`}
                        </a>
                      </>
                    )}
                  </td>
                  <td>{r.authors}</td>
                  <td>{r.language}</td>
                  <td>
                    <Time date={r.updated} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={vm.page} totalPages={vm.totalPages} prevUrl={vm.prevUrl} nextUrl={vm.nextUrl} label="Article list pages" />
    </>
  );
}

export const renderArticles = (vm: ArticlesVM): string => renderAdminDocument({ layout: vm.layout, children: <Articles vm={vm} /> });

const FIELD_IDS = {
  title: 'title',
  slug: 'slug',
  excerpt: 'excerpt',
  body: 'body-text',
  language: 'language',
  categories: 'categories',
  primary_category: 'primary-category',
  tags: 'tags',
  people_about: 'people-about',
  people_quoted: 'people-quoted',
  authors: 'author-1',
  featured_media_id: 'featured-media-id',
  seo_title: 'seo-title',
  seo_description: 'seo-description',
  comment_status: 'comment-status',
  post_format: 'post-format',
  publish_at: 'publish-at',
  parent_id: 'parent-id',
  menu_order: 'menu-order',
};

const POST_FORMAT_OPTIONS = [
  { value: 'standard', label: 'Standard' },
  { value: 'aside', label: 'Aside (no headline on cards)' },
  { value: 'status', label: 'Status (no headline on cards)' },
  { value: 'quote', label: 'Quote' },
  { value: 'link', label: 'Link' },
  { value: 'gallery', label: 'Gallery' },
  { value: 'image', label: 'Image' },
  { value: 'video', label: 'Video' },
  { value: 'audio', label: 'Audio' },
  { value: 'chat', label: 'Chat' },
];

function TextArea({
  id,
  name,
  label,
  value,
  error,
  hint,
  rows = 4,
  maxLength,
  dir = 'auto',
  lang,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
  /** 'rtl' for a right-to-left article (Persian, Arabic, Hebrew, Urdu); 'auto' otherwise (mixed text). */
  dir?: 'auto' | 'rtl';
  lang?: string | undefined;
}) {
  // The article's own text: its direction follows its first letters (a Persian body reads right to left).
  const described = [hint !== undefined ? `${id}-hint` : '', error !== undefined ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error !== undefined ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <textarea
        class="field__input field__textarea"
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        dir={dir}
        lang={lang}
        data-article-text=""
        aria-invalid={error !== undefined ? 'true' : undefined}
        aria-describedby={described}
      >
        {value}
      </textarea>
    </div>
  );
}

function ArticleForm({ vm }: { vm: ArticleFormVM }) {
  const { values: v, errors: e } = vm;
  const authorSlots = vm.authorSlots;
  const none = { value: '', label: '—' };
  const isPage = vm.kind === 'page';
  // The article's own words take its language's direction (the presenter's textDir; the editor script follows a change of language).
  const lang = vm.textLang;
  const textDir = vm.textDir;
  return (
    <>
      <p class="article-status">
        Status: <span class={`badge status status--${vm.status}`}>{vm.statusLabel}</span>
        {vm.previewUrl && (
          <>
            {' '}
            · <a href={vm.previewUrl}>Preview</a>
          </>
        )}
        {vm.revisionsUrl && (
          <>
            {' '}
            · <a href={vm.revisionsUrl}>Revisions</a>
          </>
        )}
        {vm.publicUrl && (
          <>
            {' '}
            · <a href={vm.publicUrl}>View on the site</a>
          </>
        )}
      </p>
      {vm.editorial && <AutosaveNotice vm={vm.editorial} csrf={vm.csrf} />}
      <ErrorSummary errors={e} fields={FIELD_IDS} {...(vm.problem !== undefined ? { extra: vm.problem } : {})} />
      {vm.altWarnings.length > 0 && (
        <div class="warning-box" role="status" aria-labelledby="alt-warning-title">
          <h2 id="alt-warning-title">Images without alt text</h2>
          <ul>
            {vm.altWarnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
          <p>
            Readers who use screen readers hear nothing for these. Add alt text in the <a href="/admin/media">media library</a> or in the figure. Saving and
            publishing still work.
          </p>
        </div>
      )}
      {vm.missingImages && (
        <section class="warning-box" aria-labelledby="missing-images-title">
          <h2 id="missing-images-title">Images to upload</h2>
          <MissingImagesIntro count={vm.missingImages.images.length} />
          <ul class="missing-images">
            {vm.missingImages.images.map((m) => (
              <li>
                <code class="missing-images__url">{m.url}</code>
                {m.alt && <span> · Alt text: {m.alt}</span>}
                {m.caption && <span> · Caption: {m.caption}</span>}
                <span class="field__hint"> · {m.why}</span>
              </li>
            ))}
          </ul>
          <form method="post" action={vm.missingImages.clearUrl}>
            <CsrfField token={vm.csrf} />
            <button type="submit" class="button button--secondary">
              Clear this list
            </button>
          </form>
        </section>
      )}
      <form class="form form--wide article-form" method="post" action={vm.action} novalidate>
        <CsrfField token={vm.csrf} />
        {vm.id !== undefined && <input type="hidden" name="updated_at" value={v.updated_at ?? ''} />}
        <div class="article-form__layout">
          <div class="article-form__main">
            <TextField
              id="title"
              name="title"
              label={isPage ? 'Title' : 'Headline'}
              value={v.title ?? ''}
              error={e.title}
              maxLength={500}
              dir={textDir}
              lang={lang}
            />
            <TextField
              id="slug"
              name="slug"
              label="Slug"
              required={false}
              value={v.slug ?? ''}
              error={e.slug}
              maxLength={190}
              hint={
                isPage
                  ? 'The last part of the page’s address (/about/team/ for “team” under About): lowercase letters, digits and hyphens. Leave empty to make it from the title.'
                  : 'The address of the article: lowercase letters, digits and hyphens. Leave empty to make it from the headline.'
              }
            />
            {!isPage && (
              <p class="slug-preview muted" data-slug-preview="">
                {v.slug ? `Its address: /${v.slug}/` : ''}
              </p>
            )}
            {isPage && vm.parentOptions && (
              <>
                <SelectField
                  id="parent-id"
                  name="parent_id"
                  label="Parent page"
                  hint="The page this one sits under: its address starts with the parent’s."
                  options={vm.parentOptions}
                  value={v.parent_id ?? ''}
                  error={e.parent_id}
                />
                <TextField
                  id="menu-order"
                  name="menu_order"
                  label="Order"
                  required={false}
                  value={v.menu_order ?? ''}
                  error={e.menu_order}
                  maxLength={7}
                  inputMode="numeric"
                  hint="Among pages with the same parent, lower numbers come first (0 when empty); then by title."
                />
              </>
            )}
            <TextArea
              id="excerpt"
              name="excerpt"
              label={isPage ? 'Introduction' : 'Standfirst'}
              value={v.excerpt ?? ''}
              error={e.excerpt}
              rows={3}
              maxLength={2000}
              hint={isPage ? 'Optional: a sentence under the title, and the description search engines show.' : 'One or two sentences under the headline.'}
              dir={textDir}
              lang={lang}
            />
            <input type="hidden" name="body_format" value="text" data-editor-format="" />
            <input type="hidden" name="body_json" value={v.body_json ?? ''} data-editor-json="" />
            <div
              class="editor"
              data-editor=""
              data-media-url="/media/"
              data-media-upload={vm.canUpload ? '1' : undefined}
              data-figure-images={JSON.stringify(vm.figureImages)}
            >
              <TextArea
                id="body-text"
                name="body_text"
                label="Body"
                value={v.body_text ?? ''}
                error={e.body}
                rows={18}
                hint={
                  'A blank line starts a new paragraph. ## Heading, > quotation (with — Name on its last line), - list, 1. list, **bold**, *italic*, [link](https://…) and --- work as in Markdown. A pull quote is a quotation between [pull-quote] and [/pull-quote] lines. Figures and quoted posts are the [figure …] and [social-post …] lines: edit their fields between the quotation marks, or move the lines. A new figure: ![alt text](media:ID "caption") on a line of its own, ID being the image\'s number in Media.'
                }
                dir={textDir}
                lang={lang}
              />
              {/* Filled and kept current by the editor script: words, characters, reading time. */}
              <p class="desk-stats muted" data-desk-stats="" />
            </div>
          </div>
          <div class="article-form__side">
            <section class="side-box side-box--publish" aria-labelledby="publish-box-title">
              <h2 class="side-box__title" id="publish-box-title">
                Publish
              </h2>
              {vm.intents.some((i) => i.intent === 'schedule') && (
                <div class={`field${e.publish_at !== undefined ? ' field--error' : ''}`}>
                  <label class="field__label" for="publish-at">
                    Publication time
                  </label>
                  <p class="field__hint" id="publish-at-hint">
                    For “Schedule”: when the article goes live. {vm.zoneHint}
                  </p>
                  {e.publish_at !== undefined && (
                    <p class="field__error" id="publish-at-error">
                      <span class="visually-hidden">Error: </span>
                      {e.publish_at}
                    </p>
                  )}
                  <input
                    class="field__input"
                    type="datetime-local"
                    id="publish-at"
                    name="publish_at"
                    value={/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v.publish_at ?? '') ? v.publish_at : ''}
                    aria-invalid={e.publish_at !== undefined ? 'true' : undefined}
                    aria-describedby={e.publish_at !== undefined ? 'publish-at-hint publish-at-error' : 'publish-at-hint'}
                    data-time-zone={vm.timeZone}
                  />
                  {/* The same moment in UTC, as it is typed (the editor script). */}
                  <p class="muted utc-echo" data-utc-echo="" aria-live="polite" />
                </div>
              )}
              <div class="form__actions">
                {vm.intents.map((i) => (
                  <button class={`button${i.primary ? '' : ' button--secondary'}`} type="submit" name="intent" value={i.intent}>
                    {i.label}
                  </button>
                ))}
              </div>
              <AutosaveStatus url={vm.editorial?.autosaveUrl} draftUrl={vm.draftUrl} />
            </section>
            {!isPage && (
              <>
                <fieldset class="field">
                  <legend class="field__label">Sections</legend>
                  {e.categories !== undefined && (
                    <p class="field__error" id="categories-error">
                      <span class="visually-hidden">Error: </span>
                      {e.categories}
                    </p>
                  )}
                  <ul class="checkboxes" id="categories">
                    {vm.categoryOptions.map((c) => (
                      <li>
                        <label>
                          <input type="checkbox" name="category" value={c.value} checked={vm.categoryIds.includes(c.value)} /> {c.label}
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
                <SelectField
                  id="primary-category"
                  name="primary_category"
                  label="Primary section"
                  hint="Drives the breadcrumb and the article's section."
                  options={[none, ...vm.categoryOptions]}
                  value={v.primary_category ?? ''}
                  error={e.primary_category}
                />
                <TextField
                  id="tags"
                  name="tags"
                  label="Tags"
                  required={false}
                  value={v.tags ?? ''}
                  error={e.tags}
                  maxLength={2000}
                  hint="Separated by commas; new tags are created."
                />
                <fieldset class="field people-fields" data-people-fields>
                  <legend class="field__label">People in this story</legend>
                  <p class="field__hint" id="people-hint">
                    One person a line, as readers know them. Someone not at People yet is added: write “Name, role” (“Maria Lind, harbour master”). A quotation
                    or photo attributed to someone in the body links them too.
                  </p>
                  <TextAreaField
                    id="people-about"
                    name="people_about"
                    label="About"
                    rows={2}
                    value={v.people_about ?? ''}
                    error={e.people_about}
                    maxLength={10000}
                    dir="auto"
                  />
                  <TextAreaField
                    id="people-quoted"
                    name="people_quoted"
                    label="Quoted"
                    rows={2}
                    value={v.people_quoted ?? ''}
                    error={e.people_quoted}
                    maxLength={10000}
                    dir="auto"
                  />
                </fieldset>
                <fieldset class="field">
                  <legend class="field__label">Authors, in byline order</legend>
                  {e.authors !== undefined && (
                    <p class="field__error" id="authors-error">
                      <span class="visually-hidden">Error: </span>
                      {e.authors}
                    </p>
                  )}
                  {authorSlots.map((a, i) => (
                    <p class="author-slot">
                      <label for={`author-${i + 1}`}>Author {i + 1}</label>{' '}
                      <select class="field__select" id={`author-${i + 1}`} name="author">
                        {[none, ...vm.authorOptions].map((o) => (
                          <option value={o.value} selected={o.value === a}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </p>
                  ))}
                </fieldset>
              </>
            )}
            <TextField
              id="language"
              name="language"
              label="Language"
              value={v.language ?? 'en'}
              error={e.language}
              maxLength={35}
              hint="A language tag such as en, fa or sq."
            />
            <div class="featured-field" data-media-featured="">
              <TextField
                id="featured-media-id"
                name="featured_media_id"
                label="Featured image (media id)"
                required={false}
                value={v.featured_media_id ?? ''}
                error={e.featured_media_id}
                maxLength={10}
                hint="The number of an image in the media library."
              />
              {vm.featured && (
                <p class="featured-field__preview">
                  <img
                    src={vm.featured.src}
                    width={vm.featured.width}
                    height={vm.featured.height}
                    alt={vm.featured.alt ? `Current: ${vm.featured.alt}` : 'Current featured image (no alt text)'}
                  />
                  <a href={vm.featured.editUrl}>Image {vm.featured.id} in the media library</a>
                </p>
              )}
            </div>
            <TextField
              id="seo-title"
              name="seo_title"
              label="SEO title"
              required={false}
              value={v.seo_title ?? ''}
              error={e.seo_title}
              maxLength={200}
              hint="For search engines and sharing; the headline when empty."
            />
            <TextArea
              id="seo-description"
              name="seo_description"
              label="SEO description"
              value={v.seo_description ?? ''}
              error={e.seo_description}
              rows={2}
              maxLength={500}
              dir={textDir}
              lang={lang}
            />
            <SelectField
              id="comment-status"
              name="comment_status"
              label="Comments"
              options={[
                { value: 'open', label: 'Open' },
                { value: 'closed', label: 'Closed' },
              ]}
              value={v.comment_status ?? 'open'}
              error={e.comment_status}
              {...(isPage ? { hint: 'Static pages show no comment section; this is kept with the page.' } : {})}
            />
            {!isPage && (
              <SelectField
                id="post-format"
                name="post_format"
                label="Format"
                options={POST_FORMAT_OPTIONS}
                value={v.post_format || 'standard'}
                error={e.post_format}
                hint="As WordPress has them: an aside or a status is shown without its headline on the home page and in lists."
              />
            )}
          </div>
        </div>
      </form>
      {(vm.trashUrl || vm.restoreUrl) && (
        <form class="inline-form" method="post" action={vm.trashUrl ?? vm.restoreUrl}>
          <CsrfField token={vm.csrf} />
          <button class={`button button--small${vm.trashUrl ? ' button--danger' : ''}`} type="submit">
            {vm.trashUrl ? 'Move to trash' : 'Restore from trash'}
          </button>
        </form>
      )}
      {vm.editorial && <EditorialPanels vm={vm.editorial} csrf={vm.csrf} />}
      <script src={vm.editorScript} type="module" />
    </>
  );
}

export const renderArticleForm = (vm: ArticleFormVM): string => renderAdminDocument({ layout: vm.layout, children: <ArticleForm vm={vm} /> });

function Revisions({ vm }: { vm: RevisionsVM }) {
  return (
    <>
      <p>
        <a href={vm.editUrl}>Back to the {vm.noun}</a>
      </p>
      {vm.revisions.length === 0 ? (
        <p>No revisions yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption>Every save, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col">Headline</th>
                <th scope="col">Compare</th>
                <th scope="col">Restore</th>
              </tr>
            </thead>
            <tbody>
              {vm.revisions.map((r) => (
                <tr>
                  <td>
                    <Time date={r.at} />
                  </td>
                  <td>{r.who}</td>
                  <td>{r.statusLabel}</td>
                  <td>{r.title}</td>
                  <td>
                    {r.compareCurrentUrl && !r.current && (
                      <a href={r.compareCurrentUrl}>
                        With current
                        <span class="visually-hidden">
                          {' '}
                          version: the revision of <Time date={r.at} />
                        </span>
                      </a>
                    )}
                    {r.compareCurrentUrl && !r.current && r.comparePreviousUrl && <br />}
                    {r.comparePreviousUrl && (
                      <a href={r.comparePreviousUrl}>
                        With previous
                        <span class="visually-hidden">
                          {' '}
                          save: the revision of <Time date={r.at} />
                        </span>
                      </a>
                    )}
                  </td>
                  <td>
                    {r.current ? (
                      <span class="muted">Current</span>
                    ) : (
                      r.restoreUrl && (
                        <form class="inline-form" method="post" action={r.restoreUrl}>
                          <CsrfField token={vm.csrf} />
                          <button class="button button--small button--secondary" type="submit">
                            Restore
                            <span class="visually-hidden">
                              {' '}
                              the revision of <Time date={r.at} />
                            </span>
                          </button>
                        </form>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const renderRevisions = (vm: RevisionsVM): string => renderAdminDocument({ layout: vm.layout, children: <Revisions vm={vm} /> });

/** "This article referred to 2 images that are not in the media library…", singular or plural. */
function MissingImagesIntro({ count }: { count: number }) {
  const one = count === 1;
  return (
    <p>
      This article referred to {one ? 'an image' : `${count} images`} that {one ? 'is' : 'are'} not in the media library. Readers do not see{' '}
      {one ? 'it' : 'them'}: upload {one ? 'it' : 'each one'} to the <a href="/admin/media">media library</a> and insert it as a figure.
    </p>
  );
}
