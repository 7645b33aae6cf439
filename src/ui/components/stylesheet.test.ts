/** The stylesheet's budget, its accessibility hooks, and its colour tokens against tokens.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLOUR_TOKENS, PARTNER_TOKENS, contrastRatio, normaliseHex, requiredRatio, tokenValue } from './tokens.js';

const CSS_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../styles/app.css');
const css = fs.readFileSync(CSS_PATH, 'utf8');
const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
const declared = new Map([...root.matchAll(/--color-([a-z-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1]!, normaliseHex(m[2]!)]));

describe('app.css', () => {
  it('stays within the 20 KB budget', () => {
    expect(fs.statSync(CSS_PATH).size).toBeLessThanOrEqual(20480);
  });

  it('has the accessibility hooks: focus, reduced motion, forced colours, print, user preferences', () => {
    for (const needle of [
      ':focus-visible',
      'prefers-reduced-motion',
      'forced-colors: active',
      '@media print',
      '.pref-large-text',
      '.pref-high-contrast',
      '.pref-reduced-motion',
      '.visually-hidden',
      '.skip-link:focus',
    ]) {
      expect(css).toContain(needle);
    }
  });

  it('uses no external resources and no px font sizes', () => {
    expect(css).not.toMatch(/url\(|@import|@font-face/);
    expect(css).not.toMatch(/font-size:\s*\d+px/);
  });

  it('declares the colour tokens that tokens.ts documents, with the same values', () => {
    for (const token of COLOUR_TOKENS) expect(declared.get(token.name), token.name).toBe(normaliseHex(token.value));
    for (const [name, value] of Object.entries(PARTNER_TOKENS)) expect(declared.get(name), name).toBe(normaliseHex(value));
  });
});

describe('colour contrast (WCAG 2.2 AA)', () => {
  it('computes known ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });

  for (const token of COLOUR_TOKENS) {
    it(`--color-${token.name} with --color-${token.on} meets ${requiredRatio(token.use)}:1`, () => {
      expect(contrastRatio(token.value, tokenValue(token.on))).toBeGreaterThanOrEqual(requiredRatio(token.use));
    });
  }

  it('keeps the pairs the stylesheet combines beyond the palette', () => {
    const pairs: [string, string, number][] = [
      ['muted', 'bg', 4.5],
      ['muted', 'tint', 4.5],
      ['link', 'surface', 4.5],
      ['error', 'bg', 4.5],
      ['on-brand', 'error', 4.5],
      ['on-brand', 'success', 4.5],
      ['focus', 'brand', 3],
      ['input', 'bg', 3],
    ];
    for (const [a, b, min] of pairs) expect(contrastRatio(tokenValue(a), tokenValue(b)), `${a}/${b}`).toBeGreaterThanOrEqual(min);
    // Tag tones, declared literally in the stylesheet.
    expect(contrastRatio('#005a30', '#cce2d8')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#8a1a12', '#f6d7d2')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#fff', '#8a1a12')).toBeGreaterThanOrEqual(4.5);
  });
});
