import type { Logger } from 'pino';
import type { Watch } from '../config/load-config.js';
import type { Store } from '../store/store.js';
import type { Alert } from '../types.js';
import type { Expectation } from './expectation-schema.js';
import { findArrival, loadEvidence, type Arrival, type Evidence } from './match.js';
import { earlierText, lateAlert, overdueAlert } from './overdue-alert.js';
import { lastClosedWindow, nextWindow, previousWindow, windowLength, windowsBetween, type Window } from './windows.js';

/**
 * Checks expectation windows (at start and on the daemon's minute tick): a window that closed without what it
 * expects raises one overdue alert; when the publication comes later, one more alert says how late. One replica at a
 * time evaluates (a lease in the store); a record per window says what was raised, so a restart or a second replica
 * raises nothing twice (alert ids are stable too, and the outbox keeps one delivery per destination).
 */

const DAY = 86_400_000;
/** A window that closed while regwatch was not running fires at start when it closed this recently (design §11). */
export const CATCH_UP = 7 * DAY;
/** How long an overdue window keeps waiting for its late arrival. */
const LATE_HORIZON = 120 * DAY;
/** Evidence reaches back this far (a year back, for "last year on …"). */
const EVIDENCE_SPAN = 400 * DAY;
const LEASE = 'lease:expectations';
const LEASE_MS = 60_000;
const KEPT_RECORDS = 24;

/** What happened to one window of an expectation. */
export interface WindowRecord {
  window: Window;
  /** Matches detected before this (epoch ms) do not count (no period to pin them). */
  since: number;
  state: 'met' | 'overdue' | 'late';
  metAt?: number;
  overdueId?: string;
  lateBy?: string;
}

export interface ExpectationDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  expectations: () => Expectation[];
  watches: () => Watch[];
  /** Route and queue an alert through the outbox (the same path as change alerts). */
  dispatch: (alert: Alert) => Promise<void>;
}

const recordKey = (id: string) => `expect:rec:${id}`;

export async function windowRecords(store: Store, id: string): Promise<WindowRecord[]> {
  return (await store.get<WindowRecord[]>(recordKey(id))) ?? [];
}

/** Matches before the previous window's end do not meet this one (unless its period pins what is wanted). */
export function sinceOf(exp: Expectation, w: Window): number {
  return previousWindow(exp, w)?.end ?? -Infinity;
}

/**
 * Only windows regwatch watched from their start can be overdue: what was published before the first check is the
 * baseline (never alerted), so a window already open at install time is not judged. A `by:` window has no start: it
 * counts when regwatch knew it before its end.
 */
export function coversWindow(watchedSince: number, w: Window): boolean {
  return w.start === -Infinity ? watchedSince < w.end : watchedSince <= w.start;
}

export class ExpectationService {
  /** The tick in progress: the lease is held per process, so a second tick of this process must not run beside it. */
  private ticking: Promise<Alert[]> | undefined;

  constructor(private readonly deps: ExpectationDeps) {}

  /**
   * Evaluate every enabled expectation once. Returns the alerts raised (for tests and logs). A tick that comes while
   * this process's last one still runs does nothing, as a tick of another replica does while the lease is held: two
   * at once would both hold the lease, and the first to end would release it under the other.
   */
  async tick(): Promise<Alert[]> {
    if (this.ticking) return [];
    this.ticking = this.tickOnce();
    try {
      return await this.ticking;
    } finally {
      this.ticking = undefined;
    }
  }

  private async tickOnce(): Promise<Alert[]> {
    const { store } = this.deps;
    const expectations = this.deps.expectations().filter((e) => e.enabled);
    if (expectations.length === 0) return [];
    if (!(await store.claim(LEASE, LEASE_MS))) return [];
    const raised: Alert[] = [];
    try {
      const now = this.deps.now();
      let evidence: Evidence | undefined;
      const getEvidence = async () => (evidence ??= await loadEvidence(store, now.getTime() - EVIDENCE_SPAN));
      for (const exp of expectations) {
        try {
          raised.push(...(await this.evaluate(exp, now, getEvidence)));
        } catch (error) {
          this.deps.logger.error({ expectation: exp.id, err: (error as Error).message }, 'expectation check failed');
        }
      }
    } finally {
      await store.release(LEASE).catch(() => undefined);
    }
    return raised;
  }

