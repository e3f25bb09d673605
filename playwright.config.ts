import { defineConfig } from '@playwright/test';

// Browser tests run the built renderer in Debian's Chromium (installed by .ci/run); Playwright's own
// browser downloads are not used. The electron project runs only where an Electron binary exists.
const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1400, height: 900 },
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
