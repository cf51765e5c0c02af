import type { Logger } from 'pino';
import type { Notifier } from '../notify/notifier.js';
import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';
import { failureHint } from './failure-hints.js';
import { storeDownAlert, storeRecoveredAlert } from './ops-alerts.js';

export interface StoreOutageDeps {
  store: Store;
  logger: Logger;
  now(): Date;
  notifiers(): Map<string, Notifier>;
  /** The ops destinations an ops alert goes to. */
  opsDestinations(alert: Alert): string[];
  /** Queue an alert through the outbox (the store answers again). */
  queue(alert: Alert): Promise<void>;
}

/**
 * Every check reads and writes the store, so when it stops answering every watch would fail the same way and look
 * broken. Instead the outage is reported once — straight to the ops channels, because the outbox lives in the store —
 * no watch is checked while it lasts, and the first due check that finds the store answering (one ping) resumes
 * checking and reports the recovery.
 */
export class StoreOutage {
  private since: string | null = null;

  constructor(private readonly deps: StoreOutageDeps) {}

  get down(): boolean {
    return this.since !== null;
  }

  /** Since when the store has been down (ISO), or null. */
  get downSince(): string | null {
    return this.since;
  }

  /** True when checks may run. After an outage, one ping decides; a store that answers again is reported recovered. */
  async ready(): Promise<boolean> {
    if (this.since === null) return true;
    if (!(await this.deps.store.ping())) return false;
    const since = this.since;
    this.since = null;
    this.deps.logger.info({ since }, 'the store answers again: checks resume');
    await this.deps
      .queue(storeRecoveredAlert(this.deps.store.backend, since, this.deps.now()))
      .catch((error: unknown) =>
        this.deps.logger.error({ err: (error as Error).message }, 'could not queue the store-recovered alert'),
      );
    return true;
  }

  /** A check found the store down: the first report of an outage logs it and tells the ops channels directly. */
  async failed(message: string): Promise<void> {
    if (this.since !== null) return;
    const since = this.deps
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    this.since = since;
    const hint = failureHint({ kind: 'store' });
    this.deps.logger.error({ err: message, hint }, 'the store is not answering: checks are paused until it does');
    const alert = storeDownAlert(this.deps.store.backend, since, message, hint, this.deps.now());
    const notifiers = this.deps.notifiers();
    for (const id of this.deps.opsDestinations(alert)) {
      await notifiers
        .get(id)
        ?.send(alert)
        .catch((error: unknown) =>
          this.deps.logger.warn(
            { destination: id, err: (error as Error).message },
            'could not tell this ops channel that the store is down',
          ),
        );
    }
  }
}
