import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support.js';
import { compiledOnce } from './compiled-once.js';
import type { Db } from './database.js';

describeEachDatabase('compiledOnce', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await database.handle.db
      .insertInto('app_settings')
      .values(['a', 'b', 'c'].map((key, i) => ({ key, value: String(i), updated_at: `2026-11-2${i}T00:00:00.000Z` })))
      .execute();
  });
  afterAll(async () => database.destroy());

  it('builds once per handle and runs with each call’s values, whatever their order in the SQL', async () => {
    let builds = 0;
    // The placeholders come in the SQL in the other order than the arguments; 'z' is a constant.
    const settings = compiledOnce(
      (db: Db, key: string, after: string) => {
        builds++;
        return db
          .selectFrom('app_settings')
          .select(['key', 'value'])
          .where('updated_at', '>=', after)
          .where((eb) => eb.or([eb('key', '=', key), eb('key', '=', 'z')]))
          .orderBy('key');
      },
      '\u0000key',
      '\u0000after',
    );
    const db = database.handle.db;
    expect(await settings(db, 'b', '2026-11-20T00:00:00.000Z')).toEqual([{ key: 'b', value: '1' }]);
    expect(await settings(db, 'a', '2026-11-20T00:00:00.000Z')).toEqual([{ key: 'a', value: '0' }]);
    expect(await settings(db, 'a', '2026-11-21T00:00:00.000Z')).toEqual([]);
    expect(await settings(db, "a' or '1'='1", '2000-01-01T00:00:00.000Z')).toEqual([]);
    expect(builds).toBe(1);
  });

  it('refuses a build that leaves a placeholder out, and placeholders that are not distinct', async () => {
    const lost = compiledOnce((db: Db, _key: string) => db.selectFrom('app_settings').select('key'), '\u0000key');
    await expect(lost(database.handle.db, 'a')).rejects.toThrow(/not in the query/);
    expect(() => compiledOnce((db: Db, _a: string, _b: string) => db.selectFrom('app_settings').select('key'), 'x', 'x')).toThrow(
      /distinct/,
    );
  });
});
