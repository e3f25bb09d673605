import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, HISTORY_MERGE_TAG, type LexicalEditor, type LexicalNode } from 'lexical';
import { useEffect, useRef } from 'react';
import type { LexicalDocument } from '../../../../shared/model/article';
import { countWords, formatReadTime, readTimeMinutes } from '../../../../shared/rules/text';

export interface BodyStats {
  words: number;
  minutes: number;
  label: string;
}

/** The word count is refreshed at most this often while typing (and once typing stops). */
const STATS_INTERVAL_MS = 150;

export function bodyOf(editorState: { toJSON(): unknown }): LexicalDocument {
  // Lexical's serialized state is the stored body shape (checked at the root by the schema).
  return editorState.toJSON() as LexicalDocument;
}

/**
 * Word count and read time with the shared rules (countWords, 230 words a minute), counted per
 * top-level block and cached by node: Lexical keeps the same node object for every block that
 * did not change, so a keystroke in a 10,000-word story recounts one paragraph, not the story.
 * Words never span blocks, so the sum equals shared bodyStats() on the whole body.
 */
function statsCounter(editor: LexicalEditor): () => BodyStats {
  const cache = new WeakMap<LexicalNode, number>();
  return () =>
    editor.getEditorState().read(() => {
      let words = 0;
      for (const block of $getRoot().getChildren()) {
        let count = cache.get(block);
        if (count === undefined) {
          count = countWords(block.getTextContent());
          cache.set(block, count);
        }
        words += count;
      }
      return { words, minutes: readTimeMinutes(words), label: formatReadTime(words) };
    });
}

/**
 * Reports content changes (not selection moves) at once, cheaply, so autosave can start its
 * timer; the body itself is serialized only when a save runs. Word count and read time are
 * throttled (not debounced, so they keep moving during a long burst of typing).
 */
export function ChangePlugin({ onChange, onStats }: { onChange: () => void; onStats: (stats: BodyStats) => void }): null {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ onChange, onStats });
  callbacks.current = { onChange, onStats };

  useEffect(() => {
    const count = statsCounter(editor);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      timer = undefined;
      callbacks.current.onStats(count());
    };
    report();
    // Registering node transforms re-runs them over the loaded document in a history-merge
    // update. Until the first real edit such updates are normalisation of what was loaded, not
    // edits, and must not trigger a save (every open would otherwise write a revision).
    let edited = false;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
      if (prevEditorState.isEmpty()) return; // the document being loaded
      if (!edited && tags.has(HISTORY_MERGE_TAG)) return;
      edited = true;
      callbacks.current.onChange();
      timer ??= setTimeout(report, STATS_INTERVAL_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor]);
  return null;
}
