/**
 * @module web/admin/settings/settings.routes
 * /admin/settings (owners: `settings.manage`): the site's identity, dates (time zone, date style)
 * and branding.
 *   GET  /admin/settings
 *   POST /admin/settings   every field of the form; an empty one goes back to its default
 * Saving purges every page (all show the name and look), on every instance through the purge log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findMediaByIds } from '../../../modules/media/media.repository.js';
import { DEFAULT_ACCENT, FONT_PAIRINGS, MEDIA_FIELDS, parseSiteSettingsForm, SiteError, type SiteSettings } from '../../../modules/site/site.js';
import { updateSiteSettings } from '../../../modules/site/site.service.js';
import { can } from '../../../modules/user/permissions.js';
import { sendHtml } from '../../html.js';
import { languageName, UI_LANGUAGES } from '../../site/i18n.js';
import { actorOf } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { fieldsOf } from '../shell/forms.js';
import { thumbOf } from '../shell/presenters.js';
import { DATE_STYLES, formatDate, type DateStyle } from '../../../lib/dates.js';
import { timeZones, zoneAbbreviation } from '../../../lib/zoned-time.js';
import type { SettingsVM } from './settings.view-models.js';
import { mediaScript } from '../shell/script-bundle.js';
import type { FormVM } from '../shell/view-models.js';
import { renderSettings } from './settings.view.js';

/** The longest value each field may echo back (the stylesheet is the long one). */
const ECHO_MAX: Record<string, number> = { customCss: 100_000, socialProfiles: 4000 };

const formOf = (s: SiteSettings): Record<string, string> => ({
  name: s.name ?? '',
  ...Object.fromEntries(Object.entries(s.names ?? {}).map(([l, v]) => [`name-${l}`, v])),
  tagline: s.tagline ?? '',
  language: s.language ?? '',
  postsPerPage: s.postsPerPage !== undefined ? String(s.postsPerPage) : '',
  footerLine: s.footerLine ?? '',
  socialProfiles: s.socialProfiles.join('\n'),
  logoId: s.logoId !== undefined ? String(s.logoId) : '',
  faviconId: s.faviconId !== undefined ? String(s.faviconId) : '',
  shareImageId: s.shareImageId !== undefined ? String(s.shareImageId) : '',
  accent: s.accent ?? '',
  fonts: s.fonts,
  customCss: s.customCss ?? '',
  timeZone: s.timeZone ?? '',
  dateStyle: s.dateStyle ?? 'long',
  showTime: s.showTime ? '1' : '',
});

const STYLE_NAMES: Record<DateStyle, string> = { long: 'Long', medium: 'Short month', iso: 'Numbers, year first' };

/** UTC, then every zone under its region, labelled with its place and short name at `now`. */
function zoneChoices(now: Date): SettingsVM['timeZones'] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const z of timeZones()) {
    const at = z.indexOf('/');
    if (at < 0) continue;
    const region = z.slice(0, at);
    const place = z.slice(at + 1).replaceAll('_', ' ');
    const list = groups.get(region) ?? [];
    list.push({ value: z, label: `${place} (${zoneAbbreviation(now, z)})` });
    groups.set(region, list);
  }
  return {
    options: [{ value: '', label: 'UTC (the default)' }],
    groups: [...groups].map(([label, options]) => ({ label, options })),
  };
}

export async function settingsRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const { defaults } = c.site;
  const langLabel = (l: string) => `${languageName(l)} (${l})`;

  const render = async (request: FastifyRequest, reply: FastifyReply, form: FormVM, status = 200) => {
    const csrf = csrfFor(reply);
    const saved = c.site.settings;
    // Beside each field with an environment default: which one applies, and where it comes from.
    const source = (stored: unknown, env: string, value: string) =>
      stored === undefined ? `Empty: the default from ${env} applies (“${value}”).` : `Set here; it replaces the default from ${env} (“${value}”).`;
    const ids = MEDIA_FIELDS.map((f) => Number(form.values[f])).filter((n) => Number.isInteger(n) && n > 0);
    const media = await findMediaByIds(c.db, ids);
    const images: Record<string, { thumb: ReturnType<typeof thumbOf>; alt: string; editUrl: string } | undefined> = {};
    for (const f of MEDIA_FIELDS) {
      const row = media.get(Number(form.values[f]));
      images[f] = row ? { thumb: thumbOf(row), alt: row.alt, editUrl: `/admin/media/${row.id}` } : undefined;
    }
    const user = request.adminAuth?.user;
    // The examples are written as the site stands: its language, zone and style.
    const now = c.now();
    const today = now.toISOString();
    const lang = c.site.siteLanguage;
    const { dates } = c.site;
    return sendHtml(
      reply,
      renderSettings({
        layout: pageLayout(
          c,
          request,
          csrf,
          'Site settings',
          (request.query as Record<string, unknown>).saved === '1' ? 'Settings saved. Every page shows them now.' : undefined,
        ),
        csrf,
        form,
        sources: {
          name: source(saved.name, 'SITE_NAME', defaults.name),
          tagline: source(saved.tagline, 'SITE_DESCRIPTION', defaults.tagline),
          language: source(saved.language, 'SITE_LANGUAGE', langLabel(defaults.language)),
          postsPerPage: source(saved.postsPerPage, 'POSTS_PER_PAGE', String(defaults.postsPerPage)),
        },
        placeholders: {
          name: defaults.name,
          tagline: defaults.tagline,
          postsPerPage: String(defaults.postsPerPage),
          footerLine: `© {year} ${c.site.siteName}. All rights reserved.`,
          accent: DEFAULT_ACCENT,
        },
        languages: [{ value: '', label: `The default: ${langLabel(defaults.language)}` }, ...UI_LANGUAGES.map((l) => ({ value: l, label: langLabel(l) }))],
        nameLanguages: UI_LANGUAGES.filter((l) => l !== c.site.siteLanguage).map((l) => ({ value: l, label: langLabel(l) })),
        fonts: FONT_PAIRINGS.map((p) => ({ value: p.id, label: p.label })),
        timeZones: zoneChoices(now),
        dateStyles: DATE_STYLES.map((s) => ({ value: s, label: `${STYLE_NAMES[s]}: ${formatDate(today, lang, { style: s, timeZone: dates.timeZone })}` })),
        timeExample: formatDate(today, lang, { style: dates.style, timeZone: dates.timeZone, time: true }),
        images,
        canUpload: user ? can(user.role, 'media.upload') : false,
        script: mediaScript.url,
      }),
      status,
    );
  };

  app.get('/settings', { config: { access: 'settings.manage' } }, async (request, reply) =>
    render(request, reply, { values: formOf(c.site.settings), errors: {} }),
  );

  app.post('/settings', { config: { access: 'settings.manage' } }, async (request, reply) => {
    const form: Record<string, string> = {};
    for (const [k, v] of Object.entries(fieldsOf(request.body))) {
      if (typeof v === 'string' && k !== '_csrf') form[k] = v.slice(0, (ECHO_MAX[k] ?? 1000) + 1);
    }
    const { settings, errors } = parseSiteSettingsForm(form, UI_LANGUAGES);
    if (!settings) return render(request, reply, { values: form, errors }, 400);
    try {
      const { purge } = await updateSiteSettings(c.db, settings, actorOf(request), c.now());
      if (purge.length) app.pageCache.purge(purge);
    } catch (err) {
      if (err instanceof SiteError) return render(request, reply, { values: form, errors: { ...err.fields } }, 400);
      throw err;
    }
    return reply.redirect('/admin/settings?saved=1', 303);
  });
}
