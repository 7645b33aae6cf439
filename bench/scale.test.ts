import { describe, expect, it } from 'vitest';
import { MAX_FACTOR, parseScale, scaled } from './scale.js';

describe('parseScale', () => {
  it('knows the named scales, small by default', () => {
    expect(parseScale(undefined)).toEqual({ name: 'small', factor: 0.1 });
    expect(parseScale('tiny')).toEqual({ name: 'tiny', factor: 0.001 });
    expect(parseScale('City')).toEqual({ name: 'city', factor: 1 });
  });

  it('takes a number as a multiplier of the city scale', () => {
    expect(parseScale('2')).toEqual({ name: '2', factor: 2 });
    expect(parseScale('0.25')).toEqual({ name: '0.25', factor: 0.25 });
    expect(parseScale('.5').factor).toBe(0.5);
  });

  it.each(['0', '-1', 'huge', '1e3', '', 'NaN', String(MAX_FACTOR + 1), 'toString'])('rejects %j', (value) => {
    expect(() => parseScale(value)).toThrow(/--scale/);
  });
});

describe('scaled', () => {
  it('multiplies the city count and rounds', () => {
    expect(scaled(2000, 1)).toBe(2000);
    expect(scaled(2000, 0.1)).toBe(200);
    expect(scaled(200, 0.5)).toBe(100);
  });

  it('never goes below the minimum', () => {
    expect(scaled(200, 0.001)).toBe(3);
    expect(scaled(100_000, 0.00001, 10)).toBe(10);
  });
});
