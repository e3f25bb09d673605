import { describe, expect, it } from 'vitest';
import { GhostCollision, type GhostApi, type GhostPost } from '../../../electron/main/services/publishing/ghost/ghost-api';
import { postSummary } from '../../../electron/main/services/publishing/ghost/publish-ghost';
import { retractOnGhost } from '../../../electron/main/services/publishing/ghost/retract-ghost';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';
import { isPublishError } from '../../../electron/main/services/publishing/http/publish-error';
import { newJob } from '../../../electron/main/services/publishing/outbox/outbox-jobs';
import type { PublishOutcome } from '../../../electron/main/services/publishing/outbox/publisher';
import { emptyRemoteRecord, type RemoteRecords } from '../../../electron/main/services/publishing/remote/remote-records';
import type { GhostTarget, RemoteRecord, RetractAs } from '../../../shared/model/publishing';

// The retract's decisions with a Ghost that can answer the way a real one does (a post changed
// meanwhile, a 409 UPDATE_COLLISION, a post deleted on the site, an error), over an in-memory record.

const TARGET: GhostTarget = { id: 't-ghost0001', kind: 'ghost', name: 'Ghost site', siteUrl: 'http://127.0.0.1:9', hasSecret: true };
const ARTICLE = '00000000-0000-4000-8000-000000000001';
const POST_ID = 'a'.repeat(24);

function post(fields: Partial<GhostPost> = {}): GhostPost {
  return { id: POST_ID, title: 'Harbour vote', slug: 'harbour-vote', status: 'published', url: 'http://site/harbour-vote/', updated_at: '2026-12-07T09:00:00.000Z', lexical: '{"root":{"children":[]}}', html: '<p>Text</p>', ...fields };
}

function memoryRecords(initial: RemoteRecord | null): RemoteRecords & { current: RemoteRecord | null; writes: number } {
  const store = {
    current: initial,
    writes: 0,
    get: async () => store.current,
    put: async (record: RemoteRecord) => {
      store.current = record;
      store.writes += 1;
    },
  };
  return store;
}

/** A Ghost whose post is `onSite`; `update` says how the one write goes. */
function fakeGhost(onSite: GhostPost | null, update: (fields: { status?: string; updated_at: string }) => GhostPost) {
  const calls: string[] = [];
  const api: GhostApi = {
    getPost: async () => {
      calls.push('get');
      return onSite;
    },
    findPostByMarker: async () => null,
    createPost: async () => {
      throw new Error('a retract never creates');
    },
    listUsers: async () => {
      throw new Error('a retract never reads the staff');
    },
    updatePost: async (_id, fields) => {
      calls.push(`update ${fields.status ?? ''} ${fields.updated_at}`);
      return update(fields);
    },
    uploadImage: async () => {
      throw new Error('a retract never uploads');
    },
    imageExists: async () => false,
  };
  return { api, calls };
}

async function retract(records: RemoteRecords, api: GhostApi, as: RetractAs = 'draft', overwrite = false): Promise<{ outcome: PublishOutcome | null; error: unknown; log: string[] }> {
  const job = { ...newJob({ articleId: ARTICLE, targetId: TARGET.id, headline: 'Harbour vote', mode: 'draft', retract: { as } }, Date.now()), overwrite };
  const log: string[] = [];
  const context = { job, signal: new AbortController().signal, progress: () => {}, log: (_level: string, message: string) => log.push(message) };
  try {
    const outcome = await retractOnGhost({ context, target: TARGET, adminApiKey: 'x', records, local: { title: 'Harbour vote', excerpt: '', html: '' }, http: createHttpClient(), api, now: () => new Date('2026-12-07T10:00:00Z') });
    return { outcome, error: null, log };
  } catch (error) {
    return { outcome: null, error, log };
  }
}

const recordOf = (onSite: GhostPost): RemoteRecord => {
  const summary = postSummary(onSite);
  return { ...emptyRemoteRecord(TARGET.id, ARTICLE, 'b'.repeat(32)), postId: POST_ID, link: onSite.url, modifiedGmt: summary.modified, contentHash: summary.contentHash };
};

