/**
 * @module web/admin/authors/authors.view
 * The profile screens: /admin/account (your own byline and author page), /admin/authors (every
 * author, the form to add a guest author) and /admin/authors/{id} (one profile, for editors).
 * One form that works without JavaScript; with it, the photo is chosen from the library.
 */
import { CsrfField, ErrorSummary, LanguageFields, TextAreaField, TextField } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';
import type { AccountVM, AuthorEditVM, AuthorsVM, ProfileFormVM } from './authors.view-models.js';

const FIELD_IDS: Record<string, string> = {
  name: 'profile-name',
  title: 'profile-title',
  bio: 'profile-bio',
  photoId: 'profile-photo',
  publicEmail: 'profile-email',
  links: 'profile-links',
};

function ProfileForm({ vm, csrf }: { vm: ProfileFormVM; csrf: string }) {
  const { values, errors } = vm.form;
  return (
    <>
      <ErrorSummary errors={errors} fields={FIELD_IDS} />
      <form class="form form--wide" method="post" action={vm.action} novalidate>
        <CsrfField token={csrf} />
        <TextField
          id={FIELD_IDS.name!}
          name="name"
          label="Display name"
          value={values.name ?? ''}
          error={errors.name}
          maxLength={100}
          dir="auto"
          hint="As readers see it on bylines and the author page."
        />
        <TextField
          id={FIELD_IDS.title!}
          name="title"
          label="Title"
          required={false}
          value={values.title ?? ''}
          error={errors.title}
          maxLength={100}
          dir="auto"
          hint="Beside the name on bylines, such as “Science reporter” or “Guest columnist”."
        />
        <LanguageFields
          idPrefix="profile-title"
          name="title"
          summary="Title in other languages"
          hint="Bylines and the author page of articles in that language show it. Leave empty to show the title above."
          languages={vm.titleLanguages}
          values={values}
          errors={errors}
          maxLength={100}
        />
        <TextAreaField
          id={FIELD_IDS.bio!}
          name="bio"
          label="Bio"
          rows={6}
          value={values.bio ?? ''}
          error={errors.bio}
          dir="auto"
          hint="Plain text, at most 2,000 characters; leave a blank line between paragraphs. Shown on the author page."
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
            hint="A square portrait works best; it is shown round beside the byline. The number of an image in the media library."
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
        <TextField
          id={FIELD_IDS.publicEmail!}
          name="publicEmail"
          label="Public email address"
          type="email"
          required={false}
          autocomplete="off"
          value={values.publicEmail ?? ''}
          error={errors.publicEmail}
          maxLength={254}
          hint="Optional: shown on the author page for readers’ tips. It need not be the address you log in with."
        />
        <TextAreaField
          id={FIELD_IDS.links!}
          name="links"
          label="Links"
          rows={4}
          value={values.links ?? ''}
          error={errors.links}
          hint="Your website and profiles elsewhere (Mastodon, Bluesky, LinkedIn…): one https:// address per line, at most 10. Search engines learn they are the same person."
        />
        <p class="form__actions">
          <button class="button" type="submit">
            {vm.submitLabel}
          </button>
          {vm.pageUrl && (
            <a href={vm.pageUrl} rel="noopener">
              View the author page
            </a>
          )}
        </p>
      </form>
    </>
  );
}

function Account({ vm }: { vm: AccountVM }) {
  return (
    <>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Your author profile</h2>
        <p>How readers see you: on the byline of every article you write and on your author page.</p>
        {vm.canManageAuthors && (
          <p>
            <a href="/admin/authors">Every author’s profile, and guest authors</a>
          </p>
        )}
        <ProfileForm vm={vm.profile} csrf={vm.csrf} />
      </section>
      <section class="panel" aria-labelledby="account-heading">
        <h2 id="account-heading">Your account</h2>
        <dl class="facts">
          <dt>Name</dt>
          <dd>{vm.account.name}</dd>
          <dt>Login email</dt>
          <dd>{vm.account.email}</dd>
          <dt>Role</dt>
          <dd>{vm.account.roleLabel}</dd>
        </dl>
        <p>An owner changes your role or login address at Users.</p>
      </section>
      <section class="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <p>Every other device where you are logged in is logged out; this one stays.</p>
        <form class="form" method="post" action="/admin/account/password" novalidate>
          <CsrfField token={vm.csrf} />
          <ErrorSummary errors={vm.password.errors} fields={{ current: 'password-current', password: 'password-new', confirm: 'password-confirm' }} />
          <input type="email" name="username" autocomplete="username" value={vm.account.email} hidden readonly />
          <TextField
            id="password-current"
            name="current"
            label="Current password"
            type="password"
            autocomplete="current-password"
            error={vm.password.errors.current}
          />
          <TextField
            id="password-new"
            name="password"
            label="New password"
            hint="At least 10 characters. A few unrelated words make a strong one."
            minLength={10}
            type="password"
            autocomplete="new-password"
            error={vm.password.errors.password}
          />
          <TextField
            id="password-confirm"
            name="confirm"
            label="New password again"
            type="password"
            autocomplete="new-password"
            error={vm.password.errors.confirm}
          />
          <button class="button" type="submit">
            Change password
          </button>
        </form>
      </section>
      <section class="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Lost a laptop or used a shared computer? End every session, this one included.</p>
        <form class="inline-form" method="post" action="/admin/logout-everywhere">
          <CsrfField token={vm.csrf} />
          <button class="button button--secondary" type="submit">
            Log out on every device
          </button>
        </form>
      </section>
      <script src={vm.script} type="module" />
    </>
  );
}

