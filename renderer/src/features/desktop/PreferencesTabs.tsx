import type { KeyboardEvent } from 'react';

export type PreferencesPane = 'general' | 'desk' | 'limits';

const PANES: { id: PreferencesPane; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'desk', label: 'Desk' },
  { id: 'limits', label: 'Limits' },
];

/** The Preferences' panes as an ARIA tablist: arrow keys, Home and End move between them. */
export function PreferencesTabs({ pane, onChange }: { pane: PreferencesPane; onChange(next: PreferencesPane): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = PANES.findIndex((p) => p.id === pane);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: PANES.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = PANES[(to + PANES.length) % PANES.length]!.id;
    onChange(next);
    document.getElementById(`nd-preferences-tab-${next}`)?.focus();
  };
  return (
    <div className="nd-preferences__tabs" role="tablist" aria-label="Preferences" onKeyDown={onKeyDown}>
      {PANES.map((p) => (
        <button
          key={p.id}
          id={`nd-preferences-tab-${p.id}`}
          type="button"
          role="tab"
          className="nd-segment"
          aria-selected={pane === p.id}
          aria-controls={`nd-preferences-${p.id}`}
          tabIndex={pane === p.id ? 0 : -1}
          onClick={() => onChange(p.id)}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}
