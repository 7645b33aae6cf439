/**
 * Text processing shared by indexing and querying. Documents and queries go through the same
 * functions, so SQLite FTS5 and PostgreSQL tsvector both see the same tokens and neither engine's
 * own stemming or accent handling (which differ) is involved.
 */

/** Letters that Unicode decomposition leaves whole but people type as plain Latin letters. */
const FOLDED_LETTERS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i', þ: 'th', ð: 'd' };

/**
 * French plurals in -aux whose singular is not in -al (the rule below would give "traval").
 * Kept to the words a public-service vocabulary meets.
 */
const IRREGULAR_PLURALS = new Map([
  ['travaux', 'travail'],
  ['baux', 'bail'],
  ['vitraux', 'vitrail'],
  ['coraux', 'corail'],
]);

/**
 * Words too common to narrow a search, English and French, as folded (unstemmed) tokens. Queries
 * drop them because every query token must match: "aide au logement" must find "Aide logement".
 * Documents keep them (only the vocabulary used for typo correction leaves them out).
 * Deliberately small: a word that can carry meaning ("son", "can", "comment") stays out of it.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or of for to in on at by with from as is are be it its my your our how i s ' +
    'le la les l un une des de du d au aux et ou en pour par sur dans avec mon ma mes ton ta tes ses ' +
    'notre nos votre vos leur leurs je j me m se ce c qu que qui n ne t y'
  ).split(' '),
);

/** A query or document word: the folded form as typed, and the stem that is indexed. */
export interface Token {
  /** Lower case, without diacritics, unstemmed. */
  folded: string;
  /** `folded` after plural folding: what the index holds. */
  stem: string;
}

/**
 * Lower-cases, strips diacritics and splits into words of letters and digits. Compatibility
 * decomposition (NFKD) also turns ligatures and width variants ("ﬁ", "ｌ") into plain letters.
 * All combining marks are removed, not only Latin accents, so the tokens contain nothing that
 * PostgreSQL's parser or FTS5's unicode61 tokenizer would split differently.
 */
export function foldWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[œæßøđłıþð]/g, (c) => FOLDED_LETTERS[c] ?? c);
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/**
 * Light plural folding for English and French at once (the language of a query is not known, and
 * a page may mix both). Modelled on Harman's S-stemmer and Savoy's French minimal stemmer, as
 * Lucene ships them: only endings, never derivations, so "housing" stays "housing". A stem is an
 * index key, never shown; what matters is that singular and plural meet:
 * - French -x plurals: "journaux" → "journal", "bureaux" → "bureau", "jeux" → "jeu";
 * - a plural -s, but not -ss: "allocations" → "allocation", "class" stays;
 * - then a silent final -e (twice for French -ée): "services"/"service" → "servic",
 *   "classes"/"classe"/"class" → "class", "searches"/"search" → "search", "employée" → "employ";
 * - and -y after a consonant becomes -i, so "family"/"families" and "pharmacy"/"pharmacie" meet.
 * Tokens under 4 characters and tokens with digits are left alone.
 */
export function stem(word: string): string {
  if (word.length < 4 || /\p{N}/u.test(word)) return word;
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular) return irregular;
  if (word.endsWith('x')) {
    if (word.length >= 6 && word.endsWith('aux') && !word.endsWith('eaux')) return `${word.slice(0, -3)}al`;
    return /(?:eau|eu|ou)x$/.test(word) ? word.slice(0, -1) : word;
  }
  let w = word;
  if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  for (let i = 0; i < 2 && w.length >= 4 && w.endsWith('e'); i++) w = w.slice(0, -1);
  if (w.length >= 4 && /[^aeiouy]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  return w;
}

/** Folds and stems every word of a text. */
export function tokenize(text: string): Token[] {
  return foldWords(text).map((folded) => ({ folded, stem: stem(folded) }));
}

/**
 * The indexed form of a text: folded, stemmed tokens joined by single spaces. The same function
 * prepares documents and queries, so both engines compare like with like.
 */
export function normalize(text: string): string {
  return tokenize(text)
    .map((t) => t.stem)
    .join(' ');
}

/** Whether a token is too common to search on. */
export function isStopWord(token: Token): boolean {
  return STOP_WORDS.has(token.folded);
}

/**
 * Whether a token belongs in the vocabulary that misspelt query words are corrected against.
 * Short words and stop words would be corrected into by far too many typos; numbers must match
 * exactly ("2025" is not a typo of "2024").
 */
export function isVocabularyTerm(token: Token): boolean {
  return token.stem.length >= 3 && !/\p{N}/u.test(token.stem) && !isStopWord(token);
}

/**
 * How many edits a query word may be away from a vocabulary term: none under 4 characters (too
 * many short words are one edit apart), one up to 7, two from 8. Slightly stricter than "two from
 * 6" because a 6-letter word with two edits has a third of its letters wrong.
 */
export function maxTypos(word: string): number {
  if (word.length < 4 || /\p{N}/u.test(word)) return 0;
  return word.length < 8 ? 1 : 2;
}

/** Longest query text considered; the rest is ignored rather than refused. */
export const MAX_QUERY_LENGTH = 200;

/** Most words a query may have; more would make the AND across words slow and pointless. */
export const MAX_QUERY_TOKENS = 8;

/**
 * The distinct tokens of a user query, stop words left out unless the query has nothing else,
 * at most MAX_QUERY_TOKENS. Empty when the query has no letters or digits.
 */
export function queryTokens(query: string): Token[] {
  const all = tokenize(query.slice(0, MAX_QUERY_LENGTH));
  const meaningful = all.filter((t) => !isStopWord(t));
  const tokens = meaningful.length > 0 ? meaningful : all;
  const seen = new Set<string>();
  const distinct = tokens.filter((t) => !seen.has(t.stem) && seen.add(t.stem));
  return distinct.slice(0, MAX_QUERY_TOKENS);
}
