import { describe, expect, it } from 'vitest';
import { budgetSections, dueFromLocal, lengthText } from '../../../renderer/src/features/desk/budget/budget-rows';
import { parseSlot, PlanInput, type BudgetEntry } from '../../../shared/desk/budget';

// Noon of a local day, so the day a story belongs to is the same in every time zone.
const noon = (date: number): string => new Date(2026, 11, date, 12).toISOString();
const entry = (overrides: Partial<BudgetEntry> & { storyId: string }): BudgetEntry => ({
  headline: overrides.storyId, slug: '', section: 'News', status: 'draft', words: 0, photo: 'none', photoWanted: '', photoBy: null, plan: null,
  updated: noon(7), ...overrides,
});
const planned = (time: string | null, due: string | null = null, target = 600) => ({
  slot: time ? { feed: 'News Feed', time } : null, due, lengthTarget: target, assignee: null, assignedAt: null, assignedBy: null, photoRequest: '', deskNote: '',
});

describe('budget rules', () => {
  it('reads a slot as a feed and a time, and refuses anything else', () => {
    expect(parseSlot('News Feed, 14:00')).toEqual({ feed: 'News Feed', time: '14:00' });
    expect(parseSlot('  Front ,9:05 ')).toEqual({ feed: 'Front', time: '09:05' });
    for (const bad of ['News Feed 14:00', 'News Feed, 24:00', 'News Feed, 14:60', ', 14:00', 'a, b, 14:00', 'News Feed, 2pm']) expect(parseSlot(bad)).toBeNull();
  });

  it('checks a plan: slot, due time with its zone, whole-number target, slug', () => {
    const base = { slug: 'harbour', headline: 'Harbour', section: 'News', slot: '', due: '', lengthTarget: 600, assigneeId: '', photoRequest: '', deskNote: '' };
    expect(PlanInput.parse(base)).toMatchObject({ slot: null, due: '' });
    expect(PlanInput.safeParse({ ...base, due: '2026-12-07T14:00:00' }).success).toBe(false);
    expect(PlanInput.safeParse({ ...base, due: '2026-12-07T14:00:00+01:00' }).success).toBe(true);
    expect(PlanInput.safeParse({ ...base, lengthTarget: 12.5 }).error?.issues[0]?.message).toBe('A length target is a whole number of words.');
    expect(PlanInput.safeParse({ ...base, slug: 'Harbour Strike' }).success).toBe(false);
    expect(PlanInput.safeParse({ ...base, headline: '  ' }).error?.issues[0]?.message).toBe('A planned story needs a working headline.');
  });

  it('lists the day by section (no section last), each in slot order, stories without a slot after', () => {
    const day = '2026-12-07';
    const entries = [
      entry({ storyId: 'late', plan: planned('17:30', noon(7)) }),
      entry({ storyId: 'early', plan: planned('09:00', noon(7)) }),
      entry({ storyId: 'live' }),
      entry({ storyId: 'sport', section: 'Sport', plan: planned('12:00', noon(7)) }),
      entry({ storyId: 'loose', section: '' }),
      entry({ storyId: 'tomorrow', plan: planned('08:00', noon(8)) }),
    ];
    const sections = budgetSections(entries, day);
    expect(sections.map((section) => [section.section, section.rows.map((row) => row.entry.storyId)])).toEqual([
      ['News', ['early', 'late', 'live']],
      ['Sport', ['sport']],
      ['No section', ['loose']],
    ]);
    expect(sections[0]!.rows[0]!.progress).toBe(0);
    expect(sections[0]!.rows[2]!.progress).toBeNull();
  });

  it('places a story in the local day from its first moment to its last, and nowhere with an unreadable time', () => {
    const at = (date: number, hours: number, minutes = 0, ms = 0): string => new Date(2026, 11, date, hours, minutes, 0, ms).toISOString();
    const entries = [
      entry({ storyId: 'midnight', plan: planned('00:00', at(7, 0)) }),
      entry({ storyId: 'last-moment', plan: planned('23:59', new Date(new Date(2026, 11, 8).getTime() - 1).toISOString()) }),
      entry({ storyId: 'eve', plan: planned('23:59', at(6, 23, 59)) }),
      entry({ storyId: 'next-midnight', plan: planned('00:00', at(8, 0)) }),
      entry({ storyId: 'changed-today', updated: at(7, 8) }),
      entry({ storyId: 'unreadable', updated: 'not a time' }),
      entry({ storyId: 'due-with-offset', plan: planned('10:00', dueFromLocal('2026-12-07T10:00')) }),
    ];
    const ids = (day: string) => budgetSections(entries, day).flatMap((section) => section.rows.map((row) => row.entry.storyId));
    expect(ids('2026-12-07')).toEqual(['midnight', 'due-with-offset', 'last-moment', 'changed-today']);
    expect(ids('2026-12-06')).toEqual(['eve']);
    expect(ids('2026-12-08')).toEqual(['next-midnight']);
    // Across a year's end.
    expect(budgetSections([entry({ storyId: 'new-year', updated: new Date(2027, 0, 1, 0, 30).toISOString() })], '2026-12-31')).toEqual([]);
    expect(ids('2027-01-01')).toEqual([]);
  });

  it('shows length against target, and a local due time with this machine’s offset', () => {
    expect(lengthText(entry({ storyId: 'a', words: 1234, plan: planned(null, null, 1500) }))).toBe('1,234 / 1,500');
    expect(lengthText(entry({ storyId: 'b', words: 80 }))).toBe('80');
    const due = dueFromLocal('2026-12-07T14:00');
    expect(due).toMatch(/^2026-12-07T14:00:00[+-]\d{2}:\d{2}$/);
    expect(new Date(due).getTime()).toBe(new Date(2026, 11, 7, 14, 0).getTime());
    expect(dueFromLocal('')).toBe('');
  });
});
