/**
 * At start, watches without a baseline are checked soon, politely: one host's watches 2 s apart, different hosts at
 * once, and a watch whose own schedule comes first is left to it. (Fake clock: no waiting.)
 */
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Watch } from '../../src/config/load-config.js';
import { Scheduler, START_CHECK_SPACING_MS } from '../../src/scheduler.js';

const watch = (id: string, url: string, every: number): Watch =>
  ({ id, name: id, url, every, enabled: true, kind: 'list', source: 'miit', timezone: 'Asia/Shanghai' }) as Watch;

describe('start checks', () => {
  afterEach(() => vi.useRealTimers());

  it('staggers one host’s watches, runs different hosts together, and leaves soon-due watches to their schedule', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T00:00:00Z') });
    const fired: Array<[string, number]> = [];
    const start = Date.now();
    const scheduler = new Scheduler(
      (w) => {
        fired.push([w.id, Date.now() - start]);
        return Promise.resolve();
      },
      pino({ level: 'silent' }),
      0,
    );
    const watches = [
      watch('miit-a', 'https://www.miit.gov.cn/a', 6 * 3_600_000),
      watch('miit-b', 'https://www.miit.gov.cn/b', 6 * 3_600_000),
      watch('miit-c', 'https://www.miit.gov.cn/c', 6 * 3_600_000),
      watch('mofcom', 'https://www.mofcom.gov.cn/x', 6 * 3_600_000),
      // Due within a second anyway (every 1s): its own schedule checks it.
      watch('fast', 'https://news.example.org/feed', 1_000),
    ];
    scheduler.sync(watches);
    const queued = scheduler.checkSoon(watches);
    expect(queued).toEqual(['miit-a', 'miit-b', 'miit-c', 'mofcom']);
    await vi.advanceTimersByTimeAsync(3 * START_CHECK_SPACING_MS);
    const startChecks = fired.filter(([id]) => id !== 'fast');
    expect(startChecks).toEqual([
      ['miit-a', 0],
      ['mofcom', 0],
      ['miit-b', START_CHECK_SPACING_MS],
      ['miit-c', 2 * START_CHECK_SPACING_MS],
    ]);
    // The next checks the start-up table shows are the schedule's own slots.
    expect(scheduler.nextChecks().get('miit-a')!.getTime()).toBeGreaterThan(Date.now());
    scheduler.stop();
  });
});
