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

function dueText(due: string | null): string {
  return due ? new Date(due).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : '';
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
        <table className="nd-budget__table" data-testid="budget-table">
          <thead>
            <tr>
              <th scope="col">Slot</th>
              <th scope="col">Story</th>
              <th scope="col">Status</th>
              <th scope="col">Assignee</th>
              <th scope="col">Length</th>
              <th scope="col">Photo</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section.section} aria-label={section.section}>
              <tr className="nd-budget__section">
                <th scope="rowgroup" colSpan={7}>{section.section}</th>
              </tr>
              {section.rows.map((row) => (
                <BudgetLine key={row.entry.storyId} row={row} canAssign={budget.canPlan} members={members} onAssign={(id) => void assign(row.entry, id)} />
              ))}
            </tbody>
          ))}
        </table>
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
  const level = progress === null ? '' : progress >= 1 ? ' nd-budget__length--done' : progress >= 0.5 ? ' nd-budget__length--half' : '';
  return (
    <tr data-testid="budget-row" data-story={entry.storyId}>
      <td className="nd-budget__slot">{plan ? slotText(plan.slot) || '—' : 'Live'}</td>
      <td>
        <div className="nd-budget__story">
          <span className="nd-budget__headline">{entry.headline || 'Untitled'}</span>
          {entry.slug && <span className="nd-budget__slug">{entry.slug}</span>}
          {plan?.deskNote && <span className="nd-budget__note" title="Desk note">{plan.deskNote}</span>}
        </div>
      </td>
      <td><span className={`nd-budget__status nd-budget__status--${entry.status || 'draft'}`}>{statusText(entry.status)}</span></td>
      <td className="nd-budget__assignee">
        {canAssign && plan ? (
          <select className="nd-input" aria-label={`Assignee of ${entry.headline}`} value={plan.assignee?.id ?? ''} onChange={(event) => onAssign(event.target.value)}>
            <option value="">Nobody yet</option>
            {plan.assignee && !members.some((member) => member.id === plan.assignee?.id) && <option value={plan.assignee.id}>{plan.assignee.name}</option>}
            {members.map((member) => (
              <option key={member.id} value={member.id}>{member.name}</option>
            ))}
          </select>
        ) : (
          plan?.assignee?.name ?? '—'
        )}
      </td>
      <td className={`nd-budget__length${level}`}>
        <span>{lengthText(entry)}</span>
        {progress !== null && (
          <span className="nd-budget__bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, Math.round(progress * 100))}%` }} />
          </span>
        )}
      </td>
      <td className={`nd-budget__photo nd-budget__photo--${entry.photo}`} title={plan?.photoRequest || undefined}>
        {PHOTO_LABELS[entry.photo]}
      </td>
      <td className="nd-budget__due">{dueText(plan?.due ?? null)}</td>
    </tr>
  );
}
