import { setFlagsFromString } from 'node:v8';
import { loadHistory } from '../figures/history.js';
import { createLogger } from '../logger.js';
import { Metrics } from '../ops/metrics.js';
import { Runner } from '../pipeline/runner.js';
import { EXIT, loadOrExit, openStoreOrExit } from './load-or-exit.js';
import { browserFetchFor } from './browser.js';

/** `regwatch once`: check every (or one) watch once, deliver the alerts, exit 0 / 1 (a fetch failed) / 2 (bad config). */
export async function onceCommand(opts: {
  config: string;
  watch?: string;
  json?: boolean;
  deliverTimeout: number;
}): Promise<number> {
  // A pass allocates a page's worth per check and keeps little: V8's memory-saving heap sizing collects that garbage
  // sooner, so a 1,000-page pass peaks near 155 MB instead of 205 MB, for about 5–10 % more CPU (more collections).
  setFlagsFromString('--optimize-for-size');
  const config = loadOrExit(opts.config);
  if (opts.watch && !config.watches.some((w) => w.id === opts.watch)) {
    process.stderr.write(`no watch with id "${opts.watch}" in ${config.dir}; \`regwatch validate\` lists them\n`);
    return EXIT.badConfig;
  }
  const logger = createLogger(process.env.REGWATCH_LOG_LEVEL ?? 'warn');
  const store = await openStoreOrExit();
  await loadHistory(store, config.dir).catch((error: unknown) =>
    logger.warn({ err: (error as Error).message }, 'figures history not loaded'),
  );
  const browser = browserFetchFor(config, logger);
  const deliveryStore = await store.deliveryConnection();
  const runner = new Runner({
    store,
    deliveryStore,
    logger,
    metrics: Metrics.discarding(),
    ...(opts.json ? { json: true } : {}),
    ...(browser ? { browser: browser.fetch } : {}),
  });
  let deadline = Infinity;
  try {
    await runner.applyConfig(config);
    const outcomes = await runner.checkAll(opts.watch);
    deadline = Date.now() + opts.deliverTimeout;
    const left = await runner.drain(deadline);
    const failed = outcomes.filter((o) => o.status === 'failed');
    const count = (s: string) => outcomes.filter((o) => o.status === s).length;
    process.stderr.write(
      `checked ${outcomes.length} watch(es): ${count('changed')} changed, ${count('unchanged')} unchanged, ${count('baseline')} baseline, ${failed.length} failed; ` +
        `${outcomes.reduce((n, o) => n + o.alerts.length, 0)} alert(s)${left ? `, ${left} delivery(ies) still pending in the outbox` : ''}\n`,
    );
    for (const f of failed)
      process.stderr.write(`  ${f.watch}: ${f.error?.kind}: ${f.error?.message}\n    → ${f.error?.hint}\n`);
    return failed.length > 0 ? EXIT.fetchFailed : EXIT.ok;
  } finally {
    // A receiver that hangs does not hold `once` past --deliver-timeout; its alert stays queued for the next run.
    await runner.close(deadline);
    await browser?.close();
    if (deliveryStore !== store) await deliveryStore.close();
    await store.close();
  }
}
