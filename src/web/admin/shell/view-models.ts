/**
 * @module web/admin/shell/view-models
 * What every admin screen shares: the layout, a form's values and errors, the error page.
 * Each feature folder declares its own screens' view-models beside them (<feature>.view-models.ts).
 */

/** An image at a given size, as <img> attributes. */
export interface ThumbVM {
  src: string;
  width: number;
  height: number;
}

export interface NavItemVM {
  label: string;
  url: string;
  current: boolean;
}

export interface AdminLayoutVM {
  /** <title> and the page's <h1>. */
  title: string;
  siteName: string;
  /** Set when someone is signed in: the header shows them and the log-out button. */
  user?: { name: string; email: string; roleLabel: string };
  nav: NavItemVM[];
  /** CSRF token for the forms in the header (log out). */
  csrf: string;
  /** A one-line confirmation ("User created.") shown at the top of the page. */
  notice?: string;
  /** The site's zone (settings), which every date on the screen is shown in. */
  timeZone: string;
  /** admin.css at its current URL. */
  stylesheet: string;
  /** Stylesheets after admin.css (the article form: the site's theme, for its typefaces). */
  extraStylesheets: readonly string[];
}

/** Field values to refill a form with, and field → message for the ones that need attention. */
export interface FormVM {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export interface AdminErrorVM {
  layout: AdminLayoutVM;
  status: number;
  /** The error's code (docs/errors.md), on the page as data-error-code for support and tests. */
  code: string;
  message: string;
  /** Where to go from here. */
  links: { label: string; url: string }[];
}
