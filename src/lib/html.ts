/**
 * @module lib/html
 * Plain text → HTML text or attribute value (the four characters that matter in both).
 */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
