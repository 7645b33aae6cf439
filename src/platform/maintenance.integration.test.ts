import { afterAll, beforeAll, expect, it } from 'vitest';
import { nowIso } from '../db/dialect.js';
import { createUserWithRoles } from '../modules/accounts/index.js';
import { runMaintenance } from './maintenance.js';
import { createSession } from './session.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support.js';

describeEachDatabase('maintenance', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.destroy());

  it('purges old finished jobs, expired sessions and stale counters, and keeps the rest', async () => {
    const db = database.handle.db;
    const now = new Date('2026-11-26T12:00:00Z');
    const job = (status: 'done' | 'dead' | 'queued', updated: string) => ({
      type: 't',
      payload: '{}',
      status,
      max_attempts: 5,
      run_at: updated,
      created_at: updated,
      updated_at: updated,
    });
    await db
      .insertInto('jobs')
      .values([
        job('done', '2026-11-01T00:00:00.000Z'),
        job('done', '2026-11-25T00:00:00.000Z'),
        job('dead', '2026-11-01T00:00:00.000Z'),
        job('queued', '2026-11-01T00:00:00.000Z'),
      ])
      .execute();
    const userId = await createUserWithRoles(db, {
      email: 'm@example.org',
      displayName: 'M',
      password: 'long enough pass',
      locale: 'en',
      roles: [],
    });
    await createSession(db, userId, new Date(now.getTime() - 24 * 3600_000)); // expired
    await createSession(db, userId, now); // valid
    await db
      .insertInto('rate_limits')
      .values([
        { key: 'old', hits: 3, reset_at: 1 },
        { key: 'live', hits: 1, reset_at: Date.now() + 60_000 },
      ])
      .execute();

    expect(await runMaintenance(db, now)).toEqual({ jobs: 1, sessions: 1 });
    const statuses = (await db.selectFrom('jobs').select('status').orderBy('id').execute()).map((j) => j.status);
    expect(statuses).toEqual(['done', 'dead', 'queued']);
    expect(await db.selectFrom('sessions').select('expires_at').execute()).toEqual([{ expires_at: expect.stringMatching(/^2026-11-27/) }]);
    expect((await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)).toEqual(['live']);
    expect(nowIso(now)).toBe('2026-11-26T12:00:00.000Z');
  });
});
