/**
 * Turns the words of a query into term groups for the engines: each word matches itself, its
 * close vocabulary terms when it is not a known word (typo tolerance), and, for the last word,
 * any word it begins (search as you type).
 */
import type { Db } from '../db/database.js';
import { damerauLevenshtein } from './search-distance.js';
import { engineFor, type TermGroup } from './search-engine.js';
import { maxTypos, type Token } from './search-text.js';

/** How many trigram candidates to rank per unknown word. */
const CANDIDATES = 50;

/** Shortest word that matches as a prefix. */
const MIN_PREFIX_LENGTH = 3;

/** How many corrections a word may expand to; more would mostly add noise. */
const MAX_CORRECTIONS = 5;

/**
 * Copies of `word` with two adjacent characters swapped. Trigram candidates miss these in short
 * words ("bnefit" shares almost no trigram with "benefit"), so they are looked up exactly.
 */
export function adjacentSwaps(word: string): string[] {
  const chars = Array.from(word);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1] as string, swapped[i] as string];
    out.add(swapped.join(''));
  }
  return [...out];
}

/**
 * The vocabulary terms within `maxTypos(word)` edits of `word`, nearest first (ties in
 * alphabetical order so results do not depend on the engine's candidate order).
 */
export function closestTerms(word: string, candidates: Iterable<string>): string[] {
  const limit = maxTypos(word);
  const scored: { term: string; distance: number }[] = [];
  for (const term of new Set(candidates)) {
    if (term === word) continue;
    const distance = damerauLevenshtein(word, term);
    if (distance <= limit) scored.push({ term, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return scored.slice(0, MAX_CORRECTIONS).map((s) => s.term);
}

/** Whether some vocabulary term starts with `prefix` (one index probe on the primary key). */
async function vocabularyHasPrefix(db: Db, prefix: string): Promise<boolean> {
  const row = await db.selectFrom('search_terms').select('term').where('term', '>=', prefix).orderBy('term').limit(1).executeTakeFirst();
  return row?.term.startsWith(prefix) ?? false;
}

/** The term groups for the given query tokens (from `queryTokens`), in order. */
export async function planQuery(db: Db, tokens: Token[]): Promise<TermGroup[]> {
  if (tokens.length === 0) return [];
  const fuzzy = tokens.filter((t) => maxTypos(t.stem) > 0);
  const lookups = new Set([...tokens.map((t) => t.stem), ...fuzzy.flatMap((t) => adjacentSwaps(t.stem))]);
  const known = new Set(
    (
      await db
        .selectFrom('search_terms')
        .select('term')
        .where('term', 'in', [...lookups])
        .execute()
    ).map((r) => r.term),
  );
  const engine = engineFor(db);
  const groups: TermGroup[] = [];
  for (const [i, token] of tokens.entries()) {
    const last = i === tokens.length - 1;
    const word = token.stem;
    // The word being typed matches as a prefix, in its stemmed and its typed form ("study"
    // stems to "studi" but must still find "studying"); not under three letters, where a prefix
    // matches a large part of the index, which every engine must then rank, and means little yet.
    const prefixes = last ? [...new Set([word, token.folded])].filter((p) => Array.from(p).length >= MIN_PREFIX_LENGTH) : [];
    const isPrefix = prefixes.includes(word);
    const group: TermGroup = { terms: isPrefix ? [] : [word], prefixes };
    const typos = maxTypos(word);
    const needsCorrection = typos > 0 && !known.has(word) && !(isPrefix && (await vocabularyHasPrefix(db, word)));
    if (needsCorrection) {
      const length = Array.from(word).length;
      const similar = await engine.similarTerms(db, word, length - typos, length + typos, CANDIDATES);
      const swaps = adjacentSwaps(word).filter((w) => known.has(w));
      group.terms.push(...closestTerms(word, [...similar, ...swaps]));
    }
    groups.push(group);
  }
  return groups;
}
