/**
 * @module modules/article/body-render
 * Renders a body with what it refers to read from the database: the media rows of its figures
 * and the people its quotations and photos are attributed to. Every writer of posts.body_html
 * (the article service, re-renders after a media or person change) goes through here, so none
 * of them drops a link.
 */
import type { Db } from '../../db/database.js';
import { findMediaByIds } from '../media/media.repository.js';
import { findPeopleByIds } from '../person/person.repository.js';
import type { ArticleDocument } from './document.js';
import { referencedMediaIds, referencedPersonIds, renderDocument } from './render.js';

/**
 * The rows read are share-locked (db/row-lock): a save racing an AVIF encode or a person's edit
 * either waits for it or makes it wait, so the re-render that follows such a change sees the
 * saved article instead of leaving it with the old figures or name.
 */
export async function renderBody(db: Db, doc: ArticleDocument, lang: string): Promise<string> {
  const lock = { lock: 'share' } as const;
  const [media, people] = await Promise.all([findMediaByIds(db, referencedMediaIds(doc), lock), findPeopleByIds(db, referencedPersonIds(doc), lock)]);
  return renderDocument(doc, { media, people, lang });
}
