import type { Logger } from 'pino';
import type { Watch } from '../config/load-config.js';
import type { Settings } from '../config/settings-schema.js';
import { FetchFailure, type FetchOk } from '../fetch/fetch-result.js';
import type { HostLimiter } from '../fetch/host-limiter.js';
import type { Metrics } from '../ops/metrics.js';
import { saveAlertDocuments } from '../store/alert-documents.js';
import type { Store, WatchHealth } from '../store/store.js';
import { trustedHostsOf } from '../security/url-guard.js';
import type { Alert, Classification, DocumentInput } from '../types.js';
import { watchers } from '../../watchers/index.js';
import { withEventFigures } from './attachments.js';
import { buildAlert } from './build-alert.js';
import { eventKeyOf } from './event-key.js';
import { fallbackWatch } from './fallback.js';
import { failureHint } from './failure-hints.js';
import { fetchForWatch, watchUrl, type BrowserFetch } from './fetch-for-watch.js';
import { sha256 } from './hash.js';
import { watchDownAlert, watchRecoveredAlert } from './ops-alerts.js';
import type { Extracted, WatcherContext } from './watcher.js';

/** Everything a check needs; the runner provides it. */
export interface CheckDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  settings: Settings;
  hosts: HostLimiter;
  browser?: BrowserFetch;
  classify(doc: DocumentInput): Classification;
  now(): Date;
  /** Durably queue change alerts (before the watch's state moves on); `eventKeys[i]` identifies alert i's event. */
  emit(alerts: Alert[], eventKeys?: Array<string | null>): Promise<void>;
  /** Queue an ops alert (watch failing / recovered). */
  ops(alert: Alert): Promise<void>;
}

export type CheckStatus = 'baseline' | 'unchanged' | 'changed' | 'failed';

export interface CheckOutcome {
  watch: string;
  status: CheckStatus;
  alerts: Alert[];
  error?: { kind: string; message: string; hint: string };
  durationMs: number;
}

/**
 * One check of one watch: fetch (conditional), hash before parsing, extract, compare with the stored snapshot or seen
 * items, classify each new document, queue the alerts, then move the watch's state on. A fetch failure is recorded on
 * the watch's health and never compared as content. With `dryRun` nothing is stored or sent.
 */
