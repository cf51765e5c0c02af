/**
 * The policy for URLs regwatch discovers (list links, feed links, attachments, redirects): config URLs are trusted,
 * discovered ones are not. A discovered URL must be http(s) and either on a trusted host (the watch's own host, or
 * one in its `allowHosts`) or resolve only to public addresses — checked on the address actually connected to, for
 * every hop, so a DNS answer that changes between check and connect gains nothing.
 */
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { FetchFailure } from '../fetch/fetch-result.js';
import { forbiddenAddress } from './address-guard.js';
import type { UrlGuard } from './url-guard-options.js';

export type { UrlGuard } from './url-guard-options.js';

/** Error code a guarded `lookup` fails with; http-fetch turns it into a `blocked` FetchFailure. */
export const BLOCKED_CODE = 'EREGWATCHBLOCKED';

/** Host of a URL as compared with trusted hosts: lower-case, IPv6 brackets and a trailing dot removed. */
export function hostKey(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

export function trustedHostsOf(url: string, allowHosts: readonly string[] = []): string[] {
  return [hostKey(new URL(url).hostname), ...allowHosts.map(hostKey)];
}

function isTrusted(url: URL, guard: UrlGuard): boolean {
  if (guard.trustedOrigins?.includes(url.origin)) return true;
  return guard.trustedHosts.map(hostKey).includes(hostKey(url.hostname));
}

/** Refuse before connecting: the scheme, and a literal IP address outside the trusted hosts. */
export function checkDiscoveredUrl(url: URL, guard: UrlGuard): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchFailure('blocked', `refused ${url.protocol}// link: only http and https are followed`);
  }
  if (isTrusted(url, guard)) return;
  const host = hostKey(url.hostname);
  if (isIP(host)) {
    const why = forbiddenAddress(host);
    if (why) throw new FetchFailure('blocked', `refused ${url.host}: ${why}, and not a host this watch trusts`);
  }
}

/** Whether a hop to `url` needs the connect-time address check (any host the watch does not trust). */
export function needsAddressCheck(url: URL, guard: UrlGuard): boolean {
  return !isTrusted(url, guard);
}

function resolveAll(guard: UrlGuard, hostname: string, options: LookupOptions): Promise<LookupAddress[]> {
  const resolve = guard.lookup ?? dns.lookup;
  return new Promise((ok, fail) =>
    resolve(hostname, { ...options, all: true }, (err, addresses) => (err ? fail(err) : ok(addresses))),
  );
}

/** The first forbidden address among `addresses`, with its reason. */
function firstForbidden(addresses: readonly LookupAddress[]): { address: string; why: string } | undefined {
  for (const a of addresses) {
    const why = forbiddenAddress(a.address);
    if (why) return { address: a.address, why };
  }
  return undefined;
}

/**
 * A `lookup` for node:http that resolves as usual and refuses the connection when any address is forbidden. Node
 * connects to what this returns, so the address checked is the address used: no gap for DNS rebinding.
 */
export function guardedLookup(guard: UrlGuard): LookupFunction {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolveAll(guard, hostname, options).then(
      (list) => {
        const bad = firstForbidden(list);
        if (bad) {
          const error: NodeJS.ErrnoException = new Error(
            `refused ${hostname}: it resolves to ${bad.why} (${bad.address}), and it is not a host this watch trusts`,
          );
          error.code = BLOCKED_CODE;
          return callback(error, '', 0);
        }
        if (list.length === 0)
          return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) return callback(null, list);
        return callback(null, list[0]!.address, list[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

/**
 * For the browser's request interception (and anything else that cannot use `guardedLookup`): the reason to refuse
 * a request to `raw`, or null. `data:` and `blob:` URLs stay inside the page and are allowed; a host that does not
 * resolve is refused. The browser resolves names itself afterwards, so this is a check-then-use: see
 * docs/security.md for what that leaves.
 */
export async function forbiddenUrlReason(raw: string, guard: UrlGuard = { trustedHosts: [] }): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:') return null;
  try {
    checkDiscoveredUrl(url, guard);
  } catch (error) {
    return (error as Error).message;
  }
  if (!needsAddressCheck(url, guard) || isIP(hostKey(url.hostname))) return null;
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(guard, hostKey(url.hostname), {});
  } catch (error) {
    return `refused ${url.hostname}: it does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const bad = firstForbidden(addresses);
  return bad ? `refused ${url.hostname}: it resolves to ${bad.why} (${bad.address})` : null;
}

/**
 * The reason `url` must not be requested under `guard` (default: no trusted host, so every host must be public), or
 * null. The name the browser pool's request interception calls.
 */
export const isForbiddenUrl = forbiddenUrlReason;
