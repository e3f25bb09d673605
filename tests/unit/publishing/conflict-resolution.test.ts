import { openCorrectionsStore } from '../../../electron/main/services/corrections/corrections-log';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDraftStore } from '../../../electron/main/services/drafts/draft-store';
import { openOutbox } from '../../../electron/main/services/publishing/outbox/outbox';
import { createPublishingHandlers } from '../../../electron/main/services/publishing/publishing-handlers';
import { emptyRemoteRecord, openRemoteRecords } from '../../../electron/main/services/publishing/remote/remote-records';
import { openTargetsStore } from '../../../electron/main/services/publishing/targets/targets-store';
import { EMPTY_BOARD } from '../../../shared/model/placement';
import type { ConflictVersions } from '../../../shared/model/publishing';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';
import { createTestSecretBox } from '../../fakes/secret-box';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';

/**
 * The editor's three answers to a conflict, over the real draft store, outbox and records; the
 * publisher is scripted to find the post changed on the site until it is told to overwrite.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TARGET = 't-wordpress01';
const conflict: ConflictVersions = {
  remote: {
    title: 'Budget passes after late-night vote',
    excerpt: 'Edited on the site',
    html: '<p>The site’s own text.</p>',
    modifiedGmt: '2030-01-01T10:00:00',
    link: 'https://site.example/?p=42',
  },
  local: { title: 'Budget passes', excerpt: 'Ours', html: '<p>Our text.</p>' },
  knownModifiedGmt: '2030-01-01T09:00:00',
};

async function desk() {
  const libraryDir = await mkdtemp(join(tmpdir(), 'newsdesk-conflict-'));
  const drafts = await openDraftStore(libraryDir);
  const records = openRemoteRecords(libraryDir);
  const targets = await openTargetsStore(libraryDir, createTestSecretBox());
  let sent = 0;
  const outbox = await openOutbox({
    dir: join(libraryDir, 'publishing', 'outbox'),
    publisher: async ({ job }) => {
      if (!job.overwrite) return { kind: 'conflict', conflict };
      sent += 1;
      return { kind: 'done', remote: { postId: 42, link: conflict.remote.link } };
    },
  });
  cleanups.push(async () => {
    await outbox.close();
    await drafts.close();
    await rm(libraryDir, { recursive: true, force: true });
  });
  const handlers = createPublishingHandlers({
    drafts,
    media: {
      getMany: async () => [],
      filePath: async () => null,
      exportCopy: async () => {},
      get: async () => Promise.reject(new Error('no photos here')),
      killScope: (id) => [id],
      markKilled: async () => [],
    },
    videos: { list: () => [], get: () => { throw new Error('no videos here'); }, find: () => null, save: () => Promise.reject(new Error('no videos here')) },
    board: { get: () => EMPTY_BOARD, setArticleDelivery: async () => EMPTY_BOARD },
    settings: { get: () => DEFAULT_SETTINGS },
    targets,
    outbox,
    records,
    corrections: openCorrectionsStore(libraryDir),
    chooseSavePath: async () => null,
    http: createHttpClient(),
  });
  const created = await drafts.create({ section: 'News' });
  const article = { ...created, headline: 'Budget passes', dek: 'Ours', byline: [{ name: 'Sam Reporter', role: '', avatar: null }] };
  await drafts.save(article, 'manual');
  await records.put({ ...emptyRemoteRecord(TARGET, article.id, 'a'.repeat(32)), postId: 42, link: conflict.remote.link, modifiedGmt: '2030-01-01T09:00:00', contentHash: 'f'.repeat(32) });
  const inConflict = async () => {
    const job = await outbox.enqueue({ articleId: article.id, targetId: TARGET, headline: article.headline, mode: 'publish' });
    await outbox.whenIdle();
    expect(outbox.get(job.id)?.state).toBe('conflict');
    return job.id;
  };
  return { drafts, records, outbox, handlers, articleId: article.id, inConflict, sent: () => sent };
}

describe('resolving a conflict', () => {
  it('takes the site’s version as a new revision, keeps ours before it, and records the site’s time as known', async () => {
    const { drafts, records, handlers, articleId, inConflict, sent } = await desk();
    const id = await inConflict();
    const job = await handlers['outbox:resolveConflict']({ id, choice: 'takeRemote' });
    expect(job).toMatchObject({ state: 'done', conflict: null, remote: { link: 'https://site.example/?p=42' } });
    expect(job.log.at(-1)?.message).toMatch(/^Took the version on the site as a new revision of the article; nothing was sent\./);
    expect(sent()).toBe(0);

    const article = await drafts.get(articleId);
    expect(article).toMatchObject({ headline: 'Budget passes after late-night vote', dek: 'Edited on the site' });
    expect(JSON.stringify(article.body)).toContain('The site’s own text.');
    const revisions = await drafts.revisions(articleId);
    expect(revisions.slice(0, 2).map((revision) => revision.headline)).toEqual(['Budget passes after late-night vote', 'Budget passes']);

    expect(await records.get(TARGET, articleId)).toMatchObject({ postId: 42, modifiedGmt: '2030-01-01T10:00:00', contentHash: '' });
  });

  it('overwrites the site’s version when asked, and cancels when asked', async () => {
    const { outbox, handlers, inConflict, sent } = await desk();
    const first = await inConflict();
    expect(await handlers['outbox:resolveConflict']({ id: first, choice: 'overwrite' })).toMatchObject({ state: expect.stringMatching(/^(queued|running)$/), overwrite: true });
    await outbox.whenIdle();
    expect(outbox.get(first)).toMatchObject({ state: 'done', overwrite: true });
    expect(sent()).toBe(1);

    const second = await inConflict();
    expect(await handlers['outbox:resolveConflict']({ id: second, choice: 'cancel' })).toMatchObject({ state: 'cancelled' });
    await expect(handlers['outbox:resolveConflict']({ id: second, choice: 'takeRemote' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(handlers['outbox:resolveConflict']({ id: 'j-missing-0000', choice: 'overwrite' })).rejects.toMatchObject({ code: 'not-found' });
    expect(sent()).toBe(1);
  });
});
