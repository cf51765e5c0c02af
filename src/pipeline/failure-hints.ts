import { FetchFailure, type FetchFailureKind } from '../fetch/fetch-result.js';
import { StoreUnavailable } from '../store/store-error.js';

/**
 * Why a check failed: the fetch kinds, plus `store` (regwatch's own store did not answer; the site is not at fault)
 * and `internal` (a bug in regwatch: a classifier or extractor threw). Nothing unknown is ever reported as `parse`.
 */
export type CheckFailureKind = FetchFailureKind | 'store' | 'internal';

export interface CheckFailure {
  kind: CheckFailureKind;
  message: string;
  status?: number;
}

/** Name what went wrong: a FetchFailure keeps its kind, a store error is `store`, anything else is `internal`. */
export function describeFailure(raw: unknown): CheckFailure {
  if (raw instanceof FetchFailure)
    return { kind: raw.kind, message: raw.message, ...(raw.status !== undefined ? { status: raw.status } : {}) };
  if (raw instanceof StoreUnavailable) return { kind: 'store', message: raw.message };
  const error = raw instanceof Error ? raw : new Error(String(raw));
  return { kind: 'internal', message: `${error.name}: ${error.message}` };
}

/** The host the fetch layer names at the start of a network message ("www.mofcom.gov.cn: ENOTFOUND"). */
const hostOf = (message: string) => /^([\w.-]+(?::\d+)?): /.exec(message)?.[1];

/** A network failure's hint, by what the system said: DNS, refused, reset, unreachable. */
function networkHint(message: string): string {
  const host = hostOf(message);
  const named = host ? ` ${host}` : '';
  if (/ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED/.test(message))
    return `the host name${named} did not resolve (DNS): check the spelling of the url's host, and that this machine can resolve names (a temporary DNS failure passes by itself)`;
  if (/ECONNREFUSED|ERR_CONNECTION_REFUSED/.test(message))
    return `nothing accepts connections at${named || ' the address'}: the site is down or the port in the url is wrong`;
  if (/ECONNRESET|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|EPIPE/.test(message))
    return 'the site cut the connection before answering (some government sites drop overseas addresses): usually transient; if it lasts, check from another network';
  if (/EHOSTUNREACH|ENETUNREACH|ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED/.test(message))
    return 'no route to the site from this machine: check this machine’s network connection (and any firewall or proxy)';
  if (/CERT|SSL|TLS|self.signed/i.test(message))
    return 'the site’s TLS certificate was refused: check the url (https vs http) and the site’s certificate in a browser';
  return 'the site is unreachable from here (some government sites block overseas addresses): check connectivity';
}

/** What a failure of this kind usually means, and what to do about it (shown in ops alerts, status and logs). */
export function failureHint(error: { kind: CheckFailureKind; status?: number | undefined; message?: string }): string {
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
      return 'the site answered too slowly (or not at all) within the time-out: if it is merely slow, raise timeout; some government sites stall overseas addresses';
    case 'network':
      return networkHint(error.message ?? '');
    case 'too-large':
      return 'the answer is larger than maxBytes: point the watch at a smaller page or raise maxBytes';
    case 'truncated':
      return 'the connection was cut before the page ended: usually transient';
    case 'redirects':
      return 'the site redirects in a loop (often http↔https): use the final https:// address';
    case 'binary':
      return 'the address serves a file, not a page: point the watch at the page that links it';
    case 'parse':
      return 'the answer does not parse as the watch expects (a feed, or JSON at json.path): open the url and check it still serves that';
    case 'blocked':
      return 'a link on the watched page points at a private, loopback or metadata address, or a non-http scheme: regwatch does not follow it; if the host is yours and trusted, add it to allowHosts';
    case 'browser':
      return 'the browser could not run: install Chromium (apt-get install chromium, or npx playwright install chromium)';
    case 'store':
      return 'regwatch’s own store (REGWATCH_STORE) did not answer: the site is not at fault — check that the database is running and writable (disk space, permissions); checks pause and resume by themselves when it answers again';
    case 'internal':
      return 'a bug in regwatch, not a problem with the site: the log has the details — please report it with `regwatch check ID` output';
  }
}

/** The message for a listener that could not start: a port in use names the port and the variable that moves it. */
export function listenFailure(error: NodeJS.ErrnoException, port: number, variable: string): Error {
  if (error.code === 'EADDRINUSE')
    return new Error(
      `port ${port} is already in use (another regwatch, or another program): stop it, or set ${variable} to a free port (e.g. ${variable}=${port + 1})`,
    );
  if (error.code === 'EACCES')
    return new Error(
      `port ${port} needs privileges this process does not have: set ${variable} to a port above 1023 (e.g. ${variable}=8080)`,
    );
  return error;
}
