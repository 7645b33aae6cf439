import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { damerauLevenshtein as distance } from './search-distance.js';

/** Plain Levenshtein, an upper bound: Damerau–Levenshtein only adds the swap operation. */
function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[t.length] as number;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', '𝒳'), maxLength: 8 });

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(distance('', '')).toBe(0);
    expect(distance('', 'abc')).toBe(3);
    expect(distance('abc', '')).toBe(3);
    expect(distance('housng', 'housing')).toBe(1);
    expect(distance('benfit', 'benefit')).toBe(1);
    expect(distance('alocation', 'allocation')).toBe(1);
    expect(distance('benfeit', 'benefit')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('ab', 'ba')).toBe(1);
  });

  it('is the unrestricted distance, not optimal string alignment', () => {
    // OSA gives 3 here: it cannot edit between the two swapped characters.
    expect(distance('ca', 'abc')).toBe(2);
  });

  it('counts a character outside the BMP once', () => {
    expect(distance('a𝒳', 'a')).toBe(1);
    expect(distance('𝒳a', 'a𝒳')).toBe(1);
  });

  it('is zero exactly between equal strings', () => {
    fc.assert(fc.property(word, word, (a, b) => (distance(a, b) === 0) === (a === b)));
  });

  it('is symmetric', () => {
    fc.assert(fc.property(word, word, (a, b) => distance(a, b) === distance(b, a)));
  });

  it('satisfies the triangle inequality', () => {
    fc.assert(fc.property(word, word, word, (a, b, c) => distance(a, c) <= distance(a, b) + distance(b, c)));
  });

  it('lies between the length difference and plain Levenshtein', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = distance(a, b);
        return d >= Math.abs(Array.from(a).length - Array.from(b).length) && d <= levenshtein(a, b);
      }),
    );
  });

  it('counts one for any single adjacent swap', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 2, maxLength: 8 }), fc.nat(), (s, n) => {
        const chars = Array.from(s);
        const i = n % (chars.length - 1);
        fc.pre(chars[i] !== chars[i + 1]);
        [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
        return distance(s, chars.join('')) === 1;
      }),
    );
  });
});
