import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorrectionsStore } from '../../../electron/main/services/corrections/corrections-log';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';
import type { Outbox } from '../../../electron/main/services/publishing/outbox/outbox';
import { emptyRemoteRecord, type RemoteRecords } from '../../../electron/main/services/publishing/remote/remote-records';
import { createStoryLifeHandlers } from '../../../electron/main/services/publishing/story-life-handlers';
import type { Article } from '../../../shared/model/article';
import { UserFacingError } from '../../../shared/model/errors';
import { EMPTY_BOARD } from '../../../shared/model/placement';
import type { PublishJob, PublishTarget, RemoteRecord } from '../../../shared/model/publishing';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { body, paragraph, text } from '../shared/photo-fixtures';
import { fullArticle } from './publishing-fixtures';

// The retract and correction channels' refusals and their one rollback, over fakes that fail the
// way the real stores do (a save refused for a full disk).

const ARTICLE = '00000000-0000-4000-8000-000000000001';
const WORDPRESS: PublishTarget = { id: 't-wordpress1', kind: 'wordpress', name: 'Gazette', siteUrl: 'http://127.0.0.1:9', user: 'admin', hasSecret: true };
const GHOST: PublishTarget = { id: 't-ghost00001', kind: 'ghost', name: 'Ghost site', siteUrl: 'http://127.0.0.1:9', hasSecret: true };
const NINJS: PublishTarget = { id: 't-ninjs00001', kind: 'ninjs', name: 'Agency feed', url: 'http://127.0.0.1:9/in', ninjsVersion: '3.1', hasSecret: false };

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const article = { id: ARTICLE, headline: 'Harbour vote', body: { root: { type: 'root', children: [] } } } as unknown as Article;

async function handlers(options: { records?: Record<string, RemoteRecord>; jobs?: PublishJob[]; saveFails?: boolean; enqueueRefusal?: string; article?: Article } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-story-life-'));
  dirs.push(dir);
  const targets = [WORDPRESS, GHOST, NINJS];
  const records: RemoteRecords = { get: async (targetId) => options.records?.[targetId] ?? null, put: async () => {} };
  const enqueued: unknown[] = [];
  const outbox = {
    list: () => options.jobs ?? [],
    enqueue: async (request: unknown) => {
      // The outbox's gate refuses as main's desk gate does for a desk story and a non-publisher.
      if (options.enqueueRefusal) throw new UserFacingError('forbidden', options.enqueueRefusal);
      enqueued.push(request);
      return request as PublishJob;
    },
  } as unknown as Outbox;
  const corrections = openCorrectionsStore(dir, { clock: { timeZone: 'UTC' } });
  const made = createStoryLifeHandlers({
    drafts: {
      get: async () => options.article ?? article,
      save: async () => {
        if (options.saveFails) throw new UserFacingError('io', 'The draft could not be saved. The disk is full.');
        return { article: options.article ?? article } as never;
      },
    },
    targets: { get: (id: string) => targets.find((target) => target.id === id), list: () => targets },
    media: { getMany: async () => [] },
    board: { get: () => EMPTY_BOARD },
    settings: { get: () => DEFAULT_SETTINGS },
    records,
    clocks: createHttpClient().clocks,
    outbox,
    corrections,
    now: () => new Date('2026-12-07T10:00:00Z'),
  });
  return { made, enqueued, corrections };
}

const onSite = (target: PublishTarget): RemoteRecord => ({ ...emptyRemoteRecord(target.id, ARTICLE, 'c'.repeat(32)), postId: target.kind === 'ghost' ? 'a'.repeat(24) : 7, link: 'http://site/harbour-vote/' });

describe('the retract and correction channels', () => {
  it('refuse a retract with a sentence when there is nothing the site could take back, queueing nothing', async () => {
    const { made, enqueued } = await handlers({ records: { [GHOST.id]: onSite(GHOST) } });
    await expect(made['publish:retract']({ articleId: ARTICLE, targetId: WORDPRESS.id, as: 'draft' })).rejects.toThrow('This story is not on “Gazette”');
    await expect(made['publish:retract']({ articleId: ARTICLE, targetId: NINJS.id, as: 'draft' })).rejects.toThrow('keeps no posts Newsdesk can take back');
    await expect(made['publish:retract']({ articleId: ARTICLE, targetId: GHOST.id, as: 'trash' })).rejects.toThrow('Ghost keeps no trash');
    expect(enqueued).toEqual([]);
    await made['publish:retract']({ articleId: ARTICLE, targetId: GHOST.id, as: 'draft' });
    expect(enqueued).toEqual([{ articleId: ARTICLE, targetId: GHOST.id, headline: 'Harbour vote', mode: 'draft', retract: { as: 'draft' } }]);
  });

  it('refuses a retract while a job for the same story and site is still in the outbox', async () => {
    const pending = { articleId: ARTICLE, targetId: WORDPRESS.id, state: 'waiting' } as PublishJob;
    const { made } = await handlers({ records: { [WORDPRESS.id]: onSite(WORDPRESS) }, jobs: [pending] });
    await expect(made['publish:retract']({ articleId: ARTICLE, targetId: WORDPRESS.id, as: 'draft' })).rejects.toThrow('still in the outbox');
  });

  it('takes the note out of the log again when the story cannot be saved with it, so the two never disagree', async () => {
    const { made, corrections, enqueued } = await handlers({ saveFails: true });
    await expect(made['corrections:add']({ articleId: ARTICLE, kind: 'correction', text: 'The vote is on Thursday.' })).rejects.toThrow('The disk is full.');
    expect(await corrections.list(ARTICLE)).toEqual([]);
    expect(enqueued).toEqual([]);
  });

  it('keeps a correction and says, site by site, why no update went out when the outbox refuses the push', async () => {
    const refusal = 'This is a desk story: only a publisher on the desk may publish it. Nothing was queued; ask a publisher, or set it ready for review.';
    const published = (target: PublishTarget): RemoteRecord => ({ ...onSite(target), history: [{ at: '2026-12-07T09:00:00.000Z', action: 'published', status: 'publish', link: 'http://site/harbour-vote/' }] });
    const { made, corrections, enqueued } = await handlers({ records: { [WORDPRESS.id]: published(WORDPRESS), [GHOST.id]: published(GHOST) }, enqueueRefusal: refusal, article: { ...fullArticle({ id: ARTICLE, headline: 'Harbour vote' }), leadPhoto: null, body: body(paragraph(text('The council votes on the harbour plan.'))) } });
    const result = await made['corrections:add']({ articleId: ARTICLE, kind: 'correction', text: 'The vote is on Thursday.' });
    expect(result.jobs).toEqual([]);
    expect(result.notPushed).toEqual([`“Gazette”: ${refusal}`, `“Ghost site”: ${refusal}`]);
    expect((await corrections.list(ARTICLE)).map((entry) => entry.text)).toEqual(['The vote is on Thursday.']);
    expect(enqueued).toEqual([]);
  });
});
