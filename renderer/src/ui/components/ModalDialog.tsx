import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

interface ModalDialogProps {
  /** Whether the dialog shows. Dialogs that exist only while shown leave it out. */
  open?: boolean;
  title: ReactNode;
  /** Names the × button in the head. */
  closeLabel?: string;
  /** Classes added after `nd-dialog`. */
  className: string;
  testId?: string;
  /** For content that refers to the title's id (e.g. ids built from it); one is made up otherwise. */
  titleId?: string;
  /** Shown under the head as an alert. */
  error?: ReactNode;
  /** Runs right after each opening, e.g. to reset a form or move focus away from the ×. */
  onOpened?(dialog: HTMLDialogElement): void;
  onClose(): void;
  onKeyDown?(event: KeyboardEvent<HTMLDialogElement>): void;
  /** For owners that look inside the dialog themselves. */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  children: ReactNode;
}

/**
 * A native modal <dialog> (focus stays inside, Esc closes) with the desk's head: a title and a ×
 * button. `open` drives showModal()/close(); Esc closes the <dialog> on its own, so its close event
 * tells the owner, unless it was the owner closing it.
 */
export function ModalDialog({ open = true, title, closeLabel = 'Close', className, testId, titleId, error, onOpened, onClose, onKeyDown, dialogRef, children }: ModalDialogProps) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;
  const madeUpTitleId = useId();
  const headingId = titleId ?? madeUpTitleId;
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      onOpened?.(dialog);
    } else if (!open && dialog.open) {
      dialog.close();
    }
    // Only opening and closing matter here; onOpened is read from the render that opened it.
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`nd-dialog ${className}`}
      aria-labelledby={headingId}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onClose={(event) => {
        // React passes a nested dialog's close event up the component tree: only this dialog's own counts.
        if (event.target === event.currentTarget && openRef.current) onClose();
      }}
    >
      <header className="nd-dialog__head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="nd-icon-button" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      {error && (
        <p className="nd-dialog__error" role="alert">
          {error}
        </p>
      )}
      {children}
    </dialog>
  );
}
