import { redactSecrets } from '../security/secrets.js';
import type { UrlGuard } from '../security/url-guard-options.js';
/** Why a fetch failed. Every failure is recorded on the watch's health and is never compared as content. */
export type FetchFailureKind =
  | 'http' // 4xx/5xx status
  | 'timeout' // connect or total time-out
  | 'network' // refused, reset, DNS
  | 'challenge' // an anti-bot page (412 + $_ts, 安全验证, Just a moment …)
  | 'empty' // no body, or no real text
  | 'truncated' // body ended before the document did
  | 'too-large' // body over the size cap
  | 'redirects' // redirect loop or too many redirects
  | 'binary' // not text
  | 'browser' // the browser could not be launched or crashed
  | 'selector' // the configured selector matched nothing
  | 'parse' // a feed or JSON that does not parse
  | 'blocked'; // a discovered link to a forbidden scheme or address (see src/security/url-guard.ts)

/** A fetch that could not produce content; `hint` tells an operator what it usually means. */
export class FetchFailure extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
    readonly status?: number,
  ) {
    // Failure messages travel far (logs, health, `check`, `status`, ops alerts): a secret in a URL never goes with them.
    super(redactSecrets(message));
    this.name = 'FetchFailure';
  }
}

/** A successful fetch: decoded text plus what is needed for the next conditional request. */
export interface FetchOk {
  /** false when the server answered 304 Not Modified to a conditional request. */
  modified: boolean;
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  /** Decoded body (empty when not modified). An HTTP body is decoded when this is first read. */
  text: string;
  /**
   * The body as received, with the charset that decodes it to `text`, for readers that decode only what they keep
   * (see src/extract/byte-source.ts). Set on HTTP bodies whose charset was found without decoding them.
   */
  body?: RawBody;
  /** Raw body bytes (kept only for binary downloads such as XLS attachments). */
  bytes?: Buffer;
  etag?: string;
  lastModified?: string;
  /** Browser fetches may carry a PNG of the page or a region. */
  screenshot?: Buffer;
  durationMs: number;
}

/** A body's bytes (after any BOM) and the charset (a `decodeAs` label) that decodes them exactly. */
export interface RawBody {
  bytes: Buffer;
  charset: string;
}

/** Options of one request; every field is optional and has a safe default. */
export interface FetchOptions {
  method?: 'GET' | 'POST';
  /** The watch's own headers (credentials, cookies): sent only to `credentialOrigin`. */
  headers?: Record<string, string>;
  /** Headers that are no credential (a Referer): sent to every hop. */
  extraHeaders?: Record<string, string>;
  /**
   * The origin (scheme, host, port) `headers` and a POST body belong to: the watch's own. Requests to any other
   * origin — a followed link, a redirect hop — go without them. Default: the origin of the URL fetched.
   */
  credentialOrigin?: string;
  body?: string;
  /** Total time budget in ms. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  etag?: string;
  lastModified?: string;
  /** Keep the raw bytes on the result. */
  keepBytes?: boolean;
  /** Force a charset instead of detecting it. */
  charset?: string;
  signal?: AbortSignal;
  /** A discovered URL: every hop must pass the watch's guard (trusted hosts, else public addresses only). */
  guard?: UrlGuard;
  /**
   * REGWATCH_REWRITE for redirect hops: the URL to request instead of a redirect target. A rewritten hop trusts
   * exactly the origin it was rewritten to.
   */
  rewrite?: (url: string) => string;
}

/** Browser-only options (fetch: browser). */
export interface BrowserOptions {
  /** A CSS selector to wait for, or 'networkidle'. */
  waitFor?: string;
  /**
   * Without `waitFor`: the watch's own `items` (or `select`) selector. The page is read once it matches (a list its
   * script fills after load), or at the time-out, when the extractor says what matched nothing.
   */
  expect?: string;
  timeoutMs?: number;
  blockResources?: Array<'image' | 'font' | 'media' | 'stylesheet'>;
  viewport?: { width: number; height: number };
  locale?: string;
  userAgent?: string;
  /** Requests the page makes to hosts the watch does not trust must resolve to public addresses. */
  guard?: UrlGuard;
  /** Keep cookies between this watch's checks. */
  keepCookies?: boolean;
  /** CSS selector of the region to screenshot, or true for the full page. */
  screenshot?: string | boolean;
  headers?: Record<string, string>;
}
