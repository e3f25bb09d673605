import { describe, expect, it } from 'vitest';
import { budgetSections, firstRows, sameRow } from '../../../renderer/src/features/desk/budget/budget-rows';
import { firstGuessRows, rowsStillFitting } from '../../../renderer/src/features/desk/budget/useStagedRows';
import type { BudgetEntry } from '../../../shared/desk/budget';

const noon = new Date(2026, 11, 7, 12).toISOString();
const entry = (storyId: string, section: string, overrides: Partial<BudgetEntry> = {}): BudgetEntry => ({
  storyId, headline: storyId, slug: '', section, status: 'draft', words: 0, photo: 'none', photoWanted: '', photoBy: null, plan: null, updated: noon, ...overrides,
});

describe('the budget shown in stages', () => {
  const sections = budgetSections([entry('a1', 'A'), entry('a2', 'A'), entry('b1', 'B'), entry('b2', 'B'), entry('c1', 'C')], '2026-12-07');

  it('keeps the first rows in order, section by section, and leaves out the sections past them', () => {
    const shown = firstRows(sections, 3);
    expect(shown.map((section) => [section.section, section.rows.map((row) => row.entry.storyId)])).toEqual([['A', ['a1', 'a2']], ['B', ['b1']]]);
  });

  it('shows every row once the limit is past the day', () => {
    expect(firstRows(sections, Number.POSITIVE_INFINITY)).toEqual(sections);
    expect(firstRows(sections, 5)).toEqual(sections);
    expect(firstRows(sections, 0)).toEqual([]);
  });

  it('tells an unchanged story from a changed one when the budget is read again (new objects each time)', () => {
    const [before] = budgetSections([entry('s', 'A', { words: 120 })], '2026-12-07')[0]!.rows;
    const [again] = budgetSections([entry('s', 'A', { words: 120 })], '2026-12-07')[0]!.rows;
    const [changed] = budgetSections([entry('s', 'A', { words: 120, status: 'approved' })], '2026-12-07')[0]!.rows;
    expect(again).not.toBe(before);
    expect(sameRow(before!, again!)).toBe(true);
    expect(sameRow(before!, changed!)).toBe(false);
  });
});

describe('how many rows fill the first screen', () => {
  it('first renders about a window of typical rows, never a handful', () => {
    expect(firstGuessRows(900)).toBe(15);
    expect(firstGuessRows(0)).toBe(8);
  });

  it('adds none once the rows reach the bottom of what is visible', () => {
    expect(rowsStillFitting(130, 930, 900, 15)).toBe(0);
    expect(rowsStillFitting(130, 900, 900, 15)).toBe(0);
  });

  it('adds as many rows as the empty height holds at the rows’ measured height, and one for a section heading', () => {
    // 15 rows of 34 px from 130 px down leave 260 px: 8 rows of 34 px fill it, one more for a heading.
    expect(rowsStillFitting(130, 130 + 15 * 34, 900, 15)).toBe(9);
  });

  it('adds none where nothing is visible (a hidden or zero-sized window) or nothing was rendered', () => {
    expect(rowsStillFitting(0, 0, 0, 15)).toBe(0);
    expect(rowsStillFitting(130, 130, 900, 0)).toBe(0);
    expect(rowsStillFitting(950, 1000, 900, 3)).toBe(0);
  });
});
