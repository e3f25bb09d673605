import { describe, expect, it } from 'vitest';
import { runDeskBoardBench } from '../bench/desk-board-bench';
import { deskServicesSkipReason } from './services/real-services';

// The shared board benchmark's machinery, briefly: every move it times reaches the other desktop.
// Its figures are printed by `npm run bench`, never asserted here.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-board-bench-smoke] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the shared board benchmark, short', () => {
  it('times moves from one desktop to the other and the bare relay', async () => {
    const figures = await runDeskBoardBench({ moves: 5, cards: 4 });
    expect(figures?.moveSamples).toHaveLength(5);
    expect(figures?.relaySamples).toHaveLength(5);
  }, 300_000);
});
