/**
 * @module web/admin/forms
 * Reading form bodies defensively: a body may be missing, JSON of any shape, or carry a field
 * twice (an array). Handlers get `unknown` values and let the domain validators explain.
 */
export type Fields = Record<string, unknown>;

/** The posted fields as a plain object ({} for anything that is not one). */
export function fieldsOf(body: unknown): Fields {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  return body as Fields;
}

/** A value safe to put back into a form field: short strings only. */
export const echo = (v: unknown, max = 300): string => (typeof v === 'string' && v.length <= max ? v : '');

/** The field as a string, or undefined when absent or not a single string. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
