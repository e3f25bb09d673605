import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, REDO_COMMAND, UNDO_COMMAND, type EditorState, type UpdateListenerPayload } from 'lexical';
import { useEffect } from 'react';
import * as Y from 'yjs';
import { STORY_BODY_ROOT } from '../../../../shared/desk/desk-protocol';
import { $restoreSelectionPath, $selectionPath, type SelectionPath } from './selection-path';

type Caret = SelectionPath | null;
/**
 * A caret as an editor state whose selection it is, read only when needed: finding a block's index
 * walks its siblings, too slow for every keystroke of a long story, and most carets are never used.
 */
type LazyCaret = Caret | EditorState;
type StackEvent = { stackItem: { meta: Map<string, LazyCaret> }; type: 'undo' | 'redo' };

function isState(caret: LazyCaret | undefined): caret is EditorState {
  return typeof caret === 'object' && caret !== null && 'read' in caret;
}

function caretOf(caret: LazyCaret | undefined): Caret {
  if (!isState(caret)) return caret ?? null;
  return caret.read(() => $selectionPath(caret._selection));
}

/** Reads the carets a step still holds as editor states, so it keeps no whole document alive. */
function settle(item: StackEvent['stackItem'] | undefined): void {
  if (!item) return;
  for (const [key, caret] of item.meta) if (isState(caret)) item.meta.set(key, caretOf(caret));
}

/**
 * Typing in one text node: the only kind of change merged into the previous undo step, as
 * Lexical's own history does. Elements marked dirty only because a child changed carry `false`.
 */
function typedInto(update: UpdateListenerPayload): string | null {
  if (update.dirtyLeaves.size !== 1) return null;
  // The root is often marked on purpose as well (Lexical's own history ignores it too).
  for (const [key, intentional] of update.dirtyElements) if (intentional && key !== 'root') return null;
  return [...update.dirtyLeaves][0]!;
}

/**
 * Undo for the shared body: a Yjs UndoManager over the document's body, so undo takes back this
 * editor's own changes only, never another window's. It stands in front of the one
 * CollaborationPlugin brings, whose steps are time slices (everything typed without a half-second
 * pause, block formats included, went in one step): here a step is a run of typing in one text
 * node, and every other change (a block format, a new paragraph, a paste) is a step of its own.
 * Must be rendered before CollaborationPlugin, so it classifies an update before it reaches Yjs.
 */
export function SharedUndoPlugin({ doc }: { doc: Y.Doc }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let lastTypedInto: string | null = null;
    let mergeNext = false;
    // The states before and after the change now going to Yjs: their carets are kept on its undo step.
    let stateBefore: EditorState | null = null;
    let stateAfter: EditorState | null = null;
    const undo: Y.UndoManager = new Y.UndoManager(doc.get(STORY_BODY_ROOT, Y.XmlText), {
      // Lexical's binding writes with itself (a plain object) as the origin; main's changes
      // (a symbol), the metadata map and undo itself are not this editor's typing.
      trackedOrigins: new Set([Object]),
      captureTransaction: (transaction) => {
        const origin = transaction.origin as { isBootstrapping?: boolean } | null;
        if (origin?.isBootstrapping) return false; // loading the article file is not an edit
        if (!mergeNext) undo.stopCapturing();
        return true;
      },
    });
    const report = () => {
      editor.dispatchCommand(CAN_UNDO_COMMAND, undo.undoStack.length > 0);
      editor.dispatchCommand(CAN_REDO_COMMAND, undo.redoStack.length > 0);
    };
    undo.on('stack-item-added', ({ stackItem }: StackEvent) => {
      // Steps made by undo and redo get their carets from the step they reverse (see step()).
      if (!undo.undoing && !undo.redoing) {
        // The step before is closed: its last caret is read now (once per step, not per keystroke).
        settle(undo.undoStack.at(-2) as StackEvent['stackItem'] | undefined);
        stackItem.meta.set('before', caretOf(stateBefore));
        stackItem.meta.set('after', stateAfter);
      }
      report();
    });
    // Per keystroke while typing on: the state only, read if this step is ever undone and redone.
    undo.on('stack-item-updated', ({ stackItem }: StackEvent) => stackItem.meta.set('after', stateAfter));
    undo.on('stack-item-popped', report);
    /** Undoes (or redoes) one step and puts the caret where it was before (or after) that change. */
    const step = (direction: 'undo' | 'redo'): boolean => {
      const [from, to] = direction === 'undo' ? [undo.undoStack, undo.redoStack] : [undo.redoStack, undo.undoStack];
      const reversed = from.at(-1) as StackEvent['stackItem'] | undefined;
      if (direction === 'undo') undo.undo();
      else undo.redo();
      const added = to.at(-1) as StackEvent['stackItem'] | undefined;
      if (!reversed) return true;
      settle(reversed);
      if (added && added !== reversed) for (const [key, caret] of reversed.meta) added.meta.set(key, caret);
      const caret = caretOf(reversed.meta.get(direction === 'undo' ? 'before' : 'after'));
      // Queued after the update that brings the reversed change into the editor.
      if (caret) editor.update(() => $restoreSelectionPath(caret));
      return true;
    };
    const unregister = mergeRegister(
      editor.registerUpdateListener((update) => {
        if (update.dirtyElements.size === 0 && update.dirtyLeaves.size === 0) return;
        stateBefore = update.prevEditorState;
        stateAfter = update.editorState;
        const leaf = typedInto(update);
        mergeNext = leaf !== null && leaf === lastTypedInto;
        lastTypedInto = leaf;
      }),
      // Commands of a nested editor (a caption) reach this one too: those are the caption's own undo.
      editor.registerCommand(UNDO_COMMAND, (_, from) => from === editor && step('undo'), COMMAND_PRIORITY_LOW),
      editor.registerCommand(REDO_COMMAND, (_, from) => from === editor && step('redo'), COMMAND_PRIORITY_LOW),
    );
    return () => {
      unregister();
      undo.destroy();
    };
  }, [editor, doc]);
  return null;
}
