/**
 * @module import/wordpress/redirects
 * Old WordPress paths → new ones, written in batches. Same rules as addRedirect(): the live target
 * never redirects, and older redirects that led to an old path now lead straight to the new one
 * (no chains). A stored redirect only answers when no route matches, so live content always wins.
 */
import type { Db } from '../../db/database.js';
import { redirectTargetsAmong, removeRedirectsFrom, retargetRedirects, upsertRedirects } from '../../modules/redirect/redirect.repository.js';

/** Upserts redirects; returns how many were written. */
export async function putRedirects(db: Db, list: { from: string; to: string }[], iso: string): Promise<number> {
  const byFrom = new Map<string, string>();
  for (const r of list) if (r.from !== r.to && r.from.startsWith('/') && r.from.length <= 1000 && r.to.length <= 1000) byFrom.set(r.from, r.to);
  if (byFrom.size === 0) return 0;
  const targets = new Map<string, string[]>();
  for (const [from, to] of byFrom) targets.set(to, [...(targets.get(to) ?? []), from]);
  await removeRedirectsFrom(db, [...targets.keys()]);
  for (const [to, froms] of targets) await retargetRedirects(db, froms, to);
  await upsertRedirects(
    db,
    [...byFrom].map(([from_path, to_path]) => ({ from_path, to_path, created_at: iso })),
  );
  return byFrom.size;
}

/**
 * putRedirects() for several lists at once, with the same result as calling it for each list in
 * turn, provided no list's `from` is another list's `from` or any list's `to` (the caller checks).
 * Returns each list's count.
 */
export async function putRedirectLists(db: Db, lists: { from: string; to: string }[][], iso: string): Promise<number[]> {
  const counts: number[] = [];
  const byFrom = new Map<string, string>();
  for (const list of lists) {
    const mine = new Map<string, string>();
    for (const r of list) if (r.from !== r.to && r.from.startsWith('/') && r.from.length <= 1000 && r.to.length <= 1000) mine.set(r.from, r.to);
    counts.push(mine.size);
    for (const [from, to] of mine) byFrom.set(from, to);
  }
  if (byFrom.size === 0) return counts;
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
