/**
 * @module import/wordpress/redirects
 * Old WordPress paths → new ones, written in batches. Same rules as addRedirect(): the live target
 * never redirects, and older redirects that led to an old path now lead straight to the new one
 * (no chains). A stored redirect only answers when no route matches, so live content always wins.
 */
import type { Db } from '../../db/database.js';

/** Upserts redirects; returns how many were written. */
export async function putRedirects(db: Db, list: { from: string; to: string }[], iso: string): Promise<number> {
  const byFrom = new Map<string, string>();
  for (const r of list) if (r.from !== r.to && r.from.startsWith('/') && r.from.length <= 1000 && r.to.length <= 1000) byFrom.set(r.from, r.to);
  if (byFrom.size === 0) return 0;
  const targets = new Map<string, string[]>();
  for (const [from, to] of byFrom) targets.set(to, [...(targets.get(to) ?? []), from]);
  await db.deleteFrom('redirects').where('from_path', 'in', [...targets.keys()]).execute();
  for (const [to, froms] of targets) await db.updateTable('redirects').set({ to_path: to }).where('to_path', 'in', froms).execute();
  const rows = [...byFrom].map(([from_path, to_path]) => ({ from_path, to_path, status: 301, created_at: iso }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('redirects').values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('from_path').doUpdateSet((eb) => ({ to_path: eb.ref('excluded.to_path'), status: 301 })))
      .execute();
  }
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
  for (let i = 0; i < tos.length; i += 500) await db.deleteFrom('redirects').where('from_path', 'in', tos.slice(i, i + 500)).execute();
  // Only old paths some stored redirect leads to need their redirects moved (usually none).
  const froms = [...byFrom.keys()];
  const hit = new Set<string>();
  for (let i = 0; i < froms.length; i += 500) {
    for (const r of await db.selectFrom('redirects').select('to_path').where('to_path', 'in', froms.slice(i, i + 500)).execute()) hit.add(r.to_path);
  }
  if (hit.size) {
    for (const [to, list] of targets) {
      const moved = list.filter((f) => hit.has(f));
      if (moved.length) await db.updateTable('redirects').set({ to_path: to }).where('to_path', 'in', moved).execute();
    }
  }
  const rows = [...byFrom].map(([from_path, to_path]) => ({ from_path, to_path, status: 301, created_at: iso }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('redirects').values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('from_path').doUpdateSet((eb) => ({ to_path: eb.ref('excluded.to_path'), status: 301 })))
      .execute();
  }
  return counts;
}
