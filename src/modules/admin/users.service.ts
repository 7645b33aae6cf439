/**
 * People administration: finding accounts, granting and revoking roles, blocking and unblocking.
 * Each change runs in one transaction together with its audit entry (actor, request id, truncated
 * IP), so the log records exactly the changes that happened. Routes authorize with admin.policy.ts
 * first; the self lock-out rules are checked here again, so no other caller can skip them.
 */
import type { Db } from '../../db/database.js';
import { keysetPage } from '../../db/keyset.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { pick } from '../../platform/i18n.js';
import type { Locale } from '../../config.js';
import { destroyUserSessions } from '../../platform/session.js';
import { listPlaces, placeNamesByIds } from '../places/index.js';
import { listOrganisations, organisationNamesByIds } from '../territory/index.js';
import type { GrantCommand } from './users.schemas.js';
import { addRole, findUserById, findUsers, removeRole, roleRowsOf, rolesOfUsers, setBlocked } from './users.repository.js';

/** People per page of the list. */
export const USERS_PAGE_SIZE = 50;
/** At most this many places are offered in the grant form's list. */
const PLACES_MAX = 1000;

/** An account's state: blocked and deleted win over unverified. */
export type UserStatus = 'active' | 'unverified' | 'blocked' | 'deleted';

/** One line of the people list. */
export interface UserSummary {
  id: number;
  email: string;
  displayName: string;
  status: UserStatus;
  roles: string[];
  createdAt: string;
}

/** A role the person holds, with the name of the place or organisation it applies to. */
export interface HeldRole {
  role: string;
  scopeType: '' | 'place' | 'organisation';
  scopeId: number;
  /** The place's or organisation's name; null for a role that applies everywhere (or a vanished scope). */
  scopeName: string | null;
  grantedAt: string;
}

/** What a person's page shows. */
export interface UserDetails {
  id: number;
  email: string;
  displayName: string;
  locale: string;
  status: UserStatus;
  createdAt: string;
  roles: HeldRole[];
}

/** The choices of the grant form's place and organisation lists. */
export interface ScopeChoices {
  places: { id: number; name: string }[];
  organisations: { id: number; name: string }[];
}

function statusOf(row: { email_verified_at: string | null; blocked_at: string | null; deleted_at: string | null }): UserStatus {
  if (row.deleted_at) return 'deleted';
  if (row.blocked_at) return 'blocked';
  return row.email_verified_at ? 'active' : 'unverified';
}

/** One page of people, newest first, matching `q` in their email or display name (case-insensitive). */
export async function findPeople(
  db: Db,
  input: { q?: string | undefined; before?: number | undefined },
): Promise<{ users: UserSummary[]; nextBefore: number | null }> {
  const rows = await findUsers(db, { ...input, limit: USERS_PAGE_SIZE });
  const { page, nextBefore } = keysetPage(rows, USERS_PAGE_SIZE);
  const roles = await rolesOfUsers(
    db,
    page.map((u) => u.id),
  );
  const byUser = new Map<number, string[]>();
  for (const r of roles) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role]);
  return {
    users: page.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      status: statusOf(u),
      roles: (byUser.get(u.id) ?? []).sort(),
      createdAt: u.created_at,
    })),
    nextBefore,
  };
}

/** A person with their roles and the names of the places and organisations those apply to; `not_found` otherwise. */
export async function showPerson(db: Db, userId: number, locale: Locale): Promise<UserDetails> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found', 'No such account');
  const rows = await roleRowsOf(db, userId);
  const idsOf = (type: string) => rows.filter((r) => r.scope_type === type).map((r) => r.scope_id);
  const [places, organisations] = await Promise.all([
    placeNamesByIds(db, idsOf('place')),
    organisationNamesByIds(db, idsOf('organisation')),
  ]);
  const scopeName = (type: string, id: number): string | null => {
    if (type === 'place') return places.get(id) ?? null;
    if (type === 'organisation') {
      const name = organisations.get(id);
      return name === undefined ? null : pick(name, locale);
    }
    return null;
  };
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    status: statusOf(user),
    createdAt: user.created_at,
    roles: rows.map((r) => ({
      role: r.role,
      scopeType: r.scope_type === 'place' || r.scope_type === 'organisation' ? r.scope_type : '',
      scopeId: r.scope_id,
      scopeName: scopeName(r.scope_type, r.scope_id),
      grantedAt: r.created_at,
    })),
  };
}

