import type { LexicalEditor } from 'lexical';
import { $createRangeSelection, $setSelection, HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearHighlights, showHighlights } from './highlights';
import type { FindOptions } from './match-text';
import { $findStoryMatches, $replaceStoryMatches, type StoryMatch } from './story-matches';

export interface StoryFind {
  query: string;
  setQuery(query: string): void;
  options: FindOptions;
  setOptions(options: FindOptions): void;
  count: number;
  /** The index of the current match, or -1 when there is none. */
  current: number;
  next(): void;
  previous(): void;
  replaceCurrent(replacement: string): void;
  /** Replaces every match as one undo step; returns how many. */
  replaceAll(replacement: string): number;
  /** Puts the editor's selection on the current match (when the bar closes, so typing goes there). */
  selectCurrent(): void;
}

/**
 * A replacement is one undo step (the push tag keeps it from merging with typing). The focus is in
 * the find bar, so the editor's selection is not drawn into the page: doing so makes Chromium lay
 * out the whole story at once inside the click (most of the time replace all took over a long
 * story). The selection goes onto the current match when the bar closes.
 */
const REPLACE_TAGS = [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG];

function scrollToMatch(editor: LexicalEditor, match: StoryMatch | undefined): void {
  if (match === undefined) return;
  const element = editor.getElementByKey(match.segments[0]!.key);
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * Find & replace over the open story while the bar is open: matches are found again after every
 * edit (and only while open, so typing costs nothing when the bar is closed) and drawn as
 * highlights, never as nodes in the story.
 */
export function useStoryFind(editor: LexicalEditor, active: boolean): StoryFind {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWord: false });
  const [matches, setMatches] = useState<StoryMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const matchesRef = useRef(matches);
  matchesRef.current = matches;

  const search = useCallback(() => {
    setMatches(editor.getEditorState().read(() => $findStoryMatches(query, options)));
  }, [editor, query, options]);

  useEffect(() => {
    if (!active) return;
    search();
    return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) search();
    });
  }, [active, editor, search]);

  const currentIndex = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  useEffect(() => {
    if (!active) return clearHighlights();
    showHighlights(editor, matches, currentIndex);
  }, [active, editor, matches, currentIndex]);
  useEffect(() => clearHighlights, []);

  const step = useCallback(
    (by: 1 | -1) => {
      const count = matchesRef.current.length;
      if (count === 0) return;
      const target = (Math.max(currentIndex, 0) + by + count) % count;
      setCurrent(target);
      scrollToMatch(editor, matchesRef.current[target]);
    },
    [editor, currentIndex],
  );

  const selectCurrent = useCallback(() => {
    const match = matchesRef.current[currentIndex];
    if (match === undefined) return;
    const first = match.segments[0]!;
    const last = match.segments[match.segments.length - 1]!;
    editor.update(() => {
      const selection = $createRangeSelection();
      selection.anchor.set(first.key, first.start, 'text');
      selection.focus.set(last.key, last.end, 'text');
      $setSelection(selection);
    });
  }, [editor, currentIndex]);

  const replaceCurrent = useCallback(
    (replacement: string) => {
      const match = matchesRef.current[currentIndex];
      if (match === undefined) return;
      editor.update(() => void $replaceStoryMatches([match], replacement), { tag: REPLACE_TAGS, discrete: true });
      scrollToMatch(editor, matchesRef.current[currentIndex]);
    },
    [editor, currentIndex],
  );

  const replaceAll = useCallback(
    (replacement: string) => {
      let replaced = 0;
      // One update: one entry in the undo history, one reconciliation, one search for the count after.
      editor.update(() => {
        replaced = $replaceStoryMatches($findStoryMatches(query, options), replacement);
      }, { tag: REPLACE_TAGS, discrete: true });
      return replaced;
    },
    [editor, query, options],
  );

  return {
    query,
    setQuery: (next) => {
      setQuery(next);
      setCurrent(0);
    },
    options,
    setOptions,
    count: matches.length,
    current: currentIndex,
    next: () => step(1),
    previous: () => step(-1),
    replaceCurrent,
    replaceAll,
    selectCurrent,
  };
}

