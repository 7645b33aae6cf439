import { describe, expect, it } from 'vitest';
import { effectiveRoles, TWO_FACTOR_ROLES } from '../../platform/session.js';
import { groupSecret } from './views/two-factor.page.js';

describe('effectiveRoles', () => {
  it('keeps every role with 2FA', () => {
    expect(effectiveRoles(['citizen', 'admin', 'mediator'], true)).toEqual({ roles: ['citizen', 'admin', 'mediator'], pendingRoles: [] });
  });
  it('holds back mediator, official, moderator and admin without 2FA, and only them', () => {
    expect([...TWO_FACTOR_ROLES].sort()).toEqual(['admin', 'mediator', 'moderator', 'official']);
    expect(effectiveRoles(['citizen', 'helper', 'mediator', 'official', 'moderator', 'admin'], false)).toEqual({
      roles: ['citizen', 'helper'],
      pendingRoles: ['mediator', 'official', 'moderator', 'admin'],
    });
  });
});

describe('groupSecret', () => {
  it('groups by four for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});
