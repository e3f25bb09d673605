import { test as base } from '@playwright/test';
import { HARNESS_ORIGIN } from './app-route';
import { launchNewsdesk, type HarnessApp, type LaunchOptions } from './launch';

type Launch = (options?: Omit<LaunchOptions, 'origin'>) => Promise<HarnessApp>;

/**
 * `launch` opens Newsdesk in the test's page (call it after seeding a data folder if needed);
 * `app` is the same, already launched on a fresh folder. Both are shut down after the test.
 * `baseUrl` is the page's origin, answered by the app's own protocol handler (see app-route.ts).
 */
export const test = base.extend<{ launch: Launch; app: HarnessApp }, { baseUrl: string }>({
  baseUrl: [
    async ({}, use) => {
      await use(HARNESS_ORIGIN);
    },
    { scope: 'worker' },
  ],
  launch: async ({ page, baseUrl }, use) => {
    const opened: HarnessApp[] = [];
    await use(async (options) => {
      const app = await launchNewsdesk(page, { ...options, origin: baseUrl });
      opened.push(app);
      return app;
    });
    for (const app of opened) await app.close();
  },
  app: async ({ launch }, use) => {
    await use(await launch());
  },
});

export { expect } from '@playwright/test';
