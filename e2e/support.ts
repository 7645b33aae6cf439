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
import type { Config } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { modules } from '../src/modules/index.js';
import { challengeCookieName, createChallenge, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../src/modules/accounts/index.js';
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

/** The path of the report form for the test-only note (under each locale). */
export const FLAG_FORM_PATH = '/flags/new?type=e2e.note&id=1';

/**
 * Content that only exists in browser tests, flaggable like a module's (no module declares any yet),
 * so the report form and a moderation queue with an item are audited too.
 */
const notesModule: EcoopModule = {
  name: 'e2e-notes',
  flaggable: [
    {
      type: 'e2e.note',
      labelKey: 'moderation.nav',
      load: async (_db, ids) => (ids.includes('1') ? [{ id: '1', authorId: null, title: 'An e2e note', url: '/en/about' }] : []),
    },
  ],
};

/** One report of the e2e note with a comment, so the moderation queue has an item to show. */
async function seedReport(db: Db): Promise<void> {
  const reporterId = await createUserWithRoles(db, {
    email: 'e2e-reporter@example.test',
    displayName: 'E2E reporter',
    password: 'e2e correct horse battery staple',
    locale: 'en',
    roles: [],
  });
  const now = new Date().toISOString();
  const flag = await db
    .insertInto('flags')
    .values({
      content_type: 'e2e.note',
      content_id: '1',
      reporter_id: reporterId,
      reason: 'spam',
      comment: 'An e2e comment',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('moderation_states')
    .values({ content_type: 'e2e.note', content_id: '1', status: 'visible', flag_count: 1, last_flag_id: flag.id, last_flagged_at: now })
    .execute();
}

export interface E2EApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  db: Db;
  /** The running app's configuration (for test hooks keyed by it, such as the places' clock). */
  config: Config;
  /** An absolute URL for a path on the app. */
  url(path: string): string;
  /** Every GET route of the app, as registered (`/en/services/:slug`). */
  getRoutes: string[];
  /** Creates a user with these roles and signs the browser context in as them (session cookie). */
  signIn(context: BrowserContext, roles: Role[]): Promise<{ userId: number }>;
  /** Creates a user with 2FA and gives the context their pending sign-in (the code page then shows its form). */
  startTwoFactorSignIn(context: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

let users = 0;

/**
 * Starts E-COOP on 127.0.0.1, on a port of the system's choosing; `config` adds settings (an
 * `smtpUrl` and the job worker, for a journey that reads its mail).
 */
export async function startEcoop(options: { config?: Partial<Config> } = {}): Promise<E2EApp> {
  const test: TestApp = await createTestApp('sqlite', {
    seed: true,
    config: { isDev: true, env: 'development', ...options.config },
    build: { modules: [...modules, failingModule, notesModule] },
  });
  await seedReport(test.database.handle.db);
  await test.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = test.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = test.database.handle.db;
  return {
    baseUrl,
    db,
    config: test.app.config,
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
        // Privileged roles are in effect only with two-factor authentication on.
        twoFactorSecret: DEMO_TOTP_SECRET,
      });
      const token = await createSession(db, userId);
      await context.addCookies([
        { name: sessionCookieName(test.app.config.secureCookies), value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
      ]);
      return { userId };
    },
    startTwoFactorSignIn: async (context) => {
      users += 1;
      const userId = await createUserWithRoles(db, {
        email: `e2e-user-${users}@example.test`,
        displayName: `E2E two-factor`,
        password: 'e2e correct horse battery staple',
        locale: 'en',
        roles: [],
        twoFactorSecret: DEMO_TOTP_SECRET,
      });
      const token = await createChallenge(db, userId, '/en/');
      await context.addCookies([
        { name: challengeCookieName(test.app.config.secureCookies), value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
      ]);
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
