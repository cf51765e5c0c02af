/**
 * `REGWATCH_REWRITE`: send the requests of watches to other hosts without editing their config — for local fixtures
 * (tests, `regwatch demo`) or a caching proxy. A whitespace- or comma-separated list of `HOST=ORIGIN` pairs:
 *
 *   REGWATCH_REWRITE="www.miit.gov.cn=http://127.0.0.1:41001 news.google.com=http://127.0.0.1:41002"
 *
 * Every request regwatch makes for a watch (the watch URL, linked documents, attachments, and redirect hops over
 * http; http or browser) whose host is HOST goes to ORIGIN instead, keeping path and query. Links found on the rewritten pages resolve against
 * ORIGIN, so they stay on it.
 */
export type RewriteMap = ReadonlyMap<string, URL>;

let cached: { spec: string; map: RewriteMap } | undefined;

function rewritesOf(spec: string): RewriteMap {
  if (cached?.spec !== spec) cached = { spec, map: parseRewrites(spec) };
  return cached.map;
}

/** Parse a `REGWATCH_REWRITE` value; malformed pairs are an error naming them. */
export function parseRewrites(spec: string | undefined): RewriteMap {
  const map = new Map<string, URL>();
  for (const pair of (spec ?? '').split(/[\s,]+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const host = pair.slice(0, eq).trim().toLowerCase();
    let origin: URL | undefined;
    try {
      origin = eq > 0 ? new URL(pair.slice(eq + 1)) : undefined;
    } catch {
      origin = undefined;
    }
    if (!host || !origin || !/^https?:$/.test(origin.protocol)) {
      throw new Error(`REGWATCH_REWRITE: "${pair}" is not HOST=http(s)://ORIGIN`);
    }
    map.set(host, origin);
  }
  return map;
}

/** The URL to request for `url` under the rewrites of `spec` (default: the environment's `REGWATCH_REWRITE`). */
export function rewriteUrl(url: string, spec: string | undefined = process.env.REGWATCH_REWRITE): string {
  if (!spec) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const target = rewritesOf(spec).get(parsed.host.toLowerCase());
  if (!target) return url;
  return new URL(`${parsed.pathname}${parsed.search}`, target).href;
}

/**
 * The ORIGINs that `hosts` (a watch's own host and its allowHosts) are rewritten to. The link guard trusts exactly
 * these origins, for that watch only: links on a rewritten page resolve to its ORIGIN, but another port of the same
 * host, or another watch linking straight to the ORIGIN, gains nothing from the rewrite.
 */
export function rewrittenOrigins(
  hosts: readonly string[],
  spec: string | undefined = process.env.REGWATCH_REWRITE,
): string[] {
  if (!spec) return [];
  const map = rewritesOf(spec);
  return hosts.flatMap((h) => {
    const target = map.get(h.toLowerCase());
    return target ? [target.origin] : [];
  });
}
