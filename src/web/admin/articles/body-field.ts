/**
 * @module web/admin/articles/body-field
 * The body of a form with the article editor (the article itself, a live entry): the editor's
 * JSON when JavaScript wrote it (`body_format=json`), else the textarea's text, read back into a
 * document (kept byte for byte when unchanged: modules/article/document-text bodyFromText).
 */
import type { ArticleDocument } from '../../../modules/article/document.js';
import { DocumentError, parseDocumentJson } from '../../../modules/article/document-input.js';
import { bodyFromText } from '../../../modules/article/document-text.js';

/** The document the three fields stand for, or the reason it cannot be read. */
export function bodyOf(format: string, json: string, text: string): { body: ArticleDocument; error?: undefined } | { body?: undefined; error: string } {
  try {
    return { body: format === 'json' && json ? parseDocumentJson(json) : bodyFromText(text, json) };
  } catch (err) {
    if (!(err instanceof DocumentError)) throw err;
    return { error: err.message };
  }
}
