import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { runCommand } from '../../src/commands/index.js';
import { requireRedis } from '../helpers/requirements.js';
import { Receiver } from '../helpers/receiver.js';
import {
  configDir,
  FakeClock,
  GAC_EXPECTATION,
  gacAlert,
  instance,
  payloads,
  storeIn,
  type Instance,
} from './harness.js';

/** Deliver what is queued (the receiver is local; the deadline only bounds a failure). */
const settle = (i: Instance) => i.runner.drain(Date.now() + 5000);

describe('expected publications that do not come', () => {
  let receiver: Receiver;
  let dir: string;
  let clock: FakeClock;
  const open: Instance[] = [];
  /** Start a regwatch on the shared store; its first tick records since when it watches the expectations. */
  const start = async () => {
    const i = await instance(dir, storeIn(dir), clock);
    open.push(i);
    await i.timed.tick();
    return i;
  };

  beforeEach(async () => {
    receiver = await new Receiver().start();
    dir = configDir(receiver.url);
    clock = new FakeClock(Date.parse('2026-12-01T12:00:00+08:00')); // before December's window (7th–14th)
  });
  afterEach(async () => {
    for (const i of open.splice(0)) await i.close();
    await receiver.stop();
  });

  it('raises one overdue alert when the window closes without the figure, naming what, since when and the usual window', async () => {
    const rw = await start();
    clock.set('2026-12-10T12:00:00+08:00');
    await rw.timed.tick();
    await settle(rw);
    expect(payloads(receiver)).toEqual([]); // the window (7th–14th) is still open

    clock.set('2026-12-15T00:00:30+08:00');
    await rw.timed.tick();
    await settle(rw);
    await rw.timed.tick(); // the next minute: nothing new
    await settle(rw);
    const [alert, ...rest] = payloads(receiver);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      categories: ['overdue'],
      severity: 'high',
      watch: { id: 'customs-stats-zh' },
      expectation: {
        id: 'gac-rare-earth-exports',
        name: 'GAC monthly rare-earth exports',
        windowEnd: '2026-12-15T00:00:00+08:00',
        period: '2026-11',
      },
    });
    expect(alert!.summary).toBe(
      'No rare_earth_exports figure for 2026-11 by end of 14 Dec 2026 (Asia/Shanghai); usual window 7th–14th of the month; no earlier arrival on record.',
    );
  });

  it('says when it came in earlier windows', async () => {
    const rw = await start();
    await rw.runner.emit([gacAlert('2025-11', '2025-12-09T10:00:00+08:00')]);
    clock.set('2026-12-15T08:00:00+08:00');
    await rw.timed.tick();
    await settle(rw);
    const overdue = payloads(receiver).filter((a) => a.categories.includes('overdue'));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.summary).toMatch(/; last year on 9 Dec 2025\.$/);
  });

  it('raises nothing when the figure came within the window, and /regwatch expected shows it met', async () => {
    const rw = await start();
    clock.set('2026-12-09T10:00:00+08:00');
    await rw.runner.emit([gacAlert('2026-11', '2026-12-09T02:00:00Z')]);
    clock.set('2026-12-15T00:01:00+08:00');
    await rw.timed.tick();
    await settle(rw);
    expect(payloads(receiver).map((a) => a.categories)).toEqual([['export_statistics']]);
    const [status] = await rw.timed.expectations.status();
    expect(status!.last).toMatchObject({ state: 'met' });
    expect(status!.next?.window.period).toBe('2026-12');
  });

  it('a figure of another period, or from a watch the expectation does not name, does not meet it', async () => {
    const rw = await start();
    await rw.runner.emit([
      gacAlert('2026-10', '2026-12-09T02:00:00Z'),
      { ...gacAlert('2026-11', '2026-12-09T03:00:00Z', 'mofcom-press-conference'), id: 'other-watch' },
    ]);
    clock.set('2026-12-15T00:01:00+08:00');
    await rw.timed.tick();
    await settle(rw);
    expect(payloads(receiver).filter((a) => a.categories.includes('overdue'))).toHaveLength(1);
  });

  it('sends one more alert when the publication finally arrives, saying how late', async () => {
    const rw = await start();
    clock.set('2026-12-15T00:00:30+08:00');
    await rw.timed.tick();
    clock.set('2026-12-18T04:00:00+08:00');
    await rw.runner.emit([gacAlert('2026-11', '2026-12-17T20:00:00Z')]);
    await rw.timed.tick();
    await rw.timed.tick();
    await settle(rw);
    const all = payloads(receiver);
    expect(all.map((a) => a.categories[0])).toEqual(['overdue', 'export_statistics', 'overdue']);
    const [overdue, , late] = all;
    expect(late).toMatchObject({
      categories: ['overdue'],
      severity: 'normal',
      expectation: { id: 'gac-rare-earth-exports', period: '2026-11', late: true, lateBy: '3d 4h' },
    });
    expect(late!.id).not.toBe(overdue!.id);
    expect(late!.summary).toMatch(/^The rare_earth_exports figure for 2026-11 was published 3d 4h late/);
    const [status] = await rw.timed.expectations.status();
    expect(status!.last).toMatchObject({ state: 'late' });
  });

  it('a restart in the middle of the window changes nothing: one alert after it closes, none after another restart', async () => {
    let rw = await start();
    clock.set('2026-12-10T09:00:00+08:00');
    await rw.timed.tick();
    await rw.close();
    open.length = 0;
    clock.set('2026-12-16T09:00:00+08:00'); // down over the window's end
    rw = await start();
    await rw.timed.tick();
    await settle(rw);
    await rw.close();
    open.length = 0;
    rw = await start();
    await rw.timed.tick();
    await settle(rw);
    expect(payloads(receiver).filter((a) => a.categories.includes('overdue'))).toHaveLength(1);
  });

  it('/regwatch expected lists what is overdue, due and met', async () => {
    const rw = await start();
    clock.set('2026-11-12T10:00:00+08:00');
    await rw.runner.emit([gacAlert('2026-10', '2026-11-12T02:00:00Z')]);
    clock.set('2026-12-16T10:00:00+08:00');
    await rw.timed.tick();
    const ask = () =>
      runCommand(
        { name: 'expected', args: [], platform: 'slack', channelId: 'C1', userId: 'U1', isAdmin: false },
        {
          store: rw.store,
          watches: () => [],
          destinations: () => Promise.resolve([]),
          refreshDestinations: () => Promise.resolve(),
          now: clock.now,
          expectations: () => rw.timed.expectations.status(),
        },
      );
    expect((await ask()).sections).toEqual([
      {
        heading: 'Overdue',
        lines: ['GAC monthly rare-earth exports: no rare_earth_exports figure for 2026-11 by end of 14 Dec 2026'],
      },
      {
        heading: 'Due',
        lines: [
          'GAC monthly rare-earth exports: rare_earth_exports figure for 2026-12 by end of 14 Jan 2027 (opens 7 Jan 2027) · usually 7th–14th of the month',
        ],
      },
    ]);
    clock.set('2026-12-17T10:00:00+08:00');
    await rw.runner.emit([gacAlert('2026-11', '2026-12-17T02:00:00Z')]);
    expect((await ask()).sections).toEqual([
      expect.objectContaining({ heading: 'Due' }),
      {
        heading: 'Met',
        lines: ['GAC monthly rare-earth exports: rare_earth_exports figure for 2026-11 on 17 Dec 2026 (late)'],
      },
    ]);
  });

  it('a window that closed while regwatch was not running fires at start only within 7 days', async () => {
    await (await start()).close();
    open.length = 0;
    clock.set('2026-12-22T08:00:00+08:00'); // 7 days and 8 hours after 15 Dec 00:00
    const rw = await start();
    await settle(rw);
    expect(payloads(receiver)).toEqual([]);
    clock.set('2026-12-21T23:00:00+08:00');
    await rw.timed.tick();
    await settle(rw);
    expect(payloads(receiver).map((a) => a.expectation?.period)).toEqual(['2026-11']);
  });

  it('a window already open when regwatch was installed is not judged (what came before is the baseline)', async () => {
    clock.set('2026-12-08T12:00:00+08:00');
    const rw = await start();
    clock.set('2026-12-15T00:00:30+08:00');
    await rw.timed.tick();
    expect((await rw.timed.expectations.status())[0]!.last?.state).toBe('unwatched');
    clock.set('2027-01-15T00:00:30+08:00');
    await rw.timed.tick();
    await settle(rw);
    expect(payloads(receiver).map((a) => a.expectation?.period)).toEqual(['2026-12']);
  });

  it('two replicas on one store raise exactly one overdue alert', async () => {
    const a = await start();
    const b = await instance(dir, storeIn(dir), clock);
    open.push(b);
    clock.set('2026-12-15T00:00:30+08:00');
    await Promise.all([a.timed.tick(), b.timed.tick(), a.timed.tick(), b.timed.tick()]);
    await Promise.all([settle(a), settle(b)]);
    await Promise.all([a.timed.tick(), b.timed.tick()]);
    await Promise.all([settle(a), settle(b)]);
    expect(payloads(receiver).filter((x) => x.categories.includes('overdue'))).toHaveLength(1);
  });
});

