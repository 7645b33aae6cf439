/**
 * Once per browser-test run: starts one headless Chromium (Debian's, see scripts/provision.mjs)
 * as a Playwright browser server, and hands its endpoint to the test files, which connect to it.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The WebSocket endpoint of the shared Chromium. */
    browserWsEndpoint: string;
  }
}

/**
 * Chromium's flags for our machines: no sandbox (we run as root), and no background networking,
 * whose connections the closed network would refuse at every start.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium is not at ${executablePath}. Run \`node scripts/provision.mjs\` (as root on Debian it installs it), ` +
        'or install it yourself (`sudo apt-get install chromium`), or set CHROMIUM_PATH to a Chromium/Chrome executable.',
    );
  }
  const server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
  project.provide('browserWsEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
