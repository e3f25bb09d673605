import * as Y from 'yjs';
import type { DeskDatabase } from '../../../server/db/database';
import { storyDocumentName } from '../../../shared/desk/desk-protocol';
import { readLexicalBody } from '../../../shared/desk/lexical-yjs';
import { captionRootName, isCaptionRootName } from '../../../shared/desk/lexical-yjs-layout';
import { bodyText } from './desk-clients';

// Desk stories with a photo caption from before captions were shared texts, and what the tests
// read and type of such a photo's caption.

/** A caption editor's state as the photo node mirrors it (one paragraph of text). */
export function captionJson(text: string): string {
  return JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } });
}

/**
 * Writes into a desk's database a story document holding one photo with its caption the old way
 * (as a desk story from before has it), and returns that state: what an editor who had it open
 * before holds.
 */
export async function seedOldStory(db: DeskDatabase, storyId: string, captionValue: string): Promise<Uint8Array> {
  const doc = new Y.Doc();
  doc.transact(() => {
    const photo = new Y.XmlElement();
    photo.setAttribute('__type', 'newsdesk-photo');
    photo.setAttribute('__photoId', 'photo-1');
    photo.setAttribute('__captionJson', captionValue);
    bodyText(doc).insertEmbed(0, photo);
  });
  const state = Y.encodeStateAsUpdate(doc);
  await db.query('INSERT INTO story_updates (name, data) VALUES ($1, $2)', [storyDocumentName('news', storyId), state]);
  return state;
}

export const photoOf = (doc: Y.Doc): Y.XmlElement | undefined => bodyText(doc).toDelta()[0]?.insert as Y.XmlElement | undefined;
export const captionIdOf = (doc: Y.Doc): string => String(photoOf(doc)?.getAttribute('__captionId') ?? '');
export const captionTextOf = (doc: Y.Doc): unknown => readLexicalBody(doc, () => undefined).root.children[0]?.captionText;
export const captionRoots = (doc: Y.Doc): string[] => [...doc.share.keys()].filter(isCaptionRootName);

/** Types into the caption's one paragraph, after its text node's fields. */
export function typeInCaption(doc: Y.Doc, at: 'start' | 'end', text: string): void {
  const paragraph = doc.get(captionRootName(captionIdOf(doc)), Y.XmlText).toDelta()[0].insert as Y.XmlText;
  paragraph.insert(at === 'start' ? 1 : paragraph.length, text);
}
