/**
 * @module web/admin/view-models
 * What admin views render: plain data, already formatted. Views import only this file.
 */

export interface NavItemVM { label: string; url: string; current: boolean }

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
}

/** Field values to refill a form with, and field → message for the ones that need attention. */
export interface FormVM {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export interface LoginVM {
  layout: AdminLayoutVM;
  csrf: string;
  next?: string;
  form: FormVM;
  /** The whole-form message: wrong password, or "Too many attempts…". */
  problem?: string;
  /** No account exists yet: point to /admin/setup. */
  setupOpen: boolean;
}

export interface SetupVM {
  layout: AdminLayoutVM;
  csrf: string;
  form: FormVM;
}

export interface DashboardItemVM {
  title: string;
  url: string;
  /** What the date is ("Updated", "Goes live", "Published") and the date. */
  when: { label: string; date: { iso: string; label: string } };
  /** Shown next to the title (e.g. the byline's status), optional. */
  note?: string;
}

export interface DashboardListVM {
  id: string;
  title: string;
  count: number;
  items: DashboardItemVM[];
  /** The full, filtered list. */
  more: { label: string; url: string };
  empty: string;
}

export interface DashboardVM {
  layout: AdminLayoutVM;
  csrf: string;
  user: { name: string; email: string; roleLabel: string; roleDescription: string; roleHint: string; lastLogin?: { iso: string; label: string } };
  abilities: string[];
  actions: { label: string; url: string; primary: boolean }[];
  lists: DashboardListVM[];
  comments?: { pending: number; url: string; items: { author: string; excerpt: string; postTitle: string; url: string; pending: boolean; date: { iso: string; label: string } }[] };
}

export interface UserItemVM {
  id: number;
  name: string;
  email: string;
  role: string;
  roleLabel: string;
  status: 'active' | 'disabled';
  sessions: number;
  lastLogin?: { iso: string; label: string };
  isSelf: boolean;
}

export interface UsersVM {
  layout: AdminLayoutVM;
  csrf: string;
  users: UserItemVM[];
  roles: { value: string; label: string; description: string }[];
  create: FormVM;
}

export interface AuditItemVM {
  at: { iso: string; label: string };
  actor: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

export interface AuditVM {
  layout: AdminLayoutVM;
  entries: AuditItemVM[];
  page: number;
  totalPages: number;
  total: number;
  prevUrl?: string;
  nextUrl?: string;
}

export interface AdminErrorVM {
  layout: AdminLayoutVM;
  status: number;
  message: string;
  /** Where to go from here. */
  links: { label: string; url: string }[];
}
