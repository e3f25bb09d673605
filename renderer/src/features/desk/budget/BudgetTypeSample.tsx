import { useLayoutEffect, useRef } from 'react';
import type { BudgetEntry } from '../../../../../shared/desk/budget';
import { BudgetLine } from './BudgetLine';
import type { BudgetRow } from './budget-rows';

/**
 * Budget lines that between them carry every class a row of the day can (every status, photo
 * state and length level, a desk note, a photographer, a row with no plan): every face, size and
 * glyph the rows use, the headline's serif, the slug's monospace, the bold, semibold and small
 * texts, the dashes and the assign button's arrow.
 */
const SAMPLE_ENTRY: BudgetEntry = {
  storyId: 'type-sample-planned',
  headline: 'Council weighs the harbour plan',
  slug: 'harbour-plan',
  section: 'News',
  status: 'approved',
  words: 420,
  photo: 'ready',
  photoWanted: '',
  photoBy: 'Photo desk',
  plan: {
    slot: { feed: 'Front', time: '09:30' },
    due: '2026-01-01T09:30:00.000Z',
    lengthTarget: 600,
    assignee: { id: 'sample', name: 'Reporter' },
    assignedAt: '2026-01-01T08:00:00.000Z',
    assignedBy: 'Editor',
    photoRequest: '',
    deskNote: 'hold for legal',
  },
  updated: '2026-01-01T09:30:00.000Z',
};

const SAMPLE_ROWS: BudgetRow[] = [
  { entry: SAMPLE_ENTRY, progress: 0.7 },
  { entry: { ...SAMPLE_ENTRY, storyId: 'type-sample-live', status: 'ready', photo: 'wanted', plan: null }, progress: null },
  { entry: { ...SAMPLE_ENTRY, storyId: 'type-sample-unslotted', status: 'draft', photo: 'none', photoBy: null, plan: { ...SAMPLE_ENTRY.plan!, slot: null, assignee: null, deskNote: '' } }, progress: 1 },
];

const assignNobody = (): void => undefined;

/**
 * Budget lines laid out while the budget is read, but neither seen nor taking room nor reachable
 * (no row of the table to tests, Tab or screen readers). The first layout of a face is what makes
 * a page's first rows slow: Chromium looks up each family of the font stack, each size's
 * rendering settings, and a font for each glyph the faces lack (on Linux, each a synchronous
 * question to the browser process) — most of the budget's first render, as traced. Laid out here,
 * those lookups are done before the stories arrive, not between their arrival and the frame that
 * shows them.
 */
export function BudgetTypeSample() {
  const sample = useRef<HTMLDivElement>(null);
  // Laid out as it mounts, before the view's effects ask for the budget: left to the next frame,
  // the layout could come after a quick answer and land in the rows' first frame after all.
  useLayoutEffect(() => {
    sample.current?.getBoundingClientRect();
  }, []);
  return (
    <div ref={sample} className="nd-budget__type-sample" aria-hidden="true" inert>
      <div className="nd-budget__section">{SAMPLE_ENTRY.section}</div>
      {SAMPLE_ROWS.map((row) => (
        <BudgetLine key={row.entry.storyId} row={row} canAssign later={false} sample onAssign={assignNobody} />
      ))}
    </div>
  );
}
