/**
 * Addresses a URL found on a watched page must never make regwatch connect to: its own machine, the private network
 * it runs in, cloud metadata endpoints, multicast and reserved ranges — IPv4 and IPv6, including every IPv6 form that
 * carries an IPv4 address (mapped `::ffff:a.b.c.d` in dotted or hex form, compatible `::a.b.c.d`, NAT64, 6to4).
 *
 * Ranges: IANA special-purpose registries, https://www.iana.org/assignments/iana-ipv4-special-registry and
 * https://www.iana.org/assignments/iana-ipv6-special-registry (globally reachable = false).
 */
import { BlockList, isIP } from 'node:net';

type Family = 'ipv4' | 'ipv6';

/** One forbidden range per reason, checked in order by node:net's BlockList (the first match names the reason). */
function ranges(family: Family, table: ReadonlyArray<readonly [string, number, string]>) {
  return table.map(([network, prefix, why]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, why };
  });
}

const V4 = ranges('ipv4', [
  ['0.0.0.0', 8, 'a "this network" address (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'a private address (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address (169.254.0.0/16, where cloud metadata lives)'],
  ['172.16.0.0', 12, 'a private address (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'a reserved address (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'a documentation address (192.0.2.0/24)'],
  ['192.88.99.0', 24, 'a reserved address (6to4 relay, 192.88.99.0/24)'],
  ['192.168.0.0', 16, 'a private address (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'a benchmarking address (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'a documentation address (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'a documentation address (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address (240.0.0.0/4, broadcast)'],
]);

const V6 = ranges('ipv6', [
  ['::', 128, 'an unspecified address (::)'],
  ['::1', 128, 'a loopback address (::1)'],
  // Deprecated IPv4-compatible ::a.b.c.d — nothing public lives there.
  ['::', 96, 'a reserved address (IPv4-compatible ::/96)'],
  ['64:ff9b::', 96, 'a NAT64 address (64:ff9b::/96 reaches IPv4 through a local gateway)'],
  ['100::', 64, 'a discard-only address (100::/64)'],
  ['2001:db8::', 32, 'a documentation address (2001:db8::/32)'],
  ['fc00::', 7, 'a private address (fc00::/7)'],
  ['fe80::', 10, 'a link-local address (fe80::/10)'],
  ['fec0::', 10, 'a site-local address (fec0::/10)'],
  ['ff00::', 8, 'a multicast address'],
]);

function forbiddenIn(rules: ReturnType<typeof ranges>, ip: string, family: Family): string | null {
  return rules.find((r) => r.list.check(ip, family))?.why ?? null;
}

function octets(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const n = parts.map(Number);
  return n.every((x) => x <= 255) ? n : null;
}

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tail folded in), or null when it does not parse. */
export function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const o = octets(dotted[1]!);
    if (!o) return null;
    tail.push((o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!);
    text = text.slice(0, -dotted[1]!.length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const known = head.length + rest.length + tail.length;
  if (head.some(Number.isNaN) || rest.some(Number.isNaN)) return null;
  if (halves.length === 1 && known !== 8) return null;
  if (halves.length === 2 && known > 7) return null;
  return [...head, ...Array<number>(8 - known).fill(0), ...rest, ...tail];
}

/**
 * IPv6 forms that carry an IPv4 address the connection really goes to — mapped `::ffff:a.b.c.d`, translated
 * `::ffff:0:a.b.c.d`, 6to4 `2002:aabb:ccdd::` — are judged by that IPv4 address and name it. BlockList would match a
 * mapped address against IPv4 ranges, but neither the translated nor the 6to4 form, nor say which address it was.
 */
function embeddedV4(g: readonly number[]): { v4: string; form: string } | null {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  if (zeros(0, 5) && g[5] === 0xffff) return { v4: v4(g[6]!, g[7]!), form: 'IPv4-mapped' };
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return { v4: v4(g[6]!, g[7]!), form: 'IPv4-translated' };
  if (g[0] === 0x2002) return { v4: v4(g[1]!, g[2]!), form: '6to4' };
  return null;
}

/** Why connecting to `ip` is refused, or null when it is a public address. Anything that is not an IP is refused. */
export function forbiddenAddress(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return forbiddenIn(V4, bare, 'ipv4');
  if (family !== 6) return 'not an IP address';
  const groups = ipv6Groups(bare);
  if (!groups) return 'not an IP address';
  const inner = embeddedV4(groups);
  if (inner) {
    const why = forbiddenIn(V4, inner.v4, 'ipv4');
    return why ? `${why}, as ${inner.form} ${inner.v4}` : null;
  }
  return forbiddenIn(V6, bare, 'ipv6');
}
