/**
 * Differences between two revisions of a wiki page (Markdown text), pure and without storage:
 * word diffs and per-line diffs for people, the size change for the history, and the compact
 * stored diff kept with each revision.
 *
 * Texts are compared as tokens (words with their accents and combining marks, runs of spaces,
 * line breaks, emoji sequences, single other characters), so a diff never cuts a letter from its
 * accent or an emoji in half. The diff itself is jsdiff's Myers diff over those tokens, after the
 * common start and end are set aside, so a few edits in a large page cost little. Beyond
 * `MAX_EDIT_TOKENS` the diff gives up and shows the changed middle as replaced: a bound on time,
 * not a loss of correctness.
 */
import { diffArrays } from 'diff';

/** A word-level diff for people: runs of equal, inserted and deleted text (words and the whitespace between them). */
export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };

/** One line of the readable diff view; line numbers count from 1. */
export type LineDiffRow = {
  kind: 'same' | 'changed' | 'added' | 'removed';
  /** The line before, as equal and deleted parts (absent for `added`; empty for an empty line). */
  before?: DiffPart[];
  /** The line after, as equal and inserted parts (absent for `removed`; empty for an empty line). */
  after?: DiffPart[];
  lineBefore?: number;
  lineAfter?: number;
};

/**
 * A compact, JSON-serialisable patch from one revision's text to the next.
 *
 * Layout: `[checksum, ...operations]`. The checksum is the 32-bit FNV-1a hash of the text the diff
 * was made from, so a diff applied to another text is refused rather than producing nonsense. Each
 * operation is a positive integer `n` (keep the next n characters), a negative integer `-n` (delete
 * the next n characters) or a string (insert it). The operations consume the whole old text, so the
 * final keep is written out. Characters are UTF-16 code units (JavaScript string length), and every
 * boundary falls between code points and never before a combining mark, so each inserted string is
 * well-formed Unicode (which PostgreSQL's jsonb requires). Example: `[2868838395, 12, -3, "new", 40]`.
 */
export type StoredDiff = (number | string)[];

/**
 * Past this many token edits the Myers search stops (its cost grows with edits × length) and the
 * changed middle is reported as one replacement. A whole rewrite of a long page hits it; ordinary
 * edits are far below.
 */
const MAX_EDIT_TOKENS = 1500;

/** Turns Windows (`\r\n`) and old Mac (`\r`) line endings into `\n`, as all comparisons here expect. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

// A word with its marks; a run of horizontal space; a line break; an emoji sequence (flags, ZWJ
// families, skin tones); else one code point with the marks that follow it.
const EMOJI_PART = '\\p{Extended_Pictographic}[\\p{M}\\p{Emoji_Modifier}\\u{FE0F}]*';
const TOKEN = new RegExp(
  ['[\\p{L}\\p{N}\\p{M}_]+', '[^\\S\\n]+', '\\n', '\\p{RI}\\p{RI}', `${EMOJI_PART}(?:\\u{200D}${EMOJI_PART})*`, '[\\s\\S]\\p{M}*'].join(
    '|',
  ),
  'gu',
);

/** Splits a text into diff tokens; joining them gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

type Change<T> = { op: DiffPart['op']; items: T[] };

/**
 * Myers diff of two sequences with the common start and end set aside first; falls back to one
 * replacement of the middle past `MAX_EDIT_TOKENS` edits.
 */
function diffSequences<T>(a: T[], b: T[]): Change<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  const middle: Change<T>[] = [];
  const changes = midA.length && midB.length ? diffArrays(midA, midB, { maxEditLength: MAX_EDIT_TOKENS }) : undefined;
  if (changes) {
    for (const c of changes) middle.push({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', items: c.value });
  } else {
    middle.push({ op: 'delete', items: midA }, { op: 'insert', items: midB });
  }
  return [{ op: 'equal' as const, items: a.slice(0, start) }, ...middle, { op: 'equal' as const, items: a.slice(a.length - end) }].filter(
    (c) => c.items.length > 0,
  );
}

/** Merges neighbouring parts of the same kind and, within a change, puts the deletion first. */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  for (const part of parts) {
    if (part.op === 'delete') del += part.text;
    else if (part.op === 'insert') ins += part.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += part.text;
      else if (part.text) out.push({ ...part });
    }
  }
  flush();
  return out;
}

