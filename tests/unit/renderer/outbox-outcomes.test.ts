import { describe, expect, it } from 'vitest';
import type { JobState, PublishJob } from '../../../shared/model/publishing';
import { outcomesSince } from '../../../renderer/src/features/publishing/outbox-changes';

function job(id: string, state: JobState): PublishJob {
  return { id, state } as PublishJob;
}

describe('outcomesSince', () => {
  it('tells a job seen unfinished that has ended', () => {
    const outcomes = outcomesSince(new Map([['a', 'sending' as JobState]]), [job('a', 'failed')]);
    expect(outcomes.map((o) => [o.job.id, o.kind])).toEqual([['a', 'failed']]);
  });

  it('keeps quiet about jobs already finished at the first read', () => {
    expect(outcomesSince(new Map(), [job('old', 'done'), job('older', 'failed')], true)).toEqual([]);
  });

  it('tells a job queued and ended between two reads, never seen unfinished', () => {
    // main's change events are coalesced: a job that fails at once can first be read as failed.
    const seen = new Map([['a', 'done' as JobState]]);
    const outcomes = outcomesSince(seen, [job('a', 'done'), job('b', 'failed'), job('c', 'queued')]);
    expect(outcomes.map((o) => [o.job.id, o.kind])).toEqual([['b', 'failed']]);
  });

  it('does not tell a finished job twice', () => {
    expect(outcomesSince(new Map([['b', 'failed' as JobState]]), [job('b', 'failed')])).toEqual([]);
  });
});
