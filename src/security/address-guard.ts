/**
 * Addresses a URL found on a watched page must never make regwatch connect to: its own machine, the private network
 * it runs in, cloud metadata endpoints, multicast and reserved ranges — IPv4 and IPv6, including every IPv6 form that
 * carries an IPv4 address (mapped `::ffff:a.b.c.d` in dotted or hex form, compatible `::a.b.c.d`, NAT64, 6to4).
 *
 * Ranges: IANA special-purpose registries, https://www.iana.org/assignments/iana-ipv4-special-registry and
 * https://www.iana.org/assignments/iana-ipv6-special-registry (globally reachable = false).
 */
import { isIP } from 'node:net';

/** Forbidden IPv4 ranges as [first octet, second octet from, second octet to, third octet or -1 for any, reason]. */
const V4_RANGES: ReadonlyArray<readonly [number, number, number, number, string]> = [
  [0, 0, 255, -1, 'a "this network" address (0.0.0.0/8)'],
  [10, 0, 255, -1, 'a private address (10.0.0.0/8)'],
  [100, 64, 127, -1, 'a carrier-grade NAT address (100.64.0.0/10)'],
  [127, 0, 255, -1, 'a loopback address'],
  [169, 254, 254, -1, 'a link-local address (169.254.0.0/16, where cloud metadata lives)'],
  [172, 16, 31, -1, 'a private address (172.16.0.0/12)'],
  [192, 0, 0, 0, 'a reserved address (192.0.0.0/24)'],
  [192, 0, 0, 2, 'a documentation address (192.0.2.0/24)'],
  [192, 88, 88, 99, 'a reserved address (6to4 relay, 192.88.99.0/24)'],
  [192, 168, 168, -1, 'a private address (192.168.0.0/16)'],
  [198, 18, 19, -1, 'a benchmarking address (198.18.0.0/15)'],
  [198, 51, 51, 100, 'a documentation address (198.51.100.0/24)'],
  [203, 0, 0, 113, 'a documentation address (203.0.113.0/24)'],
];

function octets(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const n = parts.map(Number);
  return n.every((x) => x <= 255) ? n : null;
}

function forbiddenV4(o: readonly number[]): string | null {
  const [a, b, c] = o as [number, number, number, number];
  for (const [ra, bFrom, bTo, rc, why] of V4_RANGES) {
    if (a === ra && b >= bFrom && b <= bTo && (rc === -1 || c === rc)) return why;
  }
  if (a >= 224 && a <= 239) return 'a multicast address';
  if (a >= 240) return 'a reserved address (240.0.0.0/4, broadcast)';
  return null;
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

function v4From(hi: number, lo: number): number[] {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

function forbiddenV6(g: readonly number[]): string | null {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'an unspecified address (::)';
  if (zeros(0, 7) && g[7] === 1) return 'a loopback address (::1)';
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-translated ::ffff:0:a.b.c.d: the socket connects to the IPv4 address itself.
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(v4From(g[6]!, g[7]!), 'IPv4-mapped');
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return embedded(v4From(g[6]!, g[7]!), 'IPv4-translated');
  // Deprecated IPv4-compatible ::a.b.c.d — nothing public lives there.
  if (zeros(0, 6)) return 'a reserved address (IPv4-compatible ::/96)';
  if (g[0] === 0x64 && g[1] === 0xff9b) return 'a NAT64 address (64:ff9b::/96 reaches IPv4 through a local gateway)';
  if (g[0] === 0x100 && zeros(1, 4)) return 'a discard-only address (100::/64)';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'a documentation address (2001:db8::/32)';
  if (g[0] === 0x2002) return embedded(v4From(g[1]!, g[2]!), '6to4');
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'a private address (fc00::/7)';
  if ((first & 0xffc0) === 0xfe80) return 'a link-local address (fe80::/10)';
  if ((first & 0xffc0) === 0xfec0) return 'a site-local address (fec0::/10)';
  if ((first & 0xff00) === 0xff00) return 'a multicast address';
  return null;
}

function embedded(v4: number[], form: string): string | null {
  const why = forbiddenV4(v4);
  return why ? `${why}, as ${form} ${v4.join('.')}` : null;
}

/** Why connecting to `ip` is refused, or null when it is a public address. Anything that is not an IP is refused. */
export function forbiddenAddress(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return forbiddenV4(octets(bare)!);
  if (family !== 6) return 'not an IP address';
  const groups = ipv6Groups(bare);
  return groups ? forbiddenV6(groups) : 'not an IP address';
}
