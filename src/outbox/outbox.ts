import type { Logger } from 'pino';
import type { Settings } from '../config/settings-schema.js';
import { DeliveryError, type Notifier } from '../notify/notifier.js';
import { redactDeep } from '../security/secrets.js';
import { RECENT_ALERTS, type Store } from '../store/store.js';
import type { Alert } from '../types.js';
import { backoffMs } from './backoff.js';
import { recordLeaseHolder, releaseDeadLease } from './dead-lease.js';
import { RepeatedFailureLog } from './repeated-failure-log.js';

/** One pending delivery of one alert to one destination. */
export interface DeliveryRecord {
  alertId: string;
  enqueuedAt: string;
  attempts: number;
  /** Epoch ms before which no new attempt is made. */
  nextAt: number;
  lastError?: string;
}

/** A destination's health as `status` and /healthz show it. */
export interface DestinationHealth {
  id: string;
  state: 'ok' | 'retrying' | 'failing' | 'down';
  since: string | null;
  lastError: string | null;
  hint: string | null;
  reportedDown: boolean;
}

export interface OutboxHooks {
  /**
   * A destination has failed for longer than outbox.downAfter (once per outage). Awaited before the outage is marked
   * reported, so a process killed in between reports it again (the ops alert's id is stable: no second alert).
   */
  onDown?(health: DestinationHealth): void | Promise<void>;
  /** A destination that was reported down delivered again. Awaited before the destination is marked ok. */
  onRecovered?(health: DestinationHealth): void | Promise<void>;
  onDelivered?(destination: string, alert: Alert): void;
  onFailed?(destination: string, alert: Alert, error: DeliveryError): void;
}

const SENT_TTL = 60 * 86_400_000;
/** How long one replica may deliver a destination without renewing its lease. */
const DELIVERY_LEASE_MS = 20_000;
/** The holder renews its lease before an attempt once this much of it has passed since the renewal was asked for. */
const RENEW_AFTER_MS = DELIVERY_LEASE_MS / 3;
/**
 * A send starts only while at least half the lease is left (counted from when the renewal was asked for, as the store
 * counts it): a holder that stalled between renewing and sending (a loaded machine, a slow store) renews again first,
 * and stops if another replica took the destination over meanwhile. During the send the lease is renewed as well.
 */
const SEND_WITHIN_MS = DELIVERY_LEASE_MS / 2;
/** How long a delivery lease is kept after its queue ran empty: alerts found moments later skip taking it again. */
const LEASE_KEEP_MS = 1_000;
const queueKey = (dest: string) => `outbox:q:${dest}`;

/** What an attempt needs of its run's delivery lease. */
interface LeaseGuard {
  /** Whether enough of the lease is left to start a send (SEND_WITHIN_MS). */
  fresh(): boolean;
  /** Renew the lease now; false when another replica holds it. */
  renew(): Promise<boolean>;
}
const healthKey = (dest: string) => `outbox:h:${dest}`;

/**
 * The durable outbox: an alert is stored with one delivery record per destination before any delivery is attempted;
 * a delivery marks its record done; a restarted process resumes what was pending. Destinations are independent queues,
 * each delivered in order; a failing destination backs off without holding up the others.
 */
export class Outbox {
  private readonly busy = new Set<string>();
  private readonly active = new Set<Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  /** Destinations known to be listed in `outbox:dests` (the list only grows): enqueue need not rewrite it. */
  private readonly listed = new Set<string>();
  /** Destinations whose stored health is ok as far as this lease holder knows: a success need not read it. */
  private readonly healthy = new Set<string>();
  /** Delivered records not yet removed from their queue (removed in the background, a batch per write). */
  private readonly toPop = new Map<string, Set<string>>();
  /** The batch whose removal is being written: still in the stored queue until that write commits. */
  private readonly popWriting = new Map<string, Set<string>>();
  private readonly popping = new Map<string, Promise<void>>();
  /** Destinations asked to deliver while their run was finishing: it runs again, so nothing waits for a later ask. */
  private readonly askedAgain = new Set<string>();
  /** Delivery leases kept for a moment after a run (released by the timer, or by `stop`). */
  private readonly kept = new Map<string, { renewedAt: number; timer: NodeJS.Timeout }>();
  /** A store that stops answering is retried every few seconds per destination, and logged as one outage. */
  private readonly storeTrouble: RepeatedFailureLog;

