/** The demo territory and the migration/readiness lifecycle, on both databases. */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { migrateToLatest, pendingMigrations } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { DEMO_ACCOUNTS } from '../modules/accounts/index.js';
import { modules } from '../modules/index.js';
import { seedDemoIfEmpty } from './seeds.js';
import { createTestDatabase, describeEachDatabase, testConfig, type TestDatabase } from '../../test/support.js';

const quiet = { info() {}, warn() {} };

describeEachDatabase('demo territory and migrations', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  it('seeds the demo territory once, on an empty database only', async () => {
    database = await createTestDatabase(dialect);
    const db = database.handle.db;
    const ctx = { db, config: testConfig(database.databaseConfig), log: quiet };
    expect(await seedDemoIfEmpty(ctx, modules)).toBe(true);
    expect(await seedDemoIfEmpty(ctx, modules)).toBe(false);

    const count = async (table: 'municipalities' | 'organisations' | 'places' | 'services' | 'sectors' | 'users') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('municipalities')).toBe(3);
    expect(await count('organisations')).toBe(4);
    expect(await count('sectors')).toBe(5);
    expect(await count('places')).toBeGreaterThanOrEqual(1);
    expect(await count('services')).toBeGreaterThanOrEqual(1);
    // Every demo account (other modules' seeds may add more demo people, e.g. co-assessment's raters).
    const demo = await db
      .selectFrom('users')
      .select('email')
      .where(
        'email',
        'in',
        DEMO_ACCOUNTS.map((a) => a.email),
      )
      .execute();
    expect(demo).toHaveLength(DEMO_ACCOUNTS.length);

    // One account per role, scoped where the role is scoped.
    const roles = await db.selectFrom('user_roles').select(['role', 'scope_type']).where('role', '!=', 'citizen').execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['helper', 'mediator', 'official', 'moderator', 'admin']));
    expect(roles.find((r) => r.role === 'mediator')?.scope_type).toBe('place');
    expect(roles.find((r) => r.role === 'official')?.scope_type).toBe('organisation');

    // Every service and text is bilingual.
    const services = await db.selectFrom('services').select(['name', 'summary']).execute();
    for (const s of services) {
      expect(Object.keys(JSON.parse(s.name))).toEqual(expect.arrayContaining(['en', 'fr']));
      expect(Object.keys(JSON.parse(s.summary))).toEqual(expect.arrayContaining(['en', 'fr']));
    }
  });

  it('migrates idempotently, also from two instances at once', async () => {
    database = await createTestDatabase(dialect);
    const other = database.reopen();
    // createTestDatabase already migrated; a concurrent second pass must be a no-op on both.
    const [a, b] = await Promise.all([migrateToLatest(database.handle.db), migrateToLatest(other.db)]);
    expect([...a, ...b]).toEqual([]);
    expect(await pendingMigrations(database.handle.db)).toEqual([]);
    expect(Object.keys(migrations)).toEqual([...Object.keys(migrations)].sort());
  });

  it('is not ready while a migration is pending', async () => {
    database = await createTestDatabase(dialect);
    const db = database.handle.db;
    const last = Object.keys(migrations).at(-1)!;
    await sql`delete from kysely_migration where name = ${last}`.execute(db);
    const app = await buildApp(testConfig(database.databaseConfig), { database: database.handle });
    try {
      const r = await app.inject({ url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ status: 'not_ready', migrations: 'pending' });
    } finally {
      await app.close();
    }
  });
});

describe('migrations list', () => {
  it('names every migration with a sortable timestamp', () => {
    for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z_]+$/);
  });
});
