import type { Logger } from 'pino';
import { KeyedLimiter, Limiter } from '../limiter.js';
import type { classify as Classify } from '../classify/index.js';
import type { LoadedConfig, Watch } from '../config/load-config.js';
import { DEFAULT_EVERY } from '../scheduler.js';
import { recordAlertFigures } from '../figures/figures-store.js';
import type { Notifier, NotifierContext } from '../notify/notifier.js';
import { Metrics } from '../ops/metrics.js';
import { Outbox } from '../outbox/outbox.js';
import { holdForQuiet, releaseHeld } from '../outbox/quiet-hold.js';
import { inQuietHours, quietOf, waitsForQuiet } from '../routing/quiet-hours.js';
import { resolveDestinations, route, type Destination } from '../routing/router.js';
import type { Store } from '../store/store.js';
import { StoreUnavailable } from '../store/store-error.js';
import type { Alert } from '../types.js';
import { notifiers as registry } from '../../notifiers/index.js';
import type { CheckDeps, CheckOutcome } from './check-watch.js';
import type { BrowserFetch } from './fetch-for-watch.js';
import { destinationAlert } from './ops-alerts.js';
import { failureHint } from './failure-hints.js';
import type { EventIdentity } from './event-key.js';
import { absorbSighting, type SightingDeps } from './sightings.js';
import { StoreOutage } from './store-outage.js';

const storeFailure = (message: string) => ({ kind: 'store', message, hint: failureHint({ kind: 'store' }) });

export interface RunnerOptions {
  store: Store;
  logger: Logger;
  metrics?: Metrics;
  env?: NodeJS.ProcessEnv;
  /** Console notifier: one JSON payload per line. */
  json?: boolean;
  out?: NodeJS.WritableStream;
  browser?: BrowserFetch;
  now?: () => Date;
  /**
   * The outbox's own connection to the store (SQLite: a second connection to the same file), so deliveries do not
   * wait behind a pass's reads and writes. Defaults to `store`.
   */
  deliveryStore?: Store;
}

/**
 * Holds the running state — config, notifiers, routing, outbox, limits — and checks watches. A new valid config is
 * applied with `applyConfig` without a restart.
 */
export class Runner {
  config!: LoadedConfig;
  readonly metrics: Metrics;
  readonly outbox: Outbox;
  private notifierMap = new Map<string, Notifier>();
  private destinations: Destination[] = [];
  /** Politeness per host (settings perHost, hostInterval). */
  private readonly hosts = new KeyedLimiter({ concurrency: 2 });
  /** Checks at a time (settings concurrency). */
  private readonly slots = new Limiter({ concurrency: 16 });
  private readonly inFlight = new Map<string, Promise<CheckOutcome>>();
  private readonly now: () => Date;
  private readonly storeOutage: StoreOutage;
  /** The classifier, loaded by applyConfig once there is a watch (a config without watches never loads it). */
  private classifier?: typeof Classify;

  constructor(private readonly opts: RunnerOptions) {
    this.metrics = opts.metrics ?? new Metrics();
    this.now = opts.now ?? (() => new Date());
    this.storeOutage = new StoreOutage({
      store: opts.store,
      logger: opts.logger,
      now: this.now,
      notifiers: () => this.notifierMap,
      opsDestinations: (alert) => route(alert, this.destinations),
      queue: (alert) => this.deps().ops(alert),
    });
    this.outbox = new Outbox(
      opts.deliveryStore ?? opts.store,
      () => this.notifierMap,
      () => this.config.settings.outbox,
      opts.logger,
      {
        // The outbox awaits these, so the report is queued before the outage is marked reported (crash-safe).
        onDown: (h) =>
          this.opsAlert(async () => destinationAlert(h, false, await this.outbox.pending(h.id), this.now()), h.id),
        onRecovered: (h) => this.opsAlert(() => Promise.resolve(destinationAlert(h, true, 0, this.now())), h.id),
        onDelivered: (dest) => this.metrics.alertsSent.inc({ destination: dest }),
        onFailed: (dest) => this.metrics.alertsFailed.inc({ destination: dest }),
      },
    );
  }

  get store(): Store {
    return this.opts.store;
  }

  /** Apply a (validated) config: watches, channels, limits and rules take effect for the next check. */
  async applyConfig(config: LoadedConfig): Promise<void> {
    const previous = this.notifierMap;
    this.config = config;
    if (config.watches.length > 0) this.classifier ??= (await import('../classify/index.js')).classify;
    this.hosts.configure({ concurrency: config.settings.perHost, spacingMs: config.settings.hostInterval });
    this.slots.configure({ concurrency: config.settings.concurrency });
    await this.refreshDestinations();
    for (const [id, n] of previous) if (this.notifierMap.get(id) !== n) await n.close?.();
    this.metrics.retainWatches(new Set(config.watches.map((w) => w.id)));
  }

