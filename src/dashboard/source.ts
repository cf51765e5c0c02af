import { nodeCron } from '../config/node-cron.js';
import type { Logger } from 'pino';
import type { Watch } from '../config/load-config.js';
import { DEFAULT_EVERY, watchPhase } from '../scheduler.js';
import type { Store } from '../store/store.js';

/** What the dashboard reads: the store, and the running config's watches (read-only). */
export interface DashboardSource {
  store: Store;
  watches(): Watch[];
  /** settings.jitter of the running config (how `every` watches are phased). */
  jitter(): number;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  now?(): Date;
}

/**
 * When the scheduler fires a watch next: `every` watches on their phased wall-clock slots (as src/scheduler.ts arms
 * them), cron watches at the next match of any of their expressions in their time zone.
 */
export function nextCheckAt(w: Watch, jitter: number, now: Date): Date | null {
  if (!w.enabled) return null;
  if (w.cron) {
    const runs = [w.cron].flat().map((expression) => {
      const task = nodeCron().createTask(expression, () => undefined, { timezone: w.timezone });
      try {
        return task.getNextRun();
      } finally {
        void task.destroy();
      }
    });
    const times = runs.filter((d): d is Date => d !== null).map((d) => d.getTime());
    return times.length ? new Date(Math.min(...times)) : null;
  }
  const period = w.every ?? DEFAULT_EVERY;
  const offset = Math.floor(watchPhase(w.id) * jitter * period);
  const t = now.getTime();
  return new Date(Math.floor((t - offset) / period + 1) * period + offset);
}
