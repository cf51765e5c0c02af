import type { Logger } from 'pino';
import type { ChannelConfig, Watch } from '../config/load-config.js';
import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';
import { alertsBetween, digestAlert, digestContent, digestIsEmpty, healthLine } from './build-digest.js';
import { lastDigestSlot } from './digest-slots.js';

/** A digest missed while regwatch was not running is still sent when it starts within this long of the time. */
export const DIGEST_CATCH_UP = 6 * 3_600_000;

export interface DigestDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  channels: () => ChannelConfig[];
  watches: () => Watch[];
  /** Queue an alert for exactly these destinations (the outbox: stored, delivered once). */
  deliver: (alert: Alert, destinations: string[]) => Promise<void>;
}

/**
 * Sends each channel's digest when its time comes (checked on the daemon's minute tick and at start). One replica per
 * channel and slot (a lease, and a record of the last slot done); the digest's id is stable per channel and slot, so
 * the outbox never delivers it twice. Nothing is sent for a period without alerts unless `always: true`.
 */
export class DigestService {
  constructor(private readonly deps: DigestDeps) {}

  /** Returns the digests queued now. */
  async tick(): Promise<Alert[]> {
    const queued: Alert[] = [];
    for (const channel of this.deps.channels()) {
      if (!channel.enabled || !channel.digest) continue;
      try {
        const alert = await this.runChannel(channel);
        if (alert) queued.push(alert);
      } catch (error) {
        this.deps.logger.error({ channel: channel.id, err: (error as Error).message }, 'digest failed');
      }
    }
    return queued;
  }

  private async runChannel(channel: ChannelConfig): Promise<Alert | undefined> {
    const { store } = this.deps;
    const settings = channel.digest!;
    const now = this.deps.now().getTime();
    const slot = lastDigestSlot(settings, now);
    const doneKey = `digest:done:${channel.id}`;
    if (now - slot.at > DIGEST_CATCH_UP) return undefined;
    if (((await store.get<number>(doneKey)) ?? 0) >= slot.at) return undefined;
    const lease = `lease:digest:${channel.id}`;
    if (!(await store.claim(lease, 60_000))) return undefined;
    try {
      if (((await store.get<number>(doneKey)) ?? 0) >= slot.at) return undefined;
      const alerts = await alertsBetween(store, slot.from, slot.at);
      const content = digestContent(channel, settings, slot, alerts, await healthLine(store, this.deps.watches()));
      let alert: Alert | undefined;
      if (!digestIsEmpty(content) || settings.always) {
        alert = digestAlert(channel, settings, slot, content);
        await this.deps.deliver(alert, [channel.id]);
      }
      await store.set(doneKey, slot.at);
      this.deps.logger.info({ channel: channel.id, sent: alert !== undefined }, 'digest');
      return alert;
    } finally {
      await store.release(lease).catch(() => undefined);
    }
  }
}
