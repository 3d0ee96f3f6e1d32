/**
 * @module lib/local-names
 * Texts kept per language in one JSON column (language → text, '{}' for none): the names of
 * sections and tags (migration 0019), authors' titles (0028).
 */

/** A language → text column; anything malformed reads as none, and empty texts are dropped. */
export function parseNames(raw: string | null | undefined): Readonly<Record<string, string>> {
  if (!raw || raw === '{}') return {};
  try {
    const o: unknown = JSON.parse(raw);
    if (!o || typeof o !== 'object' || Array.isArray(o)) return {};
    return Object.fromEntries(Object.entries(o as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  } catch {
    return {};
  }
}

const parsed = new Map<string, Readonly<Record<string, string>>>();

/**
 * The text for `lang` (or its base language: "fa" for "fa-IR") in such a column, or undefined.
 * Parsed columns are remembered by their text (a few hundred distinct values on a site).
 */
export function localText(raw: string | null | undefined, lang: string): string | undefined {
  if (!raw || raw === '{}') return undefined;
  let names = parsed.get(raw);
  if (!names) {
    names = parseNames(raw);
    if (parsed.size > 5000) parsed.clear();
    parsed.set(raw, names);
  }
  const l = lang.toLowerCase();
  return names[l] ?? names[l.split(/[-_]/)[0] ?? ''];
}
