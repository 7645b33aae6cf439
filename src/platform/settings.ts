/**
 * Small key/value settings shared by every instance through the database: generated secrets and
 * counters such as the content generation that invalidates page caches.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { nowIso } from '../db/dialect.js';

/** Reads a setting, or undefined. */
export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Writes a setting (insert or replace). */
export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_settings')
    .values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() }))
    .execute();
}

/**
 * Returns the named secret, generating it on first use. Several instances starting at once agree
 * on one value: the first insert wins and everyone reads it back.
 */
export async function getOrCreateSecret(db: Db, name: string): Promise<string> {
  const key = `secret:${name}`;
  const existing = await getSetting(db, key);
  if (existing) return existing;
  await db
    .insertInto('app_settings')
    .values({ key, value: randomBytes(32).toString('base64url'), updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const value = await getSetting(db, key);
  if (!value) throw new Error(`could not create secret ${name}`);
  return value;
}

/** Atomically increments an integer setting and returns the new value. */
export async function incrementCounter(db: Db, key: string): Promise<number> {
  const row = await db
    .insertInto('app_settings')
    .values({ key, value: '1', updated_at: nowIso() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        value: sql<string>`cast(cast(app_settings.value as integer) + 1 as text)`,
        updated_at: nowIso(),
      }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
