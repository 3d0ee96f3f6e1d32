/**
 * @module db/prepared
 * Hot read queries compiled once. Kysely builds and compiles every query afresh (operation-node
 * tree, visitor, parameter list), a large share of a small query's cost; the SQL text of a query
 * whose shape never changes is the same every time. `runPrepared` compiles on the first call per
 * dialect and key, then runs the stored text with the new parameters (the SQLite dialect's
 * statement cache then reuses the prepared statement).
 *
 * The parameters must be exactly `params`, in order: checked on the first compile, so a constant
 * that Kysely turns into a parameter cannot be silently frozen into the cached text.
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './database.js';

/** SQL text per dialect (adapter class: placeholders differ), then per key. */
const texts = new WeakMap<object, Map<string, string>>();
const MAX_KEYS = 1000;

/**
 * @example const rows = await runPrepared(db, 'tags-of-post', [postId], () => db.selectFrom('post_tags')…where('post_id', '=', postId))
 */
export async function runPrepared<R>(db: Db, key: string, params: readonly unknown[], build: () => Compilable<R>): Promise<R[]> {
  const adapter = db.getExecutor().adapter.constructor;
  let byKey = texts.get(adapter);
  if (!byKey) {
    byKey = new Map();
    texts.set(adapter, byKey);
  }
  const text = byKey.get(key);
  if (text !== undefined) return (await db.executeQuery(CompiledQuery.raw(text, [...params]) as CompiledQuery<R>)).rows;
  const compiled = build().compile();
  if (compiled.parameters.length !== params.length || compiled.parameters.some((p, i) => p !== params[i])) {
    throw new Error(`runPrepared(${key}): the query's parameters are not the params given`);
  }
  if (byKey.size < MAX_KEYS) byKey.set(key, compiled.sql);
  return (await db.executeQuery(compiled)).rows;
}