/**
 * Readers see "the cat" → "a dog" better as one replacement than as two split by an unchanged
 * space: a run of spaces between two replacements joins them (kept on both sides, so the parts
 * still rebuild both texts).
 */
function joinReplacements(parts: DiffPart[]): DiffPart[] {
  const out = [...parts];
  for (let i = 2; i + 2 < out.length; i++) {
    const [d1, i1, space, d2, i2] = out.slice(i - 2, i + 3) as [DiffPart, DiffPart, DiffPart, DiffPart, DiffPart];
    const replacements = d1.op === 'delete' && i1.op === 'insert' && d2.op === 'delete' && i2.op === 'insert';
    if (replacements && space.op === 'equal' && /^[^\S\n]+$/.test(space.text)) {
      out.splice(i - 2, 5, { op: 'delete', text: d1.text + space.text + d2.text }, { op: 'insert', text: i1.text + space.text + i2.text });
      i -= 1;
    }
  }
  return out;
}

/**
 * The word diff from `before` to `after` (line endings normalised). Joining the equal and deleted
 * parts gives `before`, the equal and inserted parts give `after`; identical texts give one equal
 * part (none when empty); within a change the deletion comes before the insertion.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = normaliseLineEndings(before);
  const b = normaliseLineEndings(after);
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const parts = diffSequences(tokenize(a), tokenize(b)).map((c) => ({ op: c.op, text: c.items.join('') }));
  return joinReplacements(tidy(parts));
}

/** The lines of a text; a final line break does not start another (empty) line. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const side = (line: string, op: DiffPart['op']): DiffPart[] => (line ? [{ op, text: line }] : []);

/** A pair of lines as one changed row when they share some words, else as removed then added. */
function pairRows(removed: string, added: string, lineBefore: number, lineAfter: number): LineDiffRow[] {
  const parts = wordDiff(removed, added);
  if (parts.some((p) => p.op === 'equal' && /\S/.test(p.text))) {
    return [
      {
        kind: 'changed',
        before: parts.filter((p) => p.op !== 'insert'),
        after: parts.filter((p) => p.op !== 'delete'),
        lineBefore,
        lineAfter,
      },
    ];
  }
  return [
    { kind: 'removed', before: side(removed, 'delete'), lineBefore },
    { kind: 'added', after: side(added, 'insert'), lineAfter },
  ];
}

/**
 * Per line, for the readable side-by-side or inline diff view: unchanged lines, and changed lines
 * with their word parts (a removed line is paired with the added line at the same place in its
 * block, and shown as `changed` when they share a word). Line endings are normalised, and a missing
 * final line break is not reported as a change.
 */
export function lineDiff(before: string, after: string): LineDiffRow[] {
  const rows: LineDiffRow[] = [];
  let lineBefore = 1;
  let lineAfter = 1;
  const changes = diffSequences(splitLines(normaliseLineEndings(before)), splitLines(normaliseLineEndings(after)));
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (change.op === 'equal') {
      for (const line of change.items) {
        rows.push({
          kind: 'same',
          before: side(line, 'equal'),
          after: side(line, 'equal'),
          lineBefore: lineBefore++,
          lineAfter: lineAfter++,
        });
      }
      continue;
    }
    // A change block is a deletion, an insertion, or a deletion followed by an insertion.
    const next = changes[i + 1];
    const removed = change.op === 'delete' ? change.items : [];
    const added = change.op === 'insert' ? change.items : next?.op === 'insert' ? next.items : [];
    if (change.op === 'delete' && next?.op === 'insert') i++;
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) rows.push(...pairRows(removed[k]!, added[k]!, lineBefore++, lineAfter++));
    for (const line of removed.slice(paired)) rows.push({ kind: 'removed', before: side(line, 'delete'), lineBefore: lineBefore++ });
    for (const line of added.slice(paired)) rows.push({ kind: 'added', after: side(line, 'insert'), lineAfter: lineAfter++ });
  }
  return rows;
}