/** The places and organisations a scoped role can be granted for, by name. */
export async function scopeChoices(db: Db, locale: Locale): Promise<ScopeChoices> {
  const [places, organisations] = await Promise.all([listPlaces(db, PLACES_MAX), listOrganisations(db)]);
  return {
    places: places.map((p) => ({ id: p.id, name: p.name })),
    organisations: organisations
      .map((o) => ({ id: o.id, name: pick(o.name, locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

async function requirePerson(db: Db, userId: number) {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found', 'No such account');
  return user;
}

/**
 * Gives a person a role, for a place (mediator) or an organisation (official) when the role needs
 * one. The place or organisation must exist (`validation_failed` on its field otherwise, nothing
 * written). Granting a role the person already holds changes nothing and writes no audit entry, so
 * a double submission is harmless.
 */
export async function grantRole(db: Db, ctx: AuditContext, userId: number, command: GrantCommand): Promise<{ granted: boolean }> {
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, userId);
    if (command.scopeType === 'place' && !(await placeNamesByIds(trx, [command.scopeId])).has(command.scopeId))
      throw new AppError('validation_failed', 'No such place', [{ field: 'placeId', message: 'admin.user.errors.placeUnknown' }]);
    if (command.scopeType === 'organisation' && !(await organisationNamesByIds(trx, [command.scopeId])).has(command.scopeId))
      throw new AppError('validation_failed', 'No such organisation', [
        { field: 'organisationId', message: 'admin.user.errors.organisationUnknown' },
      ]);
    const granted = await addRole(trx, { userId, ...command, grantedBy: ctx.actorId });
    if (granted)
      await audit(trx, { ...ctx, action: 'admin.grant_role', subjectType: 'user', subjectId: String(userId), data: { ...command } });
    return { granted };
  });
}

/**
 * Takes one role (with its scope) from a person. An admin never drops their own admin role
 * (`forbidden`): another admin must. Revoking a role the person no longer holds changes nothing.
 */
export async function revokeRole(
  db: Db,
  ctx: AuditContext,
  userId: number,
  role: { role: string; scopeType: string; scopeId: number },
): Promise<{ revoked: boolean }> {
  if (role.role === 'admin' && userId === ctx.actorId) throw new AppError('forbidden', 'Administrators cannot revoke their own admin role');
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, userId);
    const revoked = await removeRole(trx, { userId, ...role });
    if (revoked)
      await audit(trx, { ...ctx, action: 'admin.revoke_role', subjectType: 'user', subjectId: String(userId), data: { ...role } });
    return { revoked };
  });
}

/**
 * Blocks an account and ends all its sessions in the same transaction: from the next request on,
 * the person is signed out everywhere and cannot sign in. Nobody blocks themself (`forbidden`).
 */
export async function blockUser(db: Db, ctx: AuditContext, userId: number): Promise<{ blocked: boolean }> {
  if (userId === ctx.actorId) throw new AppError('forbidden', 'Administrators cannot block themselves');
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, userId);
    const blocked = await setBlocked(trx, userId, true);
    await destroyUserSessions(trx, userId);
    if (blocked) await audit(trx, { ...ctx, action: 'admin.block_user', subjectType: 'user', subjectId: String(userId) });
    return { blocked };
  });
}

/** Lifts a block; the person signs in again as usual. */
export async function unblockUser(db: Db, ctx: AuditContext, userId: number): Promise<{ unblocked: boolean }> {
  if (userId === ctx.actorId) throw new AppError('forbidden', 'Administrators cannot unblock themselves');
  return db.transaction().execute(async (trx) => {
    await requirePerson(trx, userId);
    const unblocked = await setBlocked(trx, userId, false);
    if (unblocked) await audit(trx, { ...ctx, action: 'admin.unblock_user', subjectType: 'user', subjectId: String(userId) });
    return { unblocked };
  });
}