  /** Rebuild destinations (after a config change or a chat subscription change). */
  async refreshDestinations(): Promise<void> {
    const ctx: NotifierContext = {
      logger: this.opts.logger,
      store: this.opts.store,
      env: this.opts.env ?? process.env,
      ...(this.opts.json ? { json: true } : {}),
      ...(this.opts.out ? { out: this.opts.out } : {}),
    };
    const destinations = await resolveDestinations(this.config.channels, this.opts.store);
    const map = new Map<string, Notifier>();
    const kept: Destination[] = [];
    for (const d of destinations) {
      const factory = registry[d.config.type];
      if (!factory) {
        this.opts.logger.warn(
          { destination: d.id },
          `no notifier for channel type ${d.config.type}; its alerts wait in the outbox`,
        );
        continue;
      }
      const existing = this.notifierMap.get(d.id);
      map.set(
        d.id,
        existing && JSON.stringify(this.destinations.find((x) => x.id === d.id)?.config) === JSON.stringify(d.config)
          ? existing
          : factory.create(d.config, ctx),
      );
      kept.push(d);
    }
    this.notifierMap = map;
    this.destinations = kept;
  }

  notifiers(): Map<string, Notifier> {
    return this.notifierMap;
  }

  private deps(): CheckDeps {
    return {
      store: this.opts.store,
      logger: this.opts.logger,
      metrics: this.metrics,
      settings: this.config.settings,
      hosts: this.hosts,
      ...(this.opts.browser ? { browser: this.opts.browser } : {}),
      classify: (doc) => this.classifier!(doc, this.config.rules),
      now: this.now,
      emit: (alerts, eventKeys) => this.emit(alerts, eventKeys),
      ops: async (alert) => {
        await this.outbox.enqueue(alert, route(alert, this.destinations));
        // Start delivering now: in the daemon nothing else would until the next change alert.
        void this.outbox.deliverDue();
      },
    };
  }

  /** Queue change alerts: stored with their figures, one delivery per routed destination, then delivery starts. */
  async emit(alerts: Alert[], eventKeys: Array<EventIdentity | null> = []): Promise<void> {
    for (const [i, alert] of alerts.entries()) {
      // One event, one alert: a later sighting (another official URL, a repost) only adds a source to the first.
      if (await absorbSighting(alert, eventKeys[i], this.sightingDeps())) continue;
      const fresh = await this.queue(alert);
      if (fresh) await recordAlertFigures(this.opts.store, alert);
    }
    void this.outbox.deliverDue();
  }

  /**
   * Queue an alert for its routed destinations (stored first; false when it was already stored). A channel in its
   * quiet hours holds alerts below `high` until they end (src/outbox/quiet-hold.ts).
   */
  async queue(alert: Alert, destinations: string[] = route(alert, this.destinations)): Promise<boolean> {
    const now = this.now().getTime();
    const config = (id: string) => this.destinations.find((d) => d.id === id)?.config;
    const held = destinations.filter((id) => waitsForQuiet(alert, config(id) ?? {}, now));
    const fresh = await this.outbox.enqueue(
      alert,
      destinations.filter((id) => !held.includes(id)),
    );
    for (const id of held) await holdForQuiet(this.opts.store, id, alert.id);
    return fresh;
  }

  /** Move alerts held for quiet hours into the outbox of every channel whose quiet hours have ended. */
  async releaseQuiet(): Promise<number> {
    const now = this.now().getTime();
    const quiet = (id: string) => {
      const q = quietOf(this.destinations.find((d) => d.id === id)?.config ?? {});
      return q !== undefined && inQuietHours(q, now);
    };
    const released = await releaseHeld(this.opts.store, this.outbox, quiet);
    if (released > 0) void this.outbox.deliverDue();
    return released;
  }

  private sightingDeps(): SightingDeps {
    return {
      store: this.opts.store,
      logger: this.opts.logger,
      notifiers: () => this.notifierMap,
      routeOf: (a) => route(a, this.destinations),
    };
  }

  private readonly opsInFlight = new Set<Promise<void>>();

  /**
   * Deliver what is queued until nothing is pending or the deadline passes, including the ops alerts that deliveries
   * raise on the way (a destination down or recovered). Returns what is left in the outbox.
   */
  async drain(deadline: number): Promise<number> {
    for (;;) {
      const left = await this.outbox.drain(deadline);
      if (this.opsInFlight.size === 0 || Date.now() > deadline) return left;
      await Promise.all([...this.opsInFlight]);
    }
  }

