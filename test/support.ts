/**
 * Test support: fresh databases and apps for integration tests, on SQLite always and on PostgreSQL
 * when TEST_DATABASE_URL is set. Each PostgreSQL database is a fresh schema, dropped afterwards,
 * so test files run in parallel against one server.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { describe } from 'vitest';
import { buildApp, type BuildOptions } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/platform/seeds.js';
import { modules } from '../src/modules/index.js';

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects integration tests run on here. */
export const TEST_DIALECTS: TestDialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** Defines the same suite once per available database: `describe('[sqlite] …')`, `describe('[postgres] …')`. */
export function describeEachDatabase(name: string, fn: (dialect: TestDialect) => void): void {
  for (const dialect of TEST_DIALECTS) describe(`[${dialect}] ${name}`, () => fn(dialect));
}

export interface TestDatabase {
  dialect: TestDialect;
  handle: DatabaseHandle;
  databaseConfig: Config['database'];
  /** Opens another connection pool on the same database (a second app instance). */
  reopen(): DatabaseHandle;
  destroy(): Promise<void>;
}

/** A fresh, migrated database. */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  let databaseConfig: Config['database'];
  let cleanup: () => Promise<void>;
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    // The creation time in the name lets a later run drop schemas that a crashed run left behind.
    const schema = `test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    databaseConfig = { dialect: 'postgres', url, schema };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-test-'));
    databaseConfig = { dialect: 'sqlite', file: path.join(dir, 'test.sqlite') };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const handle = createDatabase(databaseConfig, { poolSize: 4 });
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.close();
    await cleanup();
    throw err;
  }
  const extra: DatabaseHandle[] = [];
  return {
    dialect,
    handle,
    databaseConfig,
    reopen: () => {
      const h = createDatabase(databaseConfig, { poolSize: 4 });
      extra.push(h);
      return h;
    },
    destroy: async () => {
      for (const h of extra) await h.close();
      await handle.close();
      await cleanup();
    },
  };
}

/**
 * A test configuration: quiet logs, no background worker, no demo seeding unless asked, and no wiki
 * review of new accounts (every test account is minutes old; the review tests turn it on).
 */
export function testConfig(database: Config['database'], overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_WORKER: 'off', DATA_DIR: os.tmpdir() },
    { database, demoData: false, wikiReview: { accountDays: 0, acceptedEdits: 0 }, ...overrides },
  );
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A ready app on a fresh database, optionally with the demo territory. */
export async function createTestApp(
  dialect: TestDialect,
  options: { seed?: boolean; config?: Partial<Config>; build?: BuildOptions } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = testConfig(database.databaseConfig, options.config);
  if (options.seed) await seedDemo({ db: database.handle.db, config, log: { info() {}, warn() {} } }, modules);
  const app = await buildApp(config, { database: database.handle, ...options.build });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

/** Extracts the CSRF token and cookies from a page that holds a form, for posting back. */
export function formSession(response: { body: string; cookies: { name: string; value: string }[] }): { token: string; cookie: string } {
  const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
  if (!match?.[1]) throw new Error('no CSRF token in page');
  return { token: match[1], cookie: response.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
}
