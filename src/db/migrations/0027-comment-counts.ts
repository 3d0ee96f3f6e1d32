/**
 * Comment totals kept as comments change, so what a comment post and a comment page ask costs the
 * same on the first comment and on the five thousandth:
 * - `comment_threads`: per article and thread (the root's path segment) the number of approved
 *   comments; a thread with none has no row;
 * - `comment_counts`: per article the approved comments and the threads holding one.
 * Row triggers on `comments` keep both in the writer's transaction, whoever writes (the comment
 * service, moderation, the importers, a restore, a post's deletion cascading), so no code path can
 * forget them. A comment counts when it is approved and placed (its path is set just after its
 * insert, once its id is known).
 */
import { sql } from 'kysely';
import type { Migration } from './migration.js';

const counted = (row: 'new' | 'old') => `(${row}.status = 'approved' and ${row}.path <> '')`;
const sameThread = `(old.post_id = new.post_id and substr(old.path, 1, 10) = substr(new.path, 1, 10))`;

function add(row: 'new' | 'old'): string[] {
  const post = `${row}.post_id`;
  const root = `substr(${row}.path, 1, 10)`;
  return [
    `insert into comment_threads (post_id, root_path, approved) values (${post}, ${root}, 1)
       on conflict (post_id, root_path) do update set approved = comment_threads.approved + 1`,
    `insert into comment_counts (post_id, approved, threads) values (${post}, 1, 1)
       on conflict (post_id) do update set approved = comment_counts.approved + 1,
       threads = comment_counts.threads + (select count(*) from comment_threads t where t.post_id = ${post} and t.root_path = ${root} and t.approved = 1)`,
  ];
}

function remove(row: 'new' | 'old'): string[] {
  const post = `${row}.post_id`;
  const root = `substr(${row}.path, 1, 10)`;
  const thread = `post_id = ${post} and root_path = ${root}`;
  return [
    `update comment_threads set approved = approved - 1 where ${thread}`,
    `update comment_counts set approved = approved - 1,
       threads = threads - (select count(*) from comment_threads t where t.post_id = ${post} and t.root_path = ${root} and t.approved = 0)
       where post_id = ${post}`,
    `delete from comment_threads where ${thread} and approved <= 0`,
  ];
}

export const m0027CommentCounts: Migration = {
  name: '0027-comment-counts',
  async up(db, dialect) {
    await db.schema
      .createTable('comment_threads')
      .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('root_path', 'varchar(10)', (c) => c.notNull())
      .addColumn('approved', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_threads_pk', ['post_id', 'root_path'])
      .execute();
    await db.schema
      .createTable('comment_counts')
      .addColumn('post_id', 'integer', (c) => c.primaryKey().references('posts.id').onDelete('cascade'))
      .addColumn('approved', 'integer', (c) => c.notNull())
      .addColumn('threads', 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into comment_threads (post_id, root_path, approved)
      select post_id, substr(path, 1, 10), count(*) from comments where status = 'approved' and path <> '' group by post_id, substr(path, 1, 10)`.execute(db);
    await sql`insert into comment_counts (post_id, approved, threads)
      select post_id, sum(approved), count(*) from comment_threads group by post_id`.execute(db);
    const columns = ['status', 'path', 'post_id'];
    await dialect.afterRowTrigger(db, { name: 'comments_count_insert', table: 'comments', event: 'insert', when: counted('new'), statements: add('new') });
    await dialect.afterRowTrigger(db, { name: 'comments_count_delete', table: 'comments', event: 'delete', when: counted('old'), statements: remove('old') });
    await dialect.afterRowTrigger(db, {
      name: 'comments_count_leave',
      table: 'comments',
      event: 'update',
      columns,
      when: `(${counted('old')} and not (${counted('new')} and ${sameThread}))`,
      statements: remove('old'),
    });
    await dialect.afterRowTrigger(db, {
      name: 'comments_count_join',
      table: 'comments',
      event: 'update',
      columns,
      when: `(${counted('new')} and not (${counted('old')} and ${sameThread}))`,
      statements: add('new'),
    });
  },
};
