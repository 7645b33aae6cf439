/** Queries on two-factor secrets, recovery codes and pending sign-ins. No business rules. */
import type { Db } from '../../db/database.js';
import './accounts.tables.js';

export function findTwoFactor(db: Db, userId: number) {
  return db.selectFrom('user_two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Stores a new, not yet enabled secret, replacing an earlier unconfirmed one; never an enabled one. */
export async function putPendingSecret(db: Db, userId: number, secret: string, now: string): Promise<boolean> {
  await db.deleteFrom('user_two_factor').where('user_id', '=', userId).where('enabled_at', 'is', null).execute();
  const result = await db
    .insertInto('user_two_factor')
    .values({ user_id: userId, secret, enabled_at: null, last_step: null, created_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function insertEnabled(db: Db, userId: number, secret: string, now: string) {
  return db
    .insertInto('user_two_factor')
    .values({ user_id: userId, secret, enabled_at: now, last_step: null, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret, enabled_at: now, last_step: null }))
    .execute();
}

/** Enables the pending secret, recording the step of the code that confirmed it; false if none was pending. */
export async function enablePending(db: Db, userId: number, step: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('user_two_factor')
    .set({ enabled_at: now, last_step: step })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a step as used, only if it is later than the last one (one conditional UPDATE: no replay, even racing). */
export async function useStep(db: Db, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('user_two_factor')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function deleteTwoFactor(db: Db, userId: number) {
  return db.deleteFrom('user_two_factor').where('user_id', '=', userId).executeTakeFirst();
}

export async function replaceRecoveryCodes(db: Db, userId: number, hashes: readonly string[], now: string): Promise<void> {
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('two_factor_recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null, created_at: now })))
    .execute();
}

export function deleteRecoveryCodes(db: Db, userId: number) {
  return db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
}

/** Uses a recovery code up (one conditional UPDATE, so it works once even when two requests race). */
export async function useRecoveryCode(db: Db, userId: number, hash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
