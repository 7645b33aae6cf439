/**
 * Server-side sessions stored in the database, so every instance knows every session. The cookie
 * carries a random 256-bit token; the table keeps only its SHA-256. Sessions expire after an idle
 * period and at an absolute limit. (Sign-in and sign-out pages belong to the accounts module.)
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ExpressionBuilder } from 'kysely';
import { compiledOnce } from '../db/compiled-once.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { distinctCommaList, nowIso } from '../db/dialect.js';
import { parseStoredPreferences, type DisplayPreferences } from './preferences.js';

export interface SessionUser {
  id: number;
  displayName: string;
  email: string;
  locale: string;
  /** The roles in effect: without two-factor authentication, not those of TWO_FACTOR_ROLES. */
  roles: string[];
  /** Roles held but not in effect until the user enables two-factor authentication. */
  pendingRoles?: string[];
  /** Whether two-factor authentication is on. */
  twoFactor?: boolean;
  sessionId: string;
  /**
   * Display preferences saved on the account; null when never chosen (the device's cookie then
   * applies). Only sessions load them: users authenticated otherwise (API tokens) render no pages.
   */
  preferences?: DisplayPreferences | null;
  /** The version of the terms the user accepted (the accounts module compares it with the current one). */
  termsVersion: string | null;
  emailVerified: boolean;
}

/** Roles whose powers require two-factor authentication: held without it, they are not in effect. */
export const TWO_FACTOR_ROLES: readonly string[] = ['mediator', 'official', 'moderator', 'admin'];

/** Splits the roles held into those in effect and those waiting for two-factor authentication. */
export function effectiveRoles(held: readonly string[], twoFactor: boolean): { roles: string[]; pendingRoles: string[] } {
  if (twoFactor) return { roles: [...held], pendingRoles: [] };
  return { roles: held.filter((r) => !TWO_FACTOR_ROLES.includes(r)), pendingRoles: held.filter((r) => TWO_FACTOR_ROLES.includes(r)) };
}

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60 * 1000;

/** The session cookie's name: `__Host-` prefixed when the site is served over https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-ecoop_session' : 'ecoop_session';
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session for a user and returns the token to put in the cookie. */
export async function createSession(db: Db, userId: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: nowIso(now),
      last_seen_at: nowIso(now),
      expires_at: nowIso(new Date(now.getTime() + SESSION_ABSOLUTE_MS)),
    })
    .execute();
  return token;
}

/** Ends one session. */
export async function destroySession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Ends every session of a user (sign out everywhere, password reset, blocking). */
export async function destroyUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/**
 * The user columns a SessionUser is built from (join `users` and left-join `user_two_factor`):
 * shared by cookie sessions and API tokens, so both see the same user.
 */
export const SESSION_USER_COLUMNS = [
  'users.id',
  'users.display_name',
  'users.email',
  'users.locale',
  'users.blocked_at',
  'users.deleted_at',
  'users.preferences',
  'users.terms_version',
  'users.email_verified_at',
  'user_two_factor.enabled_at as two_factor_at',
] as const;

/**
 * The roles a user holds, as one column `held_roles` of the query that reads the user (select it
 * beside SESSION_USER_COLUMNS): the session costs one query, not two. Read it with `heldRoles`.
 */
export function heldRolesColumn(db: Db) {
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    eb
      .selectFrom('user_roles')
      .select(distinctCommaList(db, 'user_roles.role').as('roles'))
      .whereRef('user_roles.user_id', '=', 'users.id')
      .as('held_roles');
}

/** The roles in a `held_roles` column (see heldRolesColumn). */
export function heldRoles(column: string | null | undefined): string[] {
  return column ? column.split(',') : [];
}

/** A SessionUser from a row of SESSION_USER_COLUMNS and the roles the user holds. */
export function toSessionUser(
  row: {
    id: number;
    display_name: string;
    email: string;
    locale: string;
    preferences: string;
    terms_version: string | null;
    email_verified_at: string | null;
    two_factor_at: string | null;
  },
  heldRoles: string[],
  sessionId: string,
): SessionUser {
  const twoFactor = row.two_factor_at !== null;
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    locale: row.locale,
    // Roles that require two-factor authentication are not in effect without it.
    ...effectiveRoles([...new Set(heldRoles)], twoFactor),
    twoFactor,
    sessionId,
    preferences: parseStoredPreferences(row.preferences),
    termsVersion: row.terms_version,
    emailVerified: row.email_verified_at !== null,
  };
}

/** A session with its user and their roles: read on every signed-in request, so compiled once. */
const sessionById = compiledOnce(
  (db: Db, id: string) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('user_two_factor', 'user_two_factor.user_id', 'users.id')
      .select(['sessions.id as sid', 'sessions.last_seen_at', 'sessions.expires_at', ...SESSION_USER_COLUMNS])
      .select(heldRolesColumn(db))
      .where('sessions.id', '=', id),
  '\u0000session id',
);

/** Resolves a cookie token to its user, or null when unknown, expired, idle too long, or blocked. */
export async function loadSession(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  const id = hashToken(token);
  const [row] = await sessionById(db, id);
  if (!row) return null;
  const idleLimit = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  if (row.expires_at <= nowIso(now) || row.last_seen_at <= idleLimit || row.blocked_at || row.deleted_at) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (Date.parse(row.last_seen_at) < now.getTime() - TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: nowIso(now) })
      .where('id', '=', id)
      .execute();
  }
  return toSessionUser(row, heldRoles(row.held_roles), row.sid);
}

/** Sets the session cookie on a reply. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  const secure = reply.server.config.secureCookies;
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

/** The session token sent by the browser, if any. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(request.server.config.secureCookies)];
}

/** Loads `request.user` on every request that carries a session cookie. */
export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    // The API and Open311 authenticate with Bearer tokens only (api-auth.ts): a cookie there is
    // ignored, so a cross-site request riding on it can never act as the user.
    if (request.url.startsWith('/api/') || request.url.startsWith('/open311/')) return;
    const token = sessionToken(request);
    request.user = token ? await loadSession(app.db, token) : null;
  });
  // Signed-in pages are personal: never stored by browsers or proxies.
  app.addHook('onSend', async (request, reply) => {
    if (request.user) reply.header('cache-control', 'no-store');
  });
}
