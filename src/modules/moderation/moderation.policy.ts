/**
 * Who may report content and who may moderate it. Any signed-in person may report; moderators and
 * admins see the queue and decide (hide, dismiss, restore). Pure and synchronous; the matrix is in
 * docs/permissions.md.
 */
import { AppError } from '../../platform/errors.js';

/** What can be done with flags and the moderation queue. */
export const MODERATION_ACTIONS = ['flags.create', 'queue.view', 'content.hide', 'content.dismiss', 'content.restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The little the policy needs to know about the person asking; null when nobody is signed in. */
export type ModerationActor = { readonly id?: number; readonly roles: readonly string[] } | null;

/** Whether `actor` may do `action`. Roles are matched exactly; moderation applies everywhere. */
export function can(actor: ModerationActor, action: ModerationAction): boolean {
  if (!actor || !(MODERATION_ACTIONS as readonly string[]).includes(action)) return false;
  if (action === 'flags.create') return true;
  return actor.roles.includes('moderator') || actor.roles.includes('admin');
}

/** Throws `unauthorized` (nobody signed in) or `forbidden` (signed in without the right) unless allowed. */
export function authorize(actor: ModerationActor, action: ModerationAction): void {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  if (!can(actor, action)) throw new AppError('forbidden', 'Not allowed');
}
