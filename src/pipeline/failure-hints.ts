import type { FetchFailure } from '../fetch/fetch-result.js';

/** What a failure of this kind usually means, and what to do about it (shown in ops alerts, status and logs). */
export function failureHint(error: Pick<FetchFailure, 'kind' | 'status'>): string {
  switch (error.kind) {
    case 'challenge':
      return 'the site answers plain clients with an anti-bot challenge: set fetch: browser on this watch';
    case 'http':
      if (error.status === 404 || error.status === 410)
        return 'the site moved or removed the page: find its new address and update url';
      if (error.status === 403)
        return 'the site refuses this client: add Referer/Accept-Language headers, or use fetch: browser';
      if ((error.status ?? 0) >= 500) return 'the site is having trouble; this usually passes — check again later';
      return 'the site refused the request: open the url in a browser and compare';
    case 'selector':
      return 'the selector matched nothing: the site changed its markup, or renders the list with JavaScript — run `regwatch check ID` and update the selectors, or use fetch: browser';
    case 'empty':
      return 'the page came back without content (an error shell or a JavaScript-rendered page): use fetch: browser or the site’s JSON API';
    case 'timeout':
    case 'network':
      return 'the site is slow or unreachable from here (some government sites block overseas addresses): check connectivity or raise timeout';
    case 'too-large':
      return 'the answer is larger than maxBytes: point the watch at a smaller page or raise maxBytes';
    case 'truncated':
      return 'the connection was cut before the page ended: usually transient';
    case 'redirects':
      return 'the site redirects in a loop (often http↔https): use the final https:// address';
    case 'binary':
      return 'the address serves a file, not a page: point the watch at the page that links it';
    case 'parse':
      return 'the feed or JSON does not parse: check the url still serves a feed';
    case 'blocked':
      return 'a link on the watched page points at a private, loopback or metadata address, or a non-http scheme: regwatch does not follow it; if the host is yours and trusted, add it to allowHosts';
    case 'browser':
      return 'the browser could not run: install Chromium (apt-get install chromium, or npx playwright install chromium)';
  }
}
