import type { Watch } from '../config/load-config.js';
import type { Settings } from '../config/settings-schema.js';
import type { BrowserOptions, FetchOk, FetchOptions } from '../fetch/fetch-result.js';
import { FetchFailure } from '../fetch/fetch-result.js';
import type { KeyedLimiter } from '../limiter.js';
import { httpFetch } from '../fetch/http-fetch.js';
import { rewriteUrl, rewrittenOrigins } from './url-rewrite.js';
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
  const asked = url;
  url = rewriteUrl(url);
  // Every request of a watch is guarded: its configured URL's host is trusted, so the guard only bites on discovered
  // links and on redirects (from any page, the configured one included) that leave the trusted hosts.
  // REGWATCH_REWRITE is the operator's own setting: the exact origin it sends this request to is trusted, and so are
  // the origins the watch's own hosts are rewritten to (links on a rewritten page resolve there) — nothing more.
  const guard = extra.guard ?? { trustedHosts: trustedHostsOf(watch.url, watch.allowHosts) };
  const origins = rewrittenOrigins([new URL(watch.url).host, ...watch.allowHosts]);
  if (url !== asked) origins.push(new URL(url).origin);
  extra = { ...extra, guard: { ...guard, trustedOrigins: [...(guard.trustedOrigins ?? []), ...origins] } };
  const host = new URL(url).host;
  // The watch's headers (credentials, cookies) belong to its own origin: no other origin's page gets them.
  const credentialOrigin = new URL(rewriteUrl(watch.url)).origin;
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
        headers: new URL(url).origin === credentialOrigin ? watch.headers : {},
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
      credentialOrigin,
      ...(process.env.REGWATCH_REWRITE ? { rewrite: (u: string) => rewriteUrl(u) } : {}),
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
