import type { Locator, Page } from '@playwright/test';
import type { HarnessApp } from './harness/launch';
import type { MenuState } from '../../shared/model/desktop';
import type { DesktopShell } from '../../electron/main/services/desktop/desktop-shell';
import { closedPort } from './publishing-helpers';
import { expect } from './harness/fixtures';

// Shared by the desktop specs: a desktop shell that records what the window tells it, as the
// app's menus and windows would receive it, and steps to fill the desks for screenshots.

export const SCREENS = 'test-results/screens';

export interface RecordingDesktop {
  shell: DesktopShell;
  menuStates: MenuState[];
  articleWindows: string[];
  articlesOpened: { articleId: string; headline: string }[];
  /** What windowContext answers: set to open the next page load as an article window. */
  context: { articleId: string | null; dark: boolean };
}

export function recordingDesktop(): RecordingDesktop {
  const recorder: RecordingDesktop = {
    menuStates: [],
    articleWindows: [],
    articlesOpened: [],
    context: { articleId: null, dark: false },
    shell: {
      windowContext: () => ({ ...recorder.context }),
      menuState: (_sender, state) => void recorder.menuStates.push(state),
      openArticleWindow: async (articleId) => void recorder.articleWindows.push(articleId),
      articleOpened: (articleId, headline) => void recorder.articlesOpened.push({ articleId, headline }),
    },
  };
  return recorder;
}

/** The last menu state main was told about. */
export const lastMenuState = (desktop: RecordingDesktop): MenuState | undefined => desktop.menuStates.at(-1);

export const openDialog = (page: Page, testId: string): Locator => page.locator(`dialog[open][data-testid="${testId}"]`);

/** Closes the toasts so they do not cover what a screenshot is of. */
export async function dismissToasts(page: Page): Promise<void> {
  for (const close of await page.getByRole('button', { name: 'Dismiss' }).all()) await close.click().catch(() => undefined);
}

/**
 * Two jobs in the outbox that cannot reach their site (a closed port): what a desk sees when the
 * CMS is down. Queued through the bridge, as the Publish panel does after its check.
 */
export async function queueJobsToAnOfflineSite(app: HarnessApp, articleIds: string[]): Promise<void> {
  // A byline, which publishing requires (the drafts store is main's, as the editor saves there).
  const drafts = app.services().drafts;
  for (const id of articleIds) {
    const article = await drafts.get(id);
    await drafts.save({ ...article, byline: [{ name: 'Camille Martin', role: '', avatar: null }] }, 'manual');
  }
  const port = await closedPort();
  const result = await app.page.evaluate(
    async ({ articleIds, url }) => {
      const target = await window.newsdesk['targets:save']({ kind: 'wordpress', name: 'Newsroom site', siteUrl: url, user: 'editor', secret: 'abcd efgh ijkl mnop qrst uvwx' });
      if (!target.ok) return target.error.message;
      for (const articleId of articleIds) {
        const check = await window.newsdesk['publish:check']({ articleId, targetId: target.value.id, mode: 'publish' });
        if (!check.ok) return check.error.message;
        const acknowledged = check.value.warnings.map((warning) => warning.code);
        const queued = await window.newsdesk['publish:queue']({ articleId, targetId: target.value.id, mode: 'publish', acknowledged });
        if (!queued.ok) return queued.error.message;
      }
      return null;
    },
    { articleIds, url: `http://127.0.0.1:${port}` },
  );
  expect(result).toBeNull();
}
