import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  REDO_COMMAND,
  SKIP_COLLAB_TAG,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import * as Y from 'yjs';
import { writeLexicalRoot } from '../../../../shared/desk/lexical-yjs';
import { captionRootName } from '../../../../shared/desk/lexical-yjs-layout';

/**
 * A caption editor bound to its shared text in the story document (shared/desk/lexical-yjs.ts), the
 * way CollaborationPlugin binds the body: two editors typing in one caption at once both keep their
 * letters. The text is seeded from the caption editor only by the editor that made the caption id
 * (see claimCaptionSeed); every other one waits for the text to arrive. Undo is the text's own: a
 * Yjs UndoManager that takes back this editor's changes only, never another editor's.
 */

/** Caption ids made in this window whose shared text it still has to write (new photos, pasted ones, a loaded body). */
const unseeded = new Set<string>();

export function newCaptionId(): string {
  const id = crypto.randomUUID();
  unseeded.add(id);
  return id;
}

/** True once for a caption id this window made: it then writes the caption into the shared text. */
function claimCaptionSeed(captionId: string): boolean {
  return unseeded.delete(captionId);
}

/**
 * Captions show no cursors of other editors, so their awareness stays here: it only keeps this
 * editor's caret as positions in the shared text, which the binding reads to put the caret back
 * where it was after another editor's letters arrive (without it, typing lands where they went).
 */
function localAwareness(): Provider {
  let state: Record<string, unknown> | null = { anchorPos: null, focusPos: null, name: '', color: '', focusing: true, awarenessData: {} };
  const awareness = {
    getLocalState: () => state,
    setLocalState: (next: Record<string, unknown> | null) => (state = next),
    setLocalStateField: (field: string, value: unknown) => (state = state && { ...state, [field]: value }),
    getStates: () => new Map(),
    on() {},
    off() {},
  };
  return { awareness, connect() {}, disconnect() {}, on() {}, off() {} } as unknown as Provider;
}

const SEEDED = Symbol('caption seeded');

type WithCollabNode = { _collabNode?: unknown };

/**
 * A binding marks each shared type with its node of the binding (`_collabNode`): a caption bound
 * again (its photo removed and brought back by undo) must not find the marks of the binding before,
 * or it loads their nodes on top of its own and shows the caption several times.
 */
function forgetBinding(text: Y.XmlText, depth = 0): void {
  delete (text as unknown as WithCollabNode)._collabNode;
  if (depth > 32) return;
  for (const { insert } of text.toDelta() as { insert: unknown }[]) {
    if (insert instanceof Y.XmlText) forgetBinding(insert, depth + 1);
    else if (insert instanceof Y.AbstractType) delete (insert as unknown as WithCollabNode)._collabNode;
  }
}

export interface CaptionBinding {
  undo: Y.UndoManager;
  dispose(): void;
}

export function bindCaption(caption: LexicalEditor, doc: Y.Doc, captionId: string): CaptionBinding {
  const text = doc.get(captionRootName(captionId), Y.XmlText);
  forgetBinding(text);
  const binding = createYjsBinding({ editor: caption, id: captionId, doc, docMap: new Map([[captionId, doc]]), getXmlText: () => text });
  // Not the binding's change: the caption as the photo came is not a step to undo.
  if (claimCaptionSeed(captionId)) writeLexicalRoot(text, caption.getEditorState().toJSON(), SEEDED);
  if (text.length > 0) {
    // The text is there already: the caption shows it, whatever the editor held before.
    caption.update(
      () => {
        $getRoot().clear();
        binding.root.syncPropertiesFromYjs(binding, null);
        binding.root.applyChildrenYjsDelta(binding, text.toDelta() as Parameters<typeof binding.root.applyChildrenYjsDelta>[1]);
        binding.root.syncChildrenFromYjs(binding);
      },
      { discrete: true, skipTransforms: true, tag: COLLABORATION_TAG },
    );
  }
  const provider = localAwareness();
  const undo = new Y.UndoManager(text, { trackedOrigins: new Set([binding]) });
  const report = () => {
    caption.dispatchCommand(CAN_UNDO_COMMAND, undo.undoStack.length > 0);
    caption.dispatchCommand(CAN_REDO_COMMAND, undo.redoStack.length > 0);
  };
  const onChanges = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events, transaction.origin instanceof Y.UndoManager, () => {});
  };
  text.observeDeep(onChanges);
  const unregister = mergeRegister(
    caption.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return;
      syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    }),
    caption.registerCommand(UNDO_COMMAND, () => (undo.undo(), true), COMMAND_PRIORITY_EDITOR),
    caption.registerCommand(REDO_COMMAND, () => (undo.redo(), true), COMMAND_PRIORITY_EDITOR),
  );
  undo.on('stack-item-added', report);
  undo.on('stack-item-popped', report);
  return {
    undo,
    dispose() {
      unregister();
      text.unobserveDeep(onChanges);
      undo.destroy();
      forgetBinding(text);
    },
  };
}
