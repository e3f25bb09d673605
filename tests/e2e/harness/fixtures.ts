import { test as base } from '@playwright/test';
import { HARNESS_ORIGIN } from './app-route';
import { launchNewsdesk, type HarnessApp, type LaunchOptions } from './launch';

type Launch = (options?: Omit<LaunchOptions, 'origin'>) => Promise<HarnessApp>;

/**
 * `launch` opens Newsdesk in the test's page (call it after seeding a data folder if needed);
 * `app` is the same, already launched on a fresh folder. Both are shut down after the test.
 * `launch` called again opens another app — its own main services and data folder — in a page of
 * its own browser context (two desktops on one desk): the test's page already holds the first
 * app's bridge, and a second app on it would replace the first.
 * `baseUrl` is the page's origin, answered by the app's own protocol handler (see app-route.ts).
 */
export const test = base.extend<{ launch: Launch; app: HarnessApp }, { baseUrl: string }>({
  baseUrl: [
    async ({}, use) => {
      await use(HARNESS_ORIGIN);
    },
    { scope: 'worker' },
  ],
  launch: async ({ page, browser, baseUrl }, use) => {
    const opened: HarnessApp[] = [];
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (options) => {
      let target = page;
      if (opened.length > 0) {
        const context = await browser.newContext({ viewport: page.viewportSize() });
        contexts.push(context);
        target = await context.newPage();
      }
      const app = await launchNewsdesk(target, { ...options, origin: baseUrl });
      opened.push(app);
      return app;
    });
    for (const app of opened) await app.close();
    for (const context of contexts) await context.close();
  },
  app: async ({ launch }, use) => {
    await use(await launch());
  },
});

export { expect } from '@playwright/test';
