import * as Y from 'yjs';
import { STORY_BODY_ROOT } from '../../../../shared/desk/desk-protocol';
import { metaOf, shown } from './story-meta';

/**
 * A photo's caption is merged letter by letter when the photo has a shared text for it (its
 * `__captionId`, renderer/src/editor/photos/caption-binding.ts): nothing is lost, nothing to say.
 * A photo from before those travels its caption as one value (the node's `__captionJson` attribute,
 * renderer/src/editor/photos/useSharedCaption.ts), so when two editors change that caption at the
 * same time Yjs keeps one of the two whole. That loss is never silent: like a metadata field, a
 * caption edit made here that a concurrent edit from the desk replaced (its Yjs item does not follow
 * ours) is told with both texts. A later edit by someone who saw ours is no loss and says nothing.
 */
const CAPTION = '__captionJson';
const CAPTION_ID = '__captionId';

export function watchCaptions(doc: Y.Doc, isDesk: (origin: unknown) => boolean, onSuperseded: (note: string) => void): () => void {
  /** The last caption written here for each photo, until another editor's edit replaces it. */
  const own = new WeakMap<Y.XmlElement, { item: Y.ID; value: string }>();
  const root = doc.get(STORY_BODY_ROOT, Y.XmlText);
  const observer = (events: Y.YEvent<Y.XmlText | Y.XmlElement>[], transaction: Y.Transaction): void => {
    for (const event of events) {
      const photo = event.target;
      if (!(photo instanceof Y.XmlElement) || !(event as Y.YXmlEvent).attributesChanged.has(CAPTION)) continue;
      if (photo.getAttribute(CAPTION_ID)) continue; // merged in its shared text
      const current = photo._map.get(CAPTION);
      if (!isDesk(transaction.origin)) {
        if (current && !current.deleted) own.set(photo, { item: current.id, value: String(photo.getAttribute(CAPTION) ?? '') });
        continue;
      }
      const mine = own.get(photo);
      if (!mine || (current && Y.compareIDs(current.id, mine.item))) continue;
      own.delete(photo);
      if (current?.origin && Y.compareIDs(current.origin, mine.item)) continue;
      onSuperseded(
        `Your change to a photo caption in “${String(metaOf(doc).get('headline') ?? '')}” (${shown(captionText(mine.value))}) was replaced by another editor’s change made at the same time (${shown(captionText(String(photo.getAttribute(CAPTION) ?? '')))}).`,
      );
    }
  };
  root.observeDeep(observer);
  return () => root.unobserveDeep(observer);
}

/** A caption's plain text from its editor state's JSON ('' when it is not readable). */
function captionText(json: string): string {
  const parts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 50 || typeof node !== 'object' || node === null) return;
    const { text, children } = node as { text?: unknown; children?: unknown };
    if (typeof text === 'string') parts.push(text);
    if (Array.isArray(children)) for (const child of children) walk(child, depth + 1);
  };
  try {
    walk((JSON.parse(json) as { root?: unknown }).root, 0);
  } catch {
    return '';
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
