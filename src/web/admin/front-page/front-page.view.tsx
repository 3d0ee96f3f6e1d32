/**
 * @module web/admin/front-page/front-page.view
 * /admin/front-page: the breaking-news banner (one line, a link, an expiry), posted, replaced or
 * removed by editors. Pinned stories and section blocks will join it here.
 */
import { CsrfField, ErrorSummary, TextField, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';

export interface FrontPageVM {
  layout: AdminLayoutVM;
  csrf: string;
  form: FormVM;
  /** The banner as it stands. */
  current?: { text: string; url?: string; expires?: { iso: string; label: string }; showing: boolean };
}

const FIELDS = { text: 'banner-text', url: 'banner-url', expiresAt: 'banner-expires' };

function FrontPage({ vm }: { vm: FrontPageVM }) {
  const { values, errors } = vm.form;
  const c = vm.current;
  return (
    <>
      <section class="panel" aria-labelledby="banner-title">
        <h2 id="banner-title">Breaking-news banner</h2>
        {c ? (
          <>
            <p>
              {c.showing ? 'Showing on every page now: ' : 'Expired, no longer shown: '}
              <strong>{c.text}</strong>
              {c.url && (
                <>
                  {' '}
                  (links to <a href={c.url}>{c.url}</a>)
                </>
              )}
              {c.expires && (
                <>
                  {c.showing ? ', until ' : ', since '}
                  <Time date={c.expires} />
                </>
              )}
              .
            </p>
            <form method="post" action="/admin/front-page/banner/remove">
              <CsrfField token={vm.csrf} />
              <button class="button button--secondary" type="submit">
                Remove the banner
              </button>
            </form>
          </>
        ) : (
          <p>No banner is shown.</p>
        )}
        <ErrorSummary errors={errors} fields={FIELDS} />
        <form class="form" method="post" action="/admin/front-page/banner" novalidate>
          <CsrfField token={vm.csrf} />
          <TextField
            id={FIELDS.text}
            name="text"
            label={c ? 'New banner line' : 'Banner line'}
            value={values.text ?? ''}
            error={errors.text}
            maxLength={200}
            dir="auto"
            hint="One line, at most 200 characters, shown at the top of every page."
          />
          <TextField
            id={FIELDS.url}
            name="url"
            label="Link (optional)"
            required={false}
            value={values.url ?? ''}
            error={errors.url}
            maxLength={500}
            hint="A page of this site, such as /live-coverage/, or an https:// address."
          />
          <TextField
            id={FIELDS.expiresAt}
            name="expiresAt"
            label="Take it down at (optional)"
            required={false}
            value={values.expiresAt ?? ''}
            error={errors.expiresAt}
            maxLength={19}
            hint={`YYYY-MM-DD HH:MM; empty: until you remove it. Times are in ${vm.layout.timeZone} (the site’s time zone, set in Settings).`}
          />
          <button class="button" type="submit">
            {c ? 'Replace the banner' : 'Post the banner'}
          </button>
        </form>
      </section>
    </>
  );
}

export const renderFrontPage = (vm: FrontPageVM): string => renderAdminDocument({ layout: vm.layout, children: <FrontPage vm={vm} /> });
