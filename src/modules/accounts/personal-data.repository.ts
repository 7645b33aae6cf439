/**
 * Queries behind the accounts module's part of the personal-data registry: what it stores about a
 * person (never a hash), and the erasure of the `users` row and everything hanging from it.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { DELETED_PARTICIPANT } from '../../platform/gdpr.js';
import './accounts.tables.js';
import './api-tokens.tables.js';

/** The profile columns a person may see about themselves (no password hash). */
export function findProfile(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'display_name',
      'locale',
      'created_at',
      'updated_at',
      'email_verified_at',
      'terms_version',
      'terms_accepted_at',
      'blocked_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function listRoles(db: Db, userId: number) {
  return db
    .selectFrom('user_roles')
    .select(['role', 'scope_type', 'scope_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** Sessions by their dates only: the id is a token hash. */
export function listSessions(db: Db, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** API tokens by name and prefix: never the hash. */
export function listApiTokens(db: Db, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** Emailed links (verification, reset) by purpose and dates: never the hash. */
export function listAccountLinks(db: Db, userId: number) {
  return db
    .selectFrom('account_tokens')
    .select(['purpose', 'created_at', 'expires_at', 'used_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** What the person did, as the audit log recorded it. */
export function listAuditEntries(db: Db, userId: number) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'subject_type', 'subject_id', 'data', 'created_at', 'ip'])
    .where('actor_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** Whether two-factor authentication is on, since when, and how many recovery codes are left (never the secret). */
export async function findTwoFactorSummary(db: Db, userId: number) {
  const row = await db.selectFrom('user_two_factor').select('enabled_at').where('user_id', '=', userId).executeTakeFirst();
  const left = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { enabledAt: row?.enabled_at ?? null, recoveryCodesLeft: row?.enabled_at ? Number(left.n) : 0 };
}

/**
 * Marks an account deleted if it is not already: true when this call did it. The conditional
 * update also locks the row until the transaction ends, so two deletions cannot both proceed.
 */
export async function claimForDeletion(db: Db, userId: number): Promise<boolean> {
  const now = nowIso();
  const result = await db
    .updateTable('users')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Erases what the accounts module keeps about a person: sessions ended, API tokens revoked, emailed
 * links and roles removed, and the `users` row reduced to its id and dates, with an email on the
 * reserved `.invalid` domain (unique, never deliverable) so the real address can register again.
 */
export async function eraseAccount(db: Db, userId: number): Promise<void> {
  const now = nowIso();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db.deleteFrom('two_factor_challenges').where('user_id', '=', userId).execute();
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_two_factor').where('user_id', '=', userId).execute();
  await db
    .updateTable('users')
    .set({
      email: `deleted-${userId}@invalid`,
      display_name: DELETED_PARTICIPANT,
      password_hash: null,
      email_verified_at: null,
      terms_version: null,
      terms_accepted_at: null,
      deleted_at: now,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
}
