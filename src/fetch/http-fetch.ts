import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { checkDiscoveredUrl, guardedLookup, needsAddressCheck } from '../security/url-guard.js';
import { isChallenge } from './challenge.js';
import { isUtf8 } from 'node:buffer';
import {
  bodyCharset,
  charsetFromContentType,
  charsetFromMarkup,
  decodeAs,
  decodeBody,
  looksBinary,
  normaliseCharset,
} from './decode.js';
import { FetchFailure, type FetchOk, type FetchOptions, type RawBody } from './fetch-result.js';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 60_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 60_000 }),
};

export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 regwatch/0.1';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

function decompressor(encoding: string | undefined): NodeJS.ReadWriteStream | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

/** A reused keep-alive connection that the server had already closed: reset or cut before any answer to a GET. */
function staleKeepAlive(req: http.ClientRequest, error: NodeJS.ErrnoException): boolean {
  const idempotent = req.method === 'GET' || req.method === 'HEAD';
  return idempotent && req.reusedSocket && ['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(error.code ?? '');
}

/**
 * One request/response, no redirects: enforces connect time-out, total deadline, and the byte cap (after
 * decompression). Page fetches build on it (`httpFetch`), and so do the webhooks' POSTs (src/notify/post-json.ts).
 * A GET whose reused keep-alive connection the server had already closed is asked again once, on a new connection.
 */
export function requestOnce(
  url: URL,
  opts: Required<Pick<FetchOptions, 'connectTimeoutMs' | 'maxBytes'>> & FetchOptions,
  deadline: number,
  headers: Record<string, string>,
  freshConnection = false,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: FetchFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      req.destroy();
      reject(error);
    };
    // A guarded hop to an untrusted host gets its own connection whose address is checked when it is resolved.
    const guarded = opts.guard && needsAddressCheck(url, opts.guard);
    const req = lib.request(url, {
      method: opts.method ?? 'GET',
      headers,
      ...(guarded
        ? { agent: false, lookup: guardedLookup(opts.guard!) }
        : { agent: freshConnection ? false : agents[url.protocol as 'http:'] }),
    });
    const remaining = Math.max(1, deadline - Date.now());
    const totalTimer = setTimeout(
      () =>
        fail(
          new FetchFailure(
            'timeout',
            `no complete answer within ${Math.round((opts.timeoutMs ?? remaining) / 1000)}s (total time-out)`,
          ),
        ),
      remaining,
    );
    const onAbort = () => fail(new FetchFailure('timeout', 'aborted'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connectTimer = setTimeout(
        () =>
          fail(
            new FetchFailure(
              'timeout',
              `could not connect to ${url.host} within ${Math.round(opts.connectTimeoutMs / 1000)}s`,
            ),
          ),
        opts.connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(connectTimer));
      socket.once('close', () => clearTimeout(connectTimer));
    });
    let responded = false;
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EREGWATCHBLOCKED') return fail(new FetchFailure('blocked', error.message));
      // After the headers arrived, a reset means the body was cut off, not that the host is unreachable.
      if (responded)
        fail(
          new FetchFailure(
            'truncated',
            `${url.host}: the connection closed before the body was complete (${error.code ?? error.message})`,
          ),
        );
      else if (!freshConnection && staleKeepAlive(req, error) && !settled) {
        // The server closed a kept-alive connection as we reused it (its idle time-out is shorter than ours): the
        // request never reached it, so a GET is asked again once, on a new connection, as browsers and curl do.
        settled = true;
        clearTimeout(totalTimer);
        opts.signal?.removeEventListener('abort', onAbort);
        resolve(requestOnce(url, opts, deadline, headers, true));
      } else fail(new FetchFailure('network', `${url.host}: ${error.code ?? error.message}`));
    });
    req.on('response', (res) => {
      responded = true;
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > opts.maxBytes && !res.headers['content-encoding']) {
        fail(
          new FetchFailure(
            'too-large',
            `body of ${declared} bytes is over the ${opts.maxBytes}-byte cap (maxBytes)`,
            status,
          ),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let raw = 0;
      const inflate = decompressor(res.headers['content-encoding']);
      const stream: NodeJS.ReadableStream = inflate ? res.pipe(inflate) : res;
      res.on('data', (c: Buffer) => (raw += c.length));
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          fail(
            new FetchFailure(
              'too-large',
              `body is over the ${opts.maxBytes}-byte cap (maxBytes); the server kept sending`,
              status,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', () =>
        fail(
          new FetchFailure(
            'truncated',
            `${url.host}: the body could not be decoded (${String(res.headers['content-encoding'])})`,
            status,
          ),
        ),
      );
      res.on('aborted', () =>
        fail(new FetchFailure('truncated', `${url.host}: the connection closed before the body was complete`, status)),
      );
      res.on('error', () =>
        fail(new FetchFailure('truncated', `${url.host}: the connection closed before the body was complete`, status)),
      );
      stream.on('end', () => {
        if (settled) return;
        if (!res.complete)
          return fail(
            new FetchFailure('truncated', `${url.host}: the connection closed before the body was complete`, status),
          );
        if (Number.isFinite(declared) && raw < declared) {
          return fail(new FetchFailure('truncated', `${url.host}: got ${raw} of ${declared} bytes`, status));
        }
        settled = true;
        clearTimeout(totalTimer);
        opts.signal?.removeEventListener('abort', onAbort);
        // Most pages come in one socket read: that piece is the body, not copied again (a page's worth per check).
        resolve({
          status,
          headers: res.headers,
          bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size),
        });
      });
    });
    req.end(opts.body);
  });
}