  constructor(
    private readonly store: Store,
    private readonly notifiers: () => Map<string, Notifier>,
    private readonly settings: () => Settings['outbox'],
    private readonly logger: Logger,
    private readonly hooks: OutboxHooks = {},
  ) {
    this.storeTrouble = new RepeatedFailureLog(logger, {
      failing: 'outbox could not read or write the store; will retry every 5 s',
      stillFailing: 'outbox still cannot read or write the store; retrying',
      recovered: 'outbox reads and writes the store again',
    });
  }

  /**
   * Store the alert and queue it for each destination not already holding or done with it, then start delivering
   * to them. False if the alert was already stored.
   */
  async enqueue(unredacted: Alert, destinations: string[]): Promise<boolean> {
    // Every alert, change or ops, passes here before it is stored or sent: the one place secrets are taken out.
    const alert = redactDeep(unredacted);
    const dests = [...new Set(destinations)];
    // The moment an alert enters the outbox (`npm run bench -- urlwatch` times detection → webhook from this line).
    this.logger.debug({ alert: alert.id, destinations: dests }, 'alert queued');
    const fresh = this.store.transactional
      ? await this.enqueueAtOnce(alert, dests)
      : await this.enqueueByKey(alert, dests);
    for (const dest of dests) this.wake(dest);
    return fresh;
  }

  /**
   * SQLite: the alert, the recent index and every destination's record in one transaction (a few round trips however
   * busy the store is with a pass; `BEGIN IMMEDIATE` makes "not stored yet" and the write one step, beside other
   * processes too).
   */
  private enqueueAtOnce(alert: Alert, dests: string[]): Promise<boolean> {
    const alertKey = `alert:${alert.id}`;
    const sentKey = (dest: string) => `sent:${dest}:${alert.id}`;
    const keys = [alertKey, 'alerts:recent', 'outbox:dests', ...dests.flatMap((d) => [sentKey(d), queueKey(d)])];
    const now = new Date().toISOString();
    return this.store.transact(keys, (values) => {
      const writes = new Map<string, unknown>();
      const fresh = values.get(alertKey) === undefined;
      if (fresh) {
        writes.set(alertKey, alert);
        const recent = (values.get('alerts:recent') as string[] | undefined) ?? [];
        writes.set('alerts:recent', [alert.id, ...recent.filter((id) => id !== alert.id)].slice(0, RECENT_ALERTS));
      }
      const listed = (values.get('outbox:dests') as string[] | undefined) ?? [];
      for (const dest of dests) {
        if (values.get(sentKey(dest))) continue;
        const q = (values.get(queueKey(dest)) as DeliveryRecord[] | undefined) ?? [];
        if (!q.some((r) => r.alertId === alert.id))
          writes.set(queueKey(dest), [...q, { alertId: alert.id, enqueuedAt: now, attempts: 0, nextAt: 0 }]);
        if (!listed.includes(dest)) {
          listed.push(dest);
          writes.set('outbox:dests', listed);
        }
      }
      return { writes, result: fresh };
    });
  }

