/**
 * @module web/admin/settings/settings.view-models
 * What the site settings screen shows.
 */
import type { AdminLayoutVM, FormVM, ThumbVM } from '../shell/view-models.js';

export interface SettingsVM {
  layout: AdminLayoutVM;
  csrf: string;
  form: FormVM;
  /** Per field: where its value comes from ("Default from SITE_NAME: …" or "Set here; …"). */
  sources: Record<string, string>;
  /** What an empty field means, shown greyed in it. */
  placeholders: Record<string, string>;
  languages: { value: string; label: string }[];
  /** The languages the name may be given in (the fields "Name in other languages"). */
  nameLanguages: { value: string; label: string }[];
  fonts: { value: string; label: string }[];
  /** The time zones: UTC first, then by region (Africa, America…), each with its short name now. */
  timeZones: { options: { value: string; label: string }[]; groups: { label: string; options: { value: string; label: string }[] }[] };
  /** The date styles, each with today written in it (in the site's language and zone). */
  dateStyles: { value: string; label: string }[];
  /** Today with its time, as an article would show it with the time on. */
  timeExample: string;
  /** The chosen images (logo, favicon, share image) as they stand. */
  images: Record<string, { thumb: ThumbVM; alt: string; editUrl: string } | undefined>;
  canUpload: boolean;
  script: string;
}
