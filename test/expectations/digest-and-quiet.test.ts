import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/types.js';
import { Receiver } from '../helpers/receiver.js';
import { configDir, FakeClock, gacAlert, instance, payloads, storeIn, type Instance } from './harness.js';

const settle = (i: Instance) => i.runner.drain(Date.now() + 5000);

describe('digests and quiet hours', () => {
  let receiver: Receiver;
  let clock: FakeClock;
  const open: Instance[] = [];
  const start = async (channel: string, expectations?: string) => {
    const dir = configDir(receiver.url, { channel, ...(expectations !== undefined ? { expectations } : {}) });
    const i = await instance(dir, storeIn(dir), clock);
    open.push(i);
    return i;
  };

  beforeEach(async () => {
    receiver = await new Receiver().start();
    clock = new FakeClock(Date.parse('2026-12-09T10:00:00Z'));
  });
  afterEach(async () => {
    for (const i of open.splice(0)) await i.close();
    await receiver.stop();
  });

  describe('a daily digest at 08:00 Europe/London', () => {
    const DIGEST = '    digest: { every: daily, at: "08:00", timezone: Europe/London, live: false }\n';

    it("groups the day's alerts by category with their figures, lists what became overdue, and the watches' health", async () => {
      const rw = await start(DIGEST);
      const quota: Alert = {
        ...gacAlert('2026-11', '2026-12-09T10:00:00Z'),
        id: 'quota',
        categories: ['quota_batch'],
        title: '关于下达2027年第一批稀土开采、冶炼分离总量控制指标的通知',
        figures: [
          {
            ...gacAlert('x', '').figures[0]!,
            metric: 'mining_quota',
            period: '2027',
            batch: 1,
            value: 135000,
            change_pct: null,
            change_basis: null,
          },
        ],
      };
      clock.set('2026-12-09T10:00:00Z');
      await rw.runner.emit([gacAlert('2026-11', '2026-12-09T10:00:00Z'), quota]);
      await rw.runner.emit([gacAlert('2026-10', '2026-12-08T10:00:00Z')]); // before the period: not in the digest
      await settle(rw);
      expect(payloads(receiver)).toEqual([]); // live: false — change alerts wait for the digest

      clock.set('2026-12-10T08:00:20Z');
      await rw.timed.tick();
      await rw.timed.tick();
      await settle(rw);
      const digests = payloads(receiver).filter((a) => a.type === 'digest');
      expect(digests).toHaveLength(1);
      expect(digests[0]!.title).toBe('Daily digest for 9 Dec 2026');
      expect(digests[0]!.digest).toMatchObject({
        every: 'daily',
        from: '2026-12-09T08:00:00.000Z',
        to: '2026-12-10T08:00:00.000Z',
        groups: [
          {
            category: 'export_statistics',
            alerts: [{ id: 'gac-2026-11', figures: ['rare-earth exports 2026-11: 4,821.6 t, +8.6% y/y'] }],
          },
          { category: 'quota_batch', alerts: [{ id: 'quota', figures: ['mining quota 2027 batch 1: 135,000 t'] }] },
        ],
        overdue: [],
        health: '2 watches: 2 ok',
      });
    });

    it('sends nothing for a day without alerts, unless always: true', async () => {
      const quiet = await start(DIGEST, 'expectations: []\n');
      clock.set('2026-12-10T08:00:20Z');
      await quiet.timed.tick();
      await settle(quiet);
      expect(payloads(receiver)).toEqual([]);

      const always = await start(
        '    digest: { every: daily, at: "08:00", timezone: Europe/London, always: true }\n',
        'expectations: []\n',
      );
      await always.timed.tick();
      await always.timed.tick();
      await settle(always);
      const sent = payloads(receiver);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.summary).toBe('0 alerts; watch health: 2 watches: 2 ok');
    });

    it('includes what became overdue in the period', async () => {
      clock.set('2026-12-01T00:00:00Z');
      const rw = await start(DIGEST);
      await rw.timed.tick(); // watching the expectation since before its window
      clock.set('2026-12-15T00:00:30+08:00');
      await rw.timed.tick(); // overdue (goes live too: it is high)
      clock.set('2026-12-15T08:00:10Z');
      await rw.timed.tick();
      await settle(rw);
      const digest = payloads(receiver).find((a) => a.type === 'digest');
      expect(digest?.digest?.overdue).toEqual([expect.stringMatching(/^No rare_earth_exports figure for 2026-11 by/)]);
      expect(payloads(receiver).filter((a) => a.categories.includes('overdue'))).toHaveLength(1);
    });
  });

  describe('quiet hours 22:00-07:00 Europe/London', () => {
    const QUIET = '    quiet: "22:00-07:00 Europe/London"\n';

    it('holds alerts below high until the quiet hours end, sends high ones at once, then releases the queue together', async () => {
      const rw = await start(QUIET, 'expectations: []\n');
      clock.set('2026-12-09T23:30:00Z');
      const normal1 = { ...gacAlert('2026-10', '2026-12-09T23:30:00Z'), id: 'n1' };
      const normal2 = { ...gacAlert('2026-11', '2026-12-09T23:40:00Z'), id: 'n2', severity: 'low' as const };
      const high = { ...gacAlert('2026-09', '2026-12-09T23:50:00Z'), id: 'h1', severity: 'high' as const };
      await rw.runner.emit([normal1, normal2, high]);
      await rw.timed.tick();
      await settle(rw);
      expect(payloads(receiver).map((a) => a.id)).toEqual(['h1']);

      clock.set('2026-12-10T06:59:00Z');
      await rw.timed.tick();
      await settle(rw);
      expect(payloads(receiver).map((a) => a.id)).toEqual(['h1']);

      clock.set('2026-12-10T07:00:05Z');
      await rw.timed.tick();
      await settle(rw);
      await rw.timed.tick();
      await settle(rw);
      expect(payloads(receiver).map((a) => a.id)).toEqual(['h1', 'n1', 'n2']);
    });

    it('follows the zone: 22:00 in London is 21:00 UTC in summer', async () => {
      const rw = await start(QUIET, 'expectations: []\n');
      clock.set('2026-07-01T21:30:00Z'); // 22:30 BST: quiet
      await rw.runner.emit([{ ...gacAlert('2026-05', '2026-07-01T21:30:00Z'), id: 'summer' }]);
      await settle(rw);
      expect(payloads(receiver)).toEqual([]);
      clock.set('2026-07-02T06:00:30Z'); // 07:00 BST
      await rw.timed.tick();
      await settle(rw);
      expect(payloads(receiver).map((a) => a.id)).toEqual(['summer']);
    });
  });
});
