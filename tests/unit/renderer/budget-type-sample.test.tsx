import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BudgetLine } from '../../../renderer/src/features/desk/budget/BudgetLine';
import { BudgetTypeSample } from '../../../renderer/src/features/desk/budget/BudgetTypeSample';
import type { BudgetRow } from '../../../renderer/src/features/desk/budget/budget-rows';
import type { BudgetEntry } from '../../../shared/desk/budget';

// The budget lays out a hidden sample of its rows while it reads the day, so the fonts its rows
// use are looked up before the stories arrive. The sample must use every face a row can, and be
// no row at all to tests, Tab or screen readers.

const noon = new Date(2026, 11, 7, 12).toISOString();
const plan: NonNullable<BudgetEntry['plan']> = {
  slot: { feed: 'News Feed', time: '14:00' }, due: noon, lengthTarget: 600, assignee: { id: 'bo', name: 'Bo' }, assignedAt: noon, assignedBy: 'Ana', photoRequest: '', deskNote: 'hold for legal',
};
const entry = (overrides: Partial<BudgetEntry>): BudgetEntry => ({
  storyId: 's', headline: 'Harbour strike talks', slug: 'harbour-strike', section: 'News', status: 'draft', words: 120, photo: 'none', photoWanted: '', photoBy: null, plan, updated: noon, ...overrides,
});

/** Rows in every state a day can show: each status, photo state and length level, with and without a plan or a note. */
const DAY: BudgetRow[] = [
  { entry: entry({ status: 'draft', photo: 'none' }), progress: 0.2 },
  { entry: entry({ status: 'ready', photo: 'wanted', photoWanted: 'the pickets' }), progress: 0.6 },
  { entry: entry({ status: 'approved', photo: 'ready', photoBy: 'Bo Photo' }), progress: 1.2 },
  { entry: entry({ plan: null }), progress: null },
  { entry: entry({ plan: { ...plan, slot: null, assignee: null, deskNote: '' } }), progress: 0 },
];

const classesIn = (html: string): Set<string> => new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((match) => match[1]!.split(/\s+/)));

describe('the budget’s type sample', () => {
  const sample = renderToStaticMarkup(<BudgetTypeSample />);

  it('carries every class a row of the day can, so every face and size is looked up before the day arrives', () => {
    const rows = DAY.flatMap((row) => [true, false].map((canAssign) => renderToStaticMarkup(<BudgetLine row={row} canAssign={canAssign} later={false} onAssign={() => {}} />)));
    const used = classesIn(sample);
    const missing = [...classesIn(rows.join(''))].filter((name) => !used.has(name));
    expect(missing).toEqual([]);
    // The glyphs a row shows beside its words: the dash of an empty cell.
    expect(sample).toContain('—');
    expect(used.has('nd-budget__section')).toBe(true);
  });

  it('is no row of the day: hidden from screen readers, out of Tab’s reach, without the rows’ test id or story', () => {
    expect(sample).toMatch(/^<div[^>]* aria-hidden="true"[^>]* inert=""/);
    expect(sample).not.toContain('data-testid="budget-row"');
    expect(sample).not.toContain('data-story=');
    expect(classesIn(sample).has('nd-budget__line--later')).toBe(false);
  });
});
