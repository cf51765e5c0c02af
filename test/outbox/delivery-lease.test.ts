/**
 * Two outbox workers (two replicas) on one PostgreSQL store: one of them at a time delivers a destination's queue, so
 * no alert is sent by both — when the lease is released late (a slow store, or a delete that reaches PostgreSQL after
 * the next renewal on another pooled connection), when a renewal is answered after the lease ran out, and when the
 * holder stalls between reading a record and sending it, and when a send takes longer than the lease. The store's
 * timing is controlled explicitly: a held release, a clock moved forward (both workers' claims use it), another
 * worker's run inside a stalled read.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settingsSchema } from '../../src/config/settings-schema.js';
import type { Notifier } from '../../src/notify/notifier.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { Store } from '../../src/store/store.js';
import type { Alert } from '../../src/types.js';
import { requirePostgres } from '../helpers/requirements.js';

const url = requirePostgres();
const settings = settingsSchema.parse({}).outbox;
const LEASE_MS = 20_000;

function alert(n: number): Alert {
  return {
    id: `lease-test-${randomUUID()}`,
    watch: { id: 'lease-test', name: 'lease test', source: 'other' },
    title: `alert ${n}`,
    url: `http://127.0.0.1/${n}`,
    publishedAt: null,
    detectedAt: new Date().toISOString(),
    categories: [],
    figures: [],
    summary: '',
    severity: 'normal',
  };
}

/** A promise with its resolver, to hold a call until the test lets it go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe.skipIf(!url)('delivery leases on PostgreSQL: two live workers never send the same alert', () => {
  let dest: string;
  let lease: string;
  let stores: Store[];
  let outboxes: Outbox[];
  /** Every send as it starts: [worker, alert id]. */
  let sends: Array<[string, string]>;
  let delivered: Set<string>;
  /** Alert ids whose send by worker A waits until the test opens the gate. */
  let holdA: Map<string, ReturnType<typeof gate>>;

  const worker = (name: 'A' | 'B', store: Store): Outbox => {
    const notifier: Notifier = {
      id: dest,
      type: 'test',
      async send(a) {
        sends.push([name, a.id]);
        if (name === 'A') await holdA.get(a.id)?.promise;
      },
    };
    const outbox = new Outbox(
      store,
      () => new Map([[dest, notifier]]),
      () => settings,
      pino({ level: 'silent' }),
      {
        onDelivered: (_, a) => delivered.add(a.id),
      },
    );
    outboxes.push(outbox);
    return outbox;
  };
  const sentBy = (id: string) => sends.filter(([, a]) => a === id).map(([w]) => w);
  /** The store's claims of the delivery lease, as they are asked for (each answered when its promise settles). */
  const leaseClaims = (store: Store): Array<Promise<boolean>> => {
    const claims: Array<Promise<boolean>> = [];
    const realClaim = store.claim.bind(store);
    vi.spyOn(store, 'claim').mockImplementation((key, ttl) => {
      const claimed = realClaim(key, ttl);
      if (key === lease) claims.push(claimed);
      return claimed;
    });
    return claims;
  };

  beforeEach(async () => {
    dest = `lease-test-${randomUUID().slice(0, 8)}`;
    lease = `lease:deliver:${dest}`;
    stores = [await Store.open(url), await Store.open(url)];
    outboxes = [];
    sends = [];
    delivered = new Set();
    holdA = new Map();
  });
  afterEach(async () => {
    for (const g of holdA.values()) g.open();
    vi.useRealTimers();
    vi.restoreAllMocks();
    for (const o of outboxes) await o.stop(Date.now() + 5000);
    for (const s of stores) await s.close();
  });

  it('a kept lease released late does not take the lease from the run that renewed it', async () => {
    const [a, b] = stores as [Store, Store];
    const first = alert(1);
    const second = alert(2);
    holdA.set(second.id, gate());
    // Worker A's release of the delivery lease waits for the test; its claims of it are tracked.
    const release = gate();
    const releaseAsked = gate();
    const released = gate();
    const realRelease = a.release.bind(a);
    vi.spyOn(a, 'release').mockImplementation(async (key) => {
      if (key !== lease) return realRelease(key);
      releaseAsked.open();
      await release.promise;
      await realRelease(key);
      released.open();
    });
    const claims = leaseClaims(a);
    const outboxA = worker('A', a);
    const outboxB = worker('B', b);

    await outboxA.enqueue(first, [dest]);
    await vi.waitFor(() => expect(delivered).toContain(first.id), { timeout: 10_000 });
    // A's queue ran empty: it keeps the lease for a moment, then releases it (held here, as a loaded store would).
    await releaseAsked.promise;
    // A new alert meanwhile: whatever A starts now, its claims of the lease are answered before the release goes
    // through (the delete reaching PostgreSQL after the renewal).
    await outboxA.enqueue(second, [dest]);
    await Promise.all(claims);
    release.open();
    await released.promise;
    // B tries the destination while A may be sending the second alert.
    await outboxB.deliverDue();
    holdA.get(second.id)!.open();
    await vi.waitFor(() => expect(delivered).toContain(second.id), { timeout: 10_000 });

    expect(sentBy(first.id)).toEqual(['A']);
    expect(sentBy(second.id)).toHaveLength(1);
  });

  it('a renewal answered after the lease ran out is not taken as holding it', async () => {
    const [a, b] = stores as [Store, Store];
    const only = alert(1);
    holdA.set(only.id, gate());
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    // A's first claim of the lease is answered 21 s after it was asked (the lease lasts 20 s from the asking).
    let late = true;
    const realClaim = a.claim.bind(a);
    vi.spyOn(a, 'claim').mockImplementation(async (key, ttl) => {
      const claimed = await realClaim(key, ttl);
      if (key === lease && late) {
        late = false;
        vi.setSystemTime(Date.now() + LEASE_MS + 1000);
      }
      return claimed;
    });
    const outboxA = worker('A', a);
    const outboxB = worker('B', b);

    await outboxA.enqueue(only, [dest]);
    await vi.waitFor(() => expect(sentBy(only.id)).toContain('A'), { timeout: 10_000 });
    // A is sending; B finds the lease's expiry as the store has it.
    await outboxB.deliverDue();
    holdA.get(only.id)!.open();
    await vi.waitFor(() => expect(delivered).toContain(only.id), { timeout: 10_000 });

    expect(sentBy(only.id)).toEqual(['A']);
  });

  it('a holder that stalls past its lease between reading a record and sending it does not send it', async () => {
    const [a, b] = stores as [Store, Store];
    const first = alert(1);
    const second = alert(2);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    const outboxA = worker('A', a);
    const outboxB = worker('B', b);
    // Once the second alert is queued, A reads its sent mark (none yet) before sending it, then stalls for longer
    // than the lease: meanwhile its lease runs out, and B takes the destination over and delivers the second alert.
    let stall = false;
    const realGet = a.get.bind(a);
    vi.spyOn(a, 'get').mockImplementation(async (key) => {
      const value = await realGet(key);
      if (stall && key === `sent:${dest}:${second.id}`) {
        stall = false;
        vi.setSystemTime(Date.now() + LEASE_MS + 1000);
        await outboxB.deliverDue();
      }
      return value;
    });

    await outboxA.enqueue(first, [dest]);
    await vi.waitFor(() => expect(delivered).toContain(first.id), { timeout: 10_000 });
    // A delivers it under the lease it kept after the first alert (or claims it anew), reading the sent mark first.
    await outboxA.enqueue(second, [dest]);
    stall = true;
    await vi.waitFor(() => expect(delivered).toContain(second.id), { timeout: 10_000 });

    expect(sentBy(first.id)).toEqual(['A']);
    expect(sentBy(second.id)).toEqual(['B']);
  });

  it('a send that takes longer than the lease keeps the lease while it lasts', async () => {
    const [a, b] = stores as [Store, Store];
    const only = alert(1);
    holdA.set(only.id, gate());
    // The clock and the renewal interval move only when the test moves them.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const claims = leaseClaims(a);
    const outboxA = worker('A', a);
    const outboxB = worker('B', b);

    await outboxA.enqueue(only, [dest]);
    await vi.waitFor(() => expect(sentBy(only.id)).toContain('A'), { timeout: 10_000 });
    // The receiver has not answered after 21 s (past the lease A took before sending), each renewal answered.
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(7_000);
      await Promise.all(claims);
    }
    await outboxB.deliverDue();
    holdA.get(only.id)!.open();
    await vi.waitFor(() => expect(delivered).toContain(only.id), { timeout: 10_000 });

    expect(sentBy(only.id)).toEqual(['A']);
  });
});
