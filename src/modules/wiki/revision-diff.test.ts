import { describe, expect, it } from 'vitest';
import {
  applyStoredDiff,
  lineDiff,
  makeStoredDiff,
  normaliseLineEndings,
  sizeDelta,
  tokenize,
  wordDiff,
  type DiffPart,
} from './revision-diff.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const beforeOf = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
const afterOf = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');

const STEPS_FR = [
  '## Demander une carte de bibliothèque',
  '',
  '1. Ouvrez la page « Mon compte ».',
  '2. Cliquez sur **Nouvelle demande**.',
  '3. Joignez un justificatif de domicile.',
  '',
].join('\n');

const TABLE_EN = ['| Day | Opening hours |', '| --- | --- |', '| Monday | 9:00–12:00 |', '| Tuesday | closed |', ''].join('\n');

/** A guide page of about 50 KB, every line distinct. */
function bigPage(): string {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < 50_000; i++) {
    lines.push(`${i + 1}. Étape ${i} : ouvrez le formulaire, remplissez la case ${i % 7} puis cliquez sur « Envoyer » 🙂.`);
  }
  return lines.join('\n');
}

describe('tokenize', () => {
  it('keeps words with their accents, emoji sequences and flags whole', () => {
    expect(tokenize('Étape 1 :  e\u0301té 👩‍👩‍👧 🇫🇷 👍🏽\nfin')).toEqual([
      'Étape',
      ' ',
      '1',
      ' ',
      ':',
      '  ',
      'e\u0301té',
      ' ',
      '👩‍👩‍👧',
      ' ',
      '🇫🇷',
      ' ',
      '👍🏽',
      '\n',
      'fin',
    ]);
  });
});

describe('wordDiff', () => {
  it('gives one equal part for identical texts, none for empty ones', () => {
    expect(wordDiff(STEPS_FR, STEPS_FR)).toEqual([{ op: 'equal', text: STEPS_FR }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('shows a changed word in a French steps list', () => {
    const after = STEPS_FR.replace('justificatif de domicile', 'justificatif d’identité');
    const parts = wordDiff(STEPS_FR, after);
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'de domicile' },
      { op: 'insert', text: 'd’identité' },
    ]);
    expect(beforeOf(parts)).toBe(STEPS_FR);
    expect(afterOf(parts)).toBe(after);
  });

  it('shows a changed table cell in an English guide', () => {
    const after = TABLE_EN.replace('| Tuesday | closed |', '| Tuesday | 14:00–17:00 |');
    const changes = wordDiff(TABLE_EN, after).filter((p) => p.op !== 'equal');
    expect(changes).toEqual([
      { op: 'delete', text: 'closed' },
      { op: 'insert', text: '14:00–17:00' },
    ]);
  });

  it('joins two replaced words separated by a space into one replacement', () => {
    expect(wordDiff('the cat sat', 'a dog sat')).toEqual([
      { op: 'delete', text: 'the cat' },
      { op: 'insert', text: 'a dog' },
      { op: 'equal', text: ' sat' },
    ]);
  });

  it('handles only additions, only deletions and empty sides', () => {
    expect(wordDiff('', 'Bonjour')).toEqual([{ op: 'insert', text: 'Bonjour' }]);
    expect(wordDiff('Bonjour', '')).toEqual([{ op: 'delete', text: 'Bonjour' }]);
    expect(wordDiff('Step one.', 'Step one. Step two.')).toEqual([
      { op: 'equal', text: 'Step one.' },
      { op: 'insert', text: ' Step two.' },
    ]);
    expect(wordDiff('a b c', 'a c')).toEqual([
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'b ' },
      { op: 'equal', text: 'c' },
    ]);
  });

  it('sees whitespace changes', () => {
    expect(wordDiff('a b', 'a  b')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: ' ' },
      { op: 'insert', text: '  ' },
      { op: 'equal', text: 'b' },
    ]);
    expect(wordDiff('   ', '\n')).toEqual([
      { op: 'delete', text: '   ' },
      { op: 'insert', text: '\n' },
    ]);
  });

  it('ignores line-ending differences', () => {
    expect(wordDiff('un\r\ndeux\r\n', 'un\ndeux\n')).toEqual([{ op: 'equal', text: 'un\ndeux\n' }]);
    expect(normaliseLineEndings('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('never cuts an accent or an emoji from its letter', () => {
    const parts = wordDiff('Café e\u0301té 👩‍👩‍👧', 'Cafe e\u0300te 👩‍👩‍👦');
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['Café e\u0301té 👩‍👩‍👧']);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['Cafe e\u0300te 👩‍👩‍👦']);
  });

  it('diffs two 50 KB texts with a few changes quickly', () => {
    const before = bigPage();
    const after = before
      .replace('Étape 10 ', 'Étape dix ')
      .replace('case 3 puis', 'case trois puis')
      .replace(/Envoyer » 🙂\.$/, 'Valider » 🙂.');
    const started = performance.now();
    const parts = wordDiff(before, after);
    const elapsed = performance.now() - started;
    expect(afterOf(parts)).toBe(after);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['trois', 'dix', 'Valider']);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('lineDiff', () => {
  it('pairs a changed line and shows its words, with line numbers', () => {
    const after = STEPS_FR.replace('2. Cliquez sur **Nouvelle demande**.', '2. Cliquez sur **Demander**.');
    const rows = lineDiff(STEPS_FR, after);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ kind: 'same', lineBefore: 1, lineAfter: 1 });
    expect(rows[1]).toEqual({ kind: 'same', before: [], after: [], lineBefore: 2, lineAfter: 2 });
    expect(rows[3]).toEqual({
      kind: 'changed',
      lineBefore: 4,
      lineAfter: 4,
      before: [
        { op: 'equal', text: '2. Cliquez sur **' },
        { op: 'delete', text: 'Nouvelle demande' },
        { op: 'equal', text: '**.' },
      ],
      after: [
        { op: 'equal', text: '2. Cliquez sur **' },
        { op: 'insert', text: 'Demander' },
        { op: 'equal', text: '**.' },
      ],
    });
  });

  it('reports added and removed lines with their own numbering', () => {
    const after = TABLE_EN.replace('| Monday | 9:00–12:00 |\n', '').replace(
      '| Tuesday | closed |\n',
      '| Tuesday | closed |\n| Wednesday | 9:00–17:00 |\n',
    );
    const rows = lineDiff(TABLE_EN, after);
    expect(rows.map((r) => [r.kind, r.lineBefore, r.lineAfter])).toEqual([
      ['same', 1, 1],
      ['same', 2, 2],
      ['removed', 3, undefined],
      ['same', 4, 3],
      ['added', undefined, 4],
    ]);
    expect(rows[4]!.after).toEqual([{ op: 'insert', text: '| Wednesday | 9:00–17:00 |' }]);
  });

  it('shows unrelated replaced lines as removed then added', () => {
    expect(lineDiff('alpha', 'omega').map((r) => r.kind)).toEqual(['removed', 'added']);
  });

  it('handles empty texts, line endings and a missing final newline', () => {
    expect(lineDiff('', '')).toEqual([]);
    expect(lineDiff('', 'a\nb').map((r) => r.kind)).toEqual(['added', 'added']);
    expect(lineDiff('a\r\nb\r\n', 'a\nb').map((r) => r.kind)).toEqual(['same', 'same']);
  });
});

