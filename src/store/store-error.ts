import { redactSecrets } from '../security/secrets.js';

/**
 * The store's backend did not answer or refused a read or write (a PostgreSQL or Redis server gone, an SQLite file
 * that became read-only or whose disk is full). Raised by `Store` for every backend error, so a check can say
 * "the store is down" instead of blaming the watched site.
 */
export class StoreUnavailable extends Error {
  constructor(operation: string, cause: unknown) {
    const detail =
      cause instanceof Error ? cause.message || (cause as NodeJS.ErrnoException).code || cause.name : String(cause);
    super(redactSecrets(`store ${operation} failed: ${detail}`));
    this.name = 'StoreUnavailable';
  }
}

/** Run one backend operation, turning whatever the driver throws into a StoreUnavailable. */
export async function storeCall<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailable) throw error;
    throw new StoreUnavailable(operation, error);
  }
}
