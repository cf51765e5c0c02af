/**
 * What every chat endpoint does with a request before its platform layer sees it: read the body within a cap (413
 * and a log line beyond it, never a reset connection), and refuse a request already accepted once (a replay of a
 * captured, validly signed request) by remembering it in the store — shared by every replica — for as long as its
 * timestamp is acceptable.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { MAX_REQUEST_BODY, readLimitedBody } from '../ops/http-server.js';
import type { Store } from '../store/store.js';

/** Slack and Discord accept timestamps 5 minutes either way: a request is replayable for at most 10 minutes. */
export const REPLAY_MEMORY_MS = 10 * 60_000;

/** The body, or undefined after answering 413 (the rest is read and dropped, so the sender gets the answer). */
export async function readChatBody(
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
  maxBytes = MAX_REQUEST_BODY,
): Promise<Buffer | undefined> {
  const body = await readLimitedBody(req, maxBytes);
  if (body) return body;
  log.warn(
    {
      path: (req.url ?? '/').split('?')[0],
      from: req.socket.remoteAddress,
      declared: req.headers['content-length'] ?? null,
      limit: maxBytes,
    },
    'request body over the limit: refused with 413',
  );
  res.writeHead(413, { 'content-type': 'text/plain' }).end(`request body over ${maxBytes} bytes\n`);
  return undefined;
}

/** When each store last dropped expired replay records (per process). */
const lastSweep = new WeakMap<Store, number>();

/**
 * True the first time `key` (a Slack timestamp + signature, a Discord interaction id) is seen by any replica on
 * this store, false on a replay: an atomic first-writer-wins claim, each request its own owner.
 */
export function firstSighting(store: Store, key: string, now = Date.now()): Promise<boolean> {
  // One remembered request per accepted request: expired ones are dropped now and then, so the store stays small.
  const last = lastSweep.get(store) ?? 0;
  if (now - last > REPLAY_MEMORY_MS) {
    lastSweep.set(store, now);
    void store.claims.sweep().catch(() => lastSweep.delete(store));
  }
  return store.claims.claim(`replay:${key}`, randomUUID(), REPLAY_MEMORY_MS);
}