/** Size change in characters (Unicode code points, line endings normalised), for the history: `+120`, `−14`. */
export function sizeDelta(before: string, after: string): number {
  const length = (text: string) => {
    let n = 0;
    for (const _ of normaliseLineEndings(text)) n++;
    return n;
  };
  return length(after) - length(before);
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, and enough to tell a wrong base text apart. */
function checksum(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Whether a cut before index `i` would separate the character there from the one before it (or break an emoji ZWJ sequence). */
function insideCharacter(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  if (text[i - 1] === '\u200D') return true;
  return /^(?:[\uDC00-\uDFFF]|\p{M}|\p{Emoji_Modifier}|\u200D)/u.test(text.slice(i, i + 2));
}

/**
 * The stored diff from `before` to `after`, exact (no normalisation): `applyStoredDiff(before, d)`
 * gives `after` back. Its size grows with the edit, not the page: one changed word in a 50 KB page
 * takes a few dozen bytes of JSON.
 */
export function makeStoredDiff(before: string, after: string): StoredDiff {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  while (insideCharacter(before, start) || insideCharacter(after, start)) start--;
  let end = 0;
  const room = Math.min(before.length, after.length) - start;
  while (end < room && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  while (end > 0 && (insideCharacter(before, before.length - end) || insideCharacter(after, after.length - end))) end--;

  const ops: StoredDiff = [checksum(before)];
  // Neighbouring operations of one kind are merged (the checksum at index 0 never is).
  const push = (op: number | string) => {
    const last = ops.length > 1 ? ops[ops.length - 1] : undefined;
    if (op === 0 || op === '') return;
    if (typeof op === 'string' && typeof last === 'string') ops[ops.length - 1] = last + op;
    else if (typeof op === 'number' && typeof last === 'number' && Math.sign(op) === Math.sign(last)) ops[ops.length - 1] = last + op;
    else ops.push(op);
  };
  push(start);
  const middle = diffSequences(tokenize(before.slice(start, before.length - end)), tokenize(after.slice(start, after.length - end)));
  for (const change of middle) {
    const text = change.items.join('');
    push(change.op === 'insert' ? text : change.op === 'delete' ? -text.length : text.length);
  }
  push(end);
  return ops;
}

/**
 * Applies a stored diff to the text it was made from. Throws an Error saying why when the diff is
 * malformed or does not fit `before` (another text, or a text of another length).
 */
export function applyStoredDiff(before: string, diff: StoredDiff): string {
  const [sum, ...ops] = diff;
  if (typeof sum !== 'number' || !Number.isInteger(sum) || sum < 0) {
    throw new Error('Stored diff is malformed: it must start with the checksum of its base text.');
  }
  if (sum !== checksum(before)) {
    throw new Error('Stored diff does not fit this text: it was made from a different revision (checksum mismatch).');
  }
  const out: string[] = [];
  let at = 0;
  for (const op of ops) {
    if (typeof op === 'string') {
      out.push(op);
      continue;
    }
    if (typeof op !== 'number' || !Number.isSafeInteger(op) || op === 0) {
      throw new Error(`Stored diff is malformed: ${JSON.stringify(op)} is not an insertion or a non-zero whole count.`);
    }
    const count = Math.abs(op);
    if (at + count > before.length) {
      throw new Error(`Stored diff does not fit this text: it reaches character ${at + count} of a text of ${before.length}.`);
    }
    if (op > 0) out.push(before.slice(at, at + count));
    at += count;
  }
  if (at !== before.length) {
    throw new Error(`Stored diff does not fit this text: it covers ${at} characters of ${before.length}.`);
  }
  return out.join('');
}
