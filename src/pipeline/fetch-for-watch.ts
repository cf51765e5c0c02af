import type { Watch } from '../config/load-config.js';
import type { Settings } from '../config/settings-schema.js';
import type { BrowserOptions, FetchOk, FetchOptions } from '../fetch/fetch-result.js';
import { FetchFailure } from '../fetch/fetch-result.js';
import type { KeyedLimiter } from '../limiter.js';
import { httpFetch } from '../fetch/http-fetch.js';
import { parseRewrites, rewriteUrl } from './url-rewrite.js';
import { trustedHostsOf } from '../security/url-guard.js';

/** Fetch through a real browser (provided by the browser pool when a watch uses `fetch: browser`). */
export type BrowserFetch = (url: string, opts: BrowserOptions & { watchId: string }) => Promise<FetchOk>;

/** The watch URL with its `query:` parameters added. */
export function watchUrl(watch: Watch): string {
  const url = new URL(watch.url);
  for (const [k, v] of Object.entries(watch.query)) url.searchParams.set(k, String(v));
  return url.href;
}

/** Fetch a URL the way a watch asks (HTTP or browser), within the per-host politeness limit. */
export async function fetchForWatch(
  watch: Watch,
  url: string,
  deps: { settings: Settings; hosts: KeyedLimiter; browser?: BrowserFetch },
  extra: Partial<FetchOptions> = {},
): Promise<FetchOk> {
  url = rewriteUrl(url);
  // Every request of a watch is guarded: its configured URL's host is trusted, so the guard only bites on discovered
  // links and on redirects (from any page, the configured one included) that leave the trusted hosts.
  // REGWATCH_REWRITE is the operator's own setting: the hosts it sends requests to are as trusted as the config's.
  const targets = [...parseRewrites(process.env.REGWATCH_REWRITE).values()].map((o) => o.hostname.toLowerCase());
  const guard = extra.guard ?? { trustedHosts: trustedHostsOf(watch.url, watch.allowHosts) };
  extra = { ...extra, guard: { ...guard, trustedHosts: [...guard.trustedHosts, ...targets] } };
  const host = new URL(url).host;
  const s = deps.settings;
  return deps.hosts.run(host, async () => {
    if (watch.fetch === 'browser') {
      if (!deps.browser)
        throw new FetchFailure(
          'browser',
          'this watch needs fetch: browser, but no browser is available in this process',
        );
      const b = watch.browser ?? {};
      return deps.browser(url, {
        watchId: watch.id,
        guard: extra.guard,
        headers: watch.headers,
        ...(b.waitFor ? { waitFor: b.waitFor } : {}),
        ...(b.timeout ? { timeoutMs: b.timeout } : watch.timeout ? { timeoutMs: watch.timeout } : {}),
        ...(b.blockResources ? { blockResources: b.blockResources } : {}),
        ...(b.viewport ? { viewport: b.viewport } : {}),
        ...(b.locale ? { locale: b.locale } : {}),
        ...(b.userAgent || watch.userAgent ? { userAgent: b.userAgent ?? watch.userAgent } : {}),
        ...(b.keepCookies ? { keepCookies: true } : {}),
        ...(b.screenshot !== undefined ? { screenshot: b.screenshot } : {}),
      });
    }
    return httpFetch(url, {
      method: watch.method,
      headers: watch.headers,
      ...(watch.body !== undefined ? { body: watch.body } : {}),
      timeoutMs: watch.timeout ?? s.timeout,
      connectTimeoutMs: s.connectTimeout,
      maxBytes: watch.maxBytes ?? s.maxBytes,
      maxRedirects: s.maxRedirects,
      userAgent: watch.userAgent ?? s.userAgent,
      ...(watch.charset ? { charset: watch.charset } : {}),
      ...extra,
    });
  });
}
