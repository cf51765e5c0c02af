import type { Logger } from 'pino';

/** How often a failure that goes on is logged again: once at the start, then this often, then once when it ends. */
export const REPEAT_LOG_MS = 5 * 60_000;

/**
 * Logs a failure that repeats (the outbox retrying a store that does not answer, every few seconds per destination)
 * as an outage: its first occurrence, a reminder every few minutes with how many attempts failed meanwhile, and its
 * end. Without it a store outage of an hour wrote hundreds of identical lines per destination.
 */
export class RepeatedFailureLog {
  private readonly open = new Map<string, { since: number; loggedAt: number; failures: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly what: { failing: string; stillFailing: string; recovered: string },
    private readonly now: () => number = Date.now,
    private readonly repeatMs = REPEAT_LOG_MS,
  ) {}

  /** One more failure of `key` (with what went wrong). */
  failed(key: string, fields: Record<string, unknown>): void {
    const now = this.now();
    const outage = this.open.get(key);
    if (!outage) {
      this.open.set(key, { since: now, loggedAt: now, failures: 1 });
      this.logger.error(fields, this.what.failing);
      return;
    }
    outage.failures++;
    if (now - outage.loggedAt < this.repeatMs) return;
    outage.loggedAt = now;
    this.logger.error(
      { ...fields, since: new Date(outage.since).toISOString(), failures: outage.failures },
      this.what.stillFailing,
    );
  }

  /** `key` worked: an outage of it ends (logged once), nothing is logged otherwise. */
  succeeded(key: string, fields: Record<string, unknown> = {}): void {
    const outage = this.open.get(key);
    if (!outage) return;
    this.open.delete(key);
    this.logger.info(
      { ...fields, since: new Date(outage.since).toISOString(), failures: outage.failures },
      this.what.recovered,
    );
  }
}
