import { test as base } from '@playwright/test';
import { launchNewsdesk, type HarnessApp, type LaunchOptions } from './launch';
import { startStaticServer } from './static-server';

type Launch = (options?: Omit<LaunchOptions, 'baseUrl'>) => Promise<HarnessApp>;

/**
 * `launch` opens Newsdesk in the test's page (call it after seeding a data folder if needed);
 * `app` is the same, already launched on a fresh folder. Both are shut down after the test.
 */
export const test = base.extend<{ launch: Launch; app: HarnessApp }, { baseUrl: string }>({
  baseUrl: [
    async ({}, use) => {
      const server = await startStaticServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  launch: async ({ page, baseUrl }, use) => {
    const opened: HarnessApp[] = [];
    await use(async (options) => {
      const app = await launchNewsdesk(page, { ...options, baseUrl });
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
