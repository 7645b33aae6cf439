import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { authorize, can, PLACE_ACTIONS, worksAtPlaces, type PlaceAction, type PlacesActor } from './places.policy.js';

/** The people of the matrix: each role, the mediator of place A on A and on B, unverified, anonymous. */
const WHO = [
  'anonymous',
  'unverified',
  'citizen',
  'helper',
  'mediator of A on A',
  'mediator of A on B',
  'official',
  'moderator',
  'admin',
] as const;
type Who = (typeof WHO)[number];

const A = 11;
const B = 12;

/** The expected matrix (docs/permissions.md), written out apart from the code. */
const MAY: Record<PlaceAction, readonly Who[]> = {
  'place.create': ['admin'],
  'place.edit': ['mediator of A on A', 'admin'],
  'place.mediators': ['admin'],
  'workshop.manage': ['mediator of A on A', 'admin'],
  'slot.manage': ['mediator of A on A', 'admin'],
  book: ['citizen', 'helper', 'mediator of A on A', 'mediator of A on B', 'official', 'moderator', 'admin'],
};

/** The actor and the place asked about. */
function subject(who: Who): { actor: PlacesActor; placeId: number } {
  const base = { id: 1, emailVerified: true, placeIds: [] as number[] };
  switch (who) {
    case 'anonymous':
      return { actor: null, placeId: A };
    case 'unverified':
      return { actor: { ...base, roles: [], emailVerified: false }, placeId: A };
    case 'citizen':
      return { actor: { ...base, roles: [] }, placeId: A };
    case 'mediator of A on A':
      return { actor: { ...base, roles: ['mediator'], placeIds: [A] }, placeId: A };
    case 'mediator of A on B':
      return { actor: { ...base, roles: ['mediator'], placeIds: [A] }, placeId: B };
    default:
      return { actor: { ...base, roles: [who] }, placeId: A };
  }
}

const code = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (err) {
    return (err as AppError).code;
  }
};

describe('places policy', () => {
  for (const action of PLACE_ACTIONS) {
    for (const who of WHO) {
      const expected = MAY[action].includes(who);
      it(`${who} ${expected ? 'may' : 'may not'} ${action}`, () => {
        const { actor, placeId } = subject(who);
        expect(can(actor, action, placeId)).toBe(expected);
        const outcome = code(() => authorize(actor, action, placeId));
        expect(outcome).toBe(expected ? 'allowed' : who === 'anonymous' ? 'unauthorized' : 'forbidden');
      });
    }
  }

  it('place actions need the place: a mediator asked about no place may not, an admin may', () => {
    const mediator: PlacesActor = { id: 1, roles: ['mediator'], emailVerified: true, placeIds: [A] };
    const admin: PlacesActor = { id: 2, roles: ['admin'], emailVerified: true, placeIds: [] };
    for (const action of ['place.edit', 'workshop.manage', 'slot.manage'] as const) {
      expect(can(mediator, action)).toBe(false);
      expect(can(admin, action)).toBe(true);
    }
  });

  it('a mediator scope without the role in effect (2FA off) gives nothing', () => {
    const pending: PlacesActor = { id: 1, roles: [], emailVerified: true, placeIds: [A] };
    for (const action of ['place.edit', 'workshop.manage', 'slot.manage'] as const) expect(can(pending, action, A)).toBe(false);
    expect(worksAtPlaces(pending)).toBe(false);
  });

  it('an unverified email may not book, with its own message; an unknown action is refused even to an admin', () => {
    const unverified: PlacesActor = { id: 1, roles: ['admin'], emailVerified: false, placeIds: [] };
    expect(can(unverified, 'book')).toBe(false);
    let message = '';
    try {
      authorize(unverified, 'book');
    } catch (err) {
      message = (err as AppError).message;
    }
    expect(message).toBe('Confirm your email address first');
    expect(can({ id: 1, roles: ['admin'], emailVerified: true, placeIds: [] }, 'place.delete' as PlaceAction, A)).toBe(false);
  });

  it('works at places: admins, and mediators with a place', () => {
    expect(worksAtPlaces(null)).toBe(false);
    expect(worksAtPlaces({ id: 1, roles: [], emailVerified: true, placeIds: [] })).toBe(false);
    expect(worksAtPlaces({ id: 1, roles: ['mediator'], emailVerified: true, placeIds: [] })).toBe(false);
    expect(worksAtPlaces({ id: 1, roles: ['mediator'], emailVerified: true, placeIds: [A] })).toBe(true);
    expect(worksAtPlaces({ id: 1, roles: ['admin'], emailVerified: true, placeIds: [] })).toBe(true);
    expect(worksAtPlaces({ id: 1, roles: ['official', 'moderator'], emailVerified: true, placeIds: [] })).toBe(false);
  });
});
