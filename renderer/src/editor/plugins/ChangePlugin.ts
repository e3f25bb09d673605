import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, COLLABORATION_TAG, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import { countWords, formatReadTime, readTimeMinutes } from '../../../../shared/rules/text';
import { registerBodySerializer, replacesDocument } from '../body-serializer';

export { bodyOf } from '../body-serializer';

export interface BodyStats {
  words: number;
  minutes: number;
  label: string;
}

/**
 * The word count is refreshed at most this often while typing (and once typing stops). Each refresh
 * is a frame of the window's own beside the typed keys' frames (the status bar re-rendered, laid
 * out and painted), and one that lands next to a key delays it: twice a second still reads as live.
 */
const STATS_INTERVAL_MS = 500;
/** How long a due refresh may wait for the browser to be idle. */
const STATS_IDLE_WAIT_MS = 150;

/**
 * Word count and read time with the shared rules (countWords, 230 words a minute), counted per
 * top-level block and cached by node key, so a keystroke in a 10,000-word story recounts one
 * paragraph, not the story. The cache cannot be keyed by node object: Lexical clones only the node
 * it writes, so a paragraph whose text child changed keeps its object. Every update instead drops
 * the entries of its dirty elements, which always include the edited block (Lexical marks every
 * ancestor of a changed node dirty). Undo and redo swap in a whole earlier state whose nodes reuse
 * the same keys, so they clear the cache (replacesDocument). Words never span blocks, so the sum equals bodyStats().
 */
function statsCounter(editor: LexicalEditor): {
  count: () => BodyStats;
  invalidate: (keys: Iterable<string>) => void;
  clear: () => void;
} {
  let cache = new Map<string, number>();
  return {
    invalidate(keys) {
      for (const key of keys) cache.delete(key);
    },
    clear() {
      cache = new Map();
    },
    count: () =>
      editor.getEditorState().read(() => {
        const next = new Map<string, number>();
        let words = 0;
        for (const block of $getRoot().getChildren()) {
          const key = block.getKey();
          const count = cache.get(key) ?? countWords(block.getTextContent());
          next.set(key, count);
          words += count;
        }
        cache = next; // blocks that are gone drop out
        return { words, minutes: readTimeMinutes(words), label: formatReadTime(words) };
      }),
  };
}

/**
 * Reports content changes (not selection moves) at once, cheaply, so autosave can start its
 * timer; the body itself is serialized only when a save runs, and then only the blocks edited
 * since the previous save (registerBodySerializer). Word count and read time are
 * throttled (not debounced, so they keep moving during a long burst of typing).
 */
export function ChangePlugin({ onChange, onStats }: { onChange: () => void; onStats: (stats: BodyStats) => void }): null {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ onChange, onStats });
  callbacks.current = { onChange, onStats };

  useEffect(() => {
    const stats = statsCounter(editor);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const report = () => {
      idle = undefined;
      timer = undefined;
      callbacks.current.onStats(stats.count());
    };
    // The count (and the status bar it re-renders) waits for a moment the browser is idle, so it
    // never lands between a keystroke and its frame; the timeout bounds the wait during fast typing.
    const reportWhenIdle = () => {
      idle = requestIdleCallback(report, { timeout: STATS_IDLE_WAIT_MS });
    };
    report();
    // Registering node transforms re-runs them over the loaded document in a history-merge
    // update. Until the first real edit such updates are normalisation of what was loaded, not
    // edits, and must not trigger a save (every open would otherwise write a revision).
    let edited = false;
    const unregisterChanges = editor.registerUpdateListener((update) => {
      const { dirtyElements, dirtyLeaves, prevEditorState, tags } = update;
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
      if (replacesDocument(update)) stats.clear();
      else stats.invalidate(dirtyElements.keys());
      if (timer === undefined && idle === undefined) timer = setTimeout(reportWhenIdle, STATS_INTERVAL_MS);
      if (prevEditorState.isEmpty()) return; // the document being loaded
      // Another editor's change, arrived through the shared document: that editor saves it.
      if (tags.has(COLLABORATION_TAG)) return;
      if (!edited && tags.has(HISTORY_MERGE_TAG)) return;
      edited = true;
      callbacks.current.onChange();
    });
    // Saves serialize the body through this, re-exporting only the blocks edited since the last save.
    const unregister = mergeRegister(unregisterChanges, registerBodySerializer(editor));
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      unregister();
    };
  }, [editor]);
  return null;
}
