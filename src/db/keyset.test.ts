import { describe, expect, it } from 'vitest';
import { keysetFetchSize, keysetPage } from './keyset.js';

describe('keyset paging', () => {
  const rows = (ids: number[]) => ids.map((id) => ({ id }));
  it('asks for one row more than it shows', () => {
    expect(keysetFetchSize(20)).toBe(21);
  });
  it('gives the cursor of the older page only when there is one', () => {
    expect(keysetPage(rows([9, 8, 7]), 2)).toEqual({ page: rows([9, 8]), nextBefore: 8 });
    expect(keysetPage(rows([9, 8]), 2)).toEqual({ page: rows([9, 8]), nextBefore: null });
    expect(keysetPage([], 2)).toEqual({ page: [], nextBefore: null });
  });
});
