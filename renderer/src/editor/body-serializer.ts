import {
  $exportNodeJSON,
  $getRoot,
  $getSlot,
  $getSlotNames,
  $isElementNode,
  $withCompactExport,
  HISTORIC_TAG,
  type LexicalEditor,
  type LexicalNode,
  type UpdateListenerPayload,
} from 'lexical';
import type { LexicalDocument } from '../../../shared/model/article';

export function bodyOf(editorState: { toJSON(): unknown }): LexicalDocument {
  // Lexical's serialized state is the stored body shape (checked at the root by the schema).
  return editorState.toJSON() as LexicalDocument;
}

type NodeJson = Record<string, unknown> & { children?: unknown[] };

/** One node and everything under it, walked the way editorState.toJSON() walks it. */
function $exportTree(node: LexicalNode): NodeJson {
  const json = $exportNodeJSON(node) as NodeJson;
  if ($isElementNode(node)) for (const child of node.getChildren()) json.children!.push($exportTree(child));
  const slots = $getSlotNames(node);
  if (slots.length > 0) {
    const serialized: Record<string, NodeJson> = {};
    for (const name of slots) {
      const slot = $getSlot(node, name);
      if (slot !== null) serialized[name] = $exportTree(slot);
    }
    json.$slots = serialized;
  }
  return json;
}

/**
 * Did this update replace the document rather than edit it? Undo and redo (HISTORIC_TAG) and any
 * other setEditorState mark only the root dirty, yet bring back nodes under keys that are still
 * cached; the first state after an empty one is the document being loaded.
 */
export function replacesDocument({ dirtyElements, dirtyLeaves, prevEditorState, tags }: UpdateListenerPayload): boolean {
  if (tags.has(HISTORIC_TAG) || prevEditorState.isEmpty()) return true;
  return dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root');
}

/**
 * The body as editorState.toJSON() gives it, without walking 10,000 words for each save: the
 * JSON of each top-level block is kept by node key until an update touches the block (Lexical
 * marks every ancestor of a changed node dirty, so an edit anywhere in a block lists the block's
 * key). Photos are always exported afresh: their caption is a nested editor whose edits never
 * reach this editor's updates. Whatever replaces the document empties the cache.
 */
export class BodySerializer {
  private cache = new Map<string, NodeJson>();

  constructor(private readonly editor: LexicalEditor) {}

  /** To be called from an update listener, for every update of the editor. */
  noteUpdate(update: UpdateListenerPayload): void {
    if (replacesDocument(update)) {
      this.cache.clear();
      return;
    }
    for (const key of update.dirtyElements.keys()) this.cache.delete(key);
    for (const key of update.dirtyLeaves) this.cache.delete(key);
  }

  /**
   * Exports the blocks not cached yet while the deadline leaves time, so the first save after
   * opening a long story finds them ready instead of walking it all in one task. True once every
   * block is cached.
   */
  warm(deadline: { timeRemaining(): number }): boolean {
    return this.editor.getEditorState().read(() =>
      $withCompactExport(false, () => {
        for (const block of $getRoot().getChildren()) {
          const key = block.getKey();
          if (this.cache.has(key) || !$isElementNode(block)) continue;
          if (deadline.timeRemaining() < WARM_SLICE_RESERVE_MS) return false;
          this.cache.set(key, $exportTree(block));
        }
        return true;
      }),
    );
  }

  serialize(): LexicalDocument {
    const next = new Map<string, NodeJson>();
    const body = this.editor.getEditorState().read(() =>
      $withCompactExport(false, () => {
        const root = $getRoot();
        const json = $exportNodeJSON(root) as NodeJson;
        for (const block of root.getChildren()) {
          const key = block.getKey();
          let blockJson = this.cache.get(key);
          if (blockJson === undefined) {
            blockJson = $exportTree(block);
          }
          if ($isElementNode(block)) next.set(key, blockJson);
          json.children!.push(blockJson);
        }
        return { root: json };
      }),
    );
    this.cache = next; // blocks that are gone drop out
    // Cached block objects are shared between saves; a deep copy per save would cost what the cache saves.
    return body as unknown as LexicalDocument;
  }
}

/** What an idle slice leaves unused, so the page's next frame is not held up by the warm-up. */
const WARM_SLICE_RESERVE_MS = 2;
/** The longest one slice of the warm-up runs, so a keystroke never waits long behind it. */
const WARM_SLICE_MS = 6;

const serializers = new WeakMap<LexicalEditor, BodySerializer>();

/** Keeps a BodySerializer in step with the editor; serializeBody uses it while registered. */
export function registerBodySerializer(editor: LexicalEditor): () => void {
  const serializer = new BodySerializer(editor);
  serializers.set(editor, serializer);
  // The cache is filled in the page's idle time, a slice at a time (where the page tells idle time),
  // and again after something replaced the document (undo, redo, a restored revision).
  let idle: number | undefined;
  const unregister = editor.registerUpdateListener((update) => {
    serializer.noteUpdate(update);
    if (idle === undefined && replacesDocument(update)) warmWhenIdle();
  });
  const warmWhenIdle = () => {
    if (typeof requestIdleCallback !== 'function') return;
    idle = requestIdleCallback((deadline) => {
      idle = undefined;
      // An idle period can last 50 ms; a key pressed meanwhile would wait for the whole slice.
      const sliceEnd = performance.now() + WARM_SLICE_MS;
      const slice = { timeRemaining: () => Math.min(deadline.timeRemaining(), sliceEnd - performance.now()) };
      if (!serializer.warm(slice)) warmWhenIdle();
    });
  };
  warmWhenIdle();
  return () => {
    unregister();
    if (idle !== undefined) cancelIdleCallback(idle);
    if (serializers.get(editor) === serializer) serializers.delete(editor);
  };
}

/** The editor's body for saving: incrementally when a serializer is registered, else walked in full. */
export function serializeBody(editor: LexicalEditor): LexicalDocument {
  return serializers.get(editor)?.serialize() ?? bodyOf(editor.getEditorState());
}
