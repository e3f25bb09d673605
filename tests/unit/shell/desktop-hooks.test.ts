import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FinishedJob, Services } from '../../../electron/main/services/compose';
import type { Settings } from '../../../shared/model/settings';
import { removeDir, tempDir } from '../../support/media-library';
import { memorySettingsStore, openTestServices } from '../../support/test-services';

/**
 * The two hooks the desktop shell hangs on the real services: saved settings (theme, spelling)
 * and finished publish jobs (notifications).
 */
let dataDir: string;
let services: Services;
const changed: Settings[] = [];
const finished: FinishedJob[] = [];

beforeEach(async () => {
  dataDir = await tempDir('newsdesk-desktop-hooks-');
  changed.length = 0;
  finished.length = 0;
  services = await openTestServices(dataDir, {
    settingsStore: memorySettingsStore(),
    // Nothing listens on this port: the job waits to retry until it is cancelled.
    outbox: { retry: { baseMs: 60_000, capMs: 60_000 } },
    onSettingsChanged: (settings) => changed.push(settings),
    onJobFinished: (job) => finished.push(job),
  });
});
afterEach(async () => {
  await services.close();
  await removeDir(dataDir);
});

describe('desktop hooks in the services', () => {
  it('settings:update tells the shell what was saved', async () => {
    const update = services.handlers['settings:update'] as (patch: unknown) => Promise<Settings> | Settings;
    await update({ desktop: { theme: 'dark', spellcheckLanguages: ['fr'] } });
    expect(changed.map((settings) => settings.desktop)).toEqual([{ theme: 'dark', spellcheckLanguages: ['fr'] }]);
  });

  it('a job that ends reaches the shell with its target name', async () => {
    const article = await services.drafts.create({ section: 'News' });
    const target = await services.publishing.targets.save({ kind: 'ninjs', name: 'Wire feed', url: 'http://127.0.0.1:9/ninjs', ninjsVersion: '3.1' });
    const job = await services.publishing.outbox.enqueue({ articleId: article.id, targetId: target.id, headline: 'Storm', mode: 'publish' });
    await services.publishing.outbox.cancel(job.id);
    await expect.poll(() => finished.length).toBe(1);
    expect(finished[0]).toMatchObject({ job: { id: job.id, articleId: article.id, state: 'cancelled' }, targetName: 'Wire feed' });
  });
});
