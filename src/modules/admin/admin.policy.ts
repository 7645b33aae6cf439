/**
 * Who may do what in the administration pages. Administrators may do everything except lock
 * themselves out (block their own account, drop their own admin role); mediators may find people
 * and grant or revoke the helper role, because helpers are the volunteers of their places. Pure and
 * synchronous, so routes enforce it and views ask it before showing a button. The matrix is in
 * docs/permissions.md.
 */
import { AppError } from '../../platform/errors.js';

/** What can be done in the admin area. */
export const ADMIN_ACTIONS = [
  'jobs.view',
  'jobs.retry',
  'outbox.view',
  'audit.view',
  'users.view',
  'roles.grant',
  'roles.revoke',
  'users.block',
  'users.unblock',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** The roles that are granted and revoked by hand; everyone is a citizen, so that one is not. */
export const GRANTABLE_ROLES = ['helper', 'mediator', 'official', 'moderator', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** The little the policy needs to know about the person asking; null when nobody is signed in. */
export type AdminActor = { readonly id?: number; readonly roles: readonly string[] } | null;

/**
 * What an action applies to. `role`: the role granted or revoked (without it, `roles.grant` asks
 * whether the actor may grant any role at all, to show the form). `userId`: the account acted on.
 */
export interface AdminSubject {
  readonly role?: string;
  readonly userId?: number;
}

/** Whether `role` is one that can be granted and revoked. */
export function isGrantableRole(role: unknown): role is GrantableRole {
  return typeof role === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(role);
}

/** Whether `actor` may do `action` on `subject`. Roles are matched exactly and unscoped. */
export function can(actor: AdminActor, action: AdminAction, subject: AdminSubject = {}): boolean {
  if (!actor || !(ADMIN_ACTIONS as readonly string[]).includes(action)) return false;
  const admin = actor.roles.includes('admin');
  const mediator = actor.roles.includes('mediator');
  const self = subject.userId !== undefined && actor.id !== undefined && subject.userId === actor.id;
  switch (action) {
    case 'users.view':
      return admin || mediator;
    case 'roles.grant':
    case 'roles.revoke':
      if (subject.role === undefined) return admin || mediator;
      if (!isGrantableRole(subject.role)) return false;
      // No lock-out: the admin role is dropped by another admin, never by its holder.
      if (action === 'roles.revoke' && subject.role === 'admin' && self) return false;
      return admin || (mediator && subject.role === 'helper');
    case 'users.block':
    case 'users.unblock':
      return admin && !self;
    default:
      return admin;
  }
}

/**
 * Throws unless `actor` may do `action`: `unauthorized` when nobody is signed in (sign in may help),
 * `forbidden` when the signed-in person lacks the right (it will not).
 */
export function authorize(actor: AdminActor, action: AdminAction, subject: AdminSubject = {}): void {
  if (!actor) throw new AppError('unauthorized', 'Sign in to use the administration pages');
  if (!can(actor, action, subject)) throw new AppError('forbidden', 'Not allowed');
}
