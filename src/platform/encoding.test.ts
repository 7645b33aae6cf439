import { describe, expect, it } from 'vitest';
import { preferredEncoding } from './encoding.js';

describe('preferredEncoding', () => {
  it('takes Brotli, then gzip, as browsers offer them', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredEncoding(['gzip', 'br'])).toBe('br');
  });

  it('sends the bytes as they are when nothing usable is offered', () => {
    expect(preferredEncoding(undefined)).toBeNull();
    expect(preferredEncoding('')).toBeNull();
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding('deflate, zstd')).toBeNull();
  });

  it('honours weights, q=0 refusing an encoding and * standing for the others', () => {
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('*;q=0')).toBeNull();
    expect(preferredEncoding('gzip;q=0, *')).toBe('br');
    expect(preferredEncoding('BR ; Q=1')).toBe('br');
    expect(preferredEncoding('br;q=abc, gzip')).toBe('gzip');
  });
});
