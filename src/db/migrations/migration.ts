import type { Kysely } from 'kysely';
import type { Dialect } from '../dialects/dialect.js';

/** One schema change. Dialect-neutral: what differs comes from the Dialect argument. */
export interface Migration {
  readonly name: string;
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}
