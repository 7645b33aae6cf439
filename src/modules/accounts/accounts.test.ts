/** The pure rules of the accounts module: passwords, redirects after sign-in, the sign-in back-off. */
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.js';
import { safeNext } from './safe-redirect.js';
import { failureDelayMs, isLocked, throttleKeys } from './sign-in-throttle.js';

const person = { email: 'marie.dupont@example.org', displayName: 'Marie' };

describe('passwordProblem', () => {
  it('accepts a long unusual passphrase, with no composition rule', () => {
    expect(passwordProblem('tulip orbit kettle', person)).toBeNull();
    expect(passwordProblem('x'.repeat(128), person)).toBeNull();
  });
  it('refuses by length, counting characters rather than bytes', () => {
    expect(passwordProblem('', person)).toBe('passwordRequired');
    expect(passwordProblem('seven77', person)).toBe('passwordTooShort');
    expect(passwordProblem('x'.repeat(129), person)).toBe('passwordTooLong');
    expect(passwordProblem('éééééééé', person)).toBeNull();
  });
  it('refuses the 10,000 most common passwords, whatever the case', () => {
    for (const p of ['password', 'PASSWORD', '12345678', 'iloveyou', 'Sunshine'])
      expect(passwordProblem(p, person), p).toBe('passwordCommon');
  });
  it('refuses a password built on the email name or display name', () => {
    expect(passwordProblem('my marie.dupont pw', person)).toBe('passwordPersonal');
    expect(passwordProblem('hello MARIE 2026!', person)).toBe('passwordPersonal');
    // Very short names are not held against the password.
    expect(passwordProblem('a fine passphrase', { email: 'a@example.org', displayName: 'Al' })).toBeNull();
  });
});

describe('safeNext', () => {
  it('keeps a path on this site', () => {
    expect(safeNext('/en/services?q=caf', '/en/')).toBe('/en/services?q=caf');
  });
  it('refuses anything that could leave the site', () => {
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil',
      '\\\\evil',
      'javascript:alert(1)',
      'evil',
      '/\tevil',
      '/ /evil',
      '',
      undefined,
      42,
    ])
      expect(safeNext(bad, '/en/'), String(bad)).toBe('/en/');
  });
});

describe('sign-in throttle', () => {
  it('waits longer after each failure past five, up to a ceiling', () => {
    expect([0, 4, 5, 6, 7, 20].map((n) => failureDelayMs(n, 500))).toEqual([0, 0, 500, 1000, 2000, 8000]);
  });
  it('locks at 10 failures per email or 50 per IP', () => {
    expect(isLocked({ email: 9, ip: 49 })).toBe(false);
    expect(isLocked({ email: 10, ip: 0 })).toBe(true);
    expect(isLocked({ email: 0, ip: 50 })).toBe(true);
  });
  it('keys an email by the hash of its normalised form', () => {
    const a = throttleKeys(' Marie@Example.org ', '192.0.2.1');
    expect(a.email).toBe(throttleKeys('marie@example.org', '192.0.2.9').email);
    expect(a.email).not.toContain('marie');
    expect(a.ip).toBe('signin:ip:192.0.2.1');
  });
});
