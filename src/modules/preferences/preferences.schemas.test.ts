import { describe, expect, it } from 'vitest';
import { preferencesForm, safeReturnPath } from './preferences.schemas.js';

const LOCALES = ['en', 'fr'];

describe('preferences form input', () => {
  it('accepts same-site paths under a locale, rebuilt from the parsed URL', () => {
    expect(safeReturnPath('/fr/about', LOCALES)).toBe('/fr/about');
    expect(safeReturnPath('/en/', LOCALES)).toBe('/en/');
    expect(safeReturnPath('/en/search?q=caf%C3%A9', LOCALES)).toBe('/en/search?q=caf%C3%A9');
    expect(safeReturnPath('/en/a/../about', LOCALES)).toBe('/en/about');
  });

  it('refuses anything that could leave the site or is not a page', () => {
    for (const bad of [
      undefined,
      42,
      '',
      'about',
      'https://evil.example/en/',
      '//evil.example/en/',
      '/\\evil.example/en/',
      '/en/\\..\\//evil.example',
      '/\t/evil.example',
      '/en/\nabout',
      '/en/\u0001about',
      'javascript:alert(1)',
      '/de/about',
      '/api/v1/services',
      '/en/../api/v1/x',
      `/en/${'a'.repeat(600)}`,
    ]) {
      expect(safeReturnPath(bad, LOCALES), String(bad)).toBeUndefined();
    }
  });

  it('reads the ticked boxes, none meaning all off, and refuses values the form cannot send', () => {
    expect(preferencesForm.parse({}).display).toEqual([]);
    expect(preferencesForm.parse({ display: 'largeText' }).display).toEqual(['largeText']);
    expect(preferencesForm.parse({ display: ['highContrast', 'highContrast', 'reducedMotion'] }).display).toEqual([
      'highContrast',
      'reducedMotion',
    ]);
    expect(preferencesForm.safeParse({ display: ['largeText', 'evil'] }).success).toBe(false);
    expect(preferencesForm.safeParse({ display: Array(10).fill('largeText') }).success).toBe(false);
  });
});
