import { describe, expect, it } from 'vitest';
import { authorize, can, type WikiActor } from './wiki.policy.js';

const person = (roles: string[] = ['citizen'], emailVerified = true): WikiActor => ({ id: 1, roles, emailVerified });

describe('wiki policy', () => {
  const open = { protected: false };
  const locked = { protected: true };

  it('lets verified people create and edit open pages, and nobody signed out or unverified', () => {
    expect(can(person(), 'page.create')).toBe(true);
    expect(can(person(), 'page.edit', open)).toBe(true);
    expect(can(null, 'page.create')).toBe(false);
    expect(can(null, 'page.edit', open)).toBe(false);
    expect(can(person(['citizen'], false), 'page.create')).toBe(false);
    expect(can(person(['citizen'], false), 'page.edit', open)).toBe(false);
  });

  it('keeps protected pages for helpers, mediators, moderators and admins', () => {
    expect(can(person(), 'page.edit', locked)).toBe(false);
    expect(can(person(['citizen', 'official']), 'page.edit', locked)).toBe(false);
    for (const role of ['helper', 'mediator', 'moderator', 'admin'])
      expect(can(person(['citizen', role]), 'page.edit', locked), role).toBe(true);
    // Trusted, but the email still has to be confirmed.
    expect(can(person(['citizen', 'helper'], false), 'page.edit', locked)).toBe(false);
  });

  it('lets only moderators and admins protect pages', () => {
    for (const role of ['citizen', 'helper', 'mediator', 'official']) expect(can(person([role]), 'page.protect'), role).toBe(false);
    expect(can(person(['moderator']), 'page.protect')).toBe(true);
    expect(can(person(['admin']), 'page.protect')).toBe(true);
    expect(can(null, 'page.protect')).toBe(false);
  });

  it('lets helpers, mediators, moderators and admins classify pages, and nobody else', () => {
    for (const role of ['citizen', 'official']) expect(can(person([role]), 'page.classify'), role).toBe(false);
    for (const role of ['helper', 'mediator', 'moderator', 'admin']) expect(can(person([role]), 'page.classify'), role).toBe(true);
    expect(can(person(['helper'], false), 'page.classify')).toBe(false);
    expect(can(null, 'page.classify')).toBe(false);
  });

  it('says why when it refuses', () => {
    expect(() => authorize(null, 'page.edit', open)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(() => authorize(person(['citizen'], false), 'page.edit', open)).toThrow(/Confirm your email/);
    expect(() => authorize(person(), 'page.edit', locked)).toThrow(/protected/);
    expect(() => authorize(person(), 'page.protect')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => authorize(person(['helper']), 'page.edit', locked)).not.toThrow();
  });
});
