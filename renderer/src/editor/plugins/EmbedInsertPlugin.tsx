import { $createLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  CONTROL_OR_META,
  HISTORY_PUSH_TAG,
  isExactShortcutMatch,
  KEY_DOWN_COMMAND,
  type BaseSelection,
} from 'lexical';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { decideEmbedInsert, EMBED_PROVIDER_LIST } from '../../../../shared/rules/embed-insert';
import { ModalDialog } from '../../ui/components/ModalDialog';
import { OPEN_EMBED_DIALOG_COMMAND } from '../commands';
import { INSERT_EMBED_COMMAND } from './EmbedPlugin';

const MOD_SHIFT = { ...CONTROL_OR_META, shiftKey: true };

/** The address refused as an embed that may still go in as a link, with the sentence saying why. */
interface Refusal {
  url: string;
  message: string;
}

/** Puts back the selection the dialog took the focus from, when its nodes are still in the story. */
function $restoreSelection(saved: BaseSelection | null): void {
  if (!$isRangeSelection(saved)) return;
  const attached = [saved.anchor.key, saved.focus.key].every((key) => $getNodeByKey(key)?.isAttached() === true);
  // Otherwise the insert falls back to the previous selection, or the end of the story.
  if (attached) $setSelection(saved.clone());
}

/**
 * Insert embed: a small dialog for the address of a post, player, map or document (toolbar button,
 * Ctrl/Cmd+Shift+E). An address on the providers' allow-list becomes an embed card where the caret
 * was; anything else is refused with a sentence saying why, and an ordinary web address can go in
 * as a link instead. Each insert is one undo step.
 */
export function EmbedInsertPlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const saved = useRef<BaseSelection | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();

  useEffect(() => {
    const show = () => {
      // The dialog takes the focus; the caret's place is kept to insert there.
      saved.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
      setValue('');
      setError(null);
      setRefusal(null);
      setOpen(true);
      return true;
    };
    return mergeRegister(
      editor.registerCommand(OPEN_EMBED_DIALOG_COMMAND, show, COMMAND_PRIORITY_NORMAL),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!isExactShortcutMatch(event, 'e', MOD_SHIFT)) return false;
          event.preventDefault();
          return show();
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    );
  }, [editor]);

  const close = () => {
    setOpen(false);
    editor.focus();
  };

  const insert = (write: () => void) => {
    // One update with the push tag: one undo step that never merges with the typing before it.
    editor.update(() => {
      $restoreSelection(saved.current);
      write();
    }, { tag: HISTORY_PUSH_TAG });
    close();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const decision = decideEmbedInsert(value);
    if (decision.kind === 'embed') {
      insert(() => void editor.dispatchCommand(INSERT_EMBED_COMMAND, decision.embed.url));
    } else if (decision.kind === 'link') {
      setError(decision.message);
      setRefusal({ url: decision.url, message: decision.message });
    } else {
      setError(decision.message);
      setRefusal(null);
    }
  };

  const insertLink = (url: string) =>
    insert(() => {
      const selection = $getSelection();
      // Selected words become the link's text; at a caret the address is written out.
      if ($isRangeSelection(selection) && !selection.isCollapsed()) $toggleLink(url);
      else $insertNodes([$createLinkNode(url).append($createTextNode(url))]);
    });

  return (
    <ModalDialog
      open={open}
      title="Insert embed"
      className="nd-embed-dialog"
      testId="embed-dialog"
      onOpened={() => inputRef.current?.focus()}
      onClose={close}
    >
      <form className="nd-embed-dialog__form" onSubmit={submit} noValidate>
        <div className="nd-embed-dialog__body">
          <label className="nd-field">
            <span className="nd-field__label">Address of the post, video, map or document</span>
            <input
              ref={inputRef}
              className="nd-input"
              type="text"
              inputMode="url"
              spellCheck={false}
              placeholder="https://www.youtube.com/watch?v=…"
              aria-describedby={hintId}
              aria-invalid={error !== null}
              value={value}
              onChange={(event) => {
                setValue(event.target.value);
                setError(null);
                setRefusal(null);
              }}
            />
          </label>
          <p id={hintId} className="nd-field__hint">
            Newsdesk embeds single posts, videos, maps and documents from {EMBED_PROVIDER_LIST}. The app shows a card and loads nothing from the provider; readers see the embed on the published page.
          </p>
          {error !== null && (
            <p className="nd-embed-dialog__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <footer className="nd-dialog__foot">
          <button type="button" className="nd-button" onClick={close}>
            Cancel
          </button>
          {refusal !== null && (
            <button type="button" className="nd-button" onClick={() => insertLink(refusal.url)}>
              Insert as link
            </button>
          )}
          <button type="submit" className="nd-button nd-button--primary">
            Insert embed
          </button>
        </footer>
      </form>
    </ModalDialog>
  );
}
