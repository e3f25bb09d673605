import { describe, expect, it } from 'vitest';
import { runDeskBench } from '../bench/desk-bench';
import { deskServicesSkipReason } from './services/real-services';

// The desk benchmark's machinery, briefly: it must measure, converge and search. Its figures are
// printed by `npm run bench`, never asserted here.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-bench-smoke] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the desk benchmark, short', () => {
  it('times keystroke arrivals, converges every story, and searches a seeded archive', async () => {
    const figures = await runDeskBench({ seconds: 1, archiveStories: 500, editors: 10, stories: 2 });
    expect(figures).not.toBeNull();
    for (const run of figures?.runs ?? []) {
      expect(run.desk.samples.length).toBeGreaterThan(0);
      expect(run.desk.storiesConverged).toBe(run.desk.stories);
      expect(run.bare.storiesConverged).toBe(run.bare.stories);
      // The figures printed: a p95 for the desk and for its bare baseline, so a ratio of the two.
      expect(Number.isFinite(run.p95 / run.bareP95)).toBe(true);
    }
    expect(figures?.runs.map((run) => run.editors)).toEqual([2, 10]);
    expect(figures?.bytesPerStory).toBeGreaterThan(0);
    expect(figures?.searchHits).toBeGreaterThan(0);
  }, 300_000);
});
