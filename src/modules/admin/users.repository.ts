/**
 * Queries behind the admin's people pages: finding accounts, their roles, granting and revoking
 * roles, blocking. Kysely only, over a db or a transaction; the rules live in users.service.ts.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { ilike, nowIso } from '../../db/dialect.js';
import { keysetFetchSize } from '../../db/keyset.js';

/** A LIKE pattern matching `term` anywhere, with `%`, `_` and `\` taken literally (escape `\`). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` contains `term`, case-insensitively, wildcards in the term taken literally. */
export function containsInsensitive(db: Db, column: string, term: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} ${sql.raw(ilike(db))} ${containsPattern(term)} escape '\\'`;
}

/** One page of accounts, newest first, optionally those whose email or display name contains `q`. */
export function findUsers(db: Db, input: { q?: string | undefined; before?: number | undefined; limit: number }) {
  let query = db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'email_verified_at', 'blocked_at', 'deleted_at', 'created_at'])
    .orderBy('id', 'desc')
    .limit(keysetFetchSize(input.limit));
  if (input.before) query = query.where('id', '<', input.before);
  const q = input.q;
  if (q) query = query.where((eb) => eb.or([containsInsensitive(db, 'users.email', q), containsInsensitive(db, 'users.display_name', q)]));
  return query.execute();
}

/** One account, or undefined. */
export function findUserById(db: Db, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'email_verified_at', 'blocked_at', 'deleted_at', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The distinct roles of several accounts at once (one query for a whole page of people). */
export function rolesOfUsers(db: Db, userIds: readonly number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .distinct()
    .where('user_id', 'in', [...userIds])
    .execute();
}

/** The role rows of one account, with their scope, in a stable order. */
export function roleRowsOf(db: Db, userId: number) {
  return db
    .selectFrom('user_roles')
    .select(['id', 'role', 'scope_type', 'scope_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('role')
    .orderBy('scope_type')
    .orderBy('scope_id')
    .execute();
}

/** Adds a role row; returns whether it was new (an existing identical row is left alone). */
export async function addRole(
  db: Db,
  values: { userId: number; role: string; scopeType: '' | 'place' | 'organisation'; scopeId: number; grantedBy: number | null },
): Promise<boolean> {
  const result = await db
    .insertInto('user_roles')
    .values({
      user_id: values.userId,
      role: values.role,
      scope_type: values.scopeType,
      scope_id: values.scopeId,
      granted_by: values.grantedBy,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope_type', 'scope_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes one role row; returns whether it existed. */
export async function removeRole(db: Db, values: { userId: number; role: string; scopeType: string; scopeId: number }): Promise<boolean> {
  const result = await db
    .deleteFrom('user_roles')
    .where('user_id', '=', values.userId)
    .where('role', '=', values.role)
    .where('scope_type', '=', values.scopeType)
    .where('scope_id', '=', values.scopeId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Sets or clears `blocked_at`; returns whether it changed. */
export async function setBlocked(db: Db, userId: number, blocked: boolean): Promise<boolean> {
  const now = nowIso();
  const result = await db
    .updateTable('users')
    .set({ blocked_at: blocked ? now : null, updated_at: now })
    .where('id', '=', userId)
    .where('blocked_at', blocked ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
