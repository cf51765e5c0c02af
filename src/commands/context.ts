import type { Daemon } from '../daemon.js';
import { describeSchedule } from '../scheduler.js';
import type { CommandContext, DestinationState, WatchInfo } from './types.js';

/** The commands' view of a running daemon: its current watches, destinations and store. */
export function commandContext(daemon: Daemon): CommandContext {
  const { runner } = daemon;
  return {
    store: runner.store,
    watches: (): WatchInfo[] =>
      runner.config.watches
        .filter((w) => w.enabled)
        .map((w) => ({
          id: w.id,
          name: w.name,
          source: w.source,
          kind: w.kind,
          url: w.url,
          schedule: describeSchedule(w),
        })),
    async destinations(): Promise<DestinationState[]> {
      const notifiers = runner.notifiers();
      const ids = [...new Set([...notifiers.keys(), ...(await runner.outbox.destinations())])];
      return Promise.all(
        ids.map(async (id) => {
          const h = await runner.outbox.health(id);
          const notifier = notifiers.get(id);
          return {
            id,
            type: notifier?.type ?? 'removed',
            state: h.state,
            pending: await runner.outbox.pending(id),
            lastError: h.lastError,
            hint: notifier ? h.hint : 'no longer configured: its queued alerts are not delivered',
            since: h.since,
          };
        }),
      );
    },
    refreshDestinations: () => runner.refreshDestinations(),
    now: () => new Date(),
    expectations: () => daemon.timed.expectations.status(),
  };
}
