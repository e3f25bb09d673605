import { useEffect, useMemo, useState } from 'react';
import type { BudgetEntry, DeskMember } from '../../../../../shared/desk/budget';
import { slotText } from '../../../../../shared/desk/budget';
import { call } from '../../../api/newsdesk';
import { useNotify } from '../../../ui/components/Toasts';
import { budgetSections, lengthText, localDay, PHOTO_LABELS, statusText, type BudgetRow } from './budget-rows';
import { PlanStoryDialog } from './PlanStoryDialog';
import { useBudget } from './useBudget';
import './budget.css';

const NOT_AN_EDITOR = 'Only an editor plans and assigns stories.';

function shiftDay(day: string, by: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date + by, 12).toISOString());
}

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

function dueText(due: string | null): string {
  return due ? TIME.format(new Date(due)) : '';
}

/**
 * The desk's budget: the day's planned and live stories by section and slot, with status,
 * assignee, length against target (the live word count of the story document as the desk last
 * stored it) and photo state, and the desk note. It follows the desk's budget document live. An
 * editor plans stories and assigns them here; others see why they cannot.
 */
export function BudgetView({ today }: { today?: string }) {
  const { budget, error } = useBudget();
  const notify = useNotify();
  const [day, setDay] = useState(() => today ?? localDay(new Date().toISOString()));
  const [planning, setPlanning] = useState(false);
  const [members, setMembers] = useState<DeskMember[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const sections = useMemo(() => budgetSections(budget.entries, day), [budget.entries, day]);
  const count = sections.reduce((sum, section) => sum + section.rows.length, 0);

  useEffect(() => {
    if (!budget.canPlan) return undefined;
    let cancelled = false;
    void call('budget:members', {}).then((result) => {
      if (!cancelled && result.ok) setMembers(result.value.members);
    });
    return () => {
      cancelled = true;
    };
  }, [budget.canPlan, budget.deskId]);

  const assign = async (entry: BudgetEntry, assigneeId: string) => {
    setProblem(null);
    const result = await call('budget:change', { storyId: entry.storyId, change: { assigneeId } });
    if (!result.ok) setProblem(`“${entry.headline}” was not reassigned: ${result.error.message}`);
  };

  if (budget.state === 'signed-out') {
    return (
      <section className="nd-budget" aria-label="Budget">
        <p className="nd-budget__empty">The budget is the desk’s plan of the day. Sign in to a desk under Preferences › Desk to see it.</p>
      </section>
    );
  }

  return (
    <section className="nd-budget" aria-label="Budget">
      <header className="nd-budget__head">
        <h1 className="nd-budget__title">Budget</h1>
        <div className="nd-budget__day" role="group" aria-label="Day">
          <button type="button" className="nd-button nd-button--ghost" aria-label="Previous day" onClick={() => setDay((was) => shiftDay(was, -1))}>‹</button>
          <input className="nd-input" type="date" aria-label="Day shown" value={day} onChange={(event) => event.target.value && setDay(event.target.value)} />
          <button type="button" className="nd-button nd-button--ghost" aria-label="Next day" onClick={() => setDay((was) => shiftDay(was, 1))}>›</button>
        </div>
        <span className="nd-budget__count">{budget.state === 'loading' ? 'Loading…' : `${count} ${count === 1 ? 'story' : 'stories'}`}</span>
        <button type="button" className="nd-button nd-button--primary" disabled={!budget.canPlan} title={budget.canPlan ? undefined : NOT_AN_EDITOR} onClick={() => setPlanning(true)}>
          Plan a story
        </button>
        {!budget.canPlan && <span className="nd-field__hint">{NOT_AN_EDITOR}</span>}
      </header>
      {(error ?? problem) && <p className="nd-budget__problem" role="alert">{error ?? problem}</p>}
      {count === 0 && budget.state === 'ready' && <p className="nd-budget__empty">Nothing planned or written for this day yet.</p>}
      <div className="nd-budget__scroll">
        {/* A grid of rows rather than a <table>: rows out of view skip layout and paint
            (content-visibility), which table rows cannot, so a day of hundreds shows at once. */}
        <div role="table" aria-label="Stories of the day" className="nd-budget__table" data-testid="budget-table">
          <div role="rowgroup" className="nd-budget__columns">
            <div role="row" className="nd-budget__row">
              {['Slot', 'Story', 'Status', 'Assignee', 'Length', 'Photo', 'Due'].map((name) => (
                <span key={name} role="columnheader">{name}</span>
              ))}
            </div>
          </div>
          {sections.map((section) => (
            <div role="rowgroup" key={section.section} aria-label={section.section}>
              <div role="row" className="nd-budget__section">
                <span role="rowheader">{section.section}</span>
              </div>
              {section.rows.map((row) => (
                <BudgetLine key={row.entry.storyId} row={row} canAssign={budget.canPlan} members={members} onAssign={(id) => void assign(row.entry, id)} />
              ))}
            </div>
          ))}
        </div>
      </div>
      {planning && budget.deskId && (
        <PlanStoryDialog
          deskId={budget.deskId}
          onClose={() => setPlanning(false)}
          onPlanned={(headline) => {
            setPlanning(false);
            notify(`Planned “${headline}”.`);
          }}
        />
      )}
    </section>
  );
}

function BudgetLine({ row, canAssign, members, onAssign }: { row: BudgetRow; canAssign: boolean; members: DeskMember[]; onAssign(id: string): void }) {
  const { entry, progress } = row;
  const plan = entry.plan;
  const [choosing, setChoosing] = useState(false);
  const level = progress === null ? '' : progress >= 1 ? ' nd-budget__length--done' : progress >= 0.5 ? ' nd-budget__length--half' : '';
  return (
    <div role="row" className="nd-budget__row nd-budget__line" data-testid="budget-row" data-story={entry.storyId}>
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
          <select
            className="nd-input"
            aria-label={`Assignee of ${entry.headline}`}
            autoFocus
            value={plan.assignee?.id ?? ''}
            onBlur={() => setChoosing(false)}
            onChange={(event) => {
              setChoosing(false);
              onAssign(event.target.value);
            }}
          >
            <option value="">Nobody yet</option>
            {plan.assignee && !members.some((member) => member.id === plan.assignee?.id) && <option value={plan.assignee.id}>{plan.assignee.name}</option>}
            {members.map((member) => (
              <option key={member.id} value={member.id}>{member.name}</option>
            ))}
          </select>
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
}
