import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, MAX_CELLS, tokenize } from './text-diff.js';

const side = (parts: ReturnType<typeof diffWords>, skip: 'added' | 'removed') =>
  parts
    .filter((p) => p.type !== skip)
    .map((p) => p.text)
    .join('');

describe('diffWords', () => {
  it('keeps identical texts as one unchanged run', () => {
    expect(diffWords('Apply online', 'Apply online')).toEqual([{ type: 'same', text: 'Apply online' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('shows a replaced word as removed then added, with the rest kept', () => {
    expect(diffWords('Apply online in 20 minutes', 'Apply online in 30 minutes')).toEqual([
      { type: 'same', text: 'Apply online in ' },
      { type: 'removed', text: '20' },
      { type: 'added', text: '30' },
      { type: 'same', text: ' minutes' },
    ]);
  });

  it('reports insertions and deletions of whole words', () => {
    expect(diffWords('Bring your ID', 'Bring your ID and a bill')).toEqual([
      { type: 'same', text: 'Bring your ID' },
      { type: 'added', text: ' and a bill' },
    ]);
    expect(diffWords('a b c', '')).toEqual([{ type: 'removed', text: 'a b c' }]);
    expect(diffWords('', 'new text')).toEqual([{ type: 'added', text: 'new text' }]);
  });

  it('finds the words in common even when they moved apart', () => {
    const parts = diffWords('the quick brown fox', 'the slow brown dog');
    expect(parts.filter((p) => p.type === 'same').map((p) => p.text.trim())).toEqual(['the', 'brown']);
  });

  it('shows a rewritten passage as the old text then the new, without crumbs of common words', () => {
    expect(diffWords('Pay by card or by cheque at the desk', 'Pay online with a card at the desk')).toEqual([
      { type: 'same', text: 'Pay ' },
      { type: 'removed', text: 'by card or by cheque' },
      { type: 'added', text: 'online with a card' },
      { type: 'same', text: ' at the desk' },
    ]);
  });

  it('treats line breaks as whitespace tokens, so both texts come back exactly', () => {
    expect(tokenize('one\ntwo  three')).toEqual(['one', '\n', 'two', '  ', 'three']);
  });

  it('falls back to "all replaced" beyond its size limit, still faithful to both texts', () => {
    const n = Math.ceil(Math.sqrt(MAX_CELLS)) + 10;
    const before = Array.from({ length: n }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: n }, (_, i) => `b${i}`).join(' ');
    const parts = diffWords(before, after);
    expect(parts.map((p) => p.type)).toEqual(['removed', 'added']);
  });

  it('always gives back both texts exactly (property)', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'dé', ' ', '\n', '  ');
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(side(parts, 'added')).toBe(before);
        expect(side(parts, 'removed')).toBe(after);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.type).not.toBe(parts[i - 1]!.type);
      }),
    );
  });
});
