/**
 * Three-way merge of wiki page texts, line by line, for an editor who saves a page that someone
 * else changed since they opened it. Pure: the service loads the three revisions and decides what
 * to do with a conflict (show the resolution screen, save the resolved text).
 *
 * node-diff3's `diff3Merge` finds the stable and unstable regions. It counts two edits that merely
 * touch (one ends on the line where the other starts) as one conflict, which is too strict for a
 * wiki where people fix neighbouring lines of a steps list; so each of its conflicts is looked at
 * again, and the edits inside it merge when no line is changed by both sides (see `refine`).
 */
import { diff3Merge, diffIndices } from 'node-diff3';
import { normaliseLineEndings } from './revision-diff.js';

/** Base, ours and theirs of one conflict, as text (lines joined with `\n`; an empty side removed its lines). */
export type MergeConflict = {
  base: string;
  /** The editor's version (`mine`). */
  ours: string;
  /** The latest revision's version (`current`). */
  theirs: string;
  /** The 1-based number of the first base line the conflict covers (for an insertion, the line it goes before). */
  start: number;
};

/**
 * The merged text in order, for the resolution screen: merged lines, and the places of the
 * conflicts (`index` into `conflicts`). Lines are kept as arrays so that "no line" and "one empty
 * line" stay apart.
 */
export type MergeChunk =
  { kind: 'merged'; lines: string[] } | { kind: 'conflict'; index: number; base: string[]; ours: string[]; theirs: string[] };

/** The result of a three-way merge: the merged text, or the conflicts and what is needed to resolve them. */
export type MergeResult =
  | { clean: true; text: string }
  | {
      clean: false;
      conflicts: MergeConflict[];
      /** Merged lines and conflicts in page order; `resolveMerge` turns them into a text. */
      chunks: MergeChunk[];
      /** The editor's whole text (`mine`), line endings normalised. */
      oursText: string;
      /** The latest revision's whole text (`current`), line endings normalised. */
      theirsText: string;
    };

/** How the editor settles one conflict: keep one side, both (ours first), or their own text. */
export type ConflictChoice = 'ours' | 'theirs' | 'both' | { text: string };

type Hunk = { side: 'ours' | 'theirs'; start: number; end: number; lines: string[] };
type Region = { kind: 'merged'; lines: string[] } | { kind: 'conflict'; base: string[]; ours: string[]; theirs: string[]; start: number };

/** The changes from `base` to `side`, as ranges of base lines `[start, end)` and their replacement. */
function hunks(base: string[], side: string[], name: Hunk['side']): Hunk[] {
  return diffIndices(base, side).map((h) => ({
    side: name,
    start: h.buffer1[0],
    end: h.buffer1[0] + h.buffer1[1],
    lines: h.buffer2Content,
  }));
}

/**
 * Whether two edits from different sides change the same base line: their ranges overlap, or an
 * insertion falls strictly inside the other's range, or both insert at the same place (their order
 * would be a guess). Edits that only meet at a boundary do not collide.
 */
function collide(x: Hunk, y: Hunk): boolean {
  if (x.start === x.end && y.start === y.end) return x.start === y.start;
  if (x.start === x.end) return y.start < x.start && x.start < y.end;
  if (y.start === y.end) return x.start < y.start && y.start < x.end;
  return x.start < y.end && y.start < x.end;
}

