/**
 * kill -9 at seeded random points. `regwatch once` and `regwatch run` processes are SIGKILLed while the fault site
 * publishes batches of notices and sometimes fails, and two webhook receivers sometimes fail (5xx, 429, reset,
 * refused). Kill points are events, not guesses: while the list is being fetched, just after it arrived (extract,
 * compare, store), while a receiver holds a delivery it has processed but not answered, just after a receiver
 * answered (before the sent mark), or at a random moment (start-up, store open, anywhere).
 *
 * Afterwards: every notice was received by both receivers, under one id each, nothing else was; raw repeats (what a
 * receiver without Idempotency-Key deduplication would show) are at most one per kill; the store is consistent (no
 * delivery pending, every alert marked sent to both, every notice seen, health clean) and a further run sends
 * nothing. The totals are the suite's last line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeliveryRecord } from '../../src/outbox/outbox.js';
import { Store } from '../../src/store/store.js';
import { FaultReceiver, waitUntil, type ReceiverFault } from '../helpers/fault-receiver.js';
import { FaultSite, type SiteFault } from '../helpers/fault-site.js';
import { CLI, ROOT, tempConfig } from '../helpers/run-cli.js';
import { seededRandom as random } from '../helpers/seeded-random.js';

const KILLS = Number(process.env.REGWATCH_FAULT_KILLS ?? 30);

type KillPoint = 'timer' | 'fetching' | 'fetched' | 'in-flight' | 'answered';
const KILL_POINTS: KillPoint[] = ['timer', 'fetching', 'fetched', 'in-flight', 'answered'];

/** A regwatch process; `logs` keeps its standard error (info level for `run`, so it says when it is running). */
function spawnRegwatch(mode: 'once' | 'run', configDir: string, store: string): ChildProcess & { logs: () => string } {
  const args =
    mode === 'once' ? ['once', '--config', configDir, '--deliver-timeout', '3s'] : ['run', '--config', configDir];
  const child = spawn(process.execPath, [...CLI, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      REGWATCH_STORE: store,
      REGWATCH_LOG_LEVEL: mode === 'run' ? 'info' : 'error',
      REGWATCH_LOG_FORMAT: 'json',
      REGWATCH_HISTORY: 'off',
      REGWATCH_PORT: '0',
      REGWATCH_SHUTDOWN_GRACE: '5s',
    },
    stdio: ['ignore', 'ignore', mode === 'run' ? 'pipe' : 'ignore'],
  });
  let logs = '';
  child.stderr?.on('data', (c: Buffer) => (logs += c.toString()));
  return Object.assign(child, { logs: () => logs });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('SIGKILL at seeded random points loses no alert and repeats none a receiver cannot drop', () => {
  const seed = Number(process.env.REGWATCH_FAULT_SEED ?? 20261125);
  const rand = random(seed);
  function pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(rand() * xs.length)]!;
  }
  let site: FaultSite;
  let dedupe: FaultReceiver;
  let raw: FaultReceiver;
  let cfg: { dir: string; store: string };
  const expected = new Map<string, string>(); // slug → title
  const totals = { kills: 0, runs: 0, faults: 0, expected: 0, received: 0, duplicated: 0 };
  const byPoint: Record<KillPoint, number> = { timer: 0, fetching: 0, fetched: 0, 'in-flight': 0, answered: 0 };

  beforeAll(async () => {
    site = await new FaultSite().start();
    dedupe = await new FaultReceiver().start();
    raw = await new FaultReceiver().start();
    site.publish({ slug: 'seed', title: '旧通知', date: '2024-01-01' });
    cfg = tempConfig({
      'notify.yaml':
        `channels:\n  - id: dedupe\n    type: webhook\n    url: ${dedupe.url}\n    timeout: 2000\n` +
        `  - id: raw\n    type: webhook\n    url: ${raw.url}\n    timeout: 2000\n`,
      'settings.yaml':
        'timeout: 1500ms\nconnectTimeout: 1s\nfailureThreshold: 1000\njitter: 0\n' +
        'outbox:\n  initialBackoff: 30ms\n  maxBackoff: 150ms\n  downAfter: 1h\n',
      'watches/site.yaml': `watches:\n  - id: list\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    follow: false\n    every: 1s\n    maxNewItems: 1000\n`,
    });
    expect(await exited(spawnRegwatch('once', cfg.dir, cfg.store))).toEqual({ code: 0, signal: null }); // baseline
  });

  afterAll(async () => {
    const points = Object.entries(byPoint)
      .map(([p, n]) => `${p} ${n}`)
      .join(', ');
    process.stdout.write(
      `fault totals (seed ${seed}): ${totals.kills} kills (${points}) in ${totals.runs} runs, ${totals.faults} faults injected, ` +
        `alerts expected ${totals.expected}, received ${totals.received}, duplicated ${totals.duplicated}\n`,
    );
    await site.stop();
    await dedupe.stop();
    await raw.stop();
  });

  /** One run of regwatch with this run's faults; killed at `point` if it gets there. True when it was killed. */
  async function faultyRun(mode: 'once' | 'run', point: KillPoint): Promise<boolean> {
    const child = spawnRegwatch(mode, cfg.dir, cfg.store);
    const gone = exited(child);
    const kill = () => void child.kill('SIGKILL');
    const receiver = rand() < 0.5 ? dedupe : raw;
    const nth = 1 + Math.floor(rand() * 3);
    let seen = 0;
    const cleanups: Array<() => void> = [];
    const on = (emitter: FaultSite | FaultReceiver, event: string, fn: () => void) => {
      emitter.on(event, fn);
      cleanups.push(() => emitter.off(event, fn));
    };
    let timer: NodeJS.Timeout | undefined;
    switch (point) {
      case 'timer':
        timer = setTimeout(kill, 150 + Math.floor(rand() * 1800));
        break;
      case 'fetching':
        site.hold = true;
        on(site, 'list', kill);
        break;
      case 'fetched': {
        const delay = Math.floor(rand() * 60);
        on(site, 'list-sent', () => void setTimeout(kill, delay));
        break;
      }
      case 'in-flight':
        receiver.hold = true;
        on(receiver, 'held', () => (++seen === nth ? kill() : receiver.releaseHeld()));
        break;
      case 'answered':
        on(receiver, 'answered', () => ++seen === nth && kill());
        break;
    }
    // The daemon never ends by itself: when its kill point does not come (nothing to deliver), kill it anyway.
    let backstopped = false;
    const backstop =
      mode === 'run'
        ? setTimeout(() => {
            backstopped = true;
            kill();
          }, 6000)
        : undefined;
    const { signal } = await gone;
    clearTimeout(timer);
    clearTimeout(backstop);
    for (const c of cleanups) c();
    site.hold = false;
    site.releaseHeld();
    for (const r of [dedupe, raw]) {
      r.hold = false;
      r.releaseHeld();
    }
    if (signal === 'SIGKILL') byPoint[backstopped ? 'timer' : point]++;
    return signal === 'SIGKILL';
  }

  it(
    `kills regwatch ${KILLS} times at seeded points while sites and receivers fail`,
    { timeout: 480_000 },
    async () => {
      for (let run = 0; totals.kills < KILLS && run < 4 * KILLS; run++) {
        // Most runs see a batch of 1–3 new notices; some find nothing new.
        if (rand() < 0.8) {
          const batch = 1 + Math.floor(rand() * 3);
          for (let i = 0; i < batch; i++) {
            const slug = `n-${run}-${i}`;
            const title = `通知 ${run}-${i}`;
            site.publish({ slug, title, date: '2024-02-01' });
            expected.set(slug, title);
          }
        }
        // This run's faults: a receiver failing its next requests, a receiver not listening, the site failing.
        for (const r of [dedupe, raw]) {
          if (rand() < 0.25) {
            r.fault = pick<ReceiverFault>(['500', '503', '429', 'reset']);
            r.failNext = 1 + Math.floor(rand() * 2);
            totals.faults++;
          }
        }
        const refused = rand() < 0.08 ? raw : undefined;
        if (refused) {
          await refused.down();
          totals.faults++;
        }
        const siteFault =
          rand() < 0.12 ? pick<SiteFault>(['500', 'challenge', 'truncated', 'no-items', 'empty']) : 'none';
        site.failure = siteFault;
        if (siteFault !== 'none') totals.faults++;

        const mode = rand() < 0.2 ? 'run' : 'once';
        const point = pick(KILL_POINTS);
        totals.runs++;
        if (await faultyRun(mode, point)) totals.kills++;

        site.failure = 'none';
        await refused?.up();
        dedupe.failNext = 0;
        raw.failNext = 0;
      }
      expect(totals.kills).toBe(KILLS);

      // A clean daemon delivers whatever is left; wait until both receivers have every notice, then stop it.
      const daemon = spawnRegwatch('run', cfg.dir, cfg.store);
      const titles = new Set(expected.values());
      const complete = (r: FaultReceiver) => [...titles].every((t) => r.accepted.some((a) => a.title === t));
      await waitUntil(() => complete(dedupe) && complete(raw), 60_000, 'every notice at both receivers');
      // A receiver may hold a notice from a killed process that died before its sent mark: the daemon sends it again
      // and records it. Wait for the store to show that (polled, generous deadline), not for a guessed time.
      await vi.waitFor(
        async () => {
          const store = await Store.open(cfg.store);
          try {
            for (const dest of ['dedupe', 'raw'])
              expect((await store.get<DeliveryRecord[]>(`outbox:q:${dest}`)) ?? [], dest).toEqual([]);
          } finally {
            await store.close();
          }
        },
        { timeout: 60_000, interval: 250 },
      );
      // SIGTERM once it is up (a signal before Node has even loaded the CLI would end it the default way).
      await waitUntil(() => daemon.logs().includes('regwatch running'), 60_000, 'the final daemon running');
      daemon.kill('SIGTERM');
      expect(await exited(daemon)).toEqual({ code: 0, signal: null });

      for (const r of [dedupe, raw]) {
        const titleOf = new Map<string, string>();
        for (const a of r.accepted) {
          // Each id always names the same notice, and only change alerts about published notices arrived.
          expect(titleOf.get(a.key) ?? a.title).toBe(a.title);
          titleOf.set(a.key, a.title);
          expect(a.type).toBe('change');
        }
        expect(new Set(titleOf.values())).toEqual(titles);
        expect(titleOf.size).toBe(titles.size);
        // A repeat needs a process killed between the receiver processing a request and the sent mark: ≤ 1 per kill.
        expect(r.duplicates).toBeLessThanOrEqual(totals.kills);
      }
      totals.expected = titles.size;
      totals.received = dedupe.uniqueKeys.length;
      totals.duplicated = dedupe.duplicates + raw.duplicates;

      // The store is consistent.
      const store = await Store.open(cfg.store);
      try {
        const recent = (await store.get<string[]>('alerts:recent')) ?? [];
        expect(recent.length).toBe(titles.size);
        for (const id of recent) {
          const alert = await store.getAlert(id);
          expect(titles.has(alert!.title)).toBe(true);
          for (const dest of ['dedupe', 'raw'])
            expect(await store.get(`sent:${dest}:${id}`), `${dest} ${id}`).toBeTruthy();
        }
        for (const dest of ['dedupe', 'raw'])
          expect((await store.get<DeliveryRecord[]>(`outbox:q:${dest}`)) ?? []).toEqual([]);
        expect((await store.getSeen('list'))?.length).toBe(site.notices.length);
        expect((await store.getHealth('list')).consecutiveFailures).toBe(0);
      } finally {
        await store.close();
      }
      // And a further run finds nothing new and sends nothing.
      const before = dedupe.requests.length + raw.requests.length;
      expect(await exited(spawnRegwatch('once', cfg.dir, cfg.store))).toEqual({ code: 0, signal: null });
      expect(dedupe.requests.length + raw.requests.length).toBe(before);
    },
  );
});
