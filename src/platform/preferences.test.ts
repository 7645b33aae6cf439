import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../ui/components/tokens.js';
import {
  NO_PREFERENCES,
  normalizePreferencesCookie,
  parsePreferencesCookie,
  parseStoredPreferences,
  preferenceClasses,
  preferencesOf,
  serializePreferencesCookie,
  serializeStoredPreferences,
} from './preferences.js';

describe('display preferences', () => {
  it('reads the cookie strictly: known tokens in any order, everything else ignored', () => {
    expect(parsePreferencesCookie('lt.hc.rm')).toEqual({ largeText: true, highContrast: true, reducedMotion: true });
    expect(parsePreferencesCookie('rm.lt')).toEqual({ largeText: true, highContrast: false, reducedMotion: true });
    expect(parsePreferencesCookie('hc.<script>.zz.LT')).toEqual({ largeText: false, highContrast: true, reducedMotion: false });
    for (const junk of [undefined, '', '.', 'x', 'lthc', ' lt', 'lt '.repeat(1), 'lt.'.repeat(30)]) {
      const p = parsePreferencesCookie(junk);
      expect(p.highContrast || p.reducedMotion, String(junk)).toBe(false);
    }
    // Too long to be ours: ignored whole.
    expect(parsePreferencesCookie(`lt.${'x'.repeat(100)}`)).toEqual(NO_PREFERENCES);
  });

  it('writes a canonical cookie, and normalises raw values to it', () => {
    expect(serializePreferencesCookie(preferencesOf(['reducedMotion', 'largeText']))).toBe('lt.rm');
    expect(serializePreferencesCookie(NO_PREFERENCES)).toBe('');
    expect(normalizePreferencesCookie('rm.zz.lt.lt')).toBe('lt.rm');
    expect(normalizePreferencesCookie('garbage')).toBe('');
    expect(normalizePreferencesCookie(undefined)).toBe('');
  });

  it('reads stored JSON: null when never chosen or not what we write', () => {
    const all = { largeText: true, highContrast: true, reducedMotion: true };
    expect(parseStoredPreferences(serializeStoredPreferences(all))).toEqual(all);
    expect(parseStoredPreferences(serializeStoredPreferences(NO_PREFERENCES))).toEqual(NO_PREFERENCES);
    for (const bad of [null, undefined, '', '{}', 'not json', '[]', '{"largeText":"yes"}', '{"largeText":true}', 'null']) {
      expect(parseStoredPreferences(bad), String(bad)).toBeNull();
    }
    // Extra keys are dropped, not kept.
    expect(parseStoredPreferences('{"largeText":true,"highContrast":false,"reducedMotion":false,"x":"<b>"}')).toEqual(
      preferencesOf(['largeText']),
    );
  });

  it('maps preferences to the classes app.css defines, in a fixed order', () => {
    expect(preferenceClasses(NO_PREFERENCES)).toBeUndefined();
    expect(preferenceClasses(preferencesOf(['reducedMotion', 'largeText', 'highContrast']))).toBe(
      'pref-large-text pref-high-contrast pref-reduced-motion',
    );
  });
});

describe('the stylesheet behind the preferences', () => {
  const css = fs.readFileSync(new URL('../ui/styles/app.css', import.meta.url), 'utf8');
  const block = (re: RegExp) => re.exec(css)?.[1] ?? '';
  const tokens = (text: string) => [...text.matchAll(/--color-([a-z-]+):\s*(#[0-9a-f]{3,6})/gi)].map((m) => [m[1]!, m[2]!]);

  it('defines every class the layout can put on <html>', () => {
    for (const cls of preferenceClasses(preferencesOf(['largeText', 'highContrast', 'reducedMotion']))!.split(' '))
      expect(css).toContain(`.${cls}`);
  });

  it('follows the device’s own settings too: reduced motion, and more contrast with the same colours as the preference', () => {
    expect(css).toContain('@media (prefers-reduced-motion: reduce)');
    const chosen = tokens(block(/\.pref-high-contrast\s*\{([^}]*)\}/));
    const device = tokens(block(/@media \(prefers-contrast: more\)\s*\{\s*:root\s*\{([^}]*)\}/));
    expect(chosen.length).toBeGreaterThan(5);
    expect(device).toEqual(chosen);
    const colour = new Map(chosen as [string, string][]);
    // Text and links stay readable on the white background.
    for (const name of ['text', 'muted', 'link', 'link-visited', 'link-hover', 'tag-text'])
      expect(contrastRatio(colour.get(name)!, '#fff'), name).toBeGreaterThanOrEqual(7);
  });
});
