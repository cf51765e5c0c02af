import type { Logger } from 'pino';
import { ConfigWatcher } from './config/config-watcher.js';
import { loadConfig, type LoadedConfig } from './config/load-config.js';
import { mountDashboard } from './dashboard/dashboard.js';
import { plugins } from './plugins.js';
import { loadHistory } from './figures/history.js';
import { logFormat, type LogFormat } from './logger.js';
import { HttpServer, sendJson } from './ops/http-server.js';
import { collectState, serveHealth, serveReadiness, type ReadinessState } from './ops/health.js';
import { Metrics } from './ops/metrics.js';
import { renderStartTable, startRows } from './ops/start-table.js';
import type { BrowserFetch } from './pipeline/fetch-for-watch.js';
import { listenFailure } from './pipeline/failure-hints.js';
import { Runner } from './pipeline/runner.js';
import { describeSchedule, Scheduler } from './scheduler.js';
import { Store } from './store/store.js';
import { TimedTasks } from './timed-tasks.js';

export interface DaemonOptions {
  configDir: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  port: number;
  host?: string;
  /** A separate listener for the Slack and Discord endpoints (public), keeping /healthz and /metrics private. */
  chatPort?: number;
  chatHost?: string;
  browser?: BrowserFetch;
  /** How the logger writes (the start-up table is a table for a person, rows for JSON); default from the env. */
  logFormat?: LogFormat;
  /** Called once the runner and server exist, to mount chat integrations. */
  extend?(daemon: Daemon): Promise<void>;
}

/** The running bot: scheduler, notifiers, outbox, config hot reload, HTTP endpoints. */
export interface Daemon {
  runner: Runner;
  scheduler: Scheduler;
  server: HttpServer;
  /** Where chat integrations mount their endpoints: the ops server, or a listener of its own (REGWATCH_CHAT_PORT). */
  chatServer: HttpServer;
  /** Port of the chat listener (the ops port when there is no separate one). */
  chatPort: number;
  configWatcher: ConfigWatcher;
  /** Expectation windows, digests and quiet hours (src/timed-tasks.ts). */
  timed: TimedTasks;
  port: number;
  onStop(fn: () => Promise<void>): void;
  stop(graceMs?: number): Promise<void>;
}

/** Start `regwatch run`. Throws ConfigError before anything starts when the config is invalid. */
export async function startDaemon(opts: DaemonOptions): Promise<Daemon> {
  const config = loadConfig(opts.configDir, opts.env, plugins);
  const store = await Store.open(opts.env.REGWATCH_STORE);
  await loadHistory(store, config.dir, opts.env).catch((error: unknown) =>
    opts.logger.warn({ err: (error as Error).message }, 'figures history not loaded'),
  );
  const metrics = new Metrics(true);
  const deliveryStore = await store.deliveryConnection();
  const runner = new Runner({
    store,
    deliveryStore,
    logger: opts.logger,
    metrics,
    env: opts.env,
    ...(opts.browser ? { browser: opts.browser } : {}),
  });
  await runner.applyConfig(config);
  const scheduler = new Scheduler(
    (w, plannedAt) => runner.scheduledCheck(w, plannedAt),
    opts.logger,
    config.settings.jitter,
    config.settings.concurrency * 2,
  );
  const timed = new TimedTasks({ runner, logger: opts.logger });
  const apply = async (next: LoadedConfig) => {
    await runner.applyConfig(next);
    scheduler.setJitter(next.settings.jitter);
    scheduler.setMaxStarts(next.settings.concurrency * 2);
    scheduler.sync(next.watches);
  };
  const configWatcher = new ConfigWatcher(config.dir, opts.env, plugins, opts.logger, apply);
  // Ready once the chat integrations are mounted (they mount after the listeners start, in `extend`).
  const readiness: ReadinessState = { stopping: false, chatMounted: !opts.extend };
  const server = new HttpServer(opts.logger);
  const chatServer = opts.chatPort !== undefined ? new HttpServer(opts.logger) : server;
  // Until then a chat request is told to come back (503), not that the endpoint does not exist; afterwards these
  // stand-ins answer only for a platform that is not configured (the real endpoints replace them).
  for (const prefix of ['/slack', '/discord'])
    chatServer.mount(prefix, (_req, res) =>
      readiness.chatMounted
        ? void res
            .writeHead(404, { 'content-type': 'text/plain' })
            .end('not found: this chat platform is not configured\n')
        : sendJson(res.setHeader('retry-after', '1'), 503, {
            ready: false,
            reason: 'starting: chat endpoints are being mounted',
          }),
    );
  server.mount('/healthz', (_req, res) => serveHealth(res, runner, !readiness.stopping));
  server.mount('/readyz', (_req, res) => serveReadiness(res, runner, readiness));
  server.mount('/metrics', async (_req, res) => {
    // State gauges (pending per destination, destination up, watch failures) are read from the store per scrape.
    metrics.recordState(await collectState(runner));
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
  });
  // The read-only dashboard (/ui/) on the same listener (design §12).
  const dashboard = mountDashboard(server, {
    store,
    watches: () => runner.config.watches,
    jitter: () => runner.config.settings.jitter,
    logger: opts.logger,
    env: opts.env,
  });
  const port = await server
    .listen(opts.port, opts.host ?? '127.0.0.1')
    .catch((error: NodeJS.ErrnoException) => Promise.reject(listenFailure(error, opts.port, 'REGWATCH_PORT')));
  const chatPort =
    chatServer !== server
      ? await chatServer
          .listen(opts.chatPort!, opts.chatHost ?? '0.0.0.0')
          .catch((error: NodeJS.ErrnoException) =>
            Promise.reject(listenFailure(error, opts.chatPort!, 'REGWATCH_CHAT_PORT')),
          )
      : port;
  const stoppers: Array<() => Promise<void>> = [];
  const daemon: Daemon = {
    runner,
    scheduler,
    server,
    chatServer,
    chatPort,
    configWatcher,
    timed,
    port,
    onStop: (fn) => stoppers.push(fn),
    async stop(graceMs = 10_000) {
      readiness.stopping = true;
      dashboard.close();
      scheduler.stop();
      configWatcher.stop();
      await timed.stop();
      // Finish in-flight deliveries up to the grace period; the rest stays in the outbox for the next start.
      const deadline = Date.now() + graceMs;
      const left = await runner.drain(deadline);
      if (left > 0)
        opts.logger.warn(
          { pending: left },
          'stopping with alerts still in the outbox; they are delivered on the next start',
        );
      for (const fn of stoppers) await fn().catch(() => undefined);
      // An attempt still waiting for its receiver is not waited for past the deadline (it stays queued).
      await runner.close(deadline);
      await server.close();
      if (chatServer !== server) await chatServer.close();
      if (deliveryStore !== store) await deliveryStore.close();
      await store.close();
    },
  };
  if (opts.extend) await opts.extend(daemon);
  readiness.chatMounted = true;
  scheduler.sync(config.watches);
  configWatcher.start();
  void runner.outbox.deliverDue();
  timed.start();
  // One table: which watch runs when, and which are checked now because they have nothing to compare against yet.
  const rows = await startRows(config.watches, store, scheduler, describeSchedule);
  if ((opts.logFormat ?? logFormat(opts.env)) === 'pretty')
    opts.logger.info(`schedule (${rows.length} watches):\n${renderStartTable(rows)}`);
  else opts.logger.info({ schedule: rows }, 'schedule');
  opts.logger.info(
    { watches: config.watches.length, channels: config.channels.length, port, store: store.backend },
    'regwatch running',
  );
  return daemon;
}
