/** Which addresses a discovered link may connect to: public ones only, in every IPv4 and IPv6 spelling. */
import { describe, expect, it } from 'vitest';
import { forbiddenAddress, ipv6Groups } from '../../src/security/address-guard.js';

const forbidden: Array<[string, RegExp]> = [
  ['127.0.0.1', /loopback/],
  ['127.255.0.9', /loopback/],
  ['0.0.0.0', /this network/],
  ['10.1.2.3', /private/],
  ['172.16.0.1', /private/],
  ['172.31.255.255', /private/],
  ['192.168.1.1', /private/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['169.254.169.254', /link-local.*metadata/],
  ['192.0.0.8', /reserved/],
  ['192.0.2.1', /documentation/],
  ['198.18.0.1', /benchmarking/],
  ['198.51.100.7', /documentation/],
  ['203.0.113.9', /documentation/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.250', /multicast/],
  ['240.0.0.1', /reserved/],
  ['255.255.255.255', /reserved/],
  ['::1', /loopback/],
  ['0:0:0:0:0:0:0:1', /loopback/],
  ['::', /unspecified/],
  ['::ffff:127.0.0.1', /loopback.*IPv4-mapped 127\.0\.0\.1/],
  ['::ffff:7f00:1', /loopback.*IPv4-mapped 127\.0\.0\.1/],
  ['0:0:0:0:0:ffff:a9fe:a9fe', /link-local.*IPv4-mapped 169\.254\.169\.254/],
  ['::ffff:0:a00:1', /private.*IPv4-translated 10\.0\.0\.1/],
  ['::7f00:1', /IPv4-compatible/],
  ['::127.0.0.1', /IPv4-compatible/],
  ['64:ff9b::a9fe:a9fe', /NAT64/],
  ['2002:7f00:1::1', /loopback.*6to4 127\.0\.0\.1/],
  ['2001:db8::1', /documentation/],
  ['100::1', /discard/],
  ['fd00::1', /private/],
  ['fc00::1', /private/],
  ['fd00:ec2::254', /private/],
  ['fe80::1', /link-local/],
  ['fe80::1%eth0', /link-local/],
  ['fec0::1', /site-local/],
  ['ff02::1', /multicast/],
  ['[::1]', /loopback/],
  ['localhost', /not an IP/],
  ['1.2.3', /not an IP/],
];

const allowed = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.32.0.1',
  '100.128.0.1',
  '2001:4860:4860::8888',
  '2606:4700::1111',
  '::ffff:8.8.8.8',
  '2002:808:808::1',
];

describe('forbiddenAddress', () => {
  it.each(forbidden)('refuses %s', (ip, why) => {
    expect(forbiddenAddress(ip)).toMatch(why);
  });
  it.each(allowed)('allows %s', (ip) => {
    expect(forbiddenAddress(ip)).toBeNull();
  });
  it('parses every IPv6 spelling into eight groups', () => {
    expect(ipv6Groups('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups('1::8')).toEqual([1, 0, 0, 0, 0, 0, 0, 8]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(ipv6Groups('1::2::3')).toBeNull();
    expect(ipv6Groups('g::1')).toBeNull();
  });
});
