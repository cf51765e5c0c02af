/**
 * A regwatch with a fake clock for expectation, digest and quiet-hour tests: a real config directory (loaded and
 * validated like any other), a real SQLite store, a Runner and its TimedTasks reading the fake clock, and a local
 * webhook receiver as the channel.
 */
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logger.js';
import { Runner } from '../../src/pipeline/runner.js';
import { Store } from '../../src/store/store.js';
import { TimedTasks } from '../../src/timed-tasks.js';
import type { Alert } from '../../src/types.js';
import type { Receiver } from '../helpers/receiver.js';
import { tempConfig } from '../helpers/run-cli.js';
import { plugins } from '../../src/plugins.js';

export class FakeClock {
  constructor(public t: number) {}
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  now = (): Date => new Date(this.t);
}

export const WATCHES = `watches:
  - id: customs-stats-zh
    name: GAC 统计数据
    source: customs
    kind: page
    url: http://127.0.0.1:9/stats.html
  - id: mofcom-press-conference
    name: MOFCOM 例行新闻发布会
    source: mofcom
    kind: list
    url: http://127.0.0.1:9/press.html
    items: 'li'
`;

export const GAC_EXPECTATION = `expectations:
  - id: gac-rare-earth-exports
    name: GAC monthly rare-earth exports
    category: export_statistics
    metric: rare_earth_exports
    period: previous-month
    watches: [customs-stats-zh]
    window: { monthly: { from: 7, to: 14 } }
    timezone: Asia/Shanghai
`;

/** A config directory: these watches, one webhook channel (with the extra YAML lines in `channel`), these expectations. */
export function configDir(
  receiverUrl: string,
  opts: { channel?: string; expectations?: string; channelId?: string } = {},
): string {
  return tempConfig({
    'watches/w.yaml': WATCHES,
    'notify.yaml': `channels:\n  - id: ${opts.channelId ?? 'hook'}\n    type: webhook\n    url: ${receiverUrl}\n${opts.channel ?? ''}`,
    'expectations.yaml': opts.expectations ?? GAC_EXPECTATION,
  }).dir;
}

export interface Instance {
  runner: Runner;
  timed: TimedTasks;
  store: Store;
  close(): Promise<void>;
}

/** One regwatch process on `store` (a SQLite file, or a store URL); two instances on one store are two replicas. */
export async function instance(dir: string, storeAt: string, clock: FakeClock): Promise<Instance> {
  const store = await Store.open(storeAt.includes('://') ? storeAt : `sqlite://${storeAt}`);
  const logger = createLogger('silent');
  const runner = new Runner({ store, logger, now: clock.now });
  await runner.applyConfig(loadConfig(dir, {}, plugins));
  const timed = new TimedTasks({ runner, logger, now: clock.now });
  return {
    runner,
    timed,
    store,
    async close() {
      await timed.stop();
      await runner.close();
      await store.close();
    },
  };
}

export const storeIn = (dir: string) => join(dir, 'state.sqlite');

/** What the receiver accepted, as payloads. */
export const payloads = (r: Receiver): Alert[] => r.accepted.map((x) => JSON.parse(x.body) as Alert);

/** A change alert as a watch would raise it: the GAC table with this month's rare-earth export figure. */
export function gacAlert(period: string, detectedAt: string, watch = 'customs-stats-zh'): Alert {
  return {
    id: `gac-${period}`,
    watch: { id: watch, name: 'GAC 统计数据', source: 'customs' },
    title: `（13）出口主要商品量值表（人民币值） ${period}`,
    url: `http://127.0.0.1:9/stats/${period}.html`,
    publishedAt: detectedAt.slice(0, 10),
    detectedAt,
    categories: ['export_statistics'],
    figures: [
      {
        metric: 'rare_earth_exports',
        value: 4821.6,
        unit: 't',
        period,
        batch: null,
        change_pct: 8.6,
        change_basis: 'yoy',
        evidence: '稀土 4821.6',
      },
    ],
    summary: `rare-earth exports ${period}: 4,821.6 t`,
    severity: 'normal',
  };
}
