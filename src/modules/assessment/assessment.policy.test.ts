import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { ASSESSMENT_ACTIONS, authorize, can, type AssessmentAction, type AssessmentActor } from './assessment.policy.js';

const ROLES = ['citizen', 'helper', 'mediator', 'official', 'moderator', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

/** The expected matrix for a subject of organisation 7, written out apart from the code (docs/permissions.md). */
const MAY: Record<AssessmentAction, readonly RoleName[]> = {
  assess: ROLES,
  'review.answer': ['official', 'admin'],
  'problem.triage': ['official', 'admin'],
  'dashboard.view': ['official', 'admin'],
  'feedback.view': ['admin'],
};

const ORG = 7;
const actor = (role: RoleName, over: Partial<NonNullable<AssessmentActor>> = {}): NonNullable<AssessmentActor> => ({
  id: 1,
  roles: role === 'citizen' ? [] : [role],
  emailVerified: true,
  organisationIds: role === 'official' ? [ORG] : [],
  ...over,
});

const code = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (err) {
    return (err as AppError).code;
  }
};

describe('co-assessment policy', () => {
  for (const action of ASSESSMENT_ACTIONS) {
    for (const role of ROLES) {
      const expected = MAY[action].includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor(role), action, ORG)).toBe(expected);
      });
    }
    it(`nobody signed in may not ${action}`, () => {
      expect(can(null, action, ORG)).toBe(false);
    });
  }

  it('an official acts only for the organisations their role covers', () => {
    const other = actor('official', { organisationIds: [8] });
    for (const action of ['review.answer', 'problem.triage', 'dashboard.view'] as const) {
      expect(can(other, action, ORG)).toBe(false);
      expect(can(other, action)).toBe(false);
      expect(can(actor('admin'), action, ORG)).toBe(true);
    }
  });

  it('an unverified email may not assess, with its own message', () => {
    expect(can(actor('citizen', { emailVerified: false }), 'assess')).toBe(false);
    let message = '';
    try {
      authorize(actor('citizen', { emailVerified: false }), 'assess');
    } catch (err) {
      message = (err as AppError).message;
    }
    expect(message).toMatch(/email/i);
  });

  it('refuses an unknown action, even to an admin', () => {
    expect(can(actor('admin'), 'assessment.delete' as AssessmentAction, ORG)).toBe(false);
  });

  it('authorize says 401 for nobody and 403 for someone without the right', () => {
    expect(code(() => authorize(null, 'assess'))).toBe('unauthorized');
    expect(code(() => authorize(actor('citizen'), 'problem.triage', ORG))).toBe('forbidden');
    expect(code(() => authorize(actor('moderator'), 'review.answer', ORG))).toBe('forbidden');
    expect(code(() => authorize(actor('official'), 'dashboard.view', ORG))).toBe('allowed');
  });
});
