/** Queries on users and roles. Plain functions over a db or a transaction; no business rules. */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import './accounts.tables.js';

export function findByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function insertUser(
  db: Db,
  values: {
    email: string;
    displayName: string;
    passwordHash: string | null;
    locale: string;
    verified: boolean;
    /** The version of the terms accepted at creation, if any. */
    termsVersion?: string | null;
  },
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
      terms_version: values.termsVersion ?? null,
      terms_accepted_at: values.termsVersion ? now : null,
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

export function findById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks the email verified (keeps the first verification time). */
export function markEmailVerified(db: Db, userId: number) {
  const now = nowIso();
  return db
    .updateTable('users')
    .set({ email_verified_at: now, updated_at: now })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
}

export function updateProfile(db: Db, userId: number, values: { displayName: string; locale: string }) {
  return db
    .updateTable('users')
    .set({ display_name: values.displayName, locale: values.locale, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}

export function setTermsAccepted(db: Db, userId: number, version: string) {
  const now = nowIso();
  return db
    .updateTable('users')
    .set({ terms_version: version, terms_accepted_at: now, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