/**
 * 'utf-8' when a page declares GB2312/GBK but its bytes are valid UTF-8 with non-ASCII text (a site migrated to UTF-8
 * that kept its old `<meta charset="gb2312">`): decoding it as GB18030 would turn every character into mojibake, and
 * GBK text is practically never valid UTF-8. Undefined otherwise (the declared charset stands).
 */
function utf8UnderGbLabel(bytes: Buffer, contentType: string): string | undefined {
  const declared = normaliseCharset(charsetFromContentType(contentType) ?? charsetFromMarkup(bytes));
  if (declared !== 'gb18030' || !bytes.some((b) => b >= 0x80)) return undefined;
  return isUtf8(bytes) ? 'utf-8' : undefined;
}

/** Whether an HTML document visibly stops before its end (a cut-off answer that happened to close cleanly). */
function htmlTruncated(text: string, contentType: string): boolean {
  if (!/html/i.test(contentType)) return false;
  const head = text.slice(0, 512).toLowerCase();
  if (!head.includes('<html') && !head.includes('<!doctype html')) return false;
  return !/<\/html\s*>/i.test(text.slice(-4096));
}

/**
 * The checks of an answer's text (challenge, empty, cut off), made on the bytes where they settle it: a character is
 * at least one byte and at most four, and `<`, `>` and ASCII letters after a `<` are themselves in UTF-8 and GB18030.
 * Where the bytes do not settle a check, the body is decoded and the check made on its text.
 */
function rawBodyChecks(body: RawBody, status: number, contentType: string, text: () => string) {
  const { bytes, charset } = body;
  const ascii = charset === 'utf-8' || charset === 'gb18030';
  return {
    // isChallenge only looks at pages of up to 30,000 characters (and at status 412).
    challenge: () => status === 412 || ((!ascii || !longerThan(bytes, charset, 30_000)) && isChallenge(status, text())),
    empty: () => (bytes.length === 0 || !ascii || !hasPrintableAscii(bytes) ? text().trim().length === 0 : false),
    truncated: () => {
      if (!/html/i.test(contentType)) return false;
      if (ascii && bytes.length > 4 * 4096) {
        const head = bytes.toString('latin1', 0, 512).toLowerCase();
        const tail = bytes.toString('latin1', bytes.length - 4096);
        // Within the first 512 bytes is within the first 512 characters, and likewise at the end.
        if ((head.includes('<html') || head.includes('<!doctype html')) && /<\/html\s*>/i.test(tail)) return false;
      }
      return htmlTruncated(text(), contentType);
    },
  };
}

/**
 * Whether the decoded text is longer than `limit` characters, counted without decoding: every character starts with
 * one byte that no other byte of it has (UTF-8: all but continuation bytes; GB18030: ASCII, else two or four bytes).
 */
function longerThan(bytes: Buffer, charset: string, limit: number): boolean {
  if (bytes.length <= limit) return false;
  let n = 0;
  let i = 0;
  if (charset === 'utf-8') {
    // Four bytes at a time: a continuation byte is 10xxxxxx.
    for (; i < bytes.length && (bytes.byteOffset + i) % 4 !== 0; i++) if ((bytes[i]! & 0xc0) !== 0x80) n++;
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (bytes.length - i) >>> 2);
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const continuation = (word & ~(word << 1) & 0x80808080) >>> 7;
      n += 4 - (Math.imul(continuation, 0x01010101) >>> 24);
      if (n > limit) return true;
    }
    for (i += words.length * 4; i < bytes.length; i++) if ((bytes[i]! & 0xc0) !== 0x80) n++;
    return n > limit;
  }
  while (i < bytes.length && n <= limit) {
    const b = bytes[i]!;
    const next = bytes[i + 1] ?? 0;
    i += b < 0x80 ? 1 : next >= 0x30 && next <= 0x39 ? 4 : 2;
    n++;
  }
  return n > limit;
}

function hasPrintableAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x20 && bytes[i]! < 0x7f) return true;
  return false;
}

/** A successful answer whose text is decoded when first read (the page watcher reads only the region it keeps). */
function lazyText<T extends object>(base: T, body: RawBody, decoded?: string): T & { text: string; body: RawBody } {
  let text = decoded;
  return Object.defineProperty({ ...base, body }, 'text', {
    get: () => (text ??= decodeAs(body.bytes, body.charset)),
    enumerable: true,
  }) as T & { text: string; body: RawBody };
}

