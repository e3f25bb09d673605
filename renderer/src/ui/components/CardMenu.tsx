import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export interface MenuEntry {
  label: string;
  run(): void;
  danger?: boolean;
}

const MENU_WIDTH = 220;

/**
 * The "…" menu of a card. It is a popover, so it sits in the top layer above the scrolling column
 * (never clipped by it) and closes on Esc or a click elsewhere like any menu of the system.
 */
export function CardMenu({ label, entries, anchor, onClose }: { label: string; entries: MenuEntry[]; anchor: RefObject<HTMLButtonElement | null>; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const menu = ref.current;
    const button = anchor.current;
    if (!menu || !button) return;
    const rect = button.getBoundingClientRect();
    menu.style.left = `${Math.max(8, Math.min(rect.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH - 8))}px`;
    menu.showPopover();
    // Below the button, or above it when there is no room under it.
    const height = menu.offsetHeight;
    const below = rect.bottom + 4;
    menu.style.top = `${below + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 4) : below}px`;
    menu.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [anchor]);

  const close = (refocus: boolean) => {
    if (ref.current?.matches(':popover-open')) ref.current.hidePopover();
    onClose();
    if (refocus) anchor.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
    // Keys inside the menu are the menu's: the card must not pin or move on them.
    event.stopPropagation();
    if (next >= 0) {
      event.preventDefault();
      items[next]?.focus();
    }
  };

  return (
    <div
      ref={ref}
      popover="auto"
      role="menu"
      aria-label={label}
      className="nd-card-menu"
      style={{ width: MENU_WIDTH }}
      onKeyDown={onKeyDown}
      onToggle={(event) => {
        if (event.newState === 'closed') onClose();
      }}
      // A drag must not start from inside the menu.
      onPointerDown={(event) => event.stopPropagation()}
    >
      {entries.map((entry) => (
        <button
          key={entry.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`nd-card-menu__item${entry.danger ? ' nd-card-menu__item--danger' : ''}`}
          onClick={() => {
            close(false);
            entry.run();
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}
