/**
 * A word-level diff of two texts, for the revision history: the longest common subsequence of
 * their tokens (words and the whitespace between them), as runs of kept, removed and added text.
 * Pure and bounded: past MAX_CELLS token pairs it stops looking for common words and reports the
 * whole text as replaced, so a huge description never costs more than a few milliseconds.
 */

/** One run of the diff: text both versions share, or text only the old (removed) or new (added) one has. */
export interface DiffPart {
  type: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many token pairs (old × new), the diff is "all removed, all added". */
export const MAX_CELLS = 1_000_000;

/** Words and runs of whitespace, in order; joining them gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], type: DiffPart['type'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.type === type) last.text += text;
  else parts.push({ type, text });
}

/**
 * The changes from `before` to `after`, word by word. Joining the `same` and `removed` parts gives
 * `before`; joining the `same` and `added` parts gives `after`. Adjacent runs of a kind are merged.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Shared head and tail cost nothing to match and shrink the table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    for (const part of lcsDiff(midA, midB)) push(parts, part.type, part.text);
  }
  push(parts, 'same', a.slice(endA).join(''));
  return cleanup(parts);
}

/** Whether kept text between two changes is too small to help the reader (spaces, "a", "of"). */
const isNoise = (text: string) => text.trim() === '' || (!/\s/.test(text) && text.length <= 3);

/**
 * Makes a diff readable: a tiny run kept between two changes ("of" in the middle of a rewritten
 * sentence) is shown as removed and added instead, and each run of changes becomes one removed
 * part followed by one added part, so a rewritten passage reads as old text, then new text.
 */
function cleanup(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(out, 'removed', removed);
    push(out, 'added', added);
    removed = '';
    added = '';
  };
  parts.forEach((part, i) => {
    const between = i > 0 && i < parts.length - 1;
    if (part.type === 'same' && !(between && isNoise(part.text))) {
      flush();
      push(out, 'same', part.text);
      return;
    }
    if (part.type !== 'added') removed += part.text;
    if (part.type !== 'removed') added += part.text;
  });
  flush();
  return out;
}

/** The classic dynamic programme: lengths of common subsequences of suffixes, then one walk. */
function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      push(parts, 'removed', a[i]!);
      i++;
    } else {
      push(parts, 'added', b[j]!);
      j++;
    }
  }
  while (i < n) push(parts, 'removed', a[i++]!);
  while (j < m) push(parts, 'added', b[j++]!);
  return parts;
}
