import type { Watch } from '../config/load-config.js';
import type { WatchHealth } from '../store/store.js';
import type { Fetched, Alerted } from './check-steps.js';
import type { CheckDeps } from './check-types.js';
import type { CheckFailure } from './failure-hints.js';
import { saveAlertDocuments } from '../store/alert-documents.js';
import { watchDownAlert, watchRecoveredAlert } from './ops-alerts.js';

/**
 * Where a check's result goes. The real check stores and sends (`recordingSink`); a dry run (`regwatch check`) keeps
 * nothing (`DRY_RUN`). The steps never ask which one they feed.
 */
export interface CheckSink {
  unchanged(): Promise<void>;
  changed(fetched: Fetched, alerted: Alerted): Promise<void>;
  failed(error: CheckFailure, hint: string): Promise<void>;
}

export const DRY_RUN: CheckSink = {
  unchanged: () => Promise.resolve(),
  changed: () => Promise.resolve(),
  failed: () => Promise.resolve(),
};

/** Step 5, record: alerts queued, then the watch's state and health moved on. */
export function recordingSink(watch: Watch, deps: CheckDeps): CheckSink {
  return {
    unchanged: () => recordSuccess(watch, deps, false),
    async changed({ fetched, bodyHash, extracted }, { alerts, identities, texts }) {
      const now = deps.now().toISOString();
      // Alerts are durable before the watch's state moves on: a crash in between re-finds the same items, whose
      // alert ids are already stored, so nothing is lost and nothing is sent twice.
      if (alerts.length) {
        const eventKeys = identities.map((identity) => identity?.key ?? null);
        await saveAlertDocuments(deps.store, alerts, texts, eventKeys);
        await deps.emit(alerts, identities);
      }
      if (extracted.items)
        await deps.store.addSeen(
          watch.id,
          extracted.items.map((i) => i.key),
        );
      await deps.store.putSnapshot(
        watch.id,
        {
          bodyHash,
          contentHash: extracted.contentHash,
          ...(extracted.text !== undefined ? { text: extracted.text } : {}),
          ...(fetched.etag ? { etag: fetched.etag } : {}),
          ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
          fetchedAt: now,
        },
        watch.kind === 'page',
      );
      const png = fetched.screenshot?.toString('base64');
      if (png) await deps.store.set(`screenshot:${watch.id}`, { png, fetchedAt: now });
      await recordSuccess(watch, deps, alerts.length > 0);
      if (alerts.length) deps.metrics.changes.inc({ watch: watch.id }, alerts.length);
    },
    failed: (error, hint) => recordFailure(watch, deps, error, hint),
  };
}

async function recordSuccess(watch: Watch, deps: CheckDeps, changed: boolean): Promise<void> {
  const now = deps.now().toISOString();
  // The recovery alert is queued before the failure is forgotten: a crash in between re-queues it on the next good
  // check under the same id (deduplicated), instead of losing it.
  const before: WatchHealth = await deps.store.getHealth(watch.id);
  if (before.reportedDown) await deps.ops(watchRecoveredAlert(watch, before.failingSince, deps.now()));
  await deps.store.updateHealth(watch.id, (h) => {
    return {
      ...h,
      lastCheck: now,
      lastSuccess: now,
      lastChange: changed ? now : h.lastChange,
      consecutiveFailures: 0,
      failingSince: null,
      lastError: null,
      lastErrorKind: null,
      reportedDown: false,
    };
  });
  deps.metrics.lastSuccess.set({ watch: watch.id }, Date.parse(now) / 1000);
}

async function recordFailure(watch: Watch, deps: CheckDeps, error: CheckFailure, hint: string): Promise<void> {
  const now = deps.now().toISOString();
  const health = await deps.store.updateHealth(watch.id, (h) => ({
    ...h,
    lastCheck: now,
    consecutiveFailures: h.consecutiveFailures + 1,
    failingSince: h.failingSince ?? now,
    lastError: `${error.kind}: ${error.message}`,
    lastErrorKind: error.kind,
  }));
  if (health.consecutiveFailures >= deps.settings.failureThreshold && !health.reportedDown) {
    // Queue the alert first, then remember it was sent: after a crash in between the next failure queues it again
    // under the same id (keyed by failingSince), so it is neither lost nor sent twice.
    await deps.ops(watchDownAlert(watch, health, hint, deps.now()));
    await deps.store.updateHealth(watch.id, (h) => ({ ...h, reportedDown: true }));
  }
}
