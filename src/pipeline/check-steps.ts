/**
 * The steps of one check, in order: fetch (with the watch's fallback), compare (what is new, or one storm summary),
 * documents (each new item's own page and attachments, inside the watcher's `changes`), classify and build alerts.
 * Each step takes what the one before produced; storing and sending is the sink's (check-sink.ts).
 */
import type { Watch } from '../config/load-config.js';
import { FetchFailure, type FetchOk } from '../fetch/fetch-result.js';
import { SNAPSHOT_REFRESH_MS, type Snapshot } from '../store/store.js';
import { trustedHostsOf } from '../security/url-guard.js';
import type { Alert } from '../types.js';
import { alertableItems, stormClassification, stormEvent } from './alert-storm.js';
import { withEventFigures } from './event-figures.js';
import { buildAlert } from './build-alert.js';
import type { CheckDeps } from './check-types.js';
import { eventIdentityOf, type EventIdentity } from './event-key.js';
import { fallbackWatch } from './fallback.js';
import { fetchForWatch, watchUrl } from './fetch-for-watch.js';
import { bodyHashOf } from '../hash.js';
import type { ChangeEvent, Extracted, Watcher, WatcherContext } from '../watcher-kit/watcher.js';

/** What the watch looked like at its last good check. */
export interface Previous {
  snapshot: Snapshot | undefined;
  /** Seen item keys (list/feed); undefined before the first check. */
  seen: string[] | undefined;
}

export interface Fetched {
  /** The fetch, without its body (`text` is empty once extracted). */
  fetched: FetchOk;
  /** The body's hash: the next check with the same body is 'unchanged' without parsing; '' on a noisy page. */
  bodyHash: string;
  extracted: Extracted;
  /** The context of the way that worked (the fallback's, when the first way failed). */
  ctx: WatcherContext;
}

/** The context a watcher works in: how it fetches the documents a page links to. */
export function watcherContext(w: Watch, deps: CheckDeps): WatcherContext {
  let logger: WatcherContext['logger'] | undefined;
  return {
    watch: w,
    // Made on first use: most checks never log.
    get logger() {
      return (logger ??= deps.logger.child({ watch: w.id }));
    },
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
          // Nor do its items/select selectors: a document page is read when loaded.
          items: undefined,
          select: undefined,
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
  };
}

/**
 * Watches whose body was seen to change while their content did not (a clock, a counter, a token outside the watched
 * region, as on the ministries' sites), and until when their body is not hashed: it will not hash like a stored one.
 * Kept by the process, not the store (a write per page to record it cost a pass more than the hashing it saves); the
 * daemon, which checks the same pages all day, is where it pays. After SNAPSHOT_REFRESH_MS the body is hashed again,
 * so a page that has gone quiet skips its extraction again. Skipping a hash never changes a result, only its cost.
 */
const noisyUntil = new Map<string, number>();

/** Whether the watch's body is not being hashed at `now` (see noisyUntil). */
export function bodyIsNoisy(watchId: string, now: Date): boolean {
  return (noisyUntil.get(watchId) ?? 0) > now.getTime();
}

/**
 * Step 1, fetch: a conditional request; a 304 or a body hashing like the last one is 'unchanged' (nothing parsed).
 * A list that comes back empty or challenged tries the watch's fallback (its API, or the browser) before failing.
 */
export async function fetchStep(
  watch: Watch,
  watcher: Watcher,
  previous: Previous,
  deps: CheckDeps,
): Promise<Fetched | 'unchanged'> {
  const { snapshot } = previous;
  const ctx = watcherContext(watch, deps);
  try {
    const fetched = await fetchForWatch(watch, watchUrl(watch), deps, {
      ...(snapshot?.etag ? { etag: snapshot.etag } : {}),
      ...(snapshot?.lastModified ? { lastModified: snapshot.lastModified } : {}),
    });
    deps.metrics.fetchSeconds.observe({ watch: watch.id }, fetched.durationMs / 1000);
    if (!fetched.modified) return 'unchanged';
    const now = deps.now();
    const bodyHash = bodyIsNoisy(watch.id, now) ? undefined : bodyHashOf(fetched);
    if (bodyHash !== undefined && snapshot?.bodyHash === bodyHash) return 'unchanged';
    const extracted = await extractStep(watcher, fetched, ctx, bodyHash);
    if (bodyHash !== undefined && snapshot && extracted.extracted.contentHash === snapshot.contentHash)
      noisyUntil.set(watch.id, now.getTime() + SNAPSHOT_REFRESH_MS);
    return extracted;
  } catch (first) {
    const alt = fallbackWatch(watch, first);
    if (!alt) throw first;
    ctx.logger.info(
      { err: (first as Error).message, via: alt.fetch === 'browser' ? 'browser' : alt.url },
      'first way failed; trying the fallback',
    );
    const altCtx = watcherContext(alt, deps);
    try {
      const fetched = await fetchForWatch(alt, watchUrl(alt), deps);
      const bodyHash = bodyHashOf(fetched);
      if (previous.snapshot?.bodyHash === bodyHash) return 'unchanged';
      return await extractStep(watcher, fetched, altCtx, bodyHash);
    } catch (second) {
      // A store or internal error in the fallback is that, not a failure of the site.
      if (!(second instanceof FetchFailure)) throw second;
      throw new FetchFailure(second.kind, `${(first as Error).message}; fallback: ${second.message}`, second.status);
    }
  }
}

