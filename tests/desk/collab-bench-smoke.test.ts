import { describe, expect, it } from 'vitest';
import { runReconnectBench } from '../bench/reconnect-bench';

// The reconnect benchmark's machinery, tiny: both sides must merge, save and agree, in-process and
// through Hocuspocus on loopback. Its figures are printed by `npm run bench`, never asserted here.
describe('the reconnect benchmark, short', () => {
  it('merges two offline sides into one document and saves it, both ways of reconnecting', async () => {
    const figures = await runReconnectBench({ edits: 60, words: 200 });
    expect(figures.converged).toBe(true);
    expect(figures.bytesExchanged).toBeGreaterThan(0);
    expect(figures.logBytes).toBeGreaterThan(0);
    expect(figures.loopback.replayed.converged).toBe(true);
    expect(figures.loopback.app.converged).toBe(true);
    expect(figures.loopback.replayed.queued).toBeGreaterThan(0);
    // The desktop's provider queues nothing offline: the sync on reconnect carries the changes.
    expect(figures.loopback.app.queued).toBe(0);
  }, 120_000);
});
