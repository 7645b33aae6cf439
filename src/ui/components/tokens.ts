/**
 * The colour tokens of `styles/app.css` with the pairs they are used in, and the WCAG contrast
 * ratio of each pair. The design system page shows these numbers and a test checks that they meet
 * AA and that the stylesheet declares the same values, so the two never drift apart.
 */

/** What a pair is used for decides its threshold: 4.5:1 for text, 3:1 for borders and focus (WCAG 1.4.3, 1.4.11). */
export type PairUse = 'text' | 'non-text';

/** A colour token and the background it is used on. */
export interface ColourToken {
  /** The custom property without `--color-`. */
  name: string;
  value: string;
  /** The token it sits on (or under), by name. */
  on: string;
  use: PairUse;
}

/** The palette. Order: text and surfaces, brand and links, states, focus. */
export const COLOUR_TOKENS: readonly ColourToken[] = [
  { name: 'text', value: '#0b0c0c', on: 'bg', use: 'text' },
  { name: 'muted', value: '#505a5f', on: 'surface', use: 'text' },
  { name: 'bg', value: '#fff', on: 'text', use: 'text' },
  { name: 'surface', value: '#f3f2f1', on: 'text', use: 'text' },
  { name: 'brand', value: '#1d4f91', on: 'on-brand', use: 'text' },
  { name: 'brand-dark', value: '#0f2f5c', on: 'on-brand', use: 'text' },
  { name: 'link', value: '#1d4f91', on: 'bg', use: 'text' },
  { name: 'link-visited', value: '#4c2c92', on: 'bg', use: 'text' },
  { name: 'input', value: '#0b0c0c', on: 'bg', use: 'non-text' },
  { name: 'error', value: '#b3261e', on: 'bg', use: 'text' },
  { name: 'success', value: '#00703c', on: 'bg', use: 'text' },
  { name: 'tint', value: '#eef4fb', on: 'muted', use: 'text' },
  { name: 'tag', value: '#dbe7f5', on: 'tag-text', use: 'text' },
  { name: 'notice', value: '#fff4c2', on: 'text', use: 'text' },
  { name: 'focus', value: '#fd0', on: 'focus-text', use: 'non-text' },
];

/** Tokens that only ever appear as the partner of a pair above. */
export const PARTNER_TOKENS: Readonly<Record<string, string>> = { 'on-brand': '#fff', 'tag-text': '#0c2d5a', 'focus-text': '#0b0c0c' };

/** Expands `#abc` to `#aabbcc` and lower-cases. */
export function normaliseHex(hex: string): string {
  const h = hex.trim().toLowerCase().replace('#', '');
  return `#${h.length === 3 ? [...h].map((c) => c + c).join('') : h}`;
}

/** Relative luminance of an sRGB colour, per WCAG 2.2. */
export function luminance(hex: string): number {
  const h = normaliseHex(hex).slice(1);
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The value of a token by name, from the palette or the partners. */
export function tokenValue(name: string): string {
  return COLOUR_TOKENS.find((t) => t.name === name)?.value ?? PARTNER_TOKENS[name] ?? '#000';
}

/** The minimum ratio WCAG 2.2 AA asks of a pair used this way. */
export function requiredRatio(use: PairUse): number {
  return use === 'text' ? 4.5 : 3;
}
