/**
 * @module web/admin/front-page/front-page.view
 * /admin/front-page: the breaking-news banner (one line, a link, an expiry), posted, replaced or
 * removed by editors; the pinned lead and top stories of the home page and of each section front,
 * and the home page's section blocks.
 */
import { CsrfField, ErrorSummary, SelectField, TextField, Time } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';
import type { AdminLayoutVM, FormVM } from '../shell/view-models.js';

export interface PinVM {
  id: number;
  title: string;
  url: string;
  /** Not shown to readers: expired, or the story is no longer published. */
  inactive?: string;
  expires?: { iso: string; label: string };
  canUp: boolean;
  canDown: boolean;
}

export interface FrontPageVM {
  layout: AdminLayoutVM;
  csrf: string;
  form: FormVM;
  /** Which front page the pins are for: 'home' or 'cat:{id}'. */
  scope: string;
  scopeLabel: string;
  /** The front pages to choose from (the home page and every section). */
  scopes: { value: string; label: string }[];
  lead?: PinVM;
  /** The story that leads when none is pinned. */
  latestLead?: string;
  tops: PinVM[];
  /** The latest stories, to choose from. */
  stories: { value: string; label: string }[];
  /** Home page only: the section blocks and the sections to choose from. */
  blocks?: { id: number; label: string; canUp: boolean; canDown: boolean }[];
  sections: { value: string; label: string }[];
  /** The banner as it stands. */
  current?: { text: string; url?: string; expires?: { iso: string; label: string }; showing: boolean };
}

const FIELDS = {
  text: 'banner-text',
  url: 'banner-url',
  expiresAt: 'banner-expires',
  story: 'pin-story',
  storyRef: 'pin-story-ref',
  pinExpiresAt: 'pin-expires',
  pins: 'top-stories',
  section: 'block-section',
  count: 'block-count',
  blocks: 'blocks',
};

function PinRow({ pin, csrf, lead }: { pin: PinVM; csrf: string; lead?: boolean }) {
  const act = (path: string, label: string, text: string, cls = 'button button--small button--secondary') => (
    <form method="post" action={`/admin/front-page/pins/${pin.id}/${path}`} class="inline-form">
      <CsrfField token={csrf} />
      <button class={cls} type="submit" aria-label={`${label}: ${pin.title}`} title={label}>
        {text}
      </button>
    </form>
  );
  return (
    <li class={`pin${pin.inactive ? ' pin--inactive' : ''}`}>
      <div class="pin__what">
        <a href={pin.url}>{pin.title}</a>
        {pin.expires && (
          <span class="pin__until">
            {' '}
            · until <Time date={pin.expires} />
          </span>
        )}
        {pin.inactive && <strong class="pin__inactive"> · {pin.inactive}</strong>}
      </div>
      <div class="pin__ops">
        {!lead && pin.canUp && act('up', 'Move up', '↑')}
        {!lead && pin.canDown && act('down', 'Move down', '↓')}
        {act('unpin', 'Unpin', 'Unpin')}
      </div>
    </li>
  );
}

