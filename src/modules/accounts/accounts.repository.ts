/** Queries on users and roles. Plain functions over a db or a transaction; no business rules. */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import './accounts.tables.js';

export function findByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function insertUser(
  db: Db,
  values: { email: string; displayName: string; passwordHash: string | null; locale: string; verified: boolean },
) {
  const now = nowIso();
  return db
    .insertInto('users')
    .values({
      email: values.email.trim().toLowerCase(),
      display_name: values.displayName,
      password_hash: values.passwordHash,
      locale: values.locale,
      email_verified_at: values.verified ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updatePassword(db: Db, userId: number, passwordHash: string) {
  return db.updateTable('users').set({ password_hash: passwordHash, updated_at: nowIso() }).where('id', '=', userId).execute();
}

export function insertRole(
  db: Db,
  values: { userId: number; role: string; scopeType?: string; scopeId?: number; grantedBy?: number | null },
) {
  return db
    .insertInto('user_roles')
    .values({
      user_id: values.userId,
      role: values.role,
      scope_type: values.scopeType ?? '',
      scope_id: values.scopeId ?? 0,
      granted_by: values.grantedBy ?? null,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope_type', 'scope_id']).doNothing())
    .execute();
}

export function rolesOf(db: Db, userId: number) {
  return db.selectFrom('user_roles').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', userId).execute();
}
