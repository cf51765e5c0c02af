import type dns from 'node:dns';

/**
 * Hosts a watch trusts: its configured URL's host and its allow-list (lower-case, without port). Its own module so the
 * fetch options can name it without importing the guard, which itself raises FetchFailures (no import circle).
 */
export interface UrlGuard {
  trustedHosts: readonly string[];
  /** Exact origins (scheme, host, port) trusted besides the hosts: where REGWATCH_REWRITE sends this watch. */
  trustedOrigins?: readonly string[];
  /** Resolver (tests inject one; production uses the system's `dns.lookup`, read at call time). */
  lookup?: typeof dns.lookup;
}
