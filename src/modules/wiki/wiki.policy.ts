/**
 * Who may do what in the wiki. Anyone reads. A person with a verified email creates pages, edits
 * them and restores an earlier revision (a restore is an edit: nothing is erased). A protected page
 * is edited and restored only by helpers, mediators, moderators and admins, who are trusted with
 * the pages vandals aim at; they also review the edits of new accounts (accept or reject them) and
 * classify pages (their kind and category; the author picks both when creating the page).
 * Moderators and admins protect and unprotect pages. Pure and synchronous;
 * the matrix is in docs/permissions.md.
 */
import { AppError } from '../../platform/errors.js';

export const WIKI_ACTIONS = [
  /** Create a page. */
  'page.create',
  /** Save a new revision of a page, or restore an earlier one. */
  'page.edit',
  /** Protect or unprotect a page. */
  'page.protect',
  /** Accept or reject the changes waiting for review. */
  'page.review',
  /** Change a page's kind (guide, good practice, general) or category. */
  'page.classify',
] as const;
export type WikiAction = (typeof WIKI_ACTIONS)[number];

/** The person asking: their roles in effect and whether their email is verified. */
export type WikiActor = { readonly id: number; readonly roles: readonly string[]; readonly emailVerified: boolean } | null;

/** The roles trusted with protected pages and with reviewing new accounts' edits. */
export const TRUSTED_EDITOR_ROLES: readonly string[] = ['helper', 'mediator', 'moderator', 'admin'];

const trusted = (a: NonNullable<WikiActor>) => a.roles.some((r) => TRUSTED_EDITOR_ROLES.includes(r));

/** Whether `actor` may do `action` (on a page that is `protected` or not, where it matters). */
export function can(actor: WikiActor, action: WikiAction, page?: { protected: boolean }): boolean {
  if (!actor) return false;
  switch (action) {
    case 'page.create':
      return actor.emailVerified;
    case 'page.edit':
      return actor.emailVerified && (!page?.protected || trusted(actor));
    case 'page.protect':
      return actor.roles.includes('moderator') || actor.roles.includes('admin');
    case 'page.review':
    case 'page.classify':
      return actor.emailVerified && trusted(actor);
    default:
      return false;
  }
}

/** Throws `unauthorized` (nobody signed in), `forbidden` with the reason, or returns. */
export function authorize(actor: WikiActor, action: WikiAction, page?: { protected: boolean }): asserts actor is NonNullable<WikiActor> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  if (can(actor, action, page)) return;
  if (!actor.emailVerified && (action === 'page.create' || action === 'page.edit'))
    throw new AppError('forbidden', 'Confirm your email address first');
  if (page?.protected && action === 'page.edit')
    throw new AppError('forbidden', 'This page is protected: helpers, mediators, moderators and admins edit it');
  throw new AppError('forbidden', 'Not allowed');
}

/** The actor for a signed-in user (or null): the wiki needs nothing beyond the session. */
export function wikiActor(user: { id: number; roles: readonly string[]; emailVerified: boolean } | null | undefined): WikiActor {
  return user ? { id: user.id, roles: user.roles, emailVerified: user.emailVerified } : null;
}
