import { defineConfig } from 'vitest/config';

/**
 * The browser journeys (`npm run test:e2e`; `npm test` runs them last). One Chromium, started by
 * e2e/global-setup.ts, is shared by every file; files run one after another in a single fork, so
 * the browser and the app under test never compete with each other for the machine's cores.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A crawl of the whole site with axe on every page is one hook: minutes, not seconds (on a slow
    // 2-core machine, the signed-in crawl of 560 pages takes more than ten).
    testTimeout: 10 * 60_000,
    hookTimeout: 25 * 60_000,
    teardownTimeout: 60_000,
  },
});