/**
 * GET (or POST) a URL the way a watch needs it: time-outs, byte cap, redirects, charset, conditional GET, and every
 * failure (HTTP error, challenge, empty or truncated body) as a FetchFailure — never as content.
 */
export async function httpFetch(target: string, options: FetchOptions = {}): Promise<FetchOk> {
  const started = Date.now();
  const opts = {
    connectTimeoutMs: 10_000,
    maxBytes: 10 * 1024 * 1024,
    ...options,
  };
  const deadline = started + (opts.timeoutMs ?? 20_000);
  const maxRedirects = opts.maxRedirects ?? 5;
  const seen = new Set<string>();
  let url = new URL(target);
  const home = opts.credentialOrigin ?? url.origin;
  let method = opts.method ?? 'GET';
  let body = opts.body;
  let guard = opts.guard;
  for (let hop = 0; ; hop++) {
    // Credentials and cookies go to the watch's own origin only, as browsers and curl do.
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.7',
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
      ...opts.extraHeaders,
      ...(url.origin === home ? opts.headers : {}),
    };
    if (guard) checkDiscoveredUrl(url, guard);
    if (hop === 0 && opts.etag) headers['if-none-match'] = opts.etag;
    if (hop === 0 && opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    const hopOpts = { ...opts, method, body, guard, timeoutMs: opts.timeoutMs ?? 20_000 };
    const res = await requestOnce(url, hopOpts, deadline, headers);
    const contentType = String(res.headers['content-type'] ?? '');
    if ([301, 302, 303, 307, 308].includes(res.status) && res.headers.location) {
      seen.add(url.href);
      let next = new URL(res.headers.location, url);
      const rewritten = opts.rewrite?.(next.href);
      if (rewritten && rewritten !== next.href) {
        next = new URL(rewritten);
        if (guard) guard = { ...guard, trustedOrigins: [...(guard.trustedOrigins ?? []), next.origin] };
      }
      if (seen.has(next.href))
        throw new FetchFailure('redirects', `redirect loop: ${url.href} → ${next.href}`, res.status);
      if (hop >= maxRedirects)
        throw new FetchFailure('redirects', `more than ${maxRedirects} redirects (last to ${next.href})`, res.status);
      if (res.status === 307 || res.status === 308) {
        // These repeat the request as it was: a POST body goes only where the watch sends it.
        if (body !== undefined && next.origin !== home)
          throw new FetchFailure(
            'redirects',
            `HTTP ${res.status} would resend the POST body to ${next.origin}; the body only goes to ${home} (use the final address as the watch url)`,
            res.status,
          );
      } else if (method === 'POST') {
        // 301/302/303 after a POST continue as a GET without the body, as browsers do.
        method = 'GET';
        body = undefined;
      }
      url = next;
      continue;
    }
    const base = {
      url: target,
      finalUrl: url.href,
      status: res.status,
      contentType,
      durationMs: Date.now() - started,
      ...(res.headers.etag ? { etag: String(res.headers.etag) } : {}),
      ...(res.headers['last-modified'] ? { lastModified: String(res.headers['last-modified']) } : {}),
    };
    if (res.status === 304) return { ...base, modified: false, text: '' };
    const binaryExpected = /spreadsheet|excel|octet-stream|pdf|msword|officedocument|zip/i.test(contentType);
    if (opts.keepBytes && binaryExpected && res.status < 400)
      return { ...base, modified: true, text: '', bytes: res.bytes };
    const forced = opts.charset ?? utf8UnderGbLabel(res.bytes, contentType);
    const raw = bodyCharset(res.bytes, contentType, forced);
    let decoded: string | undefined = raw ? undefined : decodeBody(res.bytes, contentType, forced).text;
    const text = () => (decoded ??= decodeAs(raw!.bytes, raw!.charset));
    const checks = raw
      ? rawBodyChecks(raw, res.status, contentType, text)
      : {
          challenge: () => isChallenge(res.status, text()),
          empty: () => res.bytes.length === 0 || text().trim().length === 0,
          truncated: () => htmlTruncated(text(), contentType),
        };
    if (checks.challenge()) {
      throw new FetchFailure(
        'challenge',
        `HTTP ${res.status} anti-bot challenge page (JS cookie check); set fetch: browser on this watch`,
        res.status,
      );
    }
    if (res.status >= 400)
      throw new FetchFailure('http', `HTTP ${res.status} ${http.STATUS_CODES[res.status] ?? ''}`.trim(), res.status);
    if (checks.empty()) throw new FetchFailure('empty', 'empty body (HTTP 200 with nothing in it)', res.status);
    if (!opts.keepBytes && looksBinary(res.bytes))
      throw new FetchFailure(
        'binary',
        `binary data (${contentType || 'no content type'}) where text was expected`,
        res.status,
      );
    if (checks.truncated())
      throw new FetchFailure('truncated', 'the HTML stops before </html>: the answer was cut off', res.status);
    const ok = { ...base, modified: true, ...(opts.keepBytes ? { bytes: res.bytes } : {}) };
    return raw ? lazyText(ok, raw, decoded) : { ...ok, text: text() };
  }
}
