/** The one limiter: concurrency, a minimum gap between starts, Retry-After pauses, per-key independence. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedLimiter, Limiter } from '../../src/limiter.js';

/** A piece of work the test finishes by hand, recording when it started. */
function gate(starts: number[], label: number) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      starts[label] = Date.now();
      await done;
      return label;
    },
    finish: () => finish(),
  };
}

describe('Limiter', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('runs at most `concurrency` at once, in order, and raising the limit lets waiters in at once', async () => {
    const limiter = new Limiter({ concurrency: 2 });
    const starts: number[] = [];
    const gates = [0, 1, 2, 3].map((i) => gate(starts, i));
    const results = gates.map((g) => limiter.run(g.work));
    await vi.advanceTimersByTimeAsync(0);
    expect([limiter.inUse, limiter.waiting]).toEqual([2, 2]);
    expect(Object.keys(starts)).toEqual(['0', '1']);
    gates[0]!.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.keys(starts)).toEqual(['0', '1', '2']);
    limiter.configure({ concurrency: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.keys(starts)).toEqual(['0', '1', '2', '3']);
    for (const g of gates) g.finish();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(limiter.peak).toBe(3);
  });

  it('keeps the gap between starts, also between work that ran one after another (idle in between)', async () => {
    const limiter = new Limiter({ concurrency: 4, spacingMs: 1000 });
    const starts: number[] = [];
    const a = gate(starts, 0);
    a.finish();
    await limiter.run(a.work);
    await vi.advanceTimersByTimeAsync(300);
    const b = gate(starts, 1);
    b.finish();
    const second = limiter.run(b.work);
    await vi.advanceTimersByTimeAsync(699);
    expect(starts[1]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await second;
    expect(starts).toEqual([0, 1000]);
  });

  it('a Retry-After holds every start until it has passed', async () => {
    const limiter = new Limiter({ concurrency: 1 });
    const starts: number[] = [];
    limiter.pauseFor(5000);
    const g = gate(starts, 0);
    g.finish();
    const run = limiter.run(g.work);
    await vi.advanceTimersByTimeAsync(4999);
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await run;
    expect(starts).toEqual([5000]);
  });

  it('an error of the work reaches the caller and frees the slot', async () => {
    const limiter = new Limiter({ concurrency: 1 });
    await expect(limiter.run(() => Promise.reject(new Error('site down')))).rejects.toThrow('site down');
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next');
  });
});

describe('KeyedLimiter', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('one host waiting for its gap does not hold up another host; idle hosts are forgotten', async () => {
    const hosts = new KeyedLimiter({ concurrency: 1, spacingMs: 2000 });
    const starts: number[] = [];
    const [a1, a2, b1] = [0, 1, 2].map((i) => gate(starts, i));
    for (const g of [a1, a2, b1]) g!.finish();
    const runs = [hosts.run('a.gov.cn', a1!.work), hosts.run('a.gov.cn', a2!.work), hosts.run('b.gov.cn', b1!.work)];
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([0, undefined, 0]);
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(runs);
    expect(starts).toEqual([0, 2000, 0]);
    await vi.advanceTimersByTimeAsync(5000);
    await hosts.run('c.gov.cn', () => Promise.resolve());
    expect(hosts.size).toBe(1);
  });

  it('a key may carry its own gap (a Slack channel’s minInterval)', async () => {
    const paces = new KeyedLimiter({ concurrency: Infinity });
    const starts: number[] = [];
    const gates = [0, 1].map((i) => gate(starts, i));
    for (const g of gates) g.finish();
    const runs = gates.map((g) => paces.run('channel:C1', g.work, { spacingMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all(runs);
    expect(starts).toEqual([0, 1000]);
  });
});
