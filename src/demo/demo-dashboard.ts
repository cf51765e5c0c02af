import type { LoadedConfig } from '../config/load-config.js';
import { mountDashboard } from '../dashboard/dashboard.js';
import { loadHistory } from '../figures/history.js';
import { createLogger } from '../logger.js';
import { HttpServer } from '../ops/http-server.js';
import type { Store } from '../store/store.js';

const out = (s = '') => process.stdout.write(`${s}\n`);

/**
 * The end of `regwatch demo`: the dashboard on the demo's alerts plus the shipped figures history, at
 * http://127.0.0.1:<REGWATCH_PORT or 8080>/ui/ (another free port when that one is taken). It stays up until Ctrl-C
 * when the demo runs in a terminal (or REGWATCH_DEMO_STAY=1); REGWATCH_DEMO_STAY=0, or output to a pipe, ends at once.
 */
export async function showDashboard(store: Store, config: LoadedConfig, env: NodeJS.ProcessEnv): Promise<void> {
  const stay = env.REGWATCH_DEMO_STAY ? env.REGWATCH_DEMO_STAY === '1' : Boolean(process.stdout.isTTY);
  if (!stay) {
    out('\nThe dashboard (regwatch run serves it at /ui/) stays up after the demo when it runs in a terminal.');
    return;
  }
  const logger = createLogger(env.REGWATCH_LOG_LEVEL ?? 'error');
  await loadHistory(store, undefined, env);
  const server = new HttpServer(logger);
  const dashboard = mountDashboard(server, {
    store,
    watches: () => config.watches,
    jitter: () => config.settings.jitter,
    logger,
    env,
  });
  const wanted = Number(env.REGWATCH_PORT ?? 8080);
  const port = await server.listen(wanted, '127.0.0.1').catch(() => server.listen(0, '127.0.0.1'));
  out(`\nDashboard: http://127.0.0.1:${port}/ui/  — the demo's alerts and the figures history since 2014.`);
  out('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  dashboard.close();
  await server.close();
}
