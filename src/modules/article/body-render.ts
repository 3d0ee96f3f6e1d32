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

export async function renderBody(db: Db, doc: ArticleDocument, lang: string): Promise<string> {
  const [media, people] = await Promise.all([findMediaByIds(db, referencedMediaIds(doc)), findPeopleByIds(db, referencedPersonIds(doc))]);
  return renderDocument(doc, { media, people, lang });
}