describe.skipIf(!requireRedis())('two replicas on Redis', () => {
  it('raise exactly one overdue alert', async () => {
    const receiver = await new Receiver().start();
    // A shared server keeps state between runs (and other test files use it): this run's own expectation id.
    const id = `gac-${randomUUID().slice(0, 8)}`;
    const dir = configDir(receiver.url, {
      expectations: GAC_EXPECTATION.replace('gac-rare-earth-exports', id),
      channelId: `hook-${id}`,
    });
    const clock = new FakeClock(Date.parse('2026-12-01T12:00:00+08:00'));
    const [a, b] = await Promise.all([instance(dir, requireRedis()!, clock), instance(dir, requireRedis()!, clock)]);
    try {
      // Another file's test may hold the shared evaluation lease for a moment: tick until this window is judged.
      const judged = async () => ((await a.store.get<unknown[]>(`expect:rec:${id}`)) ?? []).length > 0;
      const first = async () => (await a.store.get<number>(`expect:first:${id}`)) !== undefined;
      for (let i = 0; i < 50 && !(await first()); i++) await Promise.all([a.timed.tick(), b.timed.tick()]);
      clock.set('2026-12-15T00:00:30+08:00');
      for (let i = 0; i < 50 && !(await judged()); i++) await Promise.all([a.timed.tick(), b.timed.tick()]);
      await Promise.all([a.timed.tick(), b.timed.tick()]);
      await Promise.all([settle(a), settle(b)]);
      expect(payloads(receiver).filter((x) => x.expectation?.id === id)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      await receiver.stop();
    }
  });
});
