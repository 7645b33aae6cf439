/**
 * Browser-test support: E-COOP served in-process on a free loopback port, over a fresh SQLite
 * database seeded with the demo territory, in development mode (so the design-system page and the
 * outbox exist), plus a test-only route that fails like a bug would (to see the 500 page); the
 * shared Chromium (started by global-setup.ts); and signing a browser context in.
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../test/support.js';
import type { Db } from '../src/db/database.js';
import { modules } from '../src/modules/index.js';
import { createUserWithRoles, type Role } from '../src/modules/accounts/index.js';
import type { EcoopModule } from '../src/platform/module.js';
import { localizedGet } from '../src/platform/routing.js';
import { createSession, sessionCookieName } from '../src/platform/session.js';

/** The path of the test-only page that throws (under each locale: `/en/__e2e/boom`). */
export const FAILING_PATH = '/__e2e/boom';

/** A module that only exists in browser tests: a page that fails like a bug would. */
const failingModule: EcoopModule = {
  name: 'e2e-failing',
  routes: (app) => {
    localizedGet(app, FAILING_PATH, async () => {
      throw new Error('e2e: a bug in a page handler');
    });
  },
};

export interface E2EApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  db: Db;
  /** An absolute URL for a path on the app. */
  url(path: string): string;
  /** Every GET route of the app, as registered (`/en/services/:slug`). */
  getRoutes: string[];
  /** Creates a user with these roles and signs the browser context in as them (session cookie). */
  signIn(context: BrowserContext, roles: Role[]): Promise<{ userId: number }>;
  close(): Promise<void>;
}

let users = 0;

/** Starts E-COOP on 127.0.0.1, on a port of the system's choosing. */
export async function startEcoop(): Promise<E2EApp> {
  const test: TestApp = await createTestApp('sqlite', {
    seed: true,
    config: { isDev: true, env: 'development' },
    build: { modules: [...modules, failingModule] },
  });
  await test.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = test.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = test.database.handle.db;
  return {
    baseUrl,
    db,
    url: (path) => new URL(path, baseUrl).href,
    getRoutes: parseRouteTree(test.app.printRoutes({ commonPrefix: false, method: 'GET' })),
    signIn: async (context, roles) => {
      users += 1;
      const userId = await createUserWithRoles(db, {
        email: `e2e-user-${users}@example.test`,
        displayName: `E2E ${roles.join(' ')}`,
        password: 'e2e correct horse battery staple',
        locale: 'en',
        roles: roles.map((role) => ({ role })),
      });
      const token = await createSession(db, userId);
      await context.addCookies([
        { name: sessionCookieName(test.app.config.secureCookies), value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
      ]);
      return { userId };
    },
    close: () => test.close(),
  };
}

/**
 * Turns Fastify's route tree (`printRoutes`) back into full paths: each line's segment is appended
 * to its ancestors' (`/` + `en` + `/` + `about`); only the nodes that answer GET are routes.
 */
export function parseRouteTree(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    if ((m[3] ?? '').split(/,\s*/).includes('GET')) routes.push(stack.join(''));
  }
  return routes;
}

/** Connects to the Chromium shared by the whole run. Closing the result only disconnects. */
export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

/** Fails the running test with every problem listed, one paragraph each (nothing when there is none). */
export function reportProblems(what: string, problems: string[]): void {
  if (problems.length === 0) return;
  throw new Error(`${what}: ${problems.length} problem(s)\n\n${problems.join('\n\n')}`);
}
