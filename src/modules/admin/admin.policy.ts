/**
 * Who may use the administration pages: signed-in administrators, and nobody else. Pure and
 * synchronous, so routes enforce it and views can ask it before showing a button.
 */
import { AppError } from '../../platform/errors.js';

/** What can be done in the admin area. */
export const ADMIN_ACTIONS = ['jobs.view', 'jobs.retry', 'outbox.view'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** The little the policy needs to know about the person asking; null when nobody is signed in. */
export type AdminActor = { readonly roles: readonly string[] } | null;

/** Whether `actor` may do `action`. Every admin action needs the `admin` role (unscoped). */
export function can(actor: AdminActor, action: AdminAction): boolean {
  if (!actor || !ADMIN_ACTIONS.includes(action)) return false;
  return actor.roles.includes('admin');
}

/**
 * Throws unless `actor` may do `action`: `unauthorized` when nobody is signed in (sign in may help),
 * `forbidden` when the signed-in person lacks the role (it will not).
 */
export function authorize(actor: AdminActor, action: AdminAction): void {
  if (!actor) throw new AppError('unauthorized', 'Sign in to use the administration pages');
  if (!can(actor, action)) throw new AppError('forbidden', 'Administrators only');
}