export async function checkWatch(watch: Watch, deps: CheckDeps, dryRun = false): Promise<CheckOutcome> {
  const started = Date.now();
  const logger = deps.logger.child({ watch: watch.id });
  const watcher = watchers[watch.kind];
  if (!watcher) throw new Error(`no watcher for kind ${watch.kind}`);
  const snapshot = await deps.store.getSnapshot(watch.id);
  const seenList = watch.kind === 'page' ? undefined : await deps.store.getSeen(watch.id);
  const contextFor = (w: Watch): WatcherContext => ({
    watch: w,
    logger,
    diffTimeoutMs: deps.settings.diffTimeout,
    // Downloads (attachments) always go over HTTP: a browser renders pages, it does not hand back a file's bytes.
    // The list page's waitFor and screenshot do not apply to the documents it links to.
    fetchDocument: (url, opts) =>
      fetchForWatch(
        {
          ...w,
          method: 'GET',
          query: {},
          body: undefined,
          headers: w.headers,
          ...(w.browser ? { browser: { ...w.browser, waitFor: undefined, screenshot: undefined } } : {}),
          ...(opts?.keepBytes ? { fetch: 'http' } : {}),
        },
        url,
        deps,
        {
          ...(opts?.keepBytes ? { keepBytes: true } : {}),
          ...(opts?.headers ? { extraHeaders: opts.headers } : {}),
          guard: { trustedHosts: trustedHostsOf(w.url, w.allowHosts) },
        },
      ),
  });
  let ctx = contextFor(watch);
  const done = (status: CheckStatus, alerts: Alert[] = [], error?: CheckOutcome['error']): CheckOutcome => {
    const durationMs = Date.now() - started;
    deps.metrics.checks.inc({
      watch: watch.id,
      outcome: status === 'failed' ? 'failed' : status === 'changed' ? 'changed' : 'unchanged',
    });
    deps.metrics.checkSeconds.observe({ watch: watch.id }, durationMs / 1000);
    return { watch: watch.id, status, alerts, durationMs, ...(error ? { error } : {}) };
  };

  let fetched: FetchOk;
  let bodyHash: string | undefined;
  try {
    let extracted: Extracted;
    try {
      fetched = await fetchForWatch(
        watch,
        watchUrl(watch),
        deps,
        snapshot?.etag || snapshot?.lastModified
          ? {
              ...(snapshot.etag ? { etag: snapshot.etag } : {}),
              ...(snapshot.lastModified ? { lastModified: snapshot.lastModified } : {}),
            }
          : {},
      );
      deps.metrics.fetchSeconds.observe({ watch: watch.id }, fetched.durationMs / 1000);
      if (!fetched.modified || (snapshot && snapshot.bodyHash === (bodyHash = sha256(fetched.text)))) {
        if (!dryRun) await recordSuccess(watch, deps, false);
        return done('unchanged');
      }
      extracted = await watcher.extract(fetched, ctx);
    } catch (first) {
      // The list came back empty or challenged: try the watch's fallback (its API, or the browser) before failing.
      const alt = fallbackWatch(watch, first);
      if (!alt) throw first;
      logger.info(
        { err: (first as Error).message, via: alt.fetch === 'browser' ? 'browser' : alt.url },
        'first way failed; trying the fallback',
      );
      ctx = contextFor(alt);
      try {
        fetched = await fetchForWatch(alt, watchUrl(alt), deps);
        bodyHash = sha256(fetched.text);
        if (snapshot && snapshot.bodyHash === bodyHash) {
          if (!dryRun) await recordSuccess(watch, deps, false);
          return done('unchanged');
        }
        extracted = await watcher.extract(fetched, ctx);
      } catch (second) {
        const kind = second instanceof FetchFailure ? second.kind : 'parse';
        throw new FetchFailure(
          kind,
          `${(first as Error).message}; fallback: ${(second as Error).message}`,
          second instanceof FetchFailure ? second.status : undefined,
        );
      }
    }
    const isBaseline = watch.kind === 'page' ? !snapshot : seenList === undefined;
    const seen = new Set(
      isBaseline && watch.baseline === 'silent' ? (extracted.items ?? []).map((i) => i.key) : (seenList ?? []),
    );
    const events =
      isBaseline && watch.baseline === 'silent' ? [] : await watcher.changes(extracted, { snapshot, seen }, ctx);
    const now = deps.now();
    // fetch: browser with browser.screenshot: the PNG of the watched region goes with the snapshot and the alerts.
    const screenshot = fetched.screenshot?.toString('base64');
    const alerts = events.map((e) => {
      const classification = withEventFigures(
        deps.classify({ title: e.title, text: e.text, date: e.publishedAt ?? now.toISOString().slice(0, 10) }),
        e,
      );
      const alert = buildAlert(watch, e, classification, now);
      const withNotes = e.notes?.length ? { ...alert, summary: `${alert.summary} (${e.notes.join('; ')})` } : alert;
      return screenshot ? { ...withNotes, screenshot } : withNotes;
    });
    // A page's own change is not a document reposted elsewhere: its generic title ("…: page changed") must not merge
    // its next change into this one.
    const eventKeys = events.map((e) => (watch.kind === 'page' ? null : eventKeyOf(e.title, e.text)));
    if (dryRun) return done(isBaseline ? 'baseline' : alerts.length ? 'changed' : 'unchanged', alerts);
    // Alerts are durable before the watch's state moves on: a crash in between re-finds the same items, whose
    // alert ids are already stored, so nothing is lost and nothing is sent twice.
    if (alerts.length) {
      // The document text goes with the alert for the dashboard (evidence highlighted, other sightings).
      await saveAlertDocuments(
        deps.store,
        alerts,
        events.map((e) => e.text),
        eventKeys,
      );
      await deps.emit(alerts, eventKeys);
    }
    if (extracted.items)
      await deps.store.addSeen(
        watch.id,
        extracted.items.map((i) => i.key),
      );
    await deps.store.putSnapshot(
      watch.id,
      {
        bodyHash: bodyHash ?? sha256(fetched.text),
        contentHash: extracted.contentHash,
        ...(extracted.text !== undefined ? { text: extracted.text } : {}),
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
        fetchedAt: now.toISOString(),
      },
      watch.kind === 'page',
    );
    if (screenshot) await deps.store.set(`screenshot:${watch.id}`, { png: screenshot, fetchedAt: now.toISOString() });
    await recordSuccess(watch, deps, alerts.length > 0);
    if (alerts.length) deps.metrics.changes.inc({ watch: watch.id }, alerts.length);
    logger.info(
      { status: isBaseline ? 'baseline' : alerts.length ? 'changed' : 'unchanged', alerts: alerts.length },
      'checked',
    );
    return done(isBaseline ? 'baseline' : alerts.length ? 'changed' : 'unchanged', alerts);
  } catch (raw) {
    const error = raw instanceof FetchFailure ? raw : new FetchFailure('parse', (raw as Error).message);
    const hint = failureHint(error);
    deps.metrics.failures.inc({ watch: watch.id, kind: error.kind });
    logger.warn({ kind: error.kind, status: error.status, err: error.message }, 'check failed');
    if (!dryRun) await recordFailure(watch, deps, error, hint);
    return done('failed', [], { kind: error.kind, message: error.message, hint });
  }
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

async function recordFailure(watch: Watch, deps: CheckDeps, error: FetchFailure, hint: string): Promise<void> {
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