function Authors({ vm }: { vm: AuthorsVM }) {
  const { values, errors } = vm.create;
  return (
    <>
      <p>Everyone on a byline. A user gets a profile the first time they write or save theirs at Your profile.</p>
      <div class="table-wrap">
        <table class="table">
          <caption>
            {vm.authors.length} {vm.authors.length === 1 ? 'author' : 'authors'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Author</th>
              <th scope="col">Login</th>
              <th scope="col">Articles</th>
            </tr>
          </thead>
          <tbody>
            {vm.authors.map((a) => (
              <tr>
                <th scope="row">
                  <span class="author-cell">
                    {a.thumb ? <img class="author-cell__photo" src={a.thumb.src} width={40} height={40} alt="" /> : <span class="author-cell__photo" />}
                    <span>
                      <a href={a.editUrl} dir="auto">
                        {a.name}
                      </a>
                      {a.title !== '' && (
                        <>
                          <br />
                          <span class="muted" dir="auto">
                            {a.title}
                          </span>
                        </>
                      )}
                      <br />
                      <a class="muted" href={a.pageUrl} rel="noopener">
                        Author page<span class="visually-hidden"> of {a.name}</span>
                      </a>
                    </span>
                  </span>
                </th>
                <td>{a.login ?? <span class="badge badge--muted">Guest</span>}</td>
                <td>{a.articles > 0 ? <a href={a.articlesUrl}>{a.articles}</a> : '0'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section class="panel" aria-labelledby="new-author-heading">
        <h2 id="new-author-heading">Add a guest author</h2>
        <p>
          For a byline without a login: a columnist, a wire service, a reader’s letter. You choose them as an author in the article form. People who log in get
          their profile with their account.
        </p>
        <ErrorSummary errors={errors} fields={{ name: 'new-author-name', title: 'new-author-title' }} />
        <form class="form" method="post" action="/admin/authors" novalidate>
          <CsrfField token={vm.csrf} />
          <TextField
            id="new-author-name"
            name="name"
            label="Display name"
            autocomplete="off"
            value={values.name ?? ''}
            error={errors.name}
            maxLength={100}
            dir="auto"
          />
          <TextField
            id="new-author-title"
            name="title"
            label="Title"
            required={false}
            autocomplete="off"
            value={values.title ?? ''}
            error={errors.title}
            maxLength={100}
            dir="auto"
            hint="Such as “Guest columnist”. Bio, photo and links come next."
          />
          <button class="button" type="submit">
            Add the guest author
          </button>
        </form>
      </section>
    </>
  );
}

function AuthorEdit({ vm }: { vm: AuthorEditVM }) {
  return (
    <>
      <p>
        <a href="/admin/authors">All authors</a>
      </p>
      <p>
        {vm.login ?? 'Guest author (no login).'}{' '}
        {vm.articles > 0 ? <a href={vm.articlesUrl}>{`${vm.articles} article${vm.articles === 1 ? '' : 's'}`}</a> : 'No articles yet.'}
      </p>
      <ProfileForm vm={vm.profile} csrf={vm.csrf} />
      <section class="panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete this author</h2>
        {'url' in vm.delete ? (
          <form class="inline-form" method="post" action={vm.delete.url}>
            <CsrfField token={vm.csrf} />
            <p>The profile and the author page go; nothing else changes.</p>
            <button class="button button--danger" type="submit">
              Delete the guest author
            </button>
          </form>
        ) : (
          <p>{vm.delete.reason}</p>
        )}
      </section>
      <script src={vm.script} type="module" />
    </>
  );
}

export const renderAccount = (vm: AccountVM): string => renderAdminDocument({ layout: vm.layout, children: <Account vm={vm} /> });
export const renderAuthors = (vm: AuthorsVM): string => renderAdminDocument({ layout: vm.layout, children: <Authors vm={vm} /> });
export const renderAuthorEdit = (vm: AuthorEditVM): string => renderAdminDocument({ layout: vm.layout, children: <AuthorEdit vm={vm} /> });
