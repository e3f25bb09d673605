import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { IS_APPLE } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, CONTROL_OR_META, isExactShortcutMatch, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { registerStoryFinder, type FindMode } from '../find/find-request';
import { useStoryFind } from '../find/useStoryFind';

const MOD_ALT = { ...CONTROL_OR_META, altKey: true };

/** Ctrl+H on Windows and Linux; on macOS Cmd+H hides the app, so replace is Alt+Cmd+F there (as in Pages and Xcode). */
function isReplaceKey(event: KeyboardEvent | globalThis.KeyboardEvent): boolean {
  if (IS_APPLE) return isExactShortcutMatch(event, 'f', MOD_ALT) || isExactShortcutMatch(event, 'ƒ', MOD_ALT);
  return isExactShortcutMatch(event, 'h', CONTROL_OR_META);
}

/**
 * Find & replace in the open story: Ctrl/Cmd+F in the body opens find, Ctrl+H (Alt+Cmd+F on
 * macOS) opens replace. Enter and Shift+Enter step through the matches, Escape closes the bar and
 * leaves the current match selected in the text.
 */
export function FindReplacePlugin({ scope }: { /** The body's scroll pane: focus inside it routes the menu's Find here. */ scope: HTMLElement | null }) {
  const [editor] = useLexicalComposerContext();
  const [mode, setMode] = useState<FindMode | null>(null);
  const [replacement, setReplacement] = useState('');
  const [status, setStatus] = useState('');
  const find = useStoryFind(editor, mode !== null);
  const queryInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const focusRequest = useRef<FindMode | null>(null);
  const bar = useRef<HTMLDivElement>(null);

  const open = (next: FindMode) => {
    setMode((shown) => (shown === 'replace' ? 'replace' : next));
    focusRequest.current = next;
    setStatus('');
    // Opening again while open only moves the focus, so the menu and the key acting together are harmless.
    requestAnimationFrame(() => {
      const input = focusRequest.current === 'replace' && find.query !== '' ? replaceInput.current : queryInput.current;
      input?.focus();
      input?.select();
    });
  };
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const wanted: FindMode | null = isExactShortcutMatch(event, 'f', CONTROL_OR_META) ? 'find' : isReplaceKey(event) ? 'replace' : null;
          if (wanted === null) return false;
          event.preventDefault();
          openRef.current(wanted);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );

  useEffect(() => {
    if (scope === null) return;
    return registerStoryFinder({
      holds: (element) => scope.contains(element) || (bar.current?.contains(element) ?? false),
      open: (next) => openRef.current(next),
    });
  }, [scope]);

  if (mode === null) return null;

  const close = () => {
    find.selectCurrent();
    setMode(null);
    editor.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (isExactShortcutMatch(event, 'f', CONTROL_OR_META) || isReplaceKey(event)) {
      event.preventDefault();
      open(isReplaceKey(event) ? 'replace' : 'find');
    }
  };
  const onQueryKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (event.shiftKey) find.previous();
    else find.next();
  };
  const replaceAll = () => {
    const replaced = find.replaceAll(replacement);
    setStatus(replaced === 1 ? 'Replaced 1 match' : `Replaced ${replaced} matches`);
    // The button is disabled now that nothing matches; keep the focus in the bar so Escape still closes it.
    replaceInput.current?.focus();
  };
  const position = find.query === '' ? '' : find.count === 0 ? 'No matches' : `${find.current + 1} of ${find.count}`;

  return (
    <div ref={bar} className="nd-find" role="search" aria-label="Find in story" data-testid="find-bar" onKeyDown={onKeyDown}>
      <div className="nd-find__row">
        <input
          ref={queryInput}
          className="nd-find__input"
          type="search"
          aria-label="Find in story"
          placeholder="Find in story"
          value={find.query}
          onChange={(event) => {
            find.setQuery(event.target.value);
            setStatus('');
          }}
          onKeyDown={onQueryKey}
        />
        <span className="nd-find__count" aria-live="polite" data-testid="find-count">
          {status || position}
        </span>
        <button type="button" className="nd-find__button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={find.count === 0} onClick={find.previous}>
          ↑
        </button>
        <button type="button" className="nd-find__button" aria-label="Next match" title="Next match (Enter)" disabled={find.count === 0} onClick={find.next}>
          ↓
        </button>
        <label className="nd-find__option">
          <input type="checkbox" checked={find.options.matchCase} onChange={(event) => find.setOptions({ ...find.options, matchCase: event.target.checked })} />
          Match case
        </label>
        <label className="nd-find__option">
          <input type="checkbox" checked={find.options.wholeWord} onChange={(event) => find.setOptions({ ...find.options, wholeWord: event.target.checked })} />
          Whole word
        </label>
        {mode === 'find' && (
          <button type="button" className="nd-find__button" onClick={() => open('replace')}>
            Replace…
          </button>
        )}
        <button type="button" className="nd-find__button" aria-label="Close find" title="Close (Esc)" onClick={close}>
          ✕
        </button>
      </div>
      {mode === 'replace' && (
        <div className="nd-find__row">
          <input
            ref={replaceInput}
            className="nd-find__input"
            type="text"
            aria-label="Replace with"
            placeholder="Replace with"
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              find.replaceCurrent(replacement);
            }}
          />
          <button type="button" className="nd-find__button" disabled={find.count === 0} onClick={() => find.replaceCurrent(replacement)}>
            Replace
          </button>
          <button type="button" className="nd-find__button" disabled={find.count === 0} onClick={replaceAll}>
            Replace all
          </button>
        </div>
      )}
    </div>
  );
}
