import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './jobs.js';

describe('retryDelayMs', () => {
  it('starts at 30 s and doubles with each attempt, before jitter', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(a, noJitter))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it('is capped at one hour (plus jitter), even for absurd attempt numbers', () => {
    expect(retryDelayMs(8, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(1000, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(1000, () => 0.999_999)).toBeLessThanOrEqual(3_600_000 * 1.2);
  });

  it('adds at most 20 % of jitter, and never waits less than the base', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const base = retryDelayMs(attempt, () => 0);
      for (let i = 0; i < 50; i++) {
        const d = retryDelayMs(attempt);
        expect(d).toBeGreaterThanOrEqual(base);
        expect(d).toBeLessThanOrEqual(Math.round(base * 1.2));
      }
    }
  });

  it('spreads jobs that failed together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('treats attempt 0 or less like the first', () => {
    expect(retryDelayMs(0, () => 0)).toBe(30_000);
  });
});