  private opsAlert(make: () => Promise<Alert>, excludeDestination: string): Promise<void> {
    const work = this.queueOpsAlert(make, excludeDestination).finally(() => this.opsInFlight.delete(work));
    this.opsInFlight.add(work);
    return work;
  }

  private async queueOpsAlert(make: () => Promise<Alert>, excludeDestination: string): Promise<void> {
    try {
      const alert = await make();
      await this.outbox.enqueue(alert, route(alert, this.destinations, excludeDestination));
      void this.outbox.deliverDue();
    } catch (error) {
      this.opts.logger.error({ err: (error as Error).message }, 'could not queue an ops alert');
    }
  }

  /** Check one watch, never two checks of the same watch at a time, within the global concurrency limit. */
  check(watch: Watch, dryRun = false): Promise<CheckOutcome> {
    const running = this.inFlight.get(watch.id);
    if (running && !dryRun) return running;
    const work = this.slots
      .run(() => this.checkWhileStoreUp(watch, dryRun))
      .finally(() => {
        if (!dryRun) this.inFlight.delete(watch.id);
      });
    if (!dryRun) this.inFlight.set(watch.id, work);
    return work;
  }

  /** While the store is down nothing is checked (each check would fail the same way); the first failure reports it. */
  private async checkWhileStoreUp(watch: Watch, dryRun: boolean): Promise<CheckOutcome> {
    if (!(await this.storeOutage.ready())) {
      const message = `not checked: the store has been down since ${this.storeOutage.downSince}`;
      return { watch: watch.id, status: 'failed', alerts: [], durationMs: 0, error: storeFailure(message) };
    }
    // Loaded with the first check: the watchers, their parsers and the fetch code are not needed to deliver the outbox.
    const { checkWatch } = await import('./check-watch.js');
    const outcome = await checkWatch(watch, this.deps(), dryRun);
    if (outcome.error?.kind === 'store') await this.storeOutage.failed(outcome.error.message);
    return outcome;
  }

  /**
   * A check the scheduler found due. Replicas sharing a store all find it due; the one that takes the watch's lease
   * checks it, the others skip. The lease is not released, so the slot is checked once; it ends most of an interval
   * after the slot's planned time, whenever it was taken, so a replica that took it late (a loaded machine) cannot
   * hold it into the next slot, and a replica that dies loses its watches to the others at the next slot.
   */
  async scheduledCheck(watch: Watch, plannedAt = Date.now()): Promise<CheckOutcome | undefined> {
    const interval = watch.every ?? (watch.cron ? 60_000 : DEFAULT_EVERY);
    const endsAt = plannedAt + Math.max(1_000, Math.floor(interval * 0.8));
    const taken = await this.opts.store
      .claim(`lease:watch:${watch.id}`, Math.max(1, endsAt - Date.now()))
      .catch((error: unknown) => {
        this.opts.logger.warn(
          { watch: watch.id, err: (error as Error).message },
          'could not take the watch lease; checking anyway',
        );
        return true;
      });
    if (!taken) {
      this.opts.logger.debug({ watch: watch.id }, 'another replica holds this watch for this slot');
      return undefined;
    }
    return this.check(watch);
  }

  /** Check every enabled watch (or the one named) once, concurrently within the limits. */
  async checkAll(onlyId?: string): Promise<CheckOutcome[]> {
    const watches = this.config.watches.filter((w) => (onlyId ? w.id === onlyId : w.enabled));
    const store = this.opts.store;
    // A pass reads every watch's snapshot and health in a few queries instead of two per check, and writes the
    // health of the unchanged ones in one transaction per second.
    await store.prefetch(watches.flatMap((w) => [`snap:${w.id}`, `health:${w.id}`]));
    try {
      return await Promise.all(watches.map((w) => this.check(w)));
    } finally {
      store.dropPrefetched();
      // With the store down the batched health stays queued for the next flush; the outage is reported by the checks.
      await store.flush().catch((error: unknown) => {
        if (!(error instanceof StoreUnavailable)) throw error;
      });
    }
  }

  async pendingDeliveries(): Promise<number> {
    return this.outbox.pending();
  }

  /** Stop delivering; an attempt still waiting for its receiver at `deadline` (epoch ms) is left in the outbox. */
  async close(deadline = Infinity): Promise<void> {
    await this.outbox.stop(deadline);
    for (const n of this.notifierMap.values()) await n.close?.();
  }
}
