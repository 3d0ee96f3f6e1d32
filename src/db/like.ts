/**
 * @module db/like
 * "Contains these characters" for admin searches: `lower(column) LIKE '%…%' ESCAPE '\'`, with the
 * user's %, _ and \ matched literally. The explicit ESCAPE matters on SQLite, which has no default
 * escape character (PostgreSQL's default is the same backslash).
 */
import { sql, type RawBuilder } from 'kysely';

export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
