/**
 * @module web/admin/settings/settings.view
 * /admin/settings: the site's identity (name, description, language, stories per page, footer,
 * profiles), dates (time zone, date style, the time on articles) and branding (logo, favicon, share image, accent colour, type, own stylesheet), as
 * one form that works without JavaScript; with it, images are chosen from the library.
 */
import { CsrfField, ErrorSummary, LanguageFields, SelectField, TextAreaField, TextField } from '../shell/components.js';
import { renderAdminDocument } from '../shell/layout.js';
import type { SettingsVM } from './settings.view-models.js';

const FIELD_IDS: Record<string, string> = {
  name: 'site-name',
  tagline: 'site-tagline',
  language: 'site-language',
  postsPerPage: 'site-posts-per-page',
  footerLine: 'site-footer-line',
  socialProfiles: 'site-social-profiles',
  logoId: 'site-logo',
  faviconId: 'site-favicon',
  shareImageId: 'site-share-image',
  accent: 'site-accent',
  fonts: 'site-fonts',
  customCss: 'site-custom-css',
  timeZone: 'site-time-zone',
  dateStyle: 'site-date-style',
  showTime: 'site-show-time',
};

const IMAGES: { name: 'logoId' | 'faviconId' | 'shareImageId'; label: string; what: string; hint: string }[] = [
  {
    name: 'logoId',
    label: 'Logo (media id)',
    what: 'logo',
    hint: 'Shown in the masthead instead of the name (the name stays its text alternative); also the publisher’s logo for search engines. A wide image about 3 to 8 times as wide as it is tall works best.',
  },
  { name: 'faviconId', label: 'Favicon (media id)', what: 'favicon', hint: 'The small icon of browser tabs: a square image, at least 48 pixels wide.' },
  {
    name: 'shareImageId',
    label: 'Default share image (media id)',
    what: 'share image',
    hint: 'Shown when a page without its own image is shared (the logo when empty). 1200 × 630 pixels suits most networks.',
  },
];

