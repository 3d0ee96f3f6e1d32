/**
 * @module web/site/site-context
 * The site-wide facts every public page needs, taken from Config once.
 */
import type { Config } from '../../config/config.js';

export interface SiteContext {
  siteUrl: string;
  siteName: string;
  siteDescription: string;
  siteLanguage: string;
  postsPerPage: number;
  /** Feeds carry whole articles, or only their standfirst. */
  feedFullText: boolean;
  /** Clock, injectable for tests. */
  now: () => Date;
}

export const siteContextFrom = (config: Config, now: () => Date = () => new Date()): SiteContext => ({
  siteUrl: config.siteUrl,
  siteName: config.siteName,
  siteDescription: config.siteDescription,
  siteLanguage: config.siteLanguage,
  postsPerPage: config.postsPerPage,
  feedFullText: config.feedFullText,
  now,
});