describe('retracting a post on Ghost', () => {
  it('sends one update to draft with the updated_at it read, and records the retract in the history', async () => {
    const onSite = post();
    const records = memoryRecords(recordOf(onSite));
    const ghost = fakeGhost(onSite, () => post({ status: 'draft', updated_at: '2026-12-07T10:00:01.000Z' }));
    const { outcome } = await retract(records, ghost.api);
    expect(outcome).toEqual({ kind: 'done', remote: { postId: POST_ID, link: onSite.url } });
    expect(ghost.calls).toEqual(['get', `update draft ${onSite.updated_at}`]);
    expect(records.current?.retracted).toEqual({ at: '2026-12-07T10:00:00.000Z', as: 'draft' });
    expect(records.current?.modifiedGmt).toBe('2026-12-07T10:00:01.000Z');
    expect(records.current?.history).toEqual([{ at: '2026-12-07T10:00:00.000Z', action: 'retracted', status: 'draft', link: onSite.url }]);
  });

  it('a 409 UPDATE_COLLISION (edited between the read and the write) is a conflict with the site’s newer version', async () => {
    const onSite = post();
    const records = memoryRecords(recordOf(onSite));
    const ghost = fakeGhost(onSite, () => {
      // The site answers the next read with the edit that made it refuse.
      onSite.title = 'Edited on the site';
      throw new GhostCollision('The post was changed on the site.');
    });
    const { outcome } = await retract(records, ghost.api);
    expect(outcome?.kind).toBe('conflict');
    expect(outcome?.kind === 'conflict' && outcome.conflict.remote.title).toBe('Edited on the site');
    expect(records.writes).toBe(0);
  });

  it('a post changed on the site since the last push is a conflict before anything is sent; overwrite retracts it', async () => {
    const onSite = post({ updated_at: '2026-12-07T09:30:00.000Z', title: 'Edited on the site' });
    const records = memoryRecords(recordOf(post()));
    const ghost = fakeGhost(onSite, () => post({ status: 'draft' }));
    expect((await retract(records, ghost.api)).outcome?.kind).toBe('conflict');
    expect(ghost.calls).toEqual(['get']);
    expect((await retract(records, ghost.api, 'draft', true)).outcome?.kind).toBe('done');
    expect(ghost.calls.filter((call) => call.startsWith('update'))).toHaveLength(1);
  });

  it('a post already a draft, or deleted on the site, is left alone and the retract is done', async () => {
    const draft = post({ status: 'draft' });
    const records = memoryRecords(recordOf(post()));
    const ghost = fakeGhost(draft, () => {
      throw new Error('nothing may be sent');
    });
    expect((await retract(records, ghost.api)).outcome?.kind).toBe('done');
    const gone = fakeGhost(null, () => {
      throw new Error('nothing may be sent');
    });
    const again = await retract(memoryRecords(recordOf(post())), gone.api);
    expect(again.outcome?.kind).toBe('done');
    expect(again.log.join('\n')).toContain('already deleted');
  });

  it('refuses a story never pushed to the site, and a retract to the trash (Ghost keeps none), sending nothing', async () => {
    const ghost = fakeGhost(post(), () => post({ status: 'draft' }));
    const never = await retract(memoryRecords(null), ghost.api);
    expect(isPublishError(never.error) && never.error.message).toContain('nothing to retract');
    const trash = await retract(memoryRecords(recordOf(post())), ghost.api, 'trash');
    expect(isPublishError(trash.error) && trash.error.message).toContain('Ghost keeps no trash');
    expect(ghost.calls.filter((call) => call.startsWith('update'))).toHaveLength(0);
  });

  it('a failed write leaves the record as it was, so the next attempt decides again', async () => {
    const onSite = post();
    const records = memoryRecords(recordOf(onSite));
    const ghost = fakeGhost(onSite, () => {
      throw new Error('socket hang up');
    });
    expect((await retract(records, ghost.api)).error).toBeInstanceOf(Error);
    expect(records.writes).toBe(0);
    expect(records.current?.retracted ?? null).toBeNull();
  });
});