function Pins({ vm }: { vm: FrontPageVM }) {
  const { values, errors } = vm.form;
  return (
    <section class="panel" aria-labelledby="pins-title">
      <h2 id="pins-title">Pinned stories: {vm.scopeLabel}</h2>
      <form method="get" action="/admin/front-page" class="menu-switch__language">
        <SelectField id="front-scope" name="front" label="Front page" options={vm.scopes} value={vm.scope} />
        <button class="button button--secondary" type="submit">
          Show
        </button>
      </form>
      <h3>Lead story</h3>
      {vm.lead ? (
        <ul class="pins">
          <PinRow pin={vm.lead} csrf={vm.csrf} lead />
        </ul>
      ) : (
        <p>{vm.latestLead ? `Not pinned: the latest story leads (now “${vm.latestLead}”).` : 'Not pinned: the latest story leads.'}</p>
      )}
      <h3>Top stories</h3>
      {vm.tops.length ? (
        <ol class="pins" id={FIELDS.pins}>
          {vm.tops.map((p) => (
            <PinRow pin={p} csrf={vm.csrf} />
          ))}
        </ol>
      ) : (
        <p id={FIELDS.pins}>None pinned: the latest stories follow the lead.</p>
      )}
      <form class="form" method="post" action="/admin/front-page/pin" novalidate>
        <CsrfField token={vm.csrf} />
        <input type="hidden" name="scope" value={vm.scope} />
        <SelectField
          id={FIELDS.story}
          name="story"
          label="Story"
          options={[{ value: '', label: 'Choose one of the latest stories…' }, ...vm.stories]}
          value={values.story}
          error={errors.story}
        />
        <TextField
          id={FIELDS.storyRef}
          name="storyRef"
          label="Or its address"
          required={false}
          value={values.storyRef ?? ''}
          maxLength={300}
          hint="An older story: its address on this site, such as /night-trains-return/, or its slug."
        />
        <TextField
          id={FIELDS.pinExpiresAt}
          name="expiresAt"
          label="Pinned until (optional)"
          required={false}
          value={values.pinExpiresAt ?? ''}
          error={errors.pinExpiresAt}
          maxLength={19}
          hint={`YYYY-MM-DD HH:MM; empty: until you unpin it. Times are in ${vm.layout.timeZone} (the site’s time zone, set in Settings).`}
        />
        <div class="form__actions">
          <button class="button" type="submit" name="slot" value="lead">
            Pin as the lead
          </button>
          <button class="button button--secondary" type="submit" name="slot" value="top">
            Pin as a top story
          </button>
        </div>
      </form>
      {vm.blocks && (
        <>
          <h3>Section blocks</h3>
          <p class="hint">Below the top stories of the home page, each block shows a section’s latest stories (but the lead and the pinned ones).</p>
          {vm.blocks.length ? (
            <ol class="pins" id={FIELDS.blocks}>
              {vm.blocks.map((b) => (
                <li class="pin">
                  <div class="pin__what">{b.label}</div>
                  <div class="pin__ops">
                    {b.canUp && <BlockButton id={b.id} csrf={vm.csrf} path="up" label={`Move up: ${b.label}`} text="↑" />}
                    {b.canDown && <BlockButton id={b.id} csrf={vm.csrf} path="down" label={`Move down: ${b.label}`} text="↓" />}
                    <BlockButton id={b.id} csrf={vm.csrf} path="remove" label={`Remove: ${b.label}`} text="Remove" />
                  </div>
                </li>
              ))}
            </ol>
          ) : (
            <p id={FIELDS.blocks}>No section blocks.</p>
          )}
          <form class="form form--inline" method="post" action="/admin/front-page/blocks" novalidate>
            <CsrfField token={vm.csrf} />
            <SelectField id={FIELDS.section} name="section" label="Section" options={vm.sections} value={values.section} error={errors.section} />
            <TextField id={FIELDS.count} name="count" label="Stories" value={values.count ?? '4'} error={errors.count} maxLength={2} inputMode="numeric" />
            <button class="button" type="submit">
              Add the block
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function BlockButton({ id, csrf, path, label, text }: { id: number; csrf: string; path: string; label: string; text: string }) {
  return (
    <form method="post" action={`/admin/front-page/blocks/${id}/${path}`} class="inline-form">
      <CsrfField token={csrf} />
      <button class="button button--small button--secondary" type="submit" aria-label={label} title={label}>
        {text}
      </button>
    </form>
  );
}

function FrontPage({ vm }: { vm: FrontPageVM }) {
  const { values, errors } = vm.form;
  const c = vm.current;
  return (
    <>
      <ErrorSummary errors={errors} fields={FIELDS} />
      <Pins vm={vm} />
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
