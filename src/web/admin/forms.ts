/**
 * @module web/admin/forms
 * Reading form bodies defensively: a body may be missing, JSON of any shape, or carry a field
 * twice (an array). Handlers get `unknown` values and let the domain validators explain.
 */
import type { FastifyRequest } from 'fastify';
import { notFound } from '../errors.js';

export type Fields = Record<string, unknown>;

/** A row id from a path or form value (1 to 2,147,483,647: the integer columns' range), or undefined. */
export const idOf = (raw: unknown): number | undefined =>
  (typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : undefined);

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
