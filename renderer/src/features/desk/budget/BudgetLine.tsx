import { createContext, memo, useContext, useState } from 'react';
import type { BudgetEntry, DeskMember } from '../../../../../shared/desk/budget';
import { slotText } from '../../../../../shared/desk/budget';
import { lengthText, PHOTO_LABELS, sameRow, statusText, type BudgetRow } from './budget-rows';

export const NOT_AN_EDITOR = 'Only an editor plans and assigns stories.';

// One formatter for every row: a new Intl object per row is what a day of hundreds feels.
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

function dueText(due: string | null): string {
  return due ? TIME.format(new Date(due)) : '';
}

interface BudgetLineProps {
  row: BudgetRow;
  canAssign: boolean;
  /** Past the first screen: laid out and painted only when scrolled to. */
  later: boolean;
  /** Laid out only for its fonts (BudgetTypeSample): not one of the day's rows to tests or tools. */
  sample?: boolean;
  onAssign(entry: BudgetEntry, assigneeId: string): void;
}

function sameLine(a: BudgetLineProps, b: BudgetLineProps): boolean {
  return a.canAssign === b.canAssign && a.later === b.later && a.sample === b.sample && a.onAssign === b.onAssign && sameRow(a.row, b.row);
}

/** One story of the day. Memoised: when the budget is read again, only the rows that changed render. */
export const BudgetLine = memo(function BudgetLine({ row, canAssign, later, sample = false, onAssign }: BudgetLineProps) {
  const { entry, progress } = row;
  const plan = entry.plan;
  const [choosing, setChoosing] = useState(false);
  const level = progress === null ? '' : progress >= 1 ? ' nd-budget__length--done' : progress >= 0.5 ? ' nd-budget__length--half' : '';
  return (
    <div role="row" className={`nd-budget__row nd-budget__line${later ? ' nd-budget__line--later' : ''}`} data-testid={sample ? undefined : 'budget-row'} data-story={sample ? undefined : entry.storyId}>
      <div role="cell" className="nd-budget__slot">{plan ? slotText(plan.slot) || '—' : 'Live'}</div>
      <div role="cell">
        <div className="nd-budget__story">
          <span className="nd-budget__headline">{entry.headline || 'Untitled'}</span>
          {entry.slug && <span className="nd-budget__slug">{entry.slug}</span>}
          {plan?.deskNote && <span className="nd-budget__note" title="Desk note">{plan.deskNote}</span>}
        </div>
      </div>
      <div role="cell"><span className={`nd-budget__status nd-budget__status--${entry.status || 'draft'}`}>{statusText(entry.status)}</span></div>
      <div role="cell" className="nd-budget__assignee">
        {canAssign && plan && choosing ? (
          <AssigneeSelect
            entry={entry}
            onDone={(assigneeId) => {
              setChoosing(false);
              if (assigneeId !== null) onAssign(entry, assigneeId);
            }}
          />
        ) : canAssign && plan ? (
          // A button until chosen: a native <select> in each of hundreds of rows is what made the day slow to show.
          <button type="button" className="nd-budget__assign" aria-label={`Assign ${entry.headline}`} onClick={() => setChoosing(true)}>
            {plan.assignee?.name ?? 'Nobody yet'}
          </button>
        ) : plan ? (
          // Shown as the control it is for an editor, closed, with the reason (the server refuses it too).
          <button type="button" className="nd-budget__assign" disabled title={NOT_AN_EDITOR} aria-label={`Assign ${entry.headline}: ${NOT_AN_EDITOR}`}>
            {plan.assignee?.name ?? 'Nobody yet'}
          </button>
        ) : (
          '—'
        )}
      </div>
      <div role="cell" className={`nd-budget__length${level}`}>
        <span>{lengthText(entry)}</span>
        {progress !== null && (
          <span className="nd-budget__bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, Math.round(progress * 100))}%` }} />
          </span>
        )}
      </div>
      <div role="cell" className={`nd-budget__photo nd-budget__photo--${entry.photo}`} title={entry.photoWanted || undefined} data-testid="budget-photo">
        {PHOTO_LABELS[entry.photo]}
        {entry.photo === 'ready' && entry.photoBy && <span className="nd-budget__photo-by">{entry.photoBy}</span>}
      </div>
      <div role="cell" className="nd-budget__due">{dueText(plan?.due ?? null)}</div>
    </div>
  );
}, sameLine);

/** The desk's members, for the assignee list: only an open list reads them, so their arrival renders no row. */
export const DeskMembers = createContext<DeskMember[]>([]);

/** The open assignee list of one row; `onDone(null)` when closed without a choice. */
function AssigneeSelect({ entry, onDone }: { entry: BudgetEntry; onDone(assigneeId: string | null): void }) {
  const members = useContext(DeskMembers);
  const plan = entry.plan;
  return (
    <select
      className="nd-input"
      aria-label={`Assignee of ${entry.headline}`}
      autoFocus
      value={plan?.assignee?.id ?? ''}
      onBlur={() => onDone(null)}
      onChange={(event) => onDone(event.target.value)}
    >
      <option value="">Nobody yet</option>
      {plan?.assignee && !members.some((member) => member.id === plan.assignee?.id) && <option value={plan.assignee.id}>{plan.assignee.name}</option>}
      {members.map((member) => (
        <option key={member.id} value={member.id}>{member.name}</option>
      ))}
    </select>
  );
}
