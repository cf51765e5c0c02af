import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ChannelBase } from '../config/channel-schema.js';
import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';

/**
 * A delivery that did not go through. `retryable` failures are tried again with back-off; others (a deleted
 * channel, a revoked token) mark the destination as failing until its config changes.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Wait at least this long before the next try (a 429's Retry-After). */
    readonly retryAfterMs?: number,
    /** What an operator should do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** What every notifier gets when it is created. */
export interface NotifierContext {
  logger: Logger;
  store: Store;
  env: NodeJS.ProcessEnv;
  /** Console notifier only: one JSON payload per line. */
  json?: boolean;
  /** Where console output goes (stdout by default). */
  out?: NodeJS.WritableStream;
}

/** A delivery destination built from one `notify.yaml` channel entry. */
export interface Notifier {
  readonly id: string;
  readonly type: string;
  /** Deliver one alert; throw DeliveryError on failure. Must be safe to call again for the same alert id. */
  send(alert: Alert): Promise<void>;
  /**
   * Optional: a later sighting of an alert's event (another URL, a repost) — e.g. a thread reply in Slack or an
   * edit in Discord. Defaults to doing nothing.
   */
  update?(alert: Alert, extra: { url: string; source: string }): Promise<void>;
  close?(): Promise<void>;
}

/** One registry entry in notifiers/index.ts: the channel type's own config slice and how to build it. */
export interface NotifierFactory<C extends ChannelBase = ChannelBase> {
  readonly type: string;
  /** zod schema of the channel entry (without the shared routing keys). */
  readonly schema: z.ZodType<C>;
  create(config: C, ctx: NotifierContext): Notifier;
}
