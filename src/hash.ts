import { createHash } from 'node:crypto';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

const bodyHashes = new WeakMap<object, string>();

/**
 * The hash of a fetched body, computed once per fetch (the unchanged check and the snapshot both need it): of its bytes
 * when the fetch kept them undecoded (HTTP), else of its text.
 */
export function bodyHashOf(fetched: { text: string; body?: { bytes: Buffer } }): string {
  let hash = bodyHashes.get(fetched);
  if (hash === undefined) bodyHashes.set(fetched, (hash = sha256(fetched.body?.bytes ?? fetched.text)));
  return hash;
}
