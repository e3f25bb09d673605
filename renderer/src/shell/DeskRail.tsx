import type { KeyboardEvent } from 'react';
import type { Desk } from '../features/desktop';
import { OutboxBadge } from '../features/publishing';
import { MOD } from '../ui/shortcuts';
import { DESKS } from './desks';

/** The rail of desk tabs (an ARIA tablist: arrow keys, Home and End move between them). */
export function DeskRail({ desk, show }: { desk: Desk; show(next: Desk): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const at = DESKS.findIndex((d) => d.id === desk);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: DESKS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = DESKS[(to + DESKS.length) % DESKS.length]!.id;
    show(next);
    document.getElementById(`nd-desk-tab-${next}`)?.focus();
  };

  return (
    <nav className="nd-rail" aria-label="Desks">
      <div className="nd-rail__tabs" role="tablist" aria-orientation="vertical" onKeyDown={onKeyDown}>
        {DESKS.map((d) => (
          <button
            key={d.id}
            id={`nd-desk-tab-${d.id}`}
            type="button"
            role="tab"
            className="nd-rail__tab"
            aria-selected={desk === d.id}
            aria-controls={`nd-desk-${d.id}`}
            tabIndex={desk === d.id ? 0 : -1}
            title={`${d.label} (${MOD}${d.key})`}
            onClick={() => show(d.id)}
          >
            <svg width={20} height={20} viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d={d.icon} />
            </svg>
            <span>{d.label}</span>
            {d.id === 'outbox' && <OutboxBadge />}
          </button>
        ))}
      </div>
    </nav>
  );
}