  private async evaluate(exp: Expectation, now: Date, getEvidence: () => Promise<Evidence>): Promise<Alert[]> {
    const { store } = this.deps;
    const records = await windowRecords(store, exp.id);
    const raised: Alert[] = [];
    let changed = false;
    const watchedSince = await this.watchedSince(exp, now);
    const closed = lastClosedWindow(exp, now.getTime(), CATCH_UP);
    if (closed && coversWindow(watchedSince, closed) && !records.some((r) => r.window.key === closed.key)) {
      const since = sinceOf(exp, closed);
      const arrival = findArrival(exp, { period: closed.period, since }, await getEvidence());
      if (arrival) {
        records.push({ window: closed, since, state: 'met', metAt: arrival.at });
      } else {
        const earlier = earlierText(exp, closed, this.earlierArrivals(exp, closed, await getEvidence()));
        const alert = overdueAlert(exp, closed, earlier, this.deps.watches(), now);
        // Queued before it is recorded: a crash in between queues the same id again, which the outbox dedupes.
        await this.deps.dispatch(alert);
        raised.push(alert);
        records.push({ window: closed, since, state: 'overdue', overdueId: alert.id });
        this.deps.logger.warn({ expectation: exp.id, period: closed.period, windowEnd: closed.endIso }, 'overdue');
      }
      changed = true;
    }
    for (const r of records) {
      if (r.state !== 'overdue' || now.getTime() - r.window.end > LATE_HORIZON) continue;
      const arrival = findArrival(exp, { period: r.window.period, since: r.since }, await getEvidence());
      if (!arrival) continue;
      const alert = lateAlert(exp, r.window, arrival, this.deps.watches(), now);
      await this.deps.dispatch(alert);
      raised.push(alert);
      Object.assign(r, { state: 'late', metAt: arrival.at, lateBy: alert.expectation?.lateBy });
      changed = true;
      this.deps.logger.info({ expectation: exp.id, lateBy: r.lateBy }, 'overdue publication arrived');
    }
    if (changed) await store.set(recordKey(exp.id), records.slice(-KEPT_RECORDS));
    return raised;
  }

  /** When this store first evaluated the expectation (recorded on the first tick that sees it). */
  private async watchedSince(exp: Expectation, now: Date): Promise<number> {
    const key = `expect:first:${exp.id}`;
    const known = await this.deps.store.get<number>(key);
    if (known !== undefined) return known;
    await this.deps.store.set(key, now.getTime());
    return now.getTime();
  }

  /** Arrivals in the windows before `w` (about a year back), oldest first. */
  private earlierArrivals(exp: Expectation, w: Window, evidence: Evidence) {
    const span = windowLength(exp);
    if (span === Infinity) return [];
    const past = windowsBetween(exp, w.end - 380 * DAY, w.end - 1);
    return past.flatMap((pw) => {
      const arrival = findArrival(exp, { period: pw.period, since: sinceOf(exp, pw) }, evidence);
      return arrival ? [{ window: pw, arrival }] : [];
    });
  }

  /** Each expectation's state for `/regwatch expected`: the window open now (due), and the last one that closed. */
  async status(): Promise<ExpectationStatus[]> {
    const now = this.deps.now().getTime();
    const evidence = await loadEvidence(this.deps.store, now - EVIDENCE_SPAN);
    const out: ExpectationStatus[] = [];
    for (const exp of this.deps.expectations()) {
      const records = await windowRecords(this.deps.store, exp.id);
      const last = lastClosedWindow(exp, now, Math.min(windowLength(exp), 400 * DAY) * 1.2);
      const next = nextWindow(exp, now);
      const rec = last && records.find((r) => r.window.key === last.key);
      let lastState: ExpectationStatus['last'];
      if (last) {
        const arrival: Arrival | undefined =
          rec?.metAt !== undefined
            ? { at: rec.metAt, alertId: null, title: '', published: rec.metAt }
            : findArrival(exp, { period: last.period, since: sinceOf(exp, last) }, evidence);
        const first = await this.deps.store.get<number>(`expect:first:${exp.id}`);
        const watched = first !== undefined && coversWindow(first, last);
        lastState = {
          window: last,
          state: arrival ? (arrival.at > last.end ? 'late' : 'met') : watched ? 'overdue' : 'unwatched',
          ...(arrival ? { at: arrival.at } : {}),
        };
      }
      const nextArrival = next && findArrival(exp, { period: next.period, since: sinceOf(exp, next) }, evidence);
      out.push({
        expectation: exp,
        ...(lastState ? { last: lastState } : {}),
        ...(next
          ? { next: { window: next, open: next.start <= now, ...(nextArrival ? { metAt: nextArrival.at } : {}) } }
          : {}),
      });
    }
    return out;
  }
}

export interface ExpectationStatus {
  expectation: Expectation;
  /** `unwatched`: nothing on record, but regwatch was not watching from the window's start, so it was not judged. */
  last?: { window: Window; state: 'met' | 'late' | 'overdue' | 'unwatched'; at?: number };
  next?: { window: Window; open: boolean; metAt?: number };
}