  /** Redis, PostgreSQL: key by key, the alert created once across replicas by a short claim (Store.saveAlert). */
  private async enqueueByKey(alert: Alert, dests: string[]): Promise<boolean> {
    const fresh = await this.store.saveAlert(alert);
    // "Already saved" can also mean another process claimed the id and died before writing the alert (its claim
    // lasts two minutes). A delivery record without its alert would be dropped, and the item is marked seen after
    // this, so write the alert ourselves: the same change gives the same alert.
    if (!fresh && !(await this.store.getAlert(alert.id))) {
      await this.store.set(`alert:${alert.id}`, alert);
      await this.store.update<string[]>('alerts:recent', (old) =>
        [alert.id, ...(old ?? []).filter((id) => id !== alert.id)].slice(0, RECENT_ALERTS),
      );
    }
    const now = new Date().toISOString();
    for (const dest of dests) {
      if (await this.store.get(`sent:${dest}:${alert.id}`)) continue;
      await this.store.update<DeliveryRecord[]>(queueKey(dest), (q) =>
        q?.some((r) => r.alertId === alert.id)
          ? q
          : [...(q ?? []), { alertId: alert.id, enqueuedAt: now, attempts: 0, nextAt: 0 }],
      );
      if (!this.listed.has(dest))
        await this.store.update<string[]>('outbox:dests', (d) => (d?.includes(dest) ? d : [...(d ?? []), dest]));
      this.listed.add(dest);
    }
    return fresh;
  }

  async destinations(): Promise<string[]> {
    return (await this.store.get<string[]>('outbox:dests')) ?? [];
  }

  async pending(dest?: string): Promise<number> {
    const dests = dest ? [dest] : await this.destinations();
    let n = 0;
    for (const d of dests) n += ((await this.store.get<DeliveryRecord[]>(queueKey(d))) ?? []).length;
    return n;
  }

  async health(dest: string): Promise<DestinationHealth> {
    return (
      (await this.store.get<DestinationHealth>(healthKey(dest))) ?? {
        id: dest,
        state: 'ok',
        since: null,
        lastError: null,
        hint: null,
        reportedDown: false,
      }
    );
  }

  /** Start delivering every destination whose head is due; returns when each has done what is due now. */
  async deliverDue(): Promise<void> {
    const known = this.notifiers();
    await Promise.all((await this.destinations()).filter((d) => known.has(d)).map((d) => this.drainDestination(d)));
  }

  /** Deliver until nothing is pending or the deadline passes (used by `once` and at shutdown). Returns what is left. */
  async drain(deadline: number): Promise<number> {
    for (;;) {
      // A receiver that hangs must not hold `once` or a shutdown past its deadline: stop waiting for the attempt (its
      // record stays queued and is retried by the next process; the Idempotency-Key lets the receiver drop a repeat).
      await untilDeadline(this.deliverDue(), deadline);
      // Delivered records leave their queues in the background: count what is left after they did.
      await untilDeadline(Promise.all(this.popping.values()), deadline);
      const known = this.notifiers();
      let left = 0;
      let nextAt = Infinity;
      for (const d of await this.destinations()) {
        if (!known.has(d)) continue;
        const q = (await this.store.get<DeliveryRecord[]>(queueKey(d))) ?? [];
        left += q.length;
        if (q[0]) nextAt = Math.min(nextAt, q[0].nextAt);
      }
      if (left === 0 || nextAt === Infinity || nextAt > deadline || Date.now() >= deadline || this.stopped) return left;
      await new Promise((r) => setTimeout(r, Math.max(10, nextAt - Date.now())));
    }
  }

