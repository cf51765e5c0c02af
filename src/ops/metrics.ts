import { createRequire } from 'node:module';
import type PromClient from 'prom-client';

/**
 * prom-client, loaded when a metric is first used: `regwatch once` and the CLI commands never report metrics, and the
 * library (with the OpenTelemetry API it pulls in) is a large part of what a start would otherwise load and compile.
 */
const loadPromClient = (): typeof PromClient => createRequire(import.meta.url)('prom-client') as typeof PromClient;

/** Every metric, registered in one registry. */
function createInstruments(client: typeof PromClient) {
  const registry = new client.Registry();
  return {
    registry,
    checks: new client.Counter({
      name: 'regwatch_checks_total',
      help: 'Checks run, by watch and outcome (unchanged, changed, failed).',
      labelNames: ['watch', 'outcome'],
      registers: [registry],
    }),
    failures: new client.Counter({
      name: 'regwatch_fetch_failures_total',
      help: 'Failed checks by watch and failure kind.',
      labelNames: ['watch', 'kind'],
      registers: [registry],
    }),
    changes: new client.Counter({
      name: 'regwatch_changes_total',
      help: 'Changes detected (new items, changed pages).',
      labelNames: ['watch'],
      registers: [registry],
    }),
    alertsSent: new client.Counter({
      name: 'regwatch_alerts_sent_total',
      help: 'Alert deliveries that succeeded, by destination.',
      labelNames: ['destination'],
      registers: [registry],
    }),
    alertsFailed: new client.Counter({
      name: 'regwatch_alerts_failed_total',
      help: 'Alert delivery attempts that failed, by destination.',
      labelNames: ['destination'],
      registers: [registry],
    }),
    pending: new client.Gauge({
      name: 'regwatch_outbox_pending',
      help: 'Alert deliveries waiting in the outbox, by destination (sum() for the total).',
      labelNames: ['destination'],
      registers: [registry],
    }),
    destinationUp: new client.Gauge({
      name: 'regwatch_destination_up',
      help: 'Whether a destination delivers: 1 ok, 0 retrying, failing or down (see /healthz for which and why).',
      labelNames: ['destination', 'state'],
      registers: [registry],
    }),
    watchFailures: new client.Gauge({
      name: 'regwatch_watch_consecutive_failures',
      help: 'Failed checks in a row per watch (0 when its last check succeeded).',
      labelNames: ['watch'],
      registers: [registry],
    }),
    fetchSeconds: new client.Histogram({
      name: 'regwatch_fetch_duration_seconds',
      help: 'Time to fetch a watch’s page.',
      labelNames: ['watch'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    checkSeconds: new client.Histogram({
      name: 'regwatch_check_duration_seconds',
      help: 'Time for a whole check (fetch, extract, compare, classify, store).',
      labelNames: ['watch'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    lastSuccess: new client.Gauge({
      name: 'regwatch_last_success_timestamp_seconds',
      help: 'When a watch last fetched successfully.',
      labelNames: ['watch'],
      registers: [registry],
    }),
  };
}

type Instruments = ReturnType<typeof createInstruments>;

/** An instrument that records nothing (every method the pipeline calls on a counter, gauge or histogram). */
const NOTHING = { inc() {}, observe() {}, set() {}, reset() {}, remove() {} };

/** Instruments for a run nobody scrapes: each one records nothing, and prom-client is never loaded. */
const DISCARDED = Object.defineProperty(
  Object.fromEntries(
    [
      'checks',
      'failures',
      'changes',
      'alertsSent',
      'alertsFailed',
      'pending',
      'destinationUp',
      'watchFailures',
      'fetchSeconds',
      'checkSeconds',
      'lastSuccess',
    ].map((name) => [name, NOTHING]),
  ),
  'registry',
  {
    get() {
      throw new Error('these metrics are discarded (a run that serves no /metrics): there is no registry');
    },
  },
) as unknown as Instruments;

/**
 * regwatch's Prometheus metrics. Label values are bounded: watch ids and destination ids come from config, outcomes
 * and kinds from fixed lists — never URLs or chat channel names. The metrics are made on first use (see
 * loadPromClient); with the default metrics (the daemon) at once, so the process and event-loop samples start then.
 */
export class Metrics {
  #instruments?: Instruments;

  /**
   * Metrics for a run that serves no /metrics (`regwatch once`, `check`): recording them would load prom-client and
   * cost a few tens of microseconds per check for nothing. Its registry is an error to ask for.
   */
  static discarding(): Metrics {
    const metrics = new Metrics();
    metrics.#instruments = DISCARDED;
    return metrics;
  }

  constructor(defaults = false) {
    // The event-loop delay is sampled every 100 ms, not prom-client's 10 ms: its timer was nearly all of an idle
    // daemon's wake-ups (about 90 a second). Ten samples a second still catch any stall worth a look.
    if (defaults)
      loadPromClient().collectDefaultMetrics({
        register: this.registry,
        prefix: 'regwatch_',
        eventLoopMonitoringPrecision: 100,
      });
  }

  private get made(): Instruments {
    return (this.#instruments ??= createInstruments(loadPromClient()));
  }

  get registry() {
    return this.made.registry;
  }
  get checks() {
    return this.made.checks;
  }
  get failures() {
    return this.made.failures;
  }
  get changes() {
    return this.made.changes;
  }
  get alertsSent() {
    return this.made.alertsSent;
  }
  get alertsFailed() {
    return this.made.alertsFailed;
  }
  get pending() {
    return this.made.pending;
  }
  get destinationUp() {
    return this.made.destinationUp;
  }
  get watchFailures() {
    return this.made.watchFailures;
  }
  get fetchSeconds() {
    return this.made.fetchSeconds;
  }
  get checkSeconds() {
    return this.made.checkSeconds;
  }
  get lastSuccess() {
    return this.made.lastSuccess;
  }

  /**
   * Set the state gauges from what the store says now (called on each scrape): one series per configured watch and
   * per destination; the series of removed ones disappear with the reset.
   */
  recordState(state: {
    watches: Array<{ id: string; consecutiveFailures: number }>;
    destinations: Array<{ id: string; state: string; pending: number }>;
  }): void {
    this.pending.reset();
    this.destinationUp.reset();
    this.watchFailures.reset();
    for (const d of state.destinations) {
      this.pending.set({ destination: d.id }, d.pending);
      this.destinationUp.set({ destination: d.id, state: d.state }, d.state === 'ok' ? 1 : 0);
    }
    for (const w of state.watches) this.watchFailures.set({ watch: w.id }, w.consecutiveFailures);
  }

  /** Forget the series of watches that are no longer configured, so label sets stay bounded. */
  retainWatches(ids: Set<string>): void {
    if (!this.#instruments) return; // nothing recorded yet
    for (const metric of [
      this.checks,
      this.failures,
      this.changes,
      this.fetchSeconds,
      this.checkSeconds,
      this.lastSuccess,
    ] as Array<PromClient.Counter | PromClient.Gauge | PromClient.Histogram>) {
      const values = (metric as unknown as { hashMap?: Record<string, { labels: Record<string, string> }> }).hashMap;
      for (const entry of Object.values(values ?? {})) {
        const watch = entry.labels.watch;
        if (watch && !ids.has(watch)) metric.remove(entry.labels);
      }
    }
  }
}
