import * as Y from 'yjs';
import { hasOldCaptions, replaceSharedCaption, shareOldCaptions } from '../shared/desk/lexical-yjs';
import { captionFromJson } from '../shared/desk/lexical-yjs-read';
import { CAPTION_ID_FIELD, PHOTO_TYPE } from '../shared/desk/lexical-yjs-layout';
import type { LexicalDocument } from '../shared/model/article';
import type { DeskDatabase } from './db/database';
import { mergeOldCaptionEdit } from './old-caption-merge';
import type { StoryStore } from './story-store';

/**
 * Photo captions from before captions were shared texts, in desk stories. Such a photo keeps its
 * caption as one value (`__captionJson`), so two editors changing it keep only the last one's text.
 * A desktop gives those photos a shared caption text only in stories it alone writes: two desktops
 * doing it at once would give one photo two caption ids. On the desk, the server does it, as it
 * loads the story, so there is one writer and every client receives the conversion as an update.
 */

/** The origin of the server's own caption writes (no connection: the workflow takes them as the story's state). */
const CAPTION_ORIGIN = { captions: 'desk-server' };
const CAPTION_JSON = '__captionJson';

/**
 * A story's stored state with its old captions given shared texts. The conversion is made under
 * the story's row lock and written ahead before anyone sees it: a second instance of the desk
 * loading the story at the same time waits, then finds the photos converted and leaves them; and
 * a server stopped right after cannot convert them again under other ids on its next start, while
 * clients already hold the first ones. A photo that has a caption id is left alone, and a caption
 * that cannot be read stays as it was.
 */
export async function loadSharingOldCaptions(db: DeskDatabase, store: StoryStore, name: string): Promise<Uint8Array | null> {
  const state = await store.load(name);
  // Most stories have none: the lock is taken only when there is something to convert.
  if (!state || !holdsOldCaptions(state)) return state;
  return db.transaction(async (query) => {
    await query('INSERT INTO story_documents (name, state) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, state]);
    const [stored] = await query<{ state: Uint8Array }>('SELECT state FROM story_documents WHERE name = $1 FOR UPDATE', [name]);
    const updates = await query<{ data: Uint8Array }>('SELECT data FROM story_updates WHERE name = $1 ORDER BY id', [name]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([...(stored ? [stored.state] : []), ...updates.map((row) => row.data)].map((part) => new Uint8Array(part))));
    const before = Y.encodeStateVector(doc);
    if (shareOldCaptions(doc, CAPTION_ORIGIN) > 0) {
      await query('INSERT INTO story_updates (name, data) VALUES ($1, $2)', [name, Y.encodeStateAsUpdate(doc, before)]);
    }
    return Y.encodeStateAsUpdate(doc);
  });
}

function holdsOldCaptions(state: Uint8Array): boolean {
  // An update spells out the attribute names it sets: a story with no photo caption at all is not
  // decoded an extra time.
  if (Buffer.from(state.buffer, state.byteOffset, state.byteLength).indexOf(CAPTION_JSON) === -1) return false;
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, state);
  return hasOldCaptions(scratch);
}

interface OldCaptionEdit {
  captionId: string;
  caption: LexicalDocument;
  /** The caption the edit was made from, when the server still has it. */
  base: LexicalDocument | null;
}

/**
 * Applies a client's update (`apply`) and keeps any old-style caption edit in it: a new
 * `__captionJson` on a photo that already has a caption id. Its writer had not yet seen the id (an
 * editor offline since before the server converted the photo: an editor that knows the id edits
 * the shared text and never writes `__captionJson`), so its change would be lost, since every
 * editor shows the shared text. The server writes that caption into the shared text, as an update
 * every client receives; returns it (to be written ahead), or null when there was none.
 *
 * When the caption is one paragraph of plain text, before and after the edit, only the letters the
 * edit changed are changed in the shared text (old-caption-merge.ts), so letters others typed since
 * the conversion stay. Otherwise the caption replaces the shared text (when it differs): the best
 * merge there is then. The old edit is a whole caption, with no letters to place among the ones
 * others typed since, and when formatting or paragraphs changed, or the caption it was edited from
 * is no longer kept, nothing tells which parts its writer changed. The last writer's whole caption
 * is what such an edit always meant on the desk (a photo not converted keeps it too), and from the
 * next sync its writer edits the shared text.
 */
export function keepOldCaptionEdits(doc: Y.Doc, apply: () => void): Uint8Array | null {
  const edits: OldCaptionEdit[] = [];
  // Read in the client's transaction: an old value its update brings already replaced is still there.
  const collect = (transaction: Y.Transaction): void => {
    for (const [type, keys] of transaction.changed) {
      try {
        const edit = keys.has(CAPTION_JSON) && type instanceof Y.XmlElement ? oldCaptionEdit(type, keys, transaction) : null;
        if (edit) edits.push(edit);
      } catch {
        // Never the client's update refused for it: that edit is left as it came.
      }
    }
  };
  doc.on('afterTransaction', collect);
  try {
    apply();
  } finally {
    doc.off('afterTransaction', collect);
  }
  if (edits.length === 0) return null;
  let written: Uint8Array | null = null;
  const capture = (update: Uint8Array): void => {
    written = update;
  };
  doc.on('update', capture);
  try {
    doc.transact(() => {
      for (const { captionId, caption, base } of edits) {
        try {
          if (!mergeOldCaptionEdit(doc, captionId, base, caption)) replaceSharedCaption(doc, captionId, caption);
        } catch {
          // Nested too deeply to write (checked before the shared text is touched): the client's
          // update stays applied, as it would be without this, and the server carries on.
        }
      }
    }, CAPTION_ORIGIN);
  } finally {
    doc.off('update', capture);
  }
  return written;
}

function oldCaptionEdit(photo: Y.XmlElement, keys: Set<string | null>, transaction: Y.Transaction): OldCaptionEdit | null {
  if (photo._item?.deleted || photo.getAttribute('__type') !== PHOTO_TYPE) return null;
  const captionId: unknown = photo.getAttribute(CAPTION_ID_FIELD);
  // A writer that sets the id with it knows the id; a photo without one keeps its caption as before.
  if (typeof captionId !== 'string' || captionId === '' || keys.has(CAPTION_ID_FIELD)) return null;
  const write = newestWrite(photo, transaction);
  const caption = write ? captionFromJson(write.value) : null;
  return caption ? { captionId, caption, base: captionFromJson(write?.base) } : null;
}

/**
 * The newest `__captionJson` this transaction brought, even when an older value stays in front of
 * it, and the value its writer replaced (the one it was edited from), while the server still has it:
 * replaced in this very transaction, its content is not yet cleared.
 */
function newestWrite(photo: Y.XmlElement, transaction: Y.Transaction): { value: unknown; base: unknown } | null {
  for (let item = photo._map.get(CAPTION_JSON) ?? null; item !== null; item = item.left) {
    if (item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)) continue;
    // A removed attribute, or a value its writer had already replaced (sent without its content).
    const [value] = item.content.getContent() as unknown[];
    const replaced = item.origin ? Y.getItem(transaction.doc.store, item.origin) : null;
    const base: unknown = replaced instanceof Y.Item && item.origin ? (replaced.content.getContent() as unknown[])[item.origin.clock - replaced.id.clock] : undefined;
    return { value, base };
  }
  return null;
}