  /**
   * Stop delivering: no new attempts start; resolves when the attempts under way have finished, or at `deadline`
   * (epoch ms) — an attempt still waiting for its receiver then stays in the outbox for the next start.
   */
  async stop(deadline = Infinity): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await untilDeadline(Promise.all([...this.active]), deadline);
    for (const [dest, { timer }] of this.kept) {
      clearTimeout(timer);
      this.kept.delete(dest);
      await this.popping.get(dest);
      await this.store.release(`lease:deliver:${dest}`).catch(() => undefined);
    }
  }

  /** Deliver to `dest` now (an alert was queued for it): a run under way picks it up, or one starts. */
  private wake(dest: string): void {
    if (this.notifiers().has(dest)) void this.drainDestination(dest);
  }

  private schedule(dest: string, at: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(dest));
    const timer = setTimeout(
      () => {
        this.timers.delete(dest);
        void this.drainDestination(dest);
      },
      Math.max(10, at - Date.now()),
    );
    timer.unref();
    this.timers.set(dest, timer);
  }

  private drainDestination(dest: string): Promise<void> {
    const run = this.drainDestinationNow(dest);
    this.active.add(run);
    return run.finally(() => this.active.delete(run));
  }

  private async drainDestinationNow(dest: string): Promise<void> {
    if (this.stopped) return;
    if (this.busy.has(dest)) return void this.askedAgain.add(dest);
    this.busy.add(dest);
    // Replicas sharing a store: one of them delivers a destination's queue at a time (in order, never twice). The
    // lease is renewed before every delivery; another replica retries soon, and takes over if this one dies.
    const lease = `lease:deliver:${dest}`;
    let held = false;
    let renewedAt = 0;
    // The store times the lease from the claim's own clock reading, taken when it is asked for: so does this holder. A
    // renewal answered late (a loaded machine or store) leaves less of the lease than it seems; one answered after the
    // lease ran out is renewed again before anything is sent (the send check in `attempt`).
    const claimLease = async () => {
      const askedAt = Date.now();
      const renewed = await this.store.claim(lease, DELIVERY_LEASE_MS);
      if (renewed) renewedAt = Math.max(renewedAt, askedAt);
      return renewed;
    };
    const guard: LeaseGuard = { fresh: () => Date.now() - renewedAt < SEND_WITHIN_MS, renew: claimLease };
    let keepLease = false;
    const keep = this.kept.get(dest);
    if (keep) {
      clearTimeout(keep.timer);
      this.kept.delete(dest);
      held = true;
      renewedAt = keep.renewedAt;
    }
    // The queue is read once and delivered from in order while this process holds the lease (only the holder removes
    // or changes records; others only append, read when these are done).
    let batch: DeliveryRecord[] = [];
    let storeFailed = false;
    try {
      for (;;) {
        if (this.stopped) return;
        // Renew when a third of the lease has passed (not before every delivery: it costs two store round trips).
        if (Date.now() - renewedAt > RENEW_AFTER_MS) {
          const first = renewedAt === 0;
          held = await claimLease();
          // A holder killed mid-delivery (kill -9, OOM) would block this destination until its lease expired.
          if (!held && first && (await releaseDeadLease(this.store, lease))) held = await claimLease();
          if (!held) return this.schedule(dest, Date.now() + DELIVERY_LEASE_MS / 4);
          if (first) {
            await recordLeaseHolder(this.store, lease, DELIVERY_LEASE_MS);
            // Another replica may have delivered (and failed) since this one last held the lease.
            this.healthy.delete(dest);
          }
        }
        const notifier = this.notifiers().get(dest);
        if (!notifier) return;
        if (batch.length === 0) {
          // Delivered records whose removal is queued or being written are skipped here (they carry their sent mark:
          // attempting them again would only read that mark and pop them once more).
          const stored = (await this.store.get<DeliveryRecord[]>(queueKey(dest))) ?? [];
          const popped = this.toPop.get(dest);
          const writing = this.popWriting.get(dest);
          batch = stored.filter((r) => !popped?.has(r.alertId) && !writing?.has(r.alertId));
        }
        const head = batch[0];
        if (!head) {
          keepLease = true;
          return;
        }
        if (head.nextAt > Date.now()) return this.schedule(dest, head.nextAt);
        const outcome = await this.attempt(dest, notifier, head, guard);
        if (outcome === 'left') batch.shift();
        // A failed attempt rewrote the record: read the queue again.
        else if (outcome === 'failed') batch = [];
        // 'renew': too much of the lease passed before the send; the loop renews it (or stops) before trying again.
      }
    } catch (error) {
      storeFailed = true;
      this.storeTrouble.failed(dest, { destination: dest, err: (error as Error).message });
      this.schedule(dest, Date.now() + 5000);
    } finally {
      if (!storeFailed) this.storeTrouble.succeeded(dest, { destination: dest });
      // The queue is left without the delivered records before another replica may take the lease (a kept lease
      // waits for them when it is released).
      const popped = () => this.popping.get(dest) ?? Promise.resolve();
      if (held && keepLease && !this.stopped) {
        const timer = setTimeout(() => {
          this.kept.delete(dest);
          this.releaseKept(dest, lease);
        }, LEASE_KEEP_MS);
        timer.unref();
        this.kept.set(dest, { renewedAt, timer });
      } else {
        await popped();
        if (held) await this.store.release(lease).catch(() => undefined);
      }
      this.busy.delete(dest);
      if (this.askedAgain.delete(dest)) void this.drainDestination(dest);
    }
  }

  /**
   * One delivery attempt of the head record: 'left' when the record left the queue (sent or already sent), 'failed'
   * when the attempt failed (the record was rewritten), 'renew' when nothing was sent because too much of the delivery
   * lease had passed (checked after the reads, the last step before the send): the caller renews it first.
   */
  private async attempt(
    dest: string,
    notifier: Notifier,
    head: DeliveryRecord,
    lease: LeaseGuard,
  ): Promise<'left' | 'failed' | 'renew'> {
    const [stored, alreadySent] = await Promise.all([
      this.store.getAlert(head.alertId),
      this.store.get(`sent:${dest}:${head.alertId}`),
    ]);
    if (!stored || alreadySent) {
      this.popLater(dest, head.alertId);
      return 'left';
    }
    if (!lease.fresh()) return 'renew';
    const settings = this.settings();
    const alert: Alert =
      Date.now() - Date.parse(head.enqueuedAt) > settings.lateAfter ? { ...stored, late: true } : stored;
    const log = this.logger.child({ destination: dest, alert: alert.id, watch: alert.watch.id });
    try {
      await renewingDuring(lease, () => notifier.send(alert));
    } catch (raw) {
      const error = raw instanceof DeliveryError ? raw : new DeliveryError((raw as Error).message, true);
      const attempts = head.attempts + 1;
      const wait = error.retryable
        ? backoffMs(attempts, settings.initialBackoff, settings.maxBackoff)
        : settings.maxBackoff;
      const nextAt = Date.now() + Math.max(wait, error.retryAfterMs ?? 0);
      await this.store.update<DeliveryRecord[]>(queueKey(dest), (q) =>
        (q ?? []).map((r) => (r.alertId === head.alertId ? { ...r, attempts, nextAt, lastError: error.message } : r)),
      );
      const outageBegins = await this.markFailure(dest, error);
      // Said once per outage (readably, with what to check); the retries that follow are debug lines, and
      // /healthz, `status` and the ops alert after outbox.downAfter keep telling the state.
      log[outageBegins ? 'warn' : 'debug'](
        { attempts, retryInMs: nextAt - Date.now(), err: error.message, hint: error.hint },
        'delivery failed',
      );
      this.hooks.onFailed?.(dest, alert, error);
      this.schedule(dest, nextAt);
      return 'failed';
    }
    // The sent mark first: after a crash it pops the record on the next drain. Popping first would leave a record
    // gone without its mark, and a process killed before it marked the items seen would queue and send it again.
    await this.store.set(`sent:${dest}:${alert.id}`, Date.now(), SENT_TTL);
    this.popLater(dest, alert.id);
    await this.markSuccess(dest);
    log.info({ late: alert.late ?? false }, 'alert delivered');
    this.hooks.onDelivered?.(dest, alert);
    return 'left';
  }

  /**
   * Give up a delivery lease kept after a run, once the run's delivered records have left the queue. The destination
   * is busy until the release is written: a run started meanwhile would renew the lease and then lose it to this
   * release (on PostgreSQL the delete can even reach the server after that renewal, sent on another pooled
   * connection), and go on delivering while another replica takes the lease and delivers the same records. A run asked
   * for meanwhile starts after the release, with a claim of its own.
   */
  private releaseKept(dest: string, lease: string): void {
    this.busy.add(dest);
    const run = (async () => {
      try {
        await this.popping.get(dest);
        await this.store.release(lease).catch(() => undefined);
      } finally {
        this.busy.delete(dest);
        if (this.askedAgain.delete(dest)) void this.drainDestination(dest);
      }
    })();
    this.active.add(run);
    void run.finally(() => this.active.delete(run));
  }

  /**
   * Take a delivered record out of its queue without waiting for it: the next attempt starts at once, and records
   * delivered meanwhile go out in one write. Safe after a crash: the sent mark is written first, and a record whose
   * mark exists is dropped by the next drain.
   */
  private popLater(dest: string, alertId: string): void {
    const ids = this.toPop.get(dest) ?? new Set<string>();
    ids.add(alertId);
    this.toPop.set(dest, ids);
    if (this.popping.has(dest)) return;
    const run = (async () => {
      for (let next = this.toPop.get(dest); next?.size; next = this.toPop.get(dest)) {
        this.toPop.delete(dest);
        this.popWriting.set(dest, next);
        try {
          await this.store.update<DeliveryRecord[]>(
            queueKey(dest),
            (q) => (q ?? []).filter((r) => !next.has(r.alertId)),
            true,
          );
        } finally {
          this.popWriting.delete(dest);
        }
      }
    })()
      .catch((error: unknown) =>
        this.logger.warn(
          { destination: dest, err: (error as Error).message },
          'could not remove delivered alerts from the outbox queue; the next delivery run drops them',
        ),
      )
      .finally(() => this.popping.delete(dest));
    this.popping.set(dest, run);
  }

  /** Record a failed attempt; true when the destination was fine before it (an outage begins). */
  private async markFailure(dest: string, error: DeliveryError): Promise<boolean> {
    const now = new Date();
    let wasOk = true;
    this.healthy.delete(dest);
    const health = await this.store.update<DestinationHealth>(healthKey(dest), (h) => {
      wasOk = !h || h.state === 'ok';
      const since = h?.since && h.state !== 'ok' ? h.since : now.toISOString();
      const down = now.getTime() - Date.parse(since) >= this.settings().downAfter;
      return {
        id: dest,
        state: down ? 'down' : error.retryable ? 'retrying' : 'failing',
        since,
        lastError: error.message,
        hint: error.hint ?? null,
        reportedDown: h?.reportedDown ?? false,
      };
    });
    if (health.state === 'down' && !health.reportedDown) {
      // Report first, then remember it was reported: a crash in between repeats the report (same ops alert id, so
      // nobody gets it twice) instead of losing it.
      await this.hooks.onDown?.(health);
      await this.store.update<DestinationHealth>(healthKey(dest), (h) => ({ ...(h ?? health), reportedDown: true }));
    }
    return wasOk;
  }

  private async markSuccess(dest: string): Promise<void> {
    if (this.healthy.has(dest)) return;
    const before = await this.health(dest);
    if (before.state === 'ok') return void this.healthy.add(dest);
    const after: DestinationHealth = {
      id: dest,
      state: 'ok',
      since: null,
      lastError: null,
      hint: null,
      reportedDown: false,
    };
    // As with onDown: the recovery report is queued before the outage is forgotten.
    if (before.reportedDown) await this.hooks.onRecovered?.({ ...before, state: 'ok' });
    await this.store.set(healthKey(dest), after);
    this.healthy.add(dest);
  }
}

/**
 * Run a send while renewing the delivery lease every RENEW_AFTER_MS: a receiver may take its whole time-out (Discord's
 * 15 s, and a retry) and the lease must not lapse while this replica is still sending, or another replica would take
 * it and send the same alert. A renewal under way when the send ends is waited for, so none lands after the lease was
 * released (it would hold the destination for another lease with nobody delivering).
 */
async function renewingDuring(lease: LeaseGuard, send: () => Promise<void>): Promise<void> {
  let renewal: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewal = lease.renew().catch(() => false);
  }, RENEW_AFTER_MS);
  timer.unref();
  try {
    await send();
  } finally {
    clearInterval(timer);
    await renewal;
  }
}

/** Wait for `work`, but no later than `deadline` (epoch ms). */
async function untilDeadline(work: Promise<unknown>, deadline: number): Promise<void> {
  if (deadline === Infinity) {
    await work;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
  });
  await Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
