import { renderConsoleAlert } from '../../notifiers/console.js';
import { createLogger } from '../logger.js';
import { redactSecrets } from '../security/secrets.js';
import { Metrics } from '../ops/metrics.js';
import { Runner } from '../pipeline/runner.js';
import { browserFetchFor } from './browser.js';
import { EXIT, loadOrExit, openStoreOrExit } from './load-or-exit.js';

/**
 * `regwatch check ID`: a dry run — fetch, extract, compare with the stored state, classify, and print what would be
 * alerted. Stores nothing and sends nothing.
 */
export async function checkCommand(id: string, opts: { config: string; json?: boolean }): Promise<number> {
  const config = loadOrExit(opts.config);
  const watch = config.watches.find((w) => w.id === id);
  if (!watch) {
    process.stderr.write(`no watch with id "${id}"; known: ${config.watches.map((w) => w.id).join(', ') || 'none'}\n`);
    return EXIT.badConfig;
  }
  const logger = createLogger(process.env.REGWATCH_LOG_LEVEL ?? 'warn');
  const store = await openStoreOrExit();
  const browser = browserFetchFor(config, logger);
  const runner = new Runner({
    store,
    logger,
    metrics: Metrics.discarding(),
    ...(browser ? { browser: browser.fetch } : {}),
  });
  // What check prints (the watch URL, failure messages, alerts) never shows a secret value, as the logs do not.
  const print = (text: string) => process.stdout.write(redactSecrets(text));
  try {
    await runner.applyConfig(config);
    const outcome = await runner.check(watch, true);
    if (opts.json) {
      print(`${JSON.stringify(outcome)}\n`);
    } else {
      const what =
        outcome.status === 'baseline'
          ? 'first check: this would record the baseline and alert nothing'
          : outcome.status;
      print(
        `${watch.id} (${watch.kind}, ${watch.fetch}) ${watch.url}\n  result: ${what} in ${outcome.durationMs} ms\n`,
      );
      if (outcome.error)
        print(
          `  error: ${outcome.error.kind}: ${outcome.error.message}\n  what it usually means: ${outcome.error.hint}\n`,
        );
      for (const alert of outcome.alerts) print(renderConsoleAlert(alert));
      if (outcome.status !== 'failed') print('  (dry run: nothing stored, nothing sent)\n');
    }
    return outcome.status === 'failed' ? EXIT.fetchFailed : EXIT.ok;
  } finally {
    await runner.close();
    await browser?.close();
    await store.close();
  }
}
