/** Queries on personal API tokens. Plain functions over a db or a transaction; no business rules. */
import type { Db } from '../../db/database.js';
import { heldRolesColumn, SESSION_USER_COLUMNS } from '../../platform/session.js';
import { nowIso } from '../../db/dialect.js';
import './accounts.tables.js';
import './api-tokens.tables.js';

/** The columns a token list shows (never the hash). */
const LISTED = ['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const;

export function insertApiToken(db: Db, values: { userId: number; name: string; tokenHash: string; prefix: string }) {
  return db
    .insertInto('api_tokens')
    .values({ user_id: values.userId, name: values.name, token_hash: values.tokenHash, prefix: values.prefix, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A user's tokens, newest first. */
export function listByUser(db: Db, userId: number) {
  return db.selectFrom('api_tokens').select(LISTED).where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

/** One token of one user: another user's token is simply not found. */
export function findOwned(db: Db, userId: number, tokenId: number) {
  return db.selectFrom('api_tokens').select(LISTED).where('id', '=', tokenId).where('user_id', '=', userId).executeTakeFirst();
}

/** Whether the user has an active token with this name. */
export async function hasActiveNamed(db: Db, userId: number, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('api_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export function markRevoked(db: Db, tokenId: number) {
  return db.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', tokenId).where('revoked_at', 'is', null).execute();
}

/** An active token by hash, with its user and the roles they hold, for authentication. */
export function findActiveByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .leftJoin('user_two_factor', 'user_two_factor.user_id', 'users.id')
    .select(['api_tokens.id as tokenId', 'api_tokens.last_used_at', ...SESSION_USER_COLUMNS])
    .select(heldRolesColumn(db))
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function touchLastUsed(db: Db, tokenId: number, at: string) {
  return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}
