import { describe, expect, it } from 'vitest';
import { stateLabel } from '../../../renderer/src/features/publishing/job-display';
import type { PublishJob } from '../../../shared/model/publishing';

const job = (fields: Partial<PublishJob>): PublishJob => ({ mode: 'draft', state: 'queued', nextAttemptAt: null, ...fields }) as PublishJob;

describe('stateLabel of a retract', () => {
  it('names a retract the expiry queued as such in every state, and an editor’s retract as before', () => {
    const expiry = { as: 'draft' as const, expiredAt: '2026-06-01T18:00:00.000Z' };
    expect(['queued', 'running', 'done'].map((state) => stateLabel(job({ state: state as PublishJob['state'], retract: expiry })))).toEqual([
      'Expired: retract queued',
      'Expired: retracting',
      'Expired (back to a draft)',
    ]);
    expect(['queued', 'running', 'done'].map((state) => stateLabel(job({ state: state as PublishJob['state'], retract: { as: 'draft' } })))).toEqual(['Retract queued', 'Retracting', 'Retracted']);
  });
});

describe('stateLabel of a kill', () => {
  it('names a kill notice job as such, never as a publish', () => {
    const kill = { label: 'Withdrawn, 7 Dec 2026:', text: 'Withdrawn.' };
    expect(['queued', 'running', 'done'].map((state) => stateLabel(job({ state: state as PublishJob['state'], kill })))).toEqual([
      'Kill notice queued',
      'Writing the kill notice',
      'Killed (notice on the site)',
    ]);
  });
});
