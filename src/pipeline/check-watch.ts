import type { Watch } from '../config/load-config.js';
import type { Alert } from '../types.js';
import type { CheckDeps, CheckOutcome, CheckStatus } from './check-types.js';
import { watchers } from '../../watchers/index.js';
import { DRY_RUN, recordingSink } from './check-sink.js';
import { alertStep, compareStep, fetchStep, type Previous } from './check-steps.js';
import { describeFailure, failureHint } from './failure-hints.js';

export type { CheckDeps, CheckOutcome, CheckStatus } from './check-types.js';

/**
 * One check of one watch, in named steps (check-steps.ts): fetch (conditional; an identical body is not parsed),
 * compare with the stored snapshot or seen items, documents (each new item's page and attachments), classify and
 * alert, then record (check-sink.ts: alerts queued before the watch's state moves on). A failure is recorded on the
 * watch's health and never compared as content. With `dryRun` the same steps run and the sink keeps nothing.
 */
export async function checkWatch(watch: Watch, deps: CheckDeps, dryRun = false): Promise<CheckOutcome> {
  const started = Date.now();
  // Made when the check first logs: a pass's thousand checks mostly log nothing at the usual levels.
  let child: CheckDeps['logger'] | undefined;
  const logger = () => (child ??= deps.logger.child({ watch: watch.id }));
  const sink = dryRun ? DRY_RUN : recordingSink(watch, deps);
  const done = (status: CheckStatus, alerts: Alert[] = [], error?: CheckOutcome['error']): CheckOutcome => {
    const durationMs = Date.now() - started;
    deps.metrics.checks.inc({ watch: watch.id, outcome: status === 'baseline' ? 'unchanged' : status });
    deps.metrics.checkSeconds.observe({ watch: watch.id }, durationMs / 1000);
    return { watch: watch.id, status, alerts, durationMs, ...(error ? { error } : {}) };
  };
  try {
    const watcher = watchers[watch.kind];
    if (!watcher) throw new Error(`no watcher for kind ${watch.kind}`);
    const previous: Previous = {
      snapshot: await deps.store.getSnapshot(watch.id),
      seen: watch.kind === 'page' ? undefined : await deps.store.getSeen(watch.id),
    };
    const fetched = await fetchStep(watch, watcher, previous, deps);
    if (fetched === 'unchanged') {
      await sink.unchanged();
      return done('unchanged');
    }
    const compared = await compareStep(watch, watcher, fetched, previous);
    const alerted = alertStep(watch, compared, fetched.fetched, deps);
    await sink.changed(fetched, alerted);
    const status = compared.isBaseline ? 'baseline' : alerted.alerts.length ? 'changed' : 'unchanged';
    if (!dryRun && deps.logger.isLevelEnabled('info'))
      logger().info({ status, alerts: alerted.alerts.length }, 'checked');
    return done(status, alerted.alerts);
  } catch (raw) {
    let error = describeFailure(raw);
    deps.metrics.failures.inc({ watch: watch.id, kind: error.kind });
    if (error.kind === 'internal')
      logger().error({ err: (raw as Error).stack ?? error.message }, 'check failed: a bug');
    // Every failure, the first included, says what it usually means (the ops alert after failureThreshold stays).
    else
      logger().warn(
        { kind: error.kind, status: error.status, err: error.message, hint: failureHint(error) },
        `check failed (${error.kind})`,
      );
    // A store that is down cannot record the failure; the runner reports the outage once instead.
    if (error.kind !== 'store')
      await sink.failed(error, failureHint(error)).catch((late: unknown) => {
        error = describeFailure(late);
      });
    return done('failed', [], { kind: error.kind, message: error.message, hint: failureHint(error) });
  }
}
