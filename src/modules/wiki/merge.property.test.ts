/**
 * Property-based tests of the three-way merge. The base is N distinct lines; each side edits some
 * lines (replace, delete, or add a line after). Edits of different lines merge cleanly into the
 * same text as applying both, with neighbouring lines as well as distant ones; different edits of
 * one line conflict and show both versions; swapping the two sides keeps the same edits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threeWayMerge, type MergeResult } from './merge.js';

type Kind = 'replace' | 'delete' | 'insertAfter';
type Side = 'current' | 'mine';
/** Per base line: who edits it and how (an edit by nobody leaves the line alone). */
type Plan = [Side | 'none', Kind][];

const baseLines = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. Étape ${i} du guide`);

/** The base with the edits of `sides` applied; each side's new text carries its name. */
function apply(base: string[], plan: Plan, sides: Side[]): string {
  return base
    .flatMap((line, i) => {
      const [owner, kind] = plan[i]!;
      if (owner === 'none' || !sides.includes(owner)) return [line];
      if (kind === 'replace') return [`${line} (${owner})`];
      if (kind === 'delete') return [];
      return [line, `ajout ${owner} ${i}`];
    })
    .join('\n');
}

const kind = fc.constantFrom<Kind>('replace', 'delete', 'insertAfter');
const owner = fc.constantFrom<Side | 'none'>('none', 'current', 'mine');
const plan = (n: number) => fc.array(fc.tuple(owner, kind), { minLength: n, maxLength: n });

/** N base lines and a plan where every edited line has one editor. */
const disjoint = fc.integer({ min: 1, max: 14 }).chain((n) => fc.tuple(fc.constant(n), plan(n)));

/** The same, with edits at least one unchanged line apart (the case plain diff3 already merges). */
const spaced = disjoint.map(([n, p]): [number, Plan] => [n, p.map((edit, i) => (i % 2 ? ['none', edit[1]] : edit))]);

const RUNS = { numRuns: 300 };

function expectCleanMergeOfBoth([n, p]: [number, Plan]) {
  const base = baseLines(n);
  const result = threeWayMerge(base.join('\n'), apply(base, p, ['current']), apply(base, p, ['mine']));
  expect(result).toEqual({ clean: true, text: apply(base, p, ['current', 'mine']) });
  const text = result.clean ? result.text : '';
  for (const side of ['current', 'mine'] as const) {
    for (const line of apply(base, p, [side]).split('\n')) if (line.includes(side)) expect(text).toContain(line);
  }
}

/** What a merge says independent of which side is called ours: the text, or the conflicts as sets of versions. */
function outcome(result: MergeResult, swap: boolean) {
  if (result.clean) return { text: result.text };
  return {
    conflicts: result.conflicts.map((c) => ({
      base: c.base,
      start: c.start,
      mine: swap ? c.theirs : c.ours,
      current: swap ? c.ours : c.theirs,
    })),
  };
}

describe('three-way merge properties', () => {
  it('(3) edits one unchanged line apart merge cleanly, keeping both sets of edits', () => {
    fc.assert(fc.property(spaced, expectCleanMergeOfBoth), RUNS);
  });

  it('(3) edits of neighbouring lines merge cleanly too, when no line is edited by both', () => {
    fc.assert(fc.property(disjoint, expectCleanMergeOfBoth), RUNS);
  });

  it('(4) different edits of the same line conflict, and the conflict shows both versions', () => {
    // A plan that leaves one line alone, which both sides then replace, each in its own way.
    const withShared = disjoint
      .chain(([n, p]) => fc.tuple(fc.constant(n), fc.constant(p), fc.nat({ max: n - 1 })))
      .map(([n, p, shared]): [number, Plan, number] => [n, p.map((edit, i) => (i === shared ? ['none', edit[1]] : edit)), shared]);
    fc.assert(
      fc.property(withShared, ([n, p, shared]) => {
        const base = baseLines(n);
        const line = base[shared]!;
        const version = (side: Side) =>
          apply(base, p, [side])
            .split('\n')
            .map((l) => (l === line ? `${line} — version ${side}` : l))
            .join('\n');
        const result = threeWayMerge(base.join('\n'), version('current'), version('mine'));
        expect(result.clean).toBe(false);
        if (result.clean) return;
        const conflict = result.conflicts.find((c) => c.base.includes(line));
        expect(conflict?.ours).toContain(`${line} — version mine`);
        expect(conflict?.theirs).toContain(`${line} — version current`);
        expect(conflict?.start).toBeLessThanOrEqual(shared + 1);
      }),
      RUNS,
    );
  });

  it('(5) swapping current and mine keeps the same edits, only swapping ours and theirs', () => {
    const anyPlans = fc.integer({ min: 1, max: 10 }).chain((n) => fc.tuple(fc.constant(n), plan(n), plan(n)));
    fc.assert(
      fc.property(anyPlans, ([n, p1, p2]) => {
        const base = baseLines(n);
        // Two independent plans: the same line may be edited by both sides, alike or not.
        const current = apply(
          base,
          p1.map(([o, k]) => [o === 'none' ? 'none' : 'current', k]),
          ['current'],
        );
        const mine = apply(
          base,
          p2.map(([o, k]) => [o === 'none' ? 'none' : 'mine', k]),
          ['mine'],
        );
        const forward = threeWayMerge(base.join('\n'), current, mine);
        const backward = threeWayMerge(base.join('\n'), mine, current);
        expect(outcome(backward, true)).toEqual(outcome(forward, false));
      }),
      RUNS,
    );
  });

  it('merging with an unchanged side, or the same edit twice, gives that edit', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '', 'é 🙂', 'x\r'), { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (base, x) => {
        const clean = { clean: true, text: x.replace(/\r\n?/g, '\n') };
        expect(threeWayMerge(base, base, x)).toEqual(clean);
        expect(threeWayMerge(base, x, base)).toEqual(clean);
        expect(threeWayMerge(base, x, x)).toEqual(clean);
      }),
      RUNS,
    );
  });

  it('(5) symmetry holds for texts with repeated and empty lines too', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '', '- étape'), { maxLength: 8 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, text, (base, current, mine) => {
        expect(outcome(threeWayMerge(base, mine, current), true)).toEqual(outcome(threeWayMerge(base, current, mine), false));
      }),
      { numRuns: 500 },
    );
  });
});
