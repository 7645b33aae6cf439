/**
 * Personal API tokens: create (the token is returned once and only its SHA-256 is kept), list,
 * revoke, and authenticate a Bearer token. A token acts as its user, with the user's roles.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { isUniqueViolation, nowIso } from '../../db/dialect.js';
import { audit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { heldRoles, toSessionUser, type SessionUser } from '../../platform/session.js';
import { findByEmail } from './accounts.repository.js';
import { checkTokenName } from './api-tokens.schemas.js';
import {
  findActiveByHash,
  findOwned,
  hasActiveNamed,
  insertApiToken,
  listByUser,
  markRevoked,
  touchLastUsed,
} from './api-tokens.repository.js';

export const TOKEN_PREFIX = 'ecoop_';
/** `ecoop_` + 32 random bytes in base64url (43 characters). */
const TOKEN_SHAPE = /^ecoop_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often, so authenticating stays a read. */
const TOUCH_EVERY_MS = 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The request behind a change, for the audit log (absent from the CLI). */
export interface RequestTrace {
  requestId: string;
  ip: string | null;
}

/** A token as its owner's list shows it: never the token, never its hash. */
export interface ApiTokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * Creates a token for a user and returns it: the only time it exists outside the caller's hands.
 * Refuses an empty or too long name, and a name the user already gives an active token (which also
 * makes a double-submitted form create one token, not two). Audited in the same transaction.
 */
export async function createApiToken(
  db: Db,
  input: { userId: number; name: string; via: 'web' | 'cli'; request?: RequestTrace },
): Promise<{ id: number; token: string; prefix: string }> {
  const name = input.name.trim();
  const problem = checkTokenName(name);
  if (problem) throw new AppError('validation_failed', 'Invalid token name', [{ field: 'name', message: problem }]);
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  // `ecoop_` and 8 characters of the random part: enough to tell tokens apart, far too little to guess one.
  const prefix = token.slice(0, TOKEN_PREFIX.length + 8);
  return db.transaction().execute(async (trx) => {
    if (await hasActiveNamed(trx, input.userId, name))
      throw new AppError('validation_failed', 'Token name in use', [{ field: 'name', message: 'tokens.errors.nameTaken' }]);
    let id: number;
    try {
      ({ id } = await insertApiToken(trx, { userId: input.userId, name, tokenHash: hashToken(token), prefix }));
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'Token collision; try again', [], { cause: err });
      throw err;
    }
    await audit(trx, {
      actorId: input.userId,
      action: 'accounts.api_token_create',
      subjectType: 'api_token',
      subjectId: String(id),
      data: { name, prefix, via: input.via },
      ...input.request,
    });
    return { id, token, prefix };
  });
}

/**
 * Creates a token for the account with this email (`ecoop api-token create`). `not_found` when no
 * such account exists (or it was deleted), `forbidden` when it is blocked: its token would not work.
 */
export async function createApiTokenForEmail(db: Db, input: { email: string; name: string }): Promise<{ token: string }> {
  const user = await findByEmail(db, input.email);
  if (!user || user.deleted_at) throw notFound('No account has this email');
  if (user.blocked_at) throw new AppError('forbidden', 'This account is blocked');
  const { token } = await createApiToken(db, { userId: user.id, name: input.name, via: 'cli' });
  return { token };
}

/** The user's own tokens, newest first. */
export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenSummary[]> {
  const rows = await listByUser(db, userId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/**
 * Revokes one of the user's own tokens. Another user's token, or one that does not exist, is
 * `not_found` (the same answer, so ids reveal nothing). Revoking twice is harmless. Audited.
 */
export async function revokeApiToken(db: Db, input: { userId: number; tokenId: number; request?: RequestTrace }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const token = await findOwned(trx, input.userId, input.tokenId);
    if (!token) throw notFound('No such token');
    if (token.revoked_at) return;
    await markRevoked(trx, token.id);
    await audit(trx, {
      actorId: input.userId,
      action: 'accounts.api_token_revoke',
      subjectType: 'api_token',
      subjectId: String(token.id),
      data: { name: token.name, prefix: token.prefix },
      ...input.request,
    });
  });
}

/**
 * The user a Bearer token acts for, or null when the token is malformed, unknown, revoked, or its
 * user is blocked or deleted. Records when the token was last used (at most once a minute).
 */
export async function authenticateApiToken(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await findActiveByHash(db, hashToken(token));
  if (!row || row.blocked_at || row.deleted_at) return null;
  if (!row.last_used_at || Date.parse(row.last_used_at) < now.getTime() - TOUCH_EVERY_MS) {
    await touchLastUsed(db, row.tokenId, nowIso(now));
  }
  // No session: the request is authenticated by a token (see request.authVia).
  return toSessionUser(row, heldRoles(row.held_roles), '');
}
