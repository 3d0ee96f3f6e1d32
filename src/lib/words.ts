/**
 * @module lib/words
 * Counting an article's words, the same way for the stored count, the reading time readers see
 * and the editor's live count (whose browser script imports this, so it holds nothing else).
 */

/** Words counted the same way for every script (Persian and Albanian included). */
export const countWords = (text: string): number => text.split(/[\s\u200c]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Minutes at ~230 words a minute, at least 1. */
export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / 230));
