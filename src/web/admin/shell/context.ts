/**
 * @module web/admin/shell/context
 * What every admin route group needs: the database, the clock and tunables, cookie policy, and
 * helpers to build a page's layout for the current request.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/database.js';
import type { ScryptParams } from '../../../modules/user/password.js';
import type { ImageGate } from '../../../modules/media/image-gate.js';
import type { ThrottlePolicy } from '../../../modules/user/throttle.js';
import type { AuthContext } from '../../../modules/user/user.service.js';
import type { CookiePolicy } from './auth.js';
import type { LiveSite } from '../../site/site-context.js';
import { layoutVM } from './presenters.js';
import type { AdminLayoutVM } from './view-models.js';

/** Tunables that tests lower or shorten; production uses the modules' defaults. */
export interface AdminTuning {
  /** scrypt cost for new hashes (default modules/user/password.ts DEFAULT_SCRYPT). */
  scrypt?: ScryptParams;
  throttle?: ThrottlePolicy;
  /** The image decoding bound for uploads (modules/media/image-gate); the process's by default. */
  imageGate?: ImageGate;
  /** How a slowed login waits (tests record the waits instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
}

export interface AdminContext {
  db: Db;
  /** The site's settings as they stand (name, language, look); see web/site/site-context. */
  site: LiveSite;
  readonly siteName: string;
  /** admin.css at its current (hashed) URL. */
  stylesheet: string;
  cookies: CookiePolicy;
  now: () => Date;
  /** The services' context for this moment. */
  auth(): AuthContext;
}

export function makeContext(db: Db, site: LiveSite, now: () => Date, stylesheet: string, tuning: AdminTuning): AdminContext {
  return {
    db,
    site,
    stylesheet,
    get siteName() {
      return site.siteName;
    },
    cookies: { secure: site.siteUrl.startsWith('https:') },
    now,
    auth: () => ({
      now: now(),
      ...(tuning.scrypt ? { scrypt: tuning.scrypt } : {}),
      ...(tuning.throttle ? { throttle: tuning.throttle } : {}),
      ...(tuning.sleep ? { sleep: tuning.sleep } : {}),
    }),
  };
}

/** CSRF token bound to this request's session (or to "anonymous" before login). */
export const csrfFor = (reply: FastifyReply): string =>
  reply.generateCsrf({ userInfo: reply.request.adminAuth ? `session:${reply.request.adminAuth.sessionId}` : 'anonymous' });

export function pageLayout(
  c: AdminContext,
  request: FastifyRequest,
  csrf: string,
  title: string,
  notice?: string,
  o: { siteTypefaces?: boolean } = {},
): AdminLayoutVM {
  return layoutVM({
    title,
    siteName: c.siteName,
    csrf,
    user: request.adminAuth?.user,
    path: request.url.split('?')[0] ?? '',
    notice,
    timeZone: c.site.dates.timeZone,
    stylesheet: c.stylesheet,
    // The editor sets the body in the site's own faces: the theme stylesheet says which (its @font-face rules and --serif-* values).
    ...(o.siteTypefaces ? { extraStylesheets: c.site.brand.stylesheets.filter((s) => s.startsWith('/brand/theme.css')) } : {}),
  });
}