/** Base lines `[start, end)` with one side's hunks (all inside the range) applied. */
function applyHunks(base: string[], start: number, end: number, side: Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const h of side) {
    out.push(...base.slice(at, h.start), ...h.lines);
    at = h.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

const same = (x: string[], y: string[]) => x.length === y.length && x.every((line, i) => line === y[i]);

/**
 * Splits one diff3 conflict into groups of edits that collide (transitively); a group with edits
 * from one side only, or with both sides making the same change, merges; the others stay conflicts.
 * `offset` is the region's first line in the whole base.
 */
function refine(base: string[], ours: string[], theirs: string[], offset: number): Region[] {
  const all = [...hunks(base, ours, 'ours'), ...hunks(base, theirs, 'theirs')].sort((x, y) => x.start - y.start || x.end - y.end);
  const groups: Hunk[][] = [];
  for (const h of all) {
    const group = groups[groups.length - 1];
    if (group?.some((g) => g.side !== h.side && collide(g, h))) group.push(h);
    else groups.push([h]);
  }
  const regions: Region[] = [];
  let at = 0;
  for (const group of groups) {
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    regions.push({ kind: 'merged', lines: base.slice(at, start) });
    const o = applyHunks(
      base,
      start,
      end,
      group.filter((h) => h.side === 'ours'),
    );
    const t = applyHunks(
      base,
      start,
      end,
      group.filter((h) => h.side === 'theirs'),
    );
    const b = base.slice(start, end);
    if (same(o, b) || same(o, t)) regions.push({ kind: 'merged', lines: t });
    else if (same(t, b)) regions.push({ kind: 'merged', lines: o });
    else regions.push({ kind: 'conflict', base: b, ours: o, theirs: t, start: offset + start + 1 });
    at = end;
  }
  regions.push({ kind: 'merged', lines: base.slice(at) });
  return regions;
}

/**
 * Three-way merge of a page edited from an old base revision: `base` (what the editor started
 * from), `current` (the latest revision, someone else's edit), `mine` (what the editor saves).
 * Line-based, line endings normalised. Edits that change different lines merge, both kept, even
 * when the lines are neighbours; edits of the same line (or two insertions at the same place)
 * conflict unless they are identical. Guarantees: `(base, base, x)`, `(base, x, base)` and
 * `(base, x, x)` give `x` cleanly, and swapping `current` and `mine` keeps the same edits, only
 * swapping `ours` and `theirs` in the conflicts.
 */
export function threeWayMerge(base: string, current: string, mine: string): MergeResult {
  const o = normaliseLineEndings(base).split('\n');
  const theirs = normaliseLineEndings(current).split('\n');
  const ours = normaliseLineEndings(mine).split('\n');
  const regions: Region[] = [];
  for (const region of diff3Merge<string>(ours, o, theirs)) {
    if (region.ok) regions.push({ kind: 'merged', lines: region.ok });
    else if (region.conflict) {
      const { a, b, o: baseLines, oIndex } = region.conflict;
      regions.push(...refine(baseLines, a, b, oIndex));
    }
  }
  const conflicts: MergeConflict[] = [];
  const chunks: MergeChunk[] = [];
  for (const r of regions) {
    if (r.kind === 'conflict') {
      chunks.push({ kind: 'conflict', index: conflicts.length, base: r.base, ours: r.ours, theirs: r.theirs });
      conflicts.push({ base: r.base.join('\n'), ours: r.ours.join('\n'), theirs: r.theirs.join('\n'), start: r.start });
    } else if (r.lines.length) {
      const last = chunks[chunks.length - 1];
      if (last?.kind === 'merged') last.lines.push(...r.lines);
      else chunks.push({ kind: 'merged', lines: [...r.lines] });
    }
  }
  if (!conflicts.length) return { clean: true, text: chunks.flatMap((c) => (c.kind === 'merged' ? c.lines : [])).join('\n') };
  return { clean: false, conflicts, chunks, oursText: ours.join('\n'), theirsText: theirs.join('\n') };
}

/**
 * The text of a conflicted merge once the editor has chosen, in order, how to settle each conflict.
 * A `{ text }` choice replaces the conflict's lines with that text (an empty text removes them).
 * Throws when the number of choices differs from the number of conflicts.
 */
export function resolveMerge(result: Extract<MergeResult, { clean: false }>, choices: ConflictChoice[]): string {
  if (choices.length !== result.conflicts.length) {
    throw new Error(`Expected ${result.conflicts.length} conflict choices, got ${choices.length}.`);
  }
  const lines = result.chunks.flatMap((chunk) => {
    if (chunk.kind === 'merged') return chunk.lines;
    const choice = choices[chunk.index]!;
    if (choice === 'ours') return chunk.ours;
    if (choice === 'theirs') return chunk.theirs;
    if (choice === 'both') return [...chunk.ours, ...chunk.theirs];
    return choice.text === '' ? [] : normaliseLineEndings(choice.text).split('\n');
  });
  return lines.join('\n');
}
