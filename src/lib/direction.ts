/**
 * @module lib/direction
 * Which languages are written right to left, for the reader pages and the admin's fields alike
 * (the editor's browser script imports it too, so it holds nothing else).
 */
const RTL = new Set(['fa', 'ar', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);

/** Base language subtag: "fa-IR" → "fa". */
export const baseLanguage = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0] ?? 'en';

/** @example directionOf('fa-IR') // 'rtl' */
export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL.has(baseLanguage(lang)) ? 'rtl' : 'ltr');

/** Whether `s` is shaped like a BCP 47 language tag (`fa`, `en-GB`, `sr-Latn`): what a `lang` attribute may hold. */
export const isLanguageTag = (s: string): boolean => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(s);
