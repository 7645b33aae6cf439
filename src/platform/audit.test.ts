import { describe, expect, it } from 'vitest';
import { truncateIp } from './audit.js';

describe('truncateIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['10.0.0.1', '10.0.0.0'],
    ['127.0.0.1', '127.0.0.0'],
    ['::ffff:198.51.100.23', '198.51.100.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8:0::'],
    ['2001:db8::1', '2001:db8:0::'],
    ['::1', '0:0:0::'],
    ['fe80::1%eth0', 'fe80:0:0::'],
    ['2001:DB8:ABCD:12::1', '2001:db8:abcd::'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0::'],
  ])('%s → %s', (ip, truncated) => {
    expect(truncateIp(ip)).toBe(truncated);
  });

  it.each([[''], [null], [undefined], ['not an address'], ['<script>'], ['999.1.1.1']])('%s → null', (ip) => {
    expect(truncateIp(ip)).toBeNull();
  });
});
