import http from 'node:http';
import https from 'node:https';

/** What a receiver answered: its status, a header by name, and the start of its body (Slack's error codes). */
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

/** Enough of an answer's body for an error code; the rest is read and dropped. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** One keep-alive agent per protocol: alerts to one receiver reuse its connections (idle ones never hold the process). */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

/**
 * POST a JSON body with Node's own HTTP client. Delivery goes through here rather than `fetch`: Node's fetch loads and
 * compiles undici on first use, about 40 MB of memory and 0.3 s of CPU in a process that only sends alerts. A redirect
 * is an answer like any other (3xx), never followed: a receiver that moved is a config to fix, not a place to guess.
 * The time-out covers the whole exchange, answer included.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return reject(new PostFailure('invalid url'));
    }
    const agent = target.protocol === 'https:' || target.protocol === 'http:' ? agents[target.protocol] : undefined;
    if (!agent) return reject(new PostFailure(`unsupported protocol ${target.protocol}`));
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, timeoutMs);
    const fail = (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(new PostFailure(timedOut ? 'timed out' : (error.code ?? error.name)));
    };
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          header: (name) => {
            const value = response.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
          },
          text: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
        });
      });
    });
    request.end(body);
  });
}

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
