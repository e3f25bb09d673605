import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  type BaseSelection,
} from 'lexical';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { OPEN_LINK_EDITOR_COMMAND } from '../commands';
import { normalizeUrlInput } from '../url';

interface Open {
  /** Whether the selection is in a link already (edit/remove) or not (add). */
  existing: boolean;
  top: number;
  left: number;
  selection: BaseSelection | null;
}

/** The URL of the link around the caret or selection, if any. */
function $linkUrlAt(selection: BaseSelection | null): string | null {
  if (!$isRangeSelection(selection)) return null;
  const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode) ?? $findMatchingParent(selection.focus.getNode(), $isLinkNode);
  return link ? link.getURL() : null;
}

/**
 * A small popover to add, edit or remove the link at the selection. It remembers the editor
 * selection when it opens, because focus moves to its URL field, and restores it to apply.
 */
export function LinkEditorPlugin({ anchorElem }: { anchorElem: HTMLElement | null }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<Open | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_EDITOR_COMMAND,
        () => {
          // Lexical learns of selection changes from the async selectionchange event, so right
          // after Shift+Home the DOM can be ahead of the editor; read the DOM's selection then.
          // (Only read: setting it would make Lexical move the DOM selection, and focus, back.)
          const root = editor.getRootElement();
          const dom = window.getSelection();
          const fromDom = root && dom?.anchorNode && root.contains(dom.anchorNode) ? $createRangeSelectionFromDom(dom, editor) : null;
          const selection: BaseSelection | null = fromDom ?? $getSelection()?.clone() ?? null;
          if (selection === null) return false;
          const url = $linkUrlAt(selection);
          setOpen({ existing: url !== null, ...position(anchorElem), selection });
          setValue(url ?? '');
          setError(null);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, anchorElem],
  );

  useEffect(() => {
    if (!open) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [open]);

  if (!open) return null;

  const close = (refocus = true) => {
    setOpen(null);
    if (refocus) editor.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const check = normalizeUrlInput(value);
    if (!check.ok) {
      setError(check.message);
      return;
    }
    editor.update(() => {
      $setSelection(open.selection?.clone() ?? null);
      const selection = $getSelection();
      if ($isRangeSelection(selection) && selection.isCollapsed() && !open.existing) {
        // Nothing selected: insert the address itself as the link text.
        const label = check.url.replace(/^mailto:/, '');
        const link = $createLinkNode(check.url, { rel: 'noreferrer' }).append($createTextNode(label));
        selection.insertNodes([link]);
        link.selectEnd();
      } else {
        $toggleLink(check.url, { rel: 'noreferrer' });
      }
    });
    close();
  };

  const remove = () => {
    editor.update(() => {
      $setSelection(open.selection?.clone() ?? null);
      $toggleLink(null);
    });
    close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  // Clicking or tabbing anywhere else dismisses it, leaving focus where it went.
  const onBlur = (event: React.FocusEvent<HTMLFormElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
  };

  return (
    <form
      className="nd-link-editor"
      role="dialog"
      aria-label={open.existing ? 'Edit link' : 'Add link'}
      data-testid="link-editor"
      style={{ top: open.top, left: open.left }}
      onSubmit={apply}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <label className="nd-link-editor__label">
        <span>Link address</span>
        <input
          ref={inputRef}
          type="text"
          inputMode="url"
          value={value}
          placeholder="https://…  or  name@example.com"
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p id={errorId} className="nd-link-editor__error" role="alert">
          {error}
        </p>
      )}
      <div className="nd-link-editor__actions">
        <button type="submit" className="nd-button nd-button--primary">
          {open.existing ? 'Update link' : 'Add link'}
        </button>
        {open.existing && (
          <button type="button" className="nd-button" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="button" className="nd-button nd-button--ghost" onClick={() => close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Just below the selection, in the coordinates of the scrolling editor area it is placed in. */
function position(anchorElem: HTMLElement | null): { top: number; left: number } {
  const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null;
  let rect = range?.getBoundingClientRect();
  if (!rect || (rect.width === 0 && rect.height === 0)) {
    const node = range?.startContainer;
    const element = node instanceof Element ? node : node?.parentElement;
    rect = element?.getBoundingClientRect();
  }
  if (!anchorElem || !rect) return { top: 48, left: 24 };
  const box = anchorElem.getBoundingClientRect();
  const left = Math.max(8, Math.min(rect.left - box.left, box.width - 380));
  return { top: rect.bottom - box.top + anchorElem.scrollTop + 8, left };
}
