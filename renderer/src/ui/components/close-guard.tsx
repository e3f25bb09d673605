import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Closing a dialog with unsaved edits asks first. Esc, the × and Cancel all go through
 * `requestClose`; Esc's keydown is cancelled so the <dialog> does not close itself before asking.
 */
export function useCloseGuard(dirty: boolean, onClose: () => void): {
  confirming: boolean;
  requestClose(): void;
  keepEditing(): void;
  onKeyDown(event: KeyboardEvent<HTMLDialogElement>): void;
} {
  const [confirming, setConfirming] = useState(false);
  const requestClose = () => (dirty ? setConfirming(true) : onClose());
  const keepEditing = () => setConfirming(false);
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (confirming) keepEditing();
    else requestClose();
  };
  // Saving or undoing the edits answers the question.
  useEffect(() => {
    if (!dirty) setConfirming(false);
  }, [dirty]);
  return { confirming, requestClose, keepEditing, onKeyDown };
}

/** Takes the footer's place while the question is asked; "Keep editing" has the focus. */
export function DiscardBar({ question, onKeepEditing, onDiscard }: { question: string; onKeepEditing(): void; onDiscard(): void }) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  useEffect(() => keepRef.current?.focus(), []);
  return (
    <footer className="nd-dialog__foot nd-discard" role="group" aria-labelledby={questionId}>
      <p className="nd-dialog__note nd-discard__question" id={questionId} role="alert">
        {question}
      </p>
      <button ref={keepRef} type="button" className="nd-button" onClick={onKeepEditing}>
        Keep editing
      </button>
      <button type="button" className="nd-button nd-button--danger" onClick={onDiscard}>
        Discard changes
      </button>
    </footer>
  );
}
