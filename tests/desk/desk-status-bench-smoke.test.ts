import { describe, expect, it } from 'vitest';
import { runDeskStatusBench } from '../bench/desk-status-bench';
import { deskServicesSkipReason } from './services/real-services';

// The status change benchmark's machinery, briefly: every change it times reaches the other
// desktop. Its figures are printed by `npm run bench`, never asserted here.
const skipReason = deskServicesSkipReason();
if (skipReason) console.warn(`[desk-status-bench-smoke] skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the status change benchmark, short', () => {
  it('times status changes from one desktop to the other and the bare map write', async () => {
    const figures = await runDeskStatusBench({ changes: 6 });
    expect(figures?.statusSamples).toHaveLength(6);
    expect(figures?.relaySamples).toHaveLength(6);
  }, 300_000);
});
