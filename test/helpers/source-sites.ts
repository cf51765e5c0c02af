/**
 * The shipped watches (config/watches) run against local imitations of their real sources (src/demo/sites), with
 * REGWATCH_REWRITE sending every request to the fixtures. Each `WatchRun` has its own throw-away store, and records
 * what the console channel delivered as the §7 JSON payloads.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.js';
import { plugins } from '../../src/plugins.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';
import { createLogger } from '../../src/logger.js';
import type { CheckOutcome } from '../../src/pipeline/check-watch.js';
import { Runner } from '../../src/pipeline/runner.js';
import { Store } from '../../src/store/store.js';
import type { Alert } from '../../src/types.js';
import { SourceSites } from '../../src/demo/sites/index.js';

export { SourceSites };

/** Start every fixture host and point REGWATCH_REWRITE at them. */
export async function startSourceSites(): Promise<SourceSites> {
  const sites = await new SourceSites().start();
  process.env.REGWATCH_REWRITE = sites.rewrite;
  return sites;
}

/** The shipped config, with politeness spacing removed so tests run fast (the fixtures are local). */
export function shippedConfig(): LoadedConfig {
  const config = loadConfig(SHIPPED_CONFIG_DIR, {}, plugins);
  return { ...config, settings: { ...config.settings, hostInterval: 0, perHost: 4 } };
}

export class WatchRun {
  private constructor(
    readonly runner: Runner,
    readonly store: Store,
    private readonly sink: { text: string },
  ) {}

  static async open(config: LoadedConfig): Promise<WatchRun> {
    const store = await Store.open(
      `sqlite://${join(mkdtempSync(join(tmpdir(), 'regwatch-sources-')), 'state.sqlite')}`,
    );
    const sink = { text: '' };
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        sink.text += chunk.toString();
        done();
      },
    });
    const runner = new Runner({ store, logger: createLogger('silent'), json: true, out });
    await runner.applyConfig(config);
    return new WatchRun(runner, store, sink);
  }

  /** Check one watch as `regwatch once --watch ID` would, and wait for its deliveries. */
  async check(id: string): Promise<CheckOutcome> {
    const watch = this.runner.config.watches.find((w) => w.id === id);
    if (!watch) throw new Error(`no shipped watch ${id}`);
    const outcome = await this.runner.check(watch);
    await this.runner.outbox.drain(Date.now() + 10_000);
    return outcome;
  }

  /** Alerts delivered to the console channel so far (JSON payloads). */
  delivered(): Alert[] {
    return this.sink.text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Alert)
      .filter((a) => a.type !== 'ops');
  }

  async close(): Promise<void> {
    await this.runner.close();
    await this.store.close();
  }
}
