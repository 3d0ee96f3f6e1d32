/**
 * What "the same site" means for export tests: every backed-up table's rows, normalised (key
 * order, timestamps as ISO instants, derived columns and secrets left out), plus a few extras the
 * demo lacks (accounts, a comment thread whose parent has the larger id, redirects, settings).
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../../src/db/database.js';
import { BACKUP_TABLES, SECRET_SETTING_PREFIX } from '../../../src/import/json/backup-format.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export type Snapshot = Record<string, Record<string, unknown>[]>;

/** Rows of every backed-up table the database has, in key order. */
export async function snapshot(db: Db, options: { passwordHashes?: boolean } = {}): Promise<Snapshot> {
  const present = new Set((await db.introspection.getTables()).map((t) => t.name));
  const out: Snapshot = {};
  for (const t of BACKUP_TABLES) {
    if (!present.has(t.name)) continue;
    let q = (db as Kysely<any>).selectFrom(t.name).selectAll();
    for (const k of t.key) q = q.orderBy(k);
    const rows = (await q.execute()) as Record<string, unknown>[];
    out[t.name] = rows
      .filter((r) => t.name !== 'settings' || !String(r.key).startsWith(SECRET_SETTING_PREFIX))
      .map((r) => {
        const n: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) {
          if (t.derived?.includes(k)) continue;
          if (t.name === 'users' && k === 'password_hash' && !options.passwordHashes) continue;
          // PostgreSQL keeps a related list's score as a 4-byte real: compared as one.
          if (t.name === 'related_posts' && k === 'score') n[k] = Math.fround(Number(v));
          else n[k] = typeof v === 'string' && ISO.test(v) ? new Date(v).toISOString() : v;
        }
        return n;
      });
  }
  return out;
}

/** Accounts, a threaded comment set, a redirect, an import-map entry, an audit row, settings. */
export async function addExtras(db: Db, now: Date): Promise<void> {
  const iso = now.toISOString();
  const post = await db.selectFrom('posts').select('id').where('status', '=', 'published').where('type', '=', 'post').orderBy('id').executeTakeFirstOrThrow();
  const owner = await db
    .insertInto('users')
    .values({
      email: 'ed@news.example',
      name: 'Ed Itor',
      role: 'owner',
      status: 'active',
      password_hash: '$scrypt$ln=15,r=8,p=3$c2FsdA$a2V5',
      created_at: iso,
      updated_at: iso,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('users')
    .values({
      email: 'ana@news.example',
      name: 'Ana',
      role: 'author',
      status: 'disabled',
      password_hash: '$scrypt$ln=15,r=8,p=3$c2FsdB$a2V5',
      created_at: iso,
      updated_at: iso,
      last_login_at: iso,
    })
    .execute();
  await db
    .insertInto('settings')
    .values([
      { key: 'site.title', value: 'The Demo Gazette' },
      { key: 'secret.cookie', value: 'never-exported' },
    ])
    .execute();
  const comment = (id: number, parent: number | null, status: 'approved' | 'pending' | 'spam', body: string) => ({
    id,
    post_id: post.id,
    parent_id: parent,
    path: parent ? `${String(parent).padStart(10, '0')}/${String(id).padStart(10, '0')}` : String(id).padStart(10, '0'),
    depth: parent ? 1 : 0,
    author_name: 'Reader',
    author_email: `reader${id}@mail.example`,
    author_url: '',
    user_id: null,
    body,
    body_html: `<p>${body}</p>`,
    status,
    ip_hash: 'abc',
    spam_score: status === 'spam' ? 0.75 : 0,
    spam_reasons: '',
    created_at: iso,
    updated_at: iso,
  });
  // A reply whose parent has the larger id (WordPress imports can do that).
  await db
    .insertInto('comments')
    .values([
      comment(5, null, 'approved', 'First!'),
      comment(9, null, 'approved', 'Good piece.'),
      comment(12, 9, 'approved', 'Agreed.'),
      comment(20, null, 'spam', 'Buy now'),
    ])
    .execute();
  await db.updateTable('comments').set({ parent_id: 20, depth: 1 }).where('id', '=', 5).execute();
  await db.insertInto('redirects').values({ from_path: '/old-story/', to_path: '/category/world/', status: 301, created_at: iso }).execute();
  await db.insertInto('import_map').values({ source: 'wp.example', kind: 'post', source_id: '77', local_id: post.id }).execute();
  await db
    .insertInto('audit_log')
    .values({
      at: iso,
      actor_id: owner.id,
      actor_label: 'ed@news.example',
      action: 'user.create',
      target_type: 'user',
      target_id: owner.id,
      target_label: 'ed',
      detail: '',
      ip: '',
    })
    .execute();
}
