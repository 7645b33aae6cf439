import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { MODERATION_ACTIONS, authorize, can, type ModerationAction } from './moderation.policy.js';

const ROLES = ['citizen', 'helper', 'mediator', 'official', 'moderator', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

/** The expected matrix, written out apart from the code (docs/permissions.md). */
const MAY: Record<ModerationAction, readonly RoleName[]> = {
  'flags.create': ROLES,
  'queue.view': ['moderator', 'admin'],
  'content.hide': ['moderator', 'admin'],
  'content.dismiss': ['moderator', 'admin'],
  'content.restore': ['moderator', 'admin'],
};

const actor = (role: RoleName) => ({ id: 1, roles: role === 'citizen' ? [] : [role] });

describe('moderation policy', () => {
  for (const action of MODERATION_ACTIONS) {
    for (const role of ROLES) {
      const expected = MAY[action].includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor(role), action)).toBe(expected);
      });
    }
    it(`nobody signed in may not ${action}`, () => {
      expect(can(null, action)).toBe(false);
    });
  }

  it('refuses an unknown action, even to an admin', () => {
    expect(can({ id: 1, roles: ['admin'] }, 'content.delete' as ModerationAction)).toBe(false);
  });

  it('authorize says 401 for nobody and 403 for someone without the right', () => {
    const code = (fn: () => void) => {
      try {
        fn();
        return 'allowed';
      } catch (err) {
        return (err as AppError).code;
      }
    };
    expect(code(() => authorize(null, 'flags.create'))).toBe('unauthorized');
    expect(code(() => authorize({ id: 2, roles: [] }, 'queue.view'))).toBe('forbidden');
    expect(code(() => authorize({ id: 2, roles: ['helper', 'mediator'] }, 'content.hide'))).toBe('forbidden');
    expect(code(() => authorize({ id: 3, roles: ['moderator'] }, 'content.hide'))).toBe('allowed');
  });
});
