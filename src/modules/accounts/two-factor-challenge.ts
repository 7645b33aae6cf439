/**
 * Sign-ins waiting for their second factor. After a correct password, a user with 2FA gets no
 * session yet: a random token goes into an HttpOnly cookie and its SHA-256 into
 * `two_factor_challenges`, valid 5 minutes and for 5 wrong codes; then the sign-in starts over.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import './accounts.tables.js';

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes allowed per pending sign-in. */
export const CHALLENGE_MAX_ATTEMPTS = 5;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The pending sign-in cookie's name (`__Host-` prefixed over https, like the session's). */
export function challengeCookieName(secure: boolean): string {
  return secure ? '__Host-ecoop_2fa' : 'ecoop_2fa';
}

/** Starts a pending sign-in for a user (ending their earlier ones) and returns its token. */
export async function createChallenge(db: Db, userId: number, next: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    // The user's earlier pending sign-ins end, and expired ones of anybody are swept on the way.
    await trx
      .deleteFrom('two_factor_challenges')
      .where((eb) => eb.or([eb('user_id', '=', userId), eb('expires_at', '<=', nowIso(now))]))
      .execute();
    await trx
      .insertInto('two_factor_challenges')
      .values({
        token_hash: hash(token),
        user_id: userId,
        next,
        expires_at: nowIso(new Date(now.getTime() + CHALLENGE_TTL_MS)),
        created_at: nowIso(now),
      })
      .execute();
  });
  return token;
}

/** The still-valid pending sign-in of a token, or null (unknown, expired, or out of attempts). */
export async function findChallenge(db: Db, token: string | undefined, now = new Date()): Promise<{ userId: number; next: string } | null> {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom('two_factor_challenges')
    .select(['user_id', 'next', 'attempts'])
    .where('token_hash', '=', hash(token))
    .where('expires_at', '>', nowIso(now))
    .executeTakeFirst();
  if (!row || row.attempts >= CHALLENGE_MAX_ATTEMPTS) return null;
  return { userId: row.user_id, next: row.next };
}

/** Counts a wrong code; returns whether attempts remain (the pending sign-in is deleted when none do). */
export async function recordChallengeFailure(db: Db, token: string): Promise<boolean> {
  const row = await db
    .updateTable('two_factor_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('token_hash', '=', hash(token))
    .returning('attempts')
    .executeTakeFirst();
  if (row && row.attempts < CHALLENGE_MAX_ATTEMPTS) return true;
  await endChallenge(db, token);
  return false;
}

/** Deletes a pending sign-in (it succeeded, or it is over). */
export async function endChallenge(db: Db, token: string): Promise<void> {
  await db.deleteFrom('two_factor_challenges').where('token_hash', '=', hash(token)).execute();
}

/** Sets the pending sign-in cookie (HttpOnly, SameSite=Lax, as long as the pending sign-in lasts). */
export function setChallengeCookie(reply: FastifyReply, token: string): void {
  const secure = reply.server.config.secureCookies;
  reply.setCookie(challengeCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

export function clearChallengeCookie(reply: FastifyReply): void {
  const secure = reply.server.config.secureCookies;
  reply.clearCookie(challengeCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function challengeToken(request: FastifyRequest): string | undefined {
  return request.cookies[challengeCookieName(request.server.config.secureCookies)];
}
