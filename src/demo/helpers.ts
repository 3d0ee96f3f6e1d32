/**
 * @module demo/helpers
 * Small builders shared by the demo articles: portraits of people quoted and social-post dates.
 */
import { figure, type Figure } from '../modules/article/document.js';

/** Credit line for every generated demo illustration. */
export const DEMO_CREDIT = 'Illustration: Broadsheet demo';

/**
 * An inline portrait of someone quoted in the story, captioned "Name, role" as news sites do.
 * The image key must be one of the `portrait-*` entries in corpus.ts.
 */
export function portrait(media: (imageKey: string) => number, key: string, name: string, role: string): Figure {
  return figure({
    mediaId: media(key),
    alt: `Portrait illustration of ${name}`,
    caption: `${name}, ${role}`,
    credit: DEMO_CREDIT,
    align: 'center',
  });
}

let demoNow: () => number = () => Date.now();

/**
 * Sets the moment the demo is published against (the seeder's `now`), so that quoted social posts
 * keep their place just before the articles that quote them. Defaults to the real clock.
 */
export function setDemoNow(now: Date): void {
  const t = now.getTime();
  demoNow = () => t;
}

/** ISO date of a quoted social post made this many hours before the demo's "now". */
export function postedHoursAgo(hours: number): string {
  return new Date(demoNow() - hours * 3_600_000).toISOString();
}

/** A fictional social-post URL on the reserved example domain. */
export const socialUrl = (handle: string, id: string): string => `https://social.example/@${handle}/${id}`;
