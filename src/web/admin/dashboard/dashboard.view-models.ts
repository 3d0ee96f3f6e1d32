/**
 * @module web/admin/dashboard/dashboard.view-models
 * What the dashboard renders.
 */
import type { AdminLayoutVM } from '../shell/view-models.js';

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
  comments?: {
    pending: number;
    url: string;
    items: { author: string; excerpt: string; postTitle: string; url: string; pending: boolean; date: { iso: string; label: string } }[];
  };
}