/**
 * Extract, then let go of the body: only its hash goes on (to the snapshot), so the checks of a pass waiting on the
 * store do not hold the pages they have read.
 */
async function extractStep(
  watcher: Watcher,
  fetched: FetchOk,
  ctx: WatcherContext,
  bodyHash: string | undefined,
): Promise<Fetched> {
  const extracted = await watcher.extract(fetched, ctx);
  // A body not hashed is stored as '' , which no body hashes like.
  return { fetched: withoutBody(fetched), bodyHash: bodyHash ?? '', extracted, ctx };
}

/** The fetch without its body: its text (not decoded if it was not yet: its getter is not called) and raw bytes. */
function withoutBody(fetched: FetchOk): FetchOk {
  const copy: Record<string, unknown> = { text: '' };
  for (const key of Object.keys(fetched))
    if (key !== 'text' && key !== 'body') copy[key] = fetched[key as keyof FetchOk];
  return copy as unknown as FetchOk;
}

export interface Compared {
  isBaseline: boolean;
  events: ChangeEvent[];
  /** Set when the new items were too many and became one summary event. */
  storm?: ChangeEvent;
}

/**
 * Steps 2 and 3, compare and documents: the first check is a baseline (silent unless `baseline: alert`); above
 * maxNewItems new items one summary event stands for them (no document fetched for each); otherwise the watcher
 * turns what is new into events, following each new item to its own page and attachments.
 */
export async function compareStep(
  watch: Watch,
  watcher: Watcher,
  { extracted, ctx }: Fetched,
  previous: Previous,
): Promise<Compared> {
  const isBaseline = watch.kind === 'page' ? !previous.snapshot : previous.seen === undefined;
  const silent = isBaseline && watch.baseline === 'silent';
  const seen = new Set(silent ? (extracted.items ?? []).map((i) => i.key) : (previous.seen ?? []));
  const storm =
    isBaseline || !extracted.items ? undefined : stormEvent(watch, alertableItems(watch, extracted.items, seen));
  if (storm) return { isBaseline, events: [storm], storm };
  if (silent) return { isBaseline, events: [] };
  return { isBaseline, events: await watcher.changes(extracted, { snapshot: previous.snapshot, seen }, ctx) };
}

export interface Alerted {
  alerts: Alert[];
  /** Alert i's event identity (null: never merged, e.g. a storm summary). */
  identities: Array<EventIdentity | null>;
  /** Alert i's document text (kept for the dashboard: evidence highlighted, other sightings). */
  texts: string[];
}

/** Step 4, classify and alert: each event classified, with its notes and the watch's screenshot. */
export function alertStep(watch: Watch, { events, storm }: Compared, fetched: FetchOk, deps: CheckDeps): Alerted {
  const now = deps.now();
  // fetch: browser with browser.screenshot: the PNG of the watched region goes with the snapshot and the alerts.
  const screenshot = fetched.screenshot?.toString('base64');
  const alerts = events.map((e) => {
    const classified = deps.classify({
      title: e.title,
      text: e.text,
      date: e.publishedAt ?? now.toISOString().slice(0, 10),
    });
    const classification = e === storm ? stormClassification(classified) : withEventFigures(classified, e);
    const alert = buildAlert(watch, e, classification, now);
    const withNotes = e.notes?.length ? { ...alert, summary: `${alert.summary} (${e.notes.join('; ')})` } : alert;
    return screenshot ? { ...withNotes, screenshot } : withNotes;
  });
  // A page's own change is not a document reposted elsewhere: its generic title ("…: page changed") must not merge its
  // next change into this one; nor is a storm summary an event.
  const identity = (e: (typeof events)[number]) =>
    e === storm || watch.kind === 'page' ? null : eventIdentityOf(e.title, e.text);
  return { alerts, identities: events.map(identity), texts: events.map((e) => e.text) };
}
