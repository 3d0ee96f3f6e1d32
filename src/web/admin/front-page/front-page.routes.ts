/**
 * @module web/admin/front-page/front-page.routes
 * /admin/front-page (editors and owners: `frontpage.manage`):
 *   GET  /admin/front-page                 the banner as it stands and its form
 *   POST /admin/front-page/banner          text, url, expiresAt (the site's zone): post or replace it
 *   POST /admin/front-page/banner/remove   take it down
 * The banner is on every page, so each change purges every page, on every instance.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bannerShows, parseBannerForm } from '../../../modules/site/site.js';
import { setBanner } from '../../../modules/site/site.service.js';
import { sendHtml } from '../../html.js';
import { actorOf } from '../shell/auth.js';
import { csrfFor, pageLayout, type AdminContext } from '../shell/context.js';
import { echo, fieldsOf } from '../shell/forms.js';
import { dateVM, noticeLookup } from '../shell/presenters.js';
import type { FormVM } from '../shell/view-models.js';
import { renderFrontPage } from './front-page.view.js';

const notice = noticeLookup({ posted: 'Banner posted: every page shows it now.', removed: 'Banner removed from every page.' });

export async function frontPageRoutes(app: FastifyInstance, c: AdminContext): Promise<void> {
  const render = (request: FastifyRequest, reply: FastifyReply, form: FormVM, status = 200) => {
    const csrf = csrfFor(reply);
    const b = c.site.stored.banner;
    return sendHtml(
      reply,
      renderFrontPage({
        layout: pageLayout(c, request, csrf, 'Front page', notice((request.query as Record<string, unknown>).notice)),
        csrf,
        form,
        ...(b
          ? {
              current: {
                text: b.text,
                ...(b.url ? { url: b.url } : {}),
                ...(b.expiresAt ? { expires: dateVM(b.expiresAt, c.site.dates.timeZone) } : {}),
                showing: bannerShows(b, c.now()),
              },
            }
          : {}),
      }),
      status,
    );
  };

  app.get('/front-page', { config: { access: 'frontpage.manage' } }, async (request, reply) => render(request, reply, { values: {}, errors: {} }));

  app.post('/front-page/banner', { config: { access: 'frontpage.manage' } }, async (request, reply) => {
    const f = fieldsOf(request.body);
    const form = { text: echo(f.text, 1000), url: echo(f.url, 1000), expiresAt: echo(f.expiresAt, 100) };
    const { banner, errors } = parseBannerForm(form, c.now(), c.site.dates.timeZone);
    if (!banner) return render(request, reply, { values: form, errors }, 400);
    app.pageCache.purge((await setBanner(c.db, banner, actorOf(request), c.now())).purge);
    return reply.redirect('/admin/front-page?notice=posted', 303);
  });

  app.post('/front-page/banner/remove', { config: { access: 'frontpage.manage' } }, async (request, reply) => {
    app.pageCache.purge((await setBanner(c.db, undefined, actorOf(request), c.now())).purge);
    return reply.redirect('/admin/front-page?notice=removed', 303);
  });
}
