/**
 * @module modules/correction/correction
 * A public note on an article: a correction ("we said 40, it was 14") or an update ("the council
 * has since replied"). Plain text, shown escaped at the end of the article, in its JSON-LD and on
 * /corrections/.
 */
import { AppError } from '../../lib/errors.js';
export type CorrectionKind = 'correction' | 'update';
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['correction', 'update'];
/** Characters; a note is a sentence or a short paragraph, not a second article. */
export const CORRECTION_MAX = 2000;

export type CorrectionErrorCode = 'CORRECTION_INVALID';

export class CorrectionError extends AppError<CorrectionErrorCode> {
  constructor(
    code: CorrectionErrorCode,
    public readonly field: 'kind' | 'body',
    message: string,
  ) {
    super(code, message);
  }
}

export interface CorrectionInput {
  kind: CorrectionKind;
  body: string;
}

/**
 * Checks a note as posted: a known kind and a non-empty plain text up to CORRECTION_MAX. Line
 * breaks collapse to spaces; control characters are refused rather than stored.
 * @example validateCorrection('correction', 'The bridge is 14 m long, not 40 m.')
 */
export function validateCorrection(kind: unknown, body: unknown): CorrectionInput {
  if (typeof kind !== 'string' || !(CORRECTION_KINDS as readonly string[]).includes(kind)) {
    throw new CorrectionError('CORRECTION_INVALID', 'kind', 'Choose whether the note is a correction or an update.');
  }
  if (typeof body !== 'string') throw new CorrectionError('CORRECTION_INVALID', 'body', 'The note was sent in an unexpected form.');
  if (body.length > CORRECTION_MAX * 2)
    throw new CorrectionError('CORRECTION_INVALID', 'body', `The note is longer than ${CORRECTION_MAX.toLocaleString('en')} characters.`);
  const text = body
    .replace(/\r\n?/g, '\n')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    throw new CorrectionError('CORRECTION_INVALID', 'body', 'The note contains control characters.');
  if (!text) throw new CorrectionError('CORRECTION_INVALID', 'body', 'Write the text of the note.');
  if (text.length > CORRECTION_MAX)
    throw new CorrectionError('CORRECTION_INVALID', 'body', `The note is longer than ${CORRECTION_MAX.toLocaleString('en')} characters.`);
  return { kind: kind as CorrectionKind, body: text };
}
