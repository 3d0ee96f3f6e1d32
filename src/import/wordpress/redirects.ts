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
