/**
 * The demo's data on a dashboard, for the dashboard tests: the demo's fixture sites and story (src/demo), a throw-away
 * store with the shipped figures history, and the dashboard mounted on a local listener.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.js';
import { SHIPPED_CONFIG_DIR } from '../../src/config/paths.js';
import { mountDashboard, type Dashboard } from '../../src/dashboard/dashboard.js';
import { BEATS, setTheScene, STORY_WATCHES } from '../../src/demo/story.js';
import { SourceSites } from '../../src/demo/sites/index.js';
import { loadHistory } from '../../src/figures/history.js';
import { HttpServer } from '../../src/ops/http-server.js';
import { Runner } from '../../src/pipeline/runner.js';
import { Store } from '../../src/store/store.js';
import { plugins } from '../../src/plugins.js';

export interface DemoDashboard {
  url: string;
  store: Store;
  runner: Runner;
  sites: SourceSites;
  config: LoadedConfig;
  dashboard: Dashboard;
  check(id: string): Promise<void>;
  stop(): Promise<void>;
}

export async function demoDashboard(env: NodeJS.ProcessEnv): Promise<DemoDashboard> {
  const dir = mkdtempSync(join(tmpdir(), 'regwatch-dash-'));
  const sites = await new SourceSites().start();
  process.env.REGWATCH_REWRITE = sites.rewrite;
  sites.customs.challenge = false;
  const shipped = loadConfig(SHIPPED_CONFIG_DIR, {}, plugins);
  const config: LoadedConfig = {
    ...shipped,
    watches: shipped.watches
      .filter((w) => STORY_WATCHES.includes(w.id))
      .map((w) => (w.id === 'customs-stats-zh' ? { ...w, fetch: 'http' as const } : w)),
    settings: { ...shipped.settings, hostInterval: 0 },
  };
  const logger = pino({ level: 'error' });
  const store = await Store.open(`sqlite://${join(dir, 'demo.sqlite')}`);
  await loadHistory(store, undefined, {});
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const runner = new Runner({ store, logger, env: {}, out: quiet });
  await runner.applyConfig(config);
  const check = async (id: string) => {
    await runner.check(config.watches.find((w) => w.id === id)!);
    await runner.outbox.drain(Date.now() + 10_000);
  };
  setTheScene(sites);
  for (const w of config.watches) await check(w.id);
  for (const beat of BEATS) {
    beat.act(sites);
    for (const id of beat.watches) await check(id);
  }
  const server = new HttpServer(logger);
  const dashboard = mountDashboard(
    server,
    { store, watches: () => config.watches, jitter: () => config.settings.jitter, logger, env },
    { pollMs: 200 },
  );
  const port = await server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    runner,
    sites,
    config,
    dashboard,
    check,
    async stop() {
      dashboard.close();
      await server.close();
      await runner.close();
      await store.close();
      await sites.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
