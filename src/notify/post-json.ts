import { FetchFailure } from '../fetch/fetch-result.js';

/** What a receiver answered: its status, a header by name, and its body (Slack's error codes). */
export interface PostAnswer {
  status: number;
  header(name: string): string | undefined;
  text: string;
}

/** A POST that got no answer: `timed out`, or the network error's code (`ECONNREFUSED`, `ENOTFOUND` …). */
export class PostFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** More than enough for any receiver's answer; a longer one is a failure (retried), like one that never ends. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * POST a JSON body through the same one-request client page fetches use (keep-alive agents, connect time-out, total
 * deadline, byte cap), not `fetch`: Node's fetch loads and compiles undici on first use, about 40 MB of memory and
 * 0.3 s of CPU in a process that only sends alerts. A redirect is an answer like any other (3xx), never followed: a
 * receiver that moved is a config to fix, not a place to guess. The time-out covers the whole exchange.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostAnswer> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new PostFailure('invalid url');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new PostFailure(`unsupported protocol ${target.protocol}`);
  // The HTTP client (and Node's http, https, zlib, dns and net) is loaded with the first POST, not at every start.
  const { requestOnce } = await import('../fetch/http-fetch.js');
  try {
    const answer = await requestOnce(
      target,
      { method: 'POST', body, timeoutMs, connectTimeoutMs: Math.min(10_000, timeoutMs), maxBytes: MAX_ANSWER_BYTES },
      Date.now() + timeoutMs,
      { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    );
    return {
      status: answer.status,
      header: (name) => {
        const value = answer.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      text: answer.bytes.toString('utf8'),
    };
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    // The client's messages name the host first ("host: ECONNREFUSED"); the notifier names the receiver itself.
    const host = `${target.host}: `;
    const reason = error.message.startsWith(host) ? error.message.slice(host.length) : error.message;
    throw new PostFailure(error.kind === 'timeout' ? 'timed out' : reason);
  }
}

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
