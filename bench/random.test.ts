import { describe, expect, it } from 'vitest';
import { Rng } from './random.js';

const draw = (rng: Rng, n = 20) => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(new Rng('seed'))).toEqual(draw(new Rng('seed')));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(new Rng('a'))).not.toEqual(draw(new Rng('b')));
  });

  it('derives independent generators per label', () => {
    const a = Rng.derive('s', 'catalogue');
    const b = Rng.derive('s', 'catalogue');
    draw(Rng.derive('s', 'territory'), 1000); // using another label changes nothing
    expect(draw(a)).toEqual(draw(b));
    expect(draw(Rng.derive('s', 'places'))).not.toEqual(draw(Rng.derive('s', 'catalogue')));
  });

  it('stays within its ranges', () => {
    const rng = new Rng('ranges');
    const floats = draw(rng, 10_000);
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    const ints = new Set(Array.from({ length: 1000 }, () => rng.int(3, 7)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('is roughly uniform', () => {
    const rng = new Rng('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rng.next() * 10)]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('samples distinct elements and honours weights', () => {
    const rng = new Rng('sample');
    const picked = rng.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(picked).size).toBe(5);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 9, b: 1 })]++;
    expect(counts.a / 10_000).toBeGreaterThan(0.87);
    expect(counts.a / 10_000).toBeLessThan(0.93);
  });

  it('refuses to pick from nothing', () => {
    expect(() => new Rng('x').pick([])).toThrow();
  });
});
