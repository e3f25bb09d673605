import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Photo } from '../../../shared/model/photo';
import { itemKey } from '../../../shared/model/placement';
import { placeItem } from '../../../shared/rules/placement';
import { openDraftStore } from '../../../electron/main/services/drafts/draft-store';
import { openBoardStore } from '../../../electron/main/services/feeds/board-store';
import { createJobPublisher } from '../../../electron/main/services/publishing/job-publisher';
import { isPublishError } from '../../../electron/main/services/publishing/http/publish-error';
import { openRemoteRecords } from '../../../electron/main/services/publishing/remote/remote-records';
import { openTargetsStore } from '../../../electron/main/services/publishing/targets/targets-store';
import { createSettingsService } from '../../../electron/main/services/settings/settings-service';
import { createTestSecretBox } from '../../fakes/secret-box';
import { attempt, bodyWithPhotos, newJob, saveArticle, useOf } from '../../integration/wordpress-publish-helpers';
import { openTestLibrary } from '../../support/media-library';
import { makeBaseJpeg } from '../../support/photo-fixtures';
import { httpServer, type LocalServer } from './http-test-servers';
import { createHttpClient } from '../../../electron/main/services/publishing/http/http-client';

/** The publisher the outbox runs, over real stores: what it loads, what it refuses, and the ninjs push. */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openDesk() {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-job-publisher-'));
  const libraryDir = join(dir, 'library');
  const store = new Map<string, unknown>();
  const settings = createSettingsService({ get: (key) => store.get(key), set: (key, value) => void store.set(key, value) });
  const drafts = await openDraftStore(libraryDir);
  const { library: media, errors: mediaErrors } = await openTestLibrary(join(libraryDir, 'media'), { creditStyle: () => settings.get().photoDesk.credit });
  const board = await openBoardStore(libraryDir, { quarantineDir: join(libraryDir, 'quarantine') });
  const targets = await openTargetsStore(libraryDir, createTestSecretBox());
  const publisher = createJobPublisher({ drafts, media, board, settings, targets, records: openRemoteRecords(libraryDir), http: createHttpClient() });
  cleanups.push(async () => {
    await Promise.all([drafts.close(), media.close(), board.close(), targets.close()]);
    await rm(dir, { recursive: true, force: true });
    expect(mediaErrors).toEqual([]);
  });
  const importPhotos = async (count: number): Promise<Photo[]> => {
    const paths = await Promise.all(Array.from({ length: count }, async (_, i) => {
      const path = join(dir, `photo-${i}.jpg`);
      await makeBaseJpeg(path, { width: 64, height: 48, seed: i + 1 });
      return path;
    }));
    const job = await media.whenFinished(media.importPaths(paths).jobId);
    return media.getMany(job.items.map((item) => item.photoId!));
  };
  return { drafts, media, board, settings, targets, publisher, importPhotos };
}

describe('the job publisher', () => {
  it('sends a ninjs target the story as one document, with its pictures described and the job’s key', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server: LocalServer = await httpServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(201).end();
      });
    });
    cleanups.push(() => server.close());
    const desk = await openDesk();
    const [lead, first, second] = await desk.importPhotos(3);
    const article = await saveArticle(desk.drafts, {
      headline: 'Storm closes the harbour',
      dek: 'Ferries stay in port.',
      leadPhoto: { ...useOf(lead!), caption: 'The harbour at dawn', credit: 'Jane Doe/AFP' },
      body: bodyWithPhotos({ ...useOf(first!), caption: 'Waves', credit: 'Ann Lee/Reuters' }, { ...useOf(second!), caption: 'Quay', credit: 'Bo Li/AP' }),
    });
    const feed = desk.settings.get().feeds[0]!;
    await desk.board.update((board) => placeItem(board, { kind: 'article', id: article.id }, feed));
    expect(desk.board.get().placements[itemKey({ kind: 'article', id: article.id })]).toBeDefined();
    const target = await desk.targets.save({ kind: 'ninjs', name: 'Wire', url: `${server.url}/stories`, ninjsVersion: '3.1', secret: 'token-123' });
    const job = newJob(article.id, target.id);

    const result = await attempt(desk.publisher, job);
    expect(result.error).toBeNull();
    expect(result.outcome).toEqual({ kind: 'done', remote: { postId: null, link: '' } });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe('Bearer token-123');
    expect(received[0]!.headers['idempotency-key']).toBe(job.clientKey);
    const document = JSON.parse(received[0]!.body) as { headlines: { value: string }[]; associations: { descriptions: { role: string; value: string }[] }[]; bodies: { value: string }[] };
    expect(document.headlines[0]!.value).toBe('Storm closes the harbour');
    const credits = document.associations.map((association) => association.descriptions.find((entry) => entry.role === 'creditline')?.value);
    expect(credits).toEqual(['Jane Doe/AFP', 'Ann Lee/Reuters', 'Bo Li/AP']);
    expect(document.bodies[0]!.value).toContain('<blockquote class="pull-quote">');
    expect(result.log.join('\n')).toContain('Wire accepted the story (HTTP 201)');
  });

  it('refuses with a sentence when the article is gone, the target is gone, or no password is stored', async () => {
    const desk = await openDesk();
    const wordpress = await desk.targets.save({ kind: 'wordpress', name: 'Site', siteUrl: 'https://example.com', user: 'editor' });
    const article = await saveArticle(desk.drafts, { headline: 'Story' });

    const noPassword = await attempt(desk.publisher, newJob(article.id, wordpress.id));
    expect(isPublishError(noPassword.error) && noPassword.error.kind).toBe('local');
    expect((noPassword.error as Error).message).toBe('No application password is stored for “Site”. Enter it in Settings › Publishing, then retry.');

    const withPassword = await desk.targets.save({ kind: 'wordpress', name: 'Other site', siteUrl: 'https://example.org', user: 'editor', secret: 'abcd efgh' });
    const missing = await attempt(desk.publisher, newJob('no-such-article-1', withPassword.id));
    expect(isPublishError(missing.error) && missing.error.kind).toBe('local');
    expect((missing.error as Error).message).toMatch(/no longer exists/);

    await desk.drafts.trash(article.id);
    const trashed = await attempt(desk.publisher, newJob(article.id, withPassword.id));
    expect((trashed.error as Error).message).toBe('The article is in the trash; restore it to publish it.');

    await desk.targets.remove(withPassword.id);
    const noTarget = await attempt(desk.publisher, newJob(article.id, withPassword.id));
    expect(isPublishError(noTarget.error) && noTarget.error.kind).toBe('local');
    expect((noTarget.error as Error).message).toMatch(/target of this job was removed/);
  });
});