describe('sizeDelta', () => {
  it('counts characters, not UTF-16 units or line-ending bytes', () => {
    expect(sizeDelta('abc', 'abcdef')).toBe(3);
    expect(sizeDelta('Café 🙂', 'Café')).toBe(-2);
    expect(sizeDelta('a\r\nb', 'a\nb')).toBe(0);
    expect(sizeDelta('', '')).toBe(0);
  });
});

describe('stored diffs', () => {
  it('round-trips examples, including emoji, accents and line endings', () => {
    const pairs: [string, string][] = [
      ['', ''],
      ['', 'Nouvelle page'],
      ['Ancienne page', ''],
      [STEPS_FR, STEPS_FR.replace('3. ', '3. Si besoin, ')],
      [TABLE_EN, TABLE_EN.replace('closed', 'fermé')],
      ['👩‍👩‍👧 famille', '👩‍👩‍👦 famille'],
      ['🇫🇷 France', '🇫🇮 Finlande'],
      ['e\u0301te', 'e\u0300te'],
      ['a\r\nb', 'a\nb'],
    ];
    for (const [a, b] of pairs) {
      const diff = makeStoredDiff(a, b);
      expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
      expect(applyStoredDiff(a, diff)).toBe(b);
      for (const op of diff) if (typeof op === 'string') expect(op).not.toMatch(LONE_SURROGATE);
    }
  });

  it('never cuts an accent off its letter or an emoji sequence', () => {
    const diff = makeStoredDiff('e\u0301te', 'e\u0300te');
    expect(diff.slice(1)).toEqual([-2, 'e\u0300', 2]);
    const family = makeStoredDiff('👩‍👩‍👧', '👩‍👩‍👦');
    expect(family.filter((op) => typeof op === 'string')).toEqual(['👩‍👩‍👦']);
  });

  it('stays small for a one-word change in a 50 KB page', () => {
    const before = bigPage();
    const after = before.replace('Étape 300 ', 'Étape trois-cents ');
    const diff = makeStoredDiff(before, after);
    expect(JSON.stringify(diff).length).toBeLessThan(100);
    expect(applyStoredDiff(before, diff)).toBe(after);
  });

  it('refuses a diff applied to the wrong text, or a malformed one', () => {
    const diff = makeStoredDiff('Bonjour tout le monde', 'Bonjour à tous');
    expect(() => applyStoredDiff('Bonsoir tout le monde', diff)).toThrow(/different revision/);
    expect(() => applyStoredDiff('Bonjour', diff)).toThrow(/does not fit/);
    const sum = diff[0]!;
    expect(() => applyStoredDiff('abc', [makeStoredDiff('abc', 'abc')[0]!, 5])).toThrow(/reaches character 5 of a text of 3/);
    expect(() => applyStoredDiff('abc', [makeStoredDiff('abc', 'x')[0]!, -1])).toThrow(/covers 1 characters of 3/);
    expect(() => applyStoredDiff('Bonjour tout le monde', [sum, 1.5])).toThrow(/malformed/);
    expect(() => applyStoredDiff('Bonjour tout le monde', ['x'])).toThrow(/malformed/);
    expect(() => applyStoredDiff('', [])).toThrow(/malformed/);
  });
});
