/**
 * @module lib/ids
 * Row ids as they arrive in paths, forms and documents. Ids are `integer` columns on both
 * databases, so anything beyond 2,147,483,647 is not an id (PostgreSQL would refuse the value).
 */
export const MAX_ID = 2_147_483_647;

/** A row id from a path or form value ("1" to "2147483647", no sign or leading zero), or undefined. */
export const idOf = (raw: unknown): number | undefined =>
  typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= MAX_ID ? Number(raw) : undefined;

/** True for a number that can be a row id. */
export const isId = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_ID;

/** A page number from a path or query value ("1" to "999999"), or undefined; callers choose 1, 400 or 404. */
export const pageOf = (raw: unknown): number | undefined => (typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined);
