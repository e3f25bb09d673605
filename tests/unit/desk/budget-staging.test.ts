import { describe, expect, it } from 'vitest';
import { budgetSections, firstRows, sameRow } from '../../../renderer/src/features/desk/budget/budget-rows';
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
