/**
 * @module modules/frontpage/frontpage
 * Front pages chosen by editors: on the home page and on each section front, a pinned lead story
 * and ordered pinned top stories (each until unpinned or until its expiry), the other slots
 * filled with the latest stories; below the home page's top stories, section blocks ("World: the
 * 4 latest") in the editors' order.
 */
import { AppError } from '../../lib/errors.js';

export type FrontPageErrorCode = 'FRONTPAGE_INVALID' | 'FRONTPAGE_NOT_FOUND';

export class FrontPageError extends AppError<FrontPageErrorCode> {
  /** @param fields form field → message */
  constructor(
    code: FrontPageErrorCode,
    message: string,
    public readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(code, message);
  }
}

/** The home page, or a section front. */
export type PinScope = 'home' | `cat:${number}`;
export type PinSlot = 'lead' | 'top';

export const homeScope: PinScope = 'home';
export const sectionScope = (categoryId: number): PinScope => `cat:${categoryId}`;

/** The section of a section front's scope; undefined for the home page. */
export function scopeCategory(scope: string): number | undefined {
  const m = /^cat:(\d+)$/.exec(scope);
  return m ? Number(m[1]) : undefined;
}

export const isPinScope = (s: string): s is PinScope => s === 'home' || scopeCategory(s) !== undefined;

export const FRONT_LIMITS = { topPins: 12, blocks: 8, blockCount: 12 } as const;

export interface Pin {
  id: number;
  scope: PinScope;
  slot: PinSlot;
  postId: number;
  position: number;
  expiresAt?: string;
}

/** Whether a pin still holds at `now`. */
export const pinHolds = (p: { expiresAt?: string | undefined }, now: Date): boolean => p.expiresAt === undefined || Date.parse(p.expiresAt) > now.getTime();

export interface HomeBlock {
  id: number;
  categoryId: number;
  count: number;
  position: number;
}
