/**
 * @module import/wordpress/redirects
 * Old WordPress paths → new ones, written in batches. Same rules as addRedirect(): the live target
 * never redirects, and older redirects that led to an old path now lead straight to the new one
 * (no chains). A stored redirect only answers when no route matches, so live content always wins.
 */
import type { Db } from '../../db/database.js';
import type { ImportReport } from '../report.js';
import { redirectsFrom, redirectTargetsAmong, removeRedirectsFrom, retargetRedirects, upsertRedirects } from '../../modules/redirect/redirect.repository.js';

/** What writing redirects did: new ones, ones that led elsewhere before, ones already there (a re-run). */
export interface RedirectCounts {
  created: number;
  updated: number;
  matched: number;
}

const NONE: RedirectCounts = { created: 0, updated: 0, matched: 0 };

/** Adds the counts to the report's redirect row. */
export function countRedirects(report: ImportReport, c: RedirectCounts): void {
  for (const k of ['created', 'updated', 'matched'] as const) if (c[k]) report.count('redirect', k, c[k]);
}

/** How each redirect compares with what is stored (read before writing). */
async function compare(db: Db, byFrom: Map<string, string>): Promise<Map<string, keyof RedirectCounts>> {
  const stored = await redirectsFrom(db, [...byFrom.keys()]);
  const out = new Map<string, keyof RedirectCounts>();
  for (const [from, to] of byFrom) out.set(from, !stored.has(from) ? 'created' : stored.get(from) === to ? 'matched' : 'updated');
  return out;
}

/** Upserts redirects; returns how many were new, changed, or already there. */
export async function putRedirects(db: Db, list: { from: string; to: string }[], iso: string): Promise<RedirectCounts> {
  const byFrom = new Map<string, string>();
  for (const r of list) if (r.from !== r.to && r.from.startsWith('/') && r.from.length <= 1000 && r.to.length <= 1000) byFrom.set(r.from, r.to);
  if (byFrom.size === 0) return NONE;
  const kinds = await compare(db, byFrom);
  const targets = new Map<string, string[]>();
  for (const [from, to] of byFrom) targets.set(to, [...(targets.get(to) ?? []), from]);
  await removeRedirectsFrom(db, [...targets.keys()]);
  for (const [to, froms] of targets) await retargetRedirects(db, froms, to);
  await upsertRedirects(
    db,
    [...byFrom].map(([from_path, to_path]) => ({ from_path, to_path, created_at: iso })),
  );
  const counts = { ...NONE };
  for (const k of kinds.values()) counts[k]++;
  return counts;
}

/**
 * putRedirects() for several lists at once, with the same result as calling it for each list in
 * turn, provided no list's `from` is another list's `from` or any list's `to` (the caller checks).
 * Returns each list's count.
 */
export async function putRedirectLists(db: Db, lists: { from: string; to: string }[][], iso: string): Promise<RedirectCounts[]> {
  const mines: Map<string, string>[] = [];
  const byFrom = new Map<string, string>();
  for (const list of lists) {
    const mine = new Map<string, string>();
    for (const r of list) if (r.from !== r.to && r.from.startsWith('/') && r.from.length <= 1000 && r.to.length <= 1000) mine.set(r.from, r.to);
    mines.push(mine);
    for (const [from, to] of mine) byFrom.set(from, to);
  }
  if (byFrom.size === 0) return lists.map(() => ({ ...NONE }));
  const kinds = await compare(db, byFrom);
  const counts = mines.map((mine) => {
    const c = { ...NONE };
    for (const from of mine.keys()) c[kinds.get(from)!]++;
    return c;
  });
  const targets = new Map<string, string[]>();
  for (const [from, to] of byFrom) targets.set(to, [...(targets.get(to) ?? []), from]);
  const tos = [...targets.keys()];
  for (let i = 0; i < tos.length; i += 500) await removeRedirectsFrom(db, tos.slice(i, i + 500));
  // Only old paths some stored redirect leads to need their redirects moved (usually none).
  const froms = [...byFrom.keys()];
  const hit = new Set<string>();
  for (let i = 0; i < froms.length; i += 500) {
    for (const to of await redirectTargetsAmong(db, froms.slice(i, i + 500))) hit.add(to);
  }
  if (hit.size) {
    for (const [to, list] of targets) {
      const moved = list.filter((f) => hit.has(f));
      if (moved.length) await retargetRedirects(db, moved, to);
    }
  }
  await upsertRedirects(
    db,
    [...byFrom].map(([from_path, to_path]) => ({ from_path, to_path, created_at: iso })),
  );
  return counts;
}
