import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { ROLES } from '../accounts/index.js';
import { ADMIN_ACTIONS, authorize, can, type AdminAction } from './admin.policy.js';

const actors = [
  { name: 'anonymous', actor: null, allowed: false },
  { name: 'no roles', actor: { roles: [] }, allowed: false },
  ...ROLES.map((role) => ({ name: role, actor: { roles: [role] }, allowed: role === 'admin' })),
  { name: 'citizen and admin', actor: { roles: ['citizen', 'admin'] }, allowed: true },
  { name: 'every role but admin', actor: { roles: ROLES.filter((r) => r !== 'admin') }, allowed: false },
  { name: 'a role merely containing "admin"', actor: { roles: ['administrator', 'Admin'] }, allowed: false },
];

describe('admin policy', () => {
  for (const action of ADMIN_ACTIONS) {
    for (const { name, actor, allowed } of actors) {
      it(`${allowed ? 'lets' : 'refuses'} ${name} ${action}`, () => {
        expect(can(actor, action)).toBe(allowed);
      });
    }
  }

  it('refuses an unknown action even to an admin', () => {
    expect(can({ roles: ['admin'] }, 'jobs.delete' as AdminAction)).toBe(false);
  });

  it('authorize: unauthorized for anonymous, forbidden without the role, silent for an admin', () => {
    const code = (f: () => void) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as AppError).code;
      }
    };
    for (const action of ADMIN_ACTIONS) {
      expect(code(() => authorize(null, action))).toBe('unauthorized');
      expect(code(() => authorize({ roles: ['citizen', 'moderator'] }, action))).toBe('forbidden');
      expect(code(() => authorize({ roles: ['admin'] }, action))).toBe('ok');
    }
  });
});
