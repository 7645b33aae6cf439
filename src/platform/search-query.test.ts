import { describe, expect, it } from 'vitest';
import { adjacentSwaps, closestTerms } from './search-query.js';
import { tsqueryText } from './search-postgres.js';
import { matchExpression } from './search-sqlite.js';

describe('adjacentSwaps', () => {
  it('lists each distinct swap of two neighbouring characters', () => {
    expect(adjacentSwaps('abc')).toEqual(['bac', 'acb']);
    expect(adjacentSwaps('aab')).toEqual(['aba']);
    expect(adjacentSwaps('a')).toEqual([]);
  });
});

describe('closestTerms', () => {
  it('keeps candidates within the typo allowance, nearest first', () => {
    expect(closestTerms('housng', ['housing', 'hous', 'mousing', 'holding'])).toEqual(['housing']);
    expect(closestTerms('alocation', ['allocation', 'location', 'vocation', 'allocations'])).toEqual([
      'allocation',
      'location',
      'allocations',
      'vocation',
    ]);
  });

  it('allows no typo in short words and drops the word itself', () => {
    expect(closestTerms('aid', ['aide', 'raid'])).toEqual([]);
    expect(closestTerms('benefit', ['benefit'])).toEqual([]);
  });

  it('keeps at most five corrections', () => {
    expect(closestTerms('abcdefgh', ['abcdefga', 'abcdefgb', 'abcdefgc', 'abcdefgd', 'abcdefge', 'abcdefgf'])).toHaveLength(5);
  });
});

describe('engine query text', () => {
  const groups = [
    { terms: ['housng', 'housing'], prefixes: [] },
    { terms: ['benefit'], prefixes: ['benfit'] },
  ];

  it('writes every FTS5 term as a quoted string', () => {
    expect(matchExpression(groups)).toBe('("housng" OR "housing") AND ("benefit" OR "benfit"*)');
    expect(matchExpression([{ terms: ['a"b'], prefixes: [] }])).toBe('("a""b")');
  });

  it('writes every tsquery term as a quoted lexeme', () => {
    expect(tsqueryText(groups)).toBe("('housng' | 'housing') & ('benefit' | 'benfit':*)");
    expect(tsqueryText([{ terms: ["a'b\\"], prefixes: [] }])).toBe("('a''b\\\\')");
  });
});
