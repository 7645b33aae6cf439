/**
 * Who may do what with Digital Public Spaces. Anyone reads places, workshops and open slots. A
 * person with a verified email registers for workshops and books appointments (and cancels their
 * own). The mediators of a place (the `mediator` role scoped to it) edit that place, publish its
 * workshops and slots, see who registered or booked, record attendance and cancel bookings there.
 * Admins create places, attach mediators and do everything mediators do, everywhere. Pure and
 * synchronous; the matrix is in docs/permissions.md.
 */
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';

export const PLACE_ACTIONS = [
  /** Create a place; delete one. */
  'place.create',
  /** Edit one place's details and opening hours. */
  'place.edit',
  /** Attach mediators to a place or detach them. */
  'place.mediators',
  /** Publish, edit and cancel a place's workshops; see their registrations; record attendance. */
  'workshop.manage',
  /** Publish and withdraw a place's appointment slots; see and cancel their bookings. */
  'slot.manage',
  /** Register for a workshop, book an appointment (one's own). */
  'book',
] as const;
export type PlaceAction = (typeof PLACE_ACTIONS)[number];

/** The person asking: roles in effect, verified email, the places their mediator role covers. */
export type PlacesActor = {
  readonly id: number;
  readonly roles: readonly string[];
  readonly emailVerified: boolean;
  readonly placeIds: readonly number[];
} | null;

const isAdmin = (a: NonNullable<PlacesActor>) => a.roles.includes('admin');
const isMediatorOf = (a: NonNullable<PlacesActor>, placeId: number | undefined) =>
  a.roles.includes('mediator') && placeId !== undefined && a.placeIds.includes(placeId);

/** Whether `actor` may do `action` (at the place `placeId` where it matters). */
export function can(actor: PlacesActor, action: PlaceAction, placeId?: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'place.create':
    case 'place.mediators':
      return isAdmin(actor);
    case 'place.edit':
    case 'workshop.manage':
    case 'slot.manage':
      return isAdmin(actor) || isMediatorOf(actor, placeId);
    case 'book':
      return actor.emailVerified;
    default:
      return false;
  }
}

/** Throws `unauthorized` (nobody signed in), a clear `forbidden` for an unverified email, or `forbidden`. */
export function authorize(actor: PlacesActor, action: PlaceAction, placeId?: number): asserts actor is NonNullable<PlacesActor> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  if (action === 'book' && !actor.emailVerified) throw new AppError('forbidden', 'Confirm your email address first');
  if (!can(actor, action, placeId)) throw new AppError('forbidden', 'Not allowed');
}

/** Whether the actor works at some place (or is an admin): the "your places" workspace. */
export function worksAtPlaces(actor: PlacesActor): boolean {
  return !!actor && (isAdmin(actor) || (actor.roles.includes('mediator') && actor.placeIds.length > 0));
}

/** The places actor of a request's user (one query, only for mediators). */
export async function placesActor(
  db: Db,
  user: { id: number; roles: readonly string[]; emailVerified: boolean } | null | undefined,
): Promise<PlacesActor> {
  if (!user) return null;
  const placeIds = user.roles.includes('mediator')
    ? (
        await db
          .selectFrom('user_roles')
          .select('scope_id')
          .where('user_id', '=', user.id)
          .where('role', '=', 'mediator')
          .where('scope_type', '=', 'place')
          .execute()
      ).map((r) => r.scope_id)
    : [];
  return { id: user.id, roles: user.roles, emailVerified: user.emailVerified, placeIds };
}
