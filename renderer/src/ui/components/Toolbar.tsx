import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

function enabledButtons(root: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(root?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);
}

/** Leaves exactly one enabled button in the Tab order, keeping the one that had it if possible. */
function normalizeTabStops(root: HTMLElement | null, preferred?: HTMLButtonElement): void {
  const list = enabledButtons(root);
  const stop = preferred ?? list.find((button) => button.tabIndex === 0) ?? list[0];
  for (const button of root?.querySelectorAll<HTMLButtonElement>('button') ?? []) {
    button.tabIndex = button === stop ? 0 : -1;
  }
}

/**
 * The ARIA toolbar pattern: one Tab stop, arrow keys move between buttons, Home/End jump. Keeps
 * the Tab order short (list → toolbar → text → metadata) for people working from the keyboard.
 * Tab stops are kept on the DOM directly, so buttons inside need no tabIndex bookkeeping.
 */
export function Toolbar({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);

  // After every render: buttons may have been enabled or disabled (undo, redo).
  useLayoutEffect(() => normalizeTabStops(ref.current));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = enabledButtons(ref.current);
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowRight') next = (index + 1) % list.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + list.length) % list.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    else return;
    event.preventDefault();
    normalizeTabStops(ref.current, list[next]);
    list[next]?.focus();
  };

  return (
    <div ref={ref} role="toolbar" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
