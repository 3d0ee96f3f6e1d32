/**
 * @module web/admin/shell/forms
 * Reading form bodies defensively: a body may be missing, JSON of any shape, or carry a field
 * twice (an array). Handlers get `unknown` values and let the domain validators explain.
 */
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../errors.js';
import { idOf } from '../../../lib/ids.js';

export type Fields = Record<string, unknown>;

export { idOf };

/** The path's `:id`, or a 404 "There is no such {thing}." */
export function pathId(request: FastifyRequest, thing: string): number {
  const id = idOf((request.params as { id?: unknown }).id);
  if (id === undefined) throw notFound(`There is no such ${thing}.`);
  return id;
}

/** The posted fields as a plain object ({} for anything that is not one). */
export function fieldsOf(body: unknown): Fields {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  return body as Fields;
}

/** A value safe to put back into a form field: short strings only. */
export const echo = (v: unknown, max = 300): string => (typeof v === 'string' && v.length <= max ? v : '');

/** The field as a string, or undefined when absent or not a single string. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The field as a string, '' when absent or not a single string. */
export const text = (v: unknown): string => str(v) ?? '';