function Settings({ vm }: { vm: SettingsVM }) {
  const { values, errors } = vm.form;
  const hint = (name: string, text?: string) => [text, vm.sources[name]].filter(Boolean).join(' ');
  return (
    <>
      <p>
        <a href="/admin/comments/settings">Comment settings</a> ·{' '}
        <a href="/" rel="noopener">
          View the site
        </a>
      </p>
      <ErrorSummary errors={errors} fields={FIELD_IDS} />
      <form class="form form--wide settings-form" method="post" action="/admin/settings" novalidate>
        <CsrfField token={vm.csrf} />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Identity</legend>
          <TextField
            id={FIELD_IDS.name!}
            name="name"
            label="Site name"
            required={false}
            value={values.name ?? ''}
            placeholder={vm.placeholders.name}
            error={errors.name}
            maxLength={120}
            hint={hint('name', 'In the masthead, page titles, feeds and search results.')}
          />
          <LanguageFields
            idPrefix="site-name"
            name="name"
            summary="Name in other languages"
            hint="The masthead of pages in that language shows it, in that language’s type (a Persian article’s page, say). Leave empty to show the site name."
            languages={vm.nameLanguages}
            values={values}
            errors={errors}
            maxLength={120}
          />
          <TextField
            id={FIELD_IDS.tagline!}
            name="tagline"
            label="Description"
            required={false}
            value={values.tagline ?? ''}
            placeholder={vm.placeholders.tagline}
            error={errors.tagline}
            maxLength={300}
            hint={hint('tagline', 'One sentence: the home page’s description for search engines and feeds.')}
          />
          <SelectField
            id={FIELD_IDS.language!}
            name="language"
            label="Site language"
            options={vm.languages}
            value={values.language ?? ''}
            error={errors.language}
            hint={hint('language', 'The language of navigation, archives and the home page. Each article keeps its own.')}
          />
          <TextField
            id={FIELD_IDS.postsPerPage!}
            name="postsPerPage"
            label="Stories per page"
            required={false}
            value={values.postsPerPage ?? ''}
            placeholder={vm.placeholders.postsPerPage}
            error={errors.postsPerPage}
            inputMode="numeric"
            maxLength={3}
            hint={hint('postsPerPage', 'On the home page, sections, tags and author pages (1 to 100).')}
          />
          <TextField
            id={FIELD_IDS.footerLine!}
            name="footerLine"
            label="Footer line"
            required={false}
            value={values.footerLine ?? ''}
            placeholder={vm.placeholders.footerLine}
            error={errors.footerLine}
            maxLength={200}
            hint="The copyright line at the foot of every page; {year} becomes the current year."
          />
          <TextAreaField
            id={FIELD_IDS.socialProfiles!}
            name="socialProfiles"
            label="The publication’s profiles elsewhere"
            rows={4}
            value={values.socialProfiles ?? ''}
            error={errors.socialProfiles}
            hint="One web address per line (Mastodon, Bluesky, YouTube…), at most 10; search engines learn they are yours."
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Dates</legend>
          <SelectField
            id={FIELD_IDS.timeZone!}
            name="timeZone"
            label="Time zone"
            options={vm.timeZones.options}
            groups={vm.timeZones.groups}
            value={values.timeZone ?? ''}
            error={errors.timeZone}
            hint="Dates on every page and in the admin are shown in it, and the times you type (scheduling, the banner’s end) are read in it. Type a city’s first letters to jump to it."
          />
          <fieldset class={`field${errors.dateStyle !== undefined ? ' field--error' : ''}`} id={FIELD_IDS.dateStyle} aria-describedby="site-date-style-hint">
            <legend class="field__label">Date style</legend>
            <p class="field__hint" id="site-date-style-hint">
              How articles, lists and comments write a date; each example is today. Persian pages keep the Persian calendar and digits.
            </p>
            {errors.dateStyle !== undefined && (
              <p class="field__error">
                <span class="visually-hidden">Error: </span>
                {errors.dateStyle}
              </p>
            )}
            <div class="choices">
              {vm.dateStyles.map((s) => (
                <label class="choice">
                  <input type="radio" name="dateStyle" value={s.value} checked={(values.dateStyle || 'long') === s.value} /> {s.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div class={`field${errors.showTime !== undefined ? ' field--error' : ''}`}>
            {errors.showTime !== undefined && (
              <p class="field__error" id="site-show-time-error">
                <span class="visually-hidden">Error: </span>
                {errors.showTime}
              </p>
            )}
            <label class="choice">
              <input type="checkbox" id={FIELD_IDS.showTime} name="showTime" value="1" checked={values.showTime === '1'} />
              {` Show the time on articles and comments, such as ${vm.timeExample}`}
            </label>
          </div>
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Branding</legend>
          {IMAGES.map((img) => {
            const current = vm.images[img.name];
            return (
              <div class="featured-field" data-media-field={img.what} data-media-upload={vm.canUpload ? '1' : '0'}>
                <TextField
                  id={FIELD_IDS[img.name]!}
                  name={img.name}
                  label={img.label}
                  required={false}
                  value={values[img.name] ?? ''}
                  error={errors[img.name]}
                  maxLength={10}
                  hint={`${img.hint} The number of an image in the media library.`}
                />
                {current && (
                  <p class="featured-field__preview">
                    <img
                      src={current.thumb.src}
                      width={current.thumb.width}
                      height={current.thumb.height}
                      alt={`Current ${img.what}: ${current.alt || 'no alt text'}`}
                    />
                    <a href={current.editUrl}>{`Image ${values[img.name]} in the media library`}</a>
                  </p>
                )}
              </div>
            );
          })}
          <TextField
            id={FIELD_IDS.accent!}
            name="accent"
            label="Accent colour"
            required={false}
            value={values.accent ?? ''}
            placeholder={vm.placeholders.accent}
            error={errors.accent}
            maxLength={7}
            hint="For section labels, links on hover and buttons: # and six hexadecimal digits. It must reach a contrast of 4.5:1 against the page and against white text (WCAG AA)."
          />
          <SelectField
            id={FIELD_IDS.fonts!}
            name="fonts"
            label="Type"
            options={vm.fonts}
            value={values.fonts ?? 'system'}
            error={errors.fonts}
            hint="Headlines and text in the first face, navigation and small print in the second. Fonts are served from this site, Vazirmatn with them for Persian, Arabic and Urdu text; the headline face is preloaded."
          />
          <TextAreaField
            id={FIELD_IDS.customCss!}
            name="customCss"
            label="Your own stylesheet (CSS)"
            rows={8}
            code
            value={values.customCss ?? ''}
            error={errors.customCss}
            hint="Loaded after the theme on every public page, from this site. Images and fonts must come from this site too (/media/…)."
          />
        </fieldset>
        <button class="button" type="submit">
          Save settings
        </button>
      </form>
      <script src={vm.script} type="module" />
    </>
  );
}

export const renderSettings = (vm: SettingsVM): string => renderAdminDocument({ layout: vm.layout, children: <Settings vm={vm} /> });
