/**
 * Who may do what with the catalogue. Officials act for the organisations their role is scoped to;
 * admins act everywhere and alone manage organisations, sectors, life events and bulk imports.
 * Pure and synchronous; the matrix is in docs/permissions.md.
 */
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';

export const CATALOGUE_ACTIONS = [
  /** Create, edit, publish, withdraw and see drafts and revisions of one organisation's services. */
  'service.edit',
  /** See the editors' list and create services (for at least one organisation). */
  'service.manage',
  /** Organisations, sectors, life events. */
  'taxonomy.manage',
  /** Import and export the whole catalogue (CSV, JSON-LD). */
  'catalogue.import',
  /** "What citizens look for and can't find". */
  'searchMisses.view',
] as const;
export type CatalogueAction = (typeof CATALOGUE_ACTIONS)[number];

/** The person asking, with the organisations their official role is scoped to; null when signed out. */
export type CatalogueActor = { readonly id: number; readonly roles: readonly string[]; readonly organisationIds: readonly number[] } | null;

const isAdmin = (actor: CatalogueActor) => actor !== null && actor.roles.includes('admin');
const isOfficial = (actor: CatalogueActor) => actor !== null && actor.roles.includes('official') && actor.organisationIds.length > 0;

/** Whether `actor` may do `action` (for `service.edit`, on a service of `organisationId`). */
export function can(actor: CatalogueActor, action: CatalogueAction, organisationId?: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'service.edit':
      return isAdmin(actor) || (isOfficial(actor) && organisationId !== undefined && actor.organisationIds.includes(organisationId));
    case 'service.manage':
    case 'searchMisses.view':
      return isAdmin(actor) || isOfficial(actor);
    case 'taxonomy.manage':
    case 'catalogue.import':
      return isAdmin(actor);
    default:
      return false;
  }
}

/** Throws `unauthorized` (nobody signed in) or `forbidden` unless allowed. */
export function authorize(actor: CatalogueActor, action: CatalogueAction, organisationId?: number): void {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  if (!can(actor, action, organisationId)) throw new AppError('forbidden', 'Not allowed');
}

/**
 * The catalogue actor for a signed-in user: their roles in effect (two-factor rules applied by the
 * session) and, when `official` is among them, the organisations that role is scoped to.
 */
export async function catalogueActor(db: Db, user: { id: number; roles: readonly string[] } | null): Promise<CatalogueActor> {
  if (!user) return null;
  const organisationIds = user.roles.includes('official')
    ? (
        await db
          .selectFrom('user_roles')
          .select('scope_id')
          .where('user_id', '=', user.id)
          .where('role', '=', 'official')
          .where('scope_type', '=', 'organisation')
          .execute()
      ).map((r) => r.scope_id)
    : [];
  return { id: user.id, roles: user.roles, organisationIds };
}
