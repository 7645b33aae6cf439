/**
 * Property-based tests of revision diffs: stored diffs rebuild the new text exactly, for arbitrary
 * Unicode strings (lone surrogates included) and for texts edited from one another; word diffs
 * rebuild both texts; line diffs number every line once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyStoredDiff, lineDiff, makeStoredDiff, normaliseLineEndings, tokenize, wordDiff } from './revision-diff.js';

/** Strings rich in what breaks diffs: accents (composed and not), emoji sequences, flags, line endings. */
const piece = fc.constantFrom(
  'a',
  'é',
  'e\u0301',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '🙂',
  '👩‍👩‍👧',
  '🇫🇷',
  '👍🏽',
  '日本',
  'l’',
  '.',
  '|',
  '-',
  'mot',
);
const guideText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), guideText);

/** A text and one derived from it by random insertions and deletions. */
const edited = anyText.chain((a) =>
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.oneof(anyText, fc.constant(''))), { maxLength: 6 }).map((edits) => {
    let b = a;
    for (const [at, remove, insert] of edits) {
      const i = b.length ? at % (b.length + 1) : 0;
      b = b.slice(0, i) + insert + b.slice(i + remove);
    }
    return [a, b] as const;
  }),
);

const RUNS = { numRuns: 400 };
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('stored diff properties', () => {
  it('rebuilds any text from any other', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(applyStoredDiff(a, JSON.parse(JSON.stringify(makeStoredDiff(a, b))))).toBe(b);
      }),
      RUNS,
    );
  });

  it('rebuilds edited texts', () => {
    fc.assert(
      fc.property(edited, ([a, b]) => {
        expect(applyStoredDiff(a, makeStoredDiff(a, b))).toBe(b);
      }),
      RUNS,
    );
  });

  it('inserts only well-formed Unicode when both texts are', () => {
    const wellFormed = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), guideText);
    fc.assert(
      fc.property(wellFormed, wellFormed, (a, b) => {
        for (const op of makeStoredDiff(a, b)) if (typeof op === 'string') expect(op).not.toMatch(LONE_SURROGATE);
      }),
      RUNS,
    );
  });

  it('refuses to apply to a different text', () => {
    fc.assert(
      fc.property(edited, anyText, ([a, b], other) => {
        fc.pre(other !== a);
        expect(() => applyStoredDiff(other, makeStoredDiff(a, b))).toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('word diff properties', () => {
  it('tokens join back to the text', () => {
    fc.assert(
      fc.property(anyText, (a) => {
        expect(tokenize(a).join('')).toBe(a);
      }),
      RUNS,
    );
  });

  it('equal + deleted parts give before, equal + inserted parts give after', () => {
    fc.assert(
      fc.property(fc.oneof(edited, fc.tuple(anyText, anyText)), ([a, b]) => {
        const parts = wordDiff(a, b);
        expect(parts.every((p) => p.text !== '')).toBe(true);
        expect(
          parts
            .filter((p) => p.op !== 'insert')
            .map((p) => p.text)
            .join(''),
        ).toBe(normaliseLineEndings(a));
        expect(
          parts
            .filter((p) => p.op !== 'delete')
            .map((p) => p.text)
            .join(''),
        ).toBe(normaliseLineEndings(b));
      }),
      RUNS,
    );
  });

  it('line diff numbers every line of each side once, in order', () => {
    fc.assert(
      fc.property(edited, ([a, b]) => {
        const rows = lineDiff(a, b);
        const count = (t: string) => normaliseLineEndings(t).replace(/\n$/, '').split('\n').length - (t === '' ? 1 : 0);
        const numbers = (key: 'lineBefore' | 'lineAfter') => rows.flatMap((r) => (r[key] === undefined ? [] : [r[key]]));
        expect(numbers('lineBefore')).toEqual(Array.from({ length: count(a) }, (_, i) => i + 1));
        expect(numbers('lineAfter')).toEqual(Array.from({ length: count(b) }, (_, i) => i + 1));
      }),
      RUNS,
    );
  });
});
