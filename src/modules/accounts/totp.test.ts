import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, otpauthUri, timeStep, totpAt } from './totp.js';

describe('base32 (RFC 4648 §10 test vectors)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  it.each(vectors)('%j ↔ %s', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });
  it('decodes padding, lower case and spaces, and refuses other characters', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1W')).toThrow();
  });
  it('round-trips 20 random bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 20 }, (_, i) => (i * 37 + 11) % 256));
    expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
  });
});

describe('TOTP (RFC 6238 appendix B)', () => {
  const sha1 = Buffer.from('12345678901234567890');
  const sha256 = Buffer.from('12345678901234567890123456789012');
  const sha512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');
  const vectors: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(vectors)('T = %i s', (seconds, s1, s256, s512) => {
    const step = timeStep(new Date(seconds * 1000));
    expect(totpAt(sha1, step, 8)).toBe(s1);
    expect(totpAt(sha256, step, 8, 'sha256')).toBe(s256);
    expect(totpAt(sha512, step, 8, 'sha512')).toBe(s512);
    // Six digits are the last six of the eight.
    expect(totpAt(sha1, step)).toBe(s1.slice(2));
  });

  it('accepts the previous, current and next step only, and returns which', () => {
    const now = new Date(1111111111 * 1000);
    const step = timeStep(now);
    expect(matchTotp(sha1, totpAt(sha1, step), now)).toBe(step);
    expect(matchTotp(sha1, totpAt(sha1, step - 1), now)).toBe(step - 1);
    expect(matchTotp(sha1, totpAt(sha1, step + 1), now)).toBe(step + 1);
    expect(matchTotp(sha1, totpAt(sha1, step - 2), now)).toBeNull();
    expect(matchTotp(sha1, totpAt(sha1, step + 2), now)).toBeNull();
    expect(matchTotp(sha1, 'abcdef', now)).toBeNull();
    expect(matchTotp(sha1, '', now)).toBeNull();
  });

  it('builds the otpauth URI', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'a@b.example', 'E-COOP')).toBe(
      'otpauth://totp/E-COOP%3Aa%40b.example?secret=JBSWY3DPEHPK3PXP&issuer=E-COOP&algorithm=SHA1&digits=6&period=30',
    );
  });
});
