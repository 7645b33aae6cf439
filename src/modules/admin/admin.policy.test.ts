import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { ROLES, type Role } from '../accounts/index.js';
import { ADMIN_ACTIONS, GRANTABLE_ROLES, authorize, can, type AdminAction, type AdminActor } from './admin.policy.js';

/**
 * The expected matrix, written out independently of the policy's code: for each action, the roles
 * that may do it to another person's account. Role-specific actions list it per role granted.
 */
const MAY: Record<Exclude<AdminAction, 'roles.grant' | 'roles.revoke'>, readonly Role[]> = {
  'jobs.view': ['admin'],
  'jobs.retry': ['admin'],
  'outbox.view': ['admin'],
  'audit.view': ['admin'],
  'users.view': ['admin', 'mediator'],
  'users.block': ['admin'],
  'users.unblock': ['admin'],
};
const MAY_GRANT: Record<Role, readonly Role[]> = {
  citizen: [],
  helper: ['admin', 'mediator'],
  mediator: ['admin'],
  official: ['admin'],
  moderator: ['admin'],
  admin: ['admin'],
};

const ME = 7;
const OTHER = 8;
const actor = (roles: readonly string[]): AdminActor => ({ id: ME, roles });

describe('admin policy: every role × action, on another account', () => {
  for (const action of Object.keys(MAY) as (keyof typeof MAY)[]) {
    for (const role of ROLES) {
      const allowed = MAY[action].includes(role);
      it(`${allowed ? 'lets' : 'refuses'} ${role} ${action}`, () => {
        expect(can(actor([role]), action, { userId: OTHER })).toBe(allowed);
        expect(can(actor([role]), action)).toBe(allowed);
      });
    }
  }
  for (const action of ['roles.grant', 'roles.revoke'] as const) {
    for (const role of ROLES) {
      for (const granted of ROLES) {
        const allowed = MAY_GRANT[granted].includes(role);
        it(`${allowed ? 'lets' : 'refuses'} ${role} ${action} ${granted}`, () => {
          expect(can(actor([role]), action, { role: granted, userId: OTHER })).toBe(allowed);
        });
      }
      const any = role === 'admin' || role === 'mediator';
      it(`${any ? 'lets' : 'refuses'} ${role} ${action} some role (shows the form)`, () => {
        expect(can(actor([role]), action)).toBe(any);
      });
    }
  }
});

describe('admin policy: nobody, no roles, look-alikes', () => {
  const nobody: { name: string; actor: AdminActor }[] = [
    { name: 'anonymous', actor: null },
    { name: 'no roles', actor: actor([]) },
    { name: 'look-alike roles', actor: actor(['administrator', 'Admin', 'MEDIATOR', ' admin']) },
  ];
  for (const { name, actor: a } of nobody) {
    for (const action of ADMIN_ACTIONS) {
      it(`refuses ${name} ${action}`, () => {
        expect(can(a, action)).toBe(false);
        expect(can(a, action, { role: 'helper', userId: OTHER })).toBe(false);
      });
    }
  }

  it('every role but admin together may still only do what mediators do', () => {
    const all = actor(ROLES.filter((r) => r !== 'admin'));
    for (const action of ADMIN_ACTIONS) {
      const expected = action === 'users.view' || action === 'roles.grant' || action === 'roles.revoke';
      expect(can(all, action, action.startsWith('roles.') ? { role: 'helper' } : {}), action).toBe(expected);
    }
    expect(can(all, 'roles.grant', { role: 'moderator' })).toBe(false);
    expect(can(all, 'users.block', { userId: OTHER })).toBe(false);
  });

  it('refuses an unknown action or role even to an admin', () => {
    expect(can(actor(['admin']), 'jobs.delete' as AdminAction)).toBe(false);
    expect(can(actor(['admin']), 'roles.grant', { role: 'superuser' })).toBe(false);
    expect(can(actor(['admin']), 'roles.grant', { role: 'citizen' })).toBe(false);
    expect(can(actor(['admin']), 'roles.revoke', { role: '' })).toBe(false);
  });
});

describe('admin policy: no lock-out', () => {
  const admin = actor(['citizen', 'admin']);
  it('an admin may not block or unblock their own account', () => {
    expect(can(admin, 'users.block', { userId: ME })).toBe(false);
    expect(can(admin, 'users.unblock', { userId: ME })).toBe(false);
    expect(can(admin, 'users.block', { userId: OTHER })).toBe(true);
  });
  it('an admin may not revoke their own admin role, but may revoke another admin’s and their own other roles', () => {
    expect(can(admin, 'roles.revoke', { role: 'admin', userId: ME })).toBe(false);
    expect(can(admin, 'roles.revoke', { role: 'admin', userId: OTHER })).toBe(true);
    for (const role of GRANTABLE_ROLES.filter((r) => r !== 'admin'))
      expect(can(admin, 'roles.revoke', { role, userId: ME }), role).toBe(true);
    expect(can(admin, 'roles.grant', { role: 'admin', userId: ME })).toBe(true);
  });
  it('without an actor id, no subject counts as self', () => {
    expect(can({ roles: ['admin'] }, 'users.block', { userId: ME })).toBe(true);
  });
});

describe('authorize', () => {
  const code = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as AppError).code;
    }
  };
  it('is unauthorized for anonymous, forbidden without the right, silent when allowed', () => {
    for (const action of ADMIN_ACTIONS) {
      expect(code(() => authorize(null, action))).toBe('unauthorized');
      expect(code(() => authorize(actor(['citizen', 'moderator', 'helper', 'official']), action))).toBe('forbidden');
      expect(code(() => authorize(actor(['admin']), action, { userId: OTHER }))).toBe('ok');
    }
    expect(code(() => authorize(actor(['admin']), 'users.block', { userId: ME }))).toBe('forbidden');
    expect(code(() => authorize(actor(['mediator']), 'roles.grant', { role: 'helper' }))).toBe('ok');
    expect(code(() => authorize(actor(['mediator']), 'roles.grant', { role: 'mediator' }))).toBe('forbidden');
  });
});
