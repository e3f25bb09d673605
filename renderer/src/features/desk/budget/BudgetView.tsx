import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BudgetEntry, DeskMember } from '../../../../../shared/desk/budget';
import { call } from '../../../api/newsdesk';
import { useNotify } from '../../../ui/components/Toasts';
import { BudgetLine, DeskMembers, NOT_AN_EDITOR } from './BudgetLine';
import { budgetSections, firstRows, localDay } from './budget-rows';
import { BudgetTypeSample } from './BudgetTypeSample';
import { PlanStoryDialog } from './PlanStoryDialog';
import { useBudget } from './useBudget';
import { useStagedRows } from './useStagedRows';
import './budget.css';

const ROW_SELECTOR = '[data-testid="budget-row"]';

function shiftDay(day: string, by: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date + by, 12).toISOString());
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
  // The first screen of rows paints at once; the rest of a long day follows right after it.
  const scroll = useRef<HTMLDivElement>(null);
  const { limit, firstScreen } = useStagedRows(count, day, scroll, ROW_SELECTOR);
  const shownSections = useMemo(() => firstRows(sections, limit), [sections, limit]);
  let index = 0;

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

  // Stable, so the rows (memoised) render again only when their own story changes.
  const assign = useCallback((entry: BudgetEntry, assigneeId: string) => {
    setProblem(null);
    void call('budget:change', { storyId: entry.storyId, change: { assigneeId } }).then((result) => {
      if (!result.ok) setProblem(`“${entry.headline}” was not reassigned: ${result.error.message}`);
    });
  }, []);

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
      <DeskMembers.Provider value={members}>
        <div className="nd-budget__scroll" ref={scroll}>
          {/* A grid of rows rather than a <table>: rows out of view skip layout and paint
              (content-visibility), which table rows cannot. */}
          <div role="table" aria-label="Stories of the day" className="nd-budget__table" data-testid="budget-table">
            <div role="rowgroup" className="nd-budget__columns">
              <div role="row" className="nd-budget__row">
                {['Slot', 'Story', 'Status', 'Assignee', 'Length', 'Photo', 'Due'].map((name) => (
                  <span key={name} role="columnheader">{name}</span>
                ))}
              </div>
            </div>
            {budget.state === 'loading' && <BudgetTypeSample />}
            {shownSections.map((section) => (
              <div role="rowgroup" key={section.section} aria-label={section.section}>
                <div role="row" className="nd-budget__section">
                  <span role="rowheader">{section.section}</span>
                </div>
                {section.rows.map((row) => (
                  <BudgetLine key={row.entry.storyId} row={row} canAssign={budget.canPlan} later={index++ >= firstScreen} onAssign={assign} />
                ))}
              </div>
            ))}
          </div>
        </div>
      </DeskMembers.Provider>
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
