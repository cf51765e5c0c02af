import type { Logger } from 'pino';
import type { Settings } from '../config/settings-schema.js';
import type { KeyedLimiter } from '../limiter.js';
import type { Metrics } from '../ops/metrics.js';
import type { Store } from '../store/store.js';
import type { Alert, Classification, DocumentInput } from '../types.js';
import type { EventIdentity } from './event-key.js';
import type { BrowserFetch } from './fetch-for-watch.js';

/** Everything a check needs; the runner provides it. */
export interface CheckDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  settings: Settings;
  hosts: KeyedLimiter;
  browser?: BrowserFetch;
  classify(doc: DocumentInput): Classification;
  now(): Date;
  /** Durably queue change alerts (before the watch's state moves on); `eventKeys[i]` identifies alert i's event. */
  emit(alerts: Alert[], eventKeys?: Array<EventIdentity | null>): Promise<void>;
  /** Queue an ops alert (watch failing / recovered). */
  ops(alert: Alert): Promise<void>;
}

export type CheckStatus = 'baseline' | 'unchanged' | 'changed' | 'failed';

export interface CheckOutcome {
  watch: string;
  status: CheckStatus;
  alerts: Alert[];
  error?: { kind: string; message: string; hint: string };
  durationMs: number;
}
