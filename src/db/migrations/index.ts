/**
 * @module db/migrations
 * Ordered list of migrations. Each is dialect-neutral: what differs comes from the Dialect argument.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialects/dialect.js';
import { m0001Initial } from './0001-initial.js';

export interface Migration {
  readonly name: string;
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export const migrations: readonly Migration[] = [m0001Initial];
