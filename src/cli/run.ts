import { ConfigError, formatIssue } from '../config/config-issue.js';
import { configDir } from '../config/paths.js';
import { startDaemon, type Daemon } from '../daemon.js';
import { createLogger } from '../logger.js';
import { browserFetchFor } from './browser.js';
import { mountChat } from '../chat/mount-chat.js';
import { loadOrExit } from './load-or-exit.js';
import { parseDuration } from '../config/duration.js';

/** How long SIGTERM waits for deliveries under way (REGWATCH_SHUTDOWN_GRACE, e.g. 30s; default 10 s). */
function shutdownGraceMs(value: string | undefined): number {
  return (value ? parseDuration(value) : undefined) ?? 10_000;
}

/** `regwatch run`: the daemon, until SIGTERM/SIGINT (a second signal forces the exit). */
export async function runCommand(opts: { config?: string }): Promise<void> {
  const dir = configDir(opts.config);
  const config = loadOrExit(dir);
  const logger = createLogger();
  const browser = browserFetchFor(config, logger);
  const port = Number(process.env.REGWATCH_PORT ?? 8080);
  // Signals are handled from the first moment: one that arrives while the daemon starts stops it once it has started
  // (exit 0, nothing lost); a second one forces the exit.
  let daemon: Daemon | undefined;
  let stopping = false;
  const shutdown = (running: Daemon) =>
    void running.stop(shutdownGraceMs(process.env.REGWATCH_SHUTDOWN_GRACE)).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: (error as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight deliveries');
    if (daemon) shutdown(daemon);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  try {
    daemon = await startDaemon({
      configDir: dir,
      env: process.env,
      logger,
      port,
      ...(process.env.REGWATCH_HOST ? { host: process.env.REGWATCH_HOST } : {}),
      ...(process.env.REGWATCH_CHAT_PORT ? { chatPort: Number(process.env.REGWATCH_CHAT_PORT) } : {}),
      ...(process.env.REGWATCH_CHAT_HOST ? { chatHost: process.env.REGWATCH_CHAT_HOST } : {}),
      ...(browser ? { browser: browser.fetch } : {}),
      extend: (d) => mountChat(d, process.env, logger),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.exit(2);
    }
    logger.fatal({ err: (error as Error).message }, 'regwatch could not start');
    process.exit(1);
  }
  if (browser) daemon.onStop(() => browser.close());
  if (
    !config.channels.some((c) => c.type !== 'console') &&
    !process.env.SLACK_BOT_TOKEN &&
    !process.env.DISCORD_TOKEN
  ) {
    logger.info('no Slack, Discord or webhook channel configured: alerts go to the console');
  }
  if (stopping) shutdown(daemon);
}
