import { createHash } from 'node:crypto';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

const bodyHashes = new WeakMap<object, string>();

/** The hash of a fetched body, computed once per fetch (the unchanged check and the snapshot both need it). */
export function bodyHashOf(fetched: { text: string }): string {
  let hash = bodyHashes.get(fetched);
  if (hash === undefined) bodyHashes.set(fetched, (hash = sha256(fetched.text)));
  return hash;
}
