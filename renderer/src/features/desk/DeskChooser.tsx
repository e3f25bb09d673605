import { useState } from 'react';
import type { DeskStatus } from '../../../../shared/model/desk';
import { call } from '../../api/newsdesk';
import { acceptDeskStatus } from './desk-status';

interface DeskChooserProps {
  status: DeskStatus;
  /** A refused switch (say, the person is no longer on that desk) is said by the pane. */
  setError(message: string | null): void;
}

/**
 * Preferences › Desk, for a person on more than one desk: which desk this machine works on. The
 * choice restarts the sync on that desk; the draft list's marks, the archive search, the budget and
 * the board follow it. Stories shared to another desk stay on theirs and sync again once it is chosen.
 */
export function DeskChooser({ status, setError }: DeskChooserProps) {
  const [switching, setSwitching] = useState<string | null>(null);
  const desks = status.desks ?? [];
  if (desks.length < 2 || !status.desk) return null;
  const activeId = status.desk.id;

  const choose = async (deskId: string) => {
    if (deskId === activeId || switching) return;
    setSwitching(deskId);
    setError(null);
    const result = await call('desk:chooseDesk', { deskId });
    setSwitching(null);
    if (result.ok) acceptDeskStatus(result.value);
    else setError(result.error.message);
  };

  const target = switching ? desks.find((desk) => desk.id === switching)?.name ?? switching : null;
  return (
    <div className="nd-field nd-desk-chooser" data-testid="desk-chooser">
      <label className="nd-field__label" htmlFor="nd-desk-chooser">
        Work on desk
      </label>
      <div className="nd-desk-pane__actions">
        <select
          id="nd-desk-chooser"
          className="nd-input"
          value={switching ?? activeId}
          disabled={switching !== null}
          aria-busy={switching !== null}
          onChange={(event) => void choose(event.target.value)}
        >
          {desks.map((desk) => (
            <option key={desk.id} value={desk.id}>
              {desk.name}
            </option>
          ))}
        </select>
        {target && (
          <span className="nd-desk-pane__progress" role="status" data-testid="desk-switching">
            Switching to {target}…
          </span>
        )}
      </div>
      <p className="nd-field__hint">
        You are on {desks.length} desks. Stories shared to another desk stay on it, and sync again when you work on that desk.
      </p>
    </div>
  );
}
