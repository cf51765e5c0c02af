import type { Logger } from 'pino';

/** Error codes that mean "could not talk to the service at all" (as opposed to "it answered no"). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** True when `error` (or one of its causes) says the service could not be reached, not that it refused us. */
export function isUnreachable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    const err = e as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; original?: unknown };
    if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) return true;
    if (err.name === 'AbortError' || err.name === 'TimeoutError' || err.name === 'ConnectTimeoutError') return true;
    if (typeof err.message === 'string' && /fetch failed|socket hang up|ECONNREFUSED|ENOTFOUND/.test(err.message))
      return true;
    // @slack/web-api wraps the network error as `original`; fetch and undici use `cause`.
    e = err.original ?? err.cause;
  }
  return false;
}

/** The innermost message of an error chain ("connect ECONNREFUSED 127.0.0.1:9" rather than "fetch failed"). */
export function rootMessage(error: unknown): string {
  let e = error as { message?: string; cause?: unknown; original?: unknown } | undefined;
  let message = e?.message ?? String(error);
  for (let depth = 0; e && depth < 6; depth++) {
    if (e.message) message = e.message;
    e = (e.original ?? e.cause) as typeof e;
  }
  return message;
}

export interface BackgroundConnect {
  /** The service's name in log lines: "Slack", "Discord". */
  service: string;
  /** The address tried, for the log line (an API base URL, never a token). */
  address: string;
  /** What a person should check when it cannot be reached. */
  check: string;
  /** One attempt: resolves when connected; rejects with the service's or the network's error. */
  attempt(): Promise<void>;
  /** An answer that is not a network failure (a refused token): said once, and no further attempts. */
  onRefused(error: unknown): void;
  log: Logger;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** For tests: how waiting is done. */
  wait?: (ms: number) => Promise<void>;
}

/**
 * Connect to a chat service without holding up the daemon: the watches and the other channels run meanwhile. When
 * the service cannot be reached, one readable warning says so and what to check; later attempts (5 s, doubling, at
 * most every 5 minutes) log only at debug level, and a success after failures says so once.
 * `firstAttempt` settles when the first attempt has ended, either way (a caller may wait for it, briefly, so that a
 * reachable service is ready when the daemon says it is running); `stop` ends further attempts.
 */
export function connectInBackground(c: BackgroundConnect): { firstAttempt: Promise<void>; stop(): void } {
  let stopped = false;
  let firstDone: () => void = () => undefined;
  const firstAttempt = new Promise<void>((resolve) => (firstDone = resolve));
  const wait =
    c.wait ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        t.unref();
      }));
  void (async () => {
    let delay = c.firstDelayMs ?? 5_000;
    for (let failures = 0; !stopped; failures++) {
      try {
        await c.attempt();
        if (failures > 0 && !stopped) c.log.info(`${c.service} reached after ${failures} failed attempt(s)`);
        return;
      } catch (error) {
        if (stopped) return;
        if (!isUnreachable(error)) return c.onRefused(error);
        firstDone();
        if (failures === 0)
          c.log.warn(
            { address: c.address },
            `${c.service} could not be reached at ${c.address} (${rootMessage(error)}): ${c.check}. ` +
              `Retrying in the background; the watches and other channels run meanwhile`,
          );
        else c.log.debug({ err: rootMessage(error), failures: failures + 1 }, `${c.service} still unreachable`);
      }
      await wait(delay);
      delay = Math.min(delay * 2, c.maxDelayMs ?? 300_000);
    }
  })().finally(firstDone);
  return {
    firstAttempt,
    stop: () => {
      stopped = true;
    },
  };
}

/** Wait for `promise` at most `ms` (the rest of it goes on in the background). */
export function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref();
    void promise.finally(() => {
      clearTimeout(t);
      resolve();
    });
  });
}
