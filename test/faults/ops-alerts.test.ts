/** People cannot see when the bot fails, so it tells them — once when something breaks, once when it recovers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/types.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { Receiver } from '../helpers/receiver.js';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';

describe('ops alerts', () => {
  let site: FixtureSite;
  let receiver: Receiver;
  let cfg: { dir: string; store: string };
  /**
   * One `once`. It ends as soon as its deliveries are done; `deliverTimeout` bounds the wait when a destination keeps
   * failing (generous by default, so a loaded machine still delivers in time).
   */
  const once = async (deliverTimeout = '30s') => {
    const r = await runCli(['once', '--config', cfg.dir, '--json', '--deliver-timeout', deliverTimeout], {
      REGWATCH_STORE: cfg.store,
      REGWATCH_HISTORY: 'off',
    });
    return jsonLines<Alert>(r.stdout).filter((a) => a.type === 'ops');
  };

  beforeAll(async () => {
    site = await new FixtureSite().start();
    receiver = await new Receiver().start();
    site.publish({ slug: 'a', title: '旧通知', date: '2024-01-01', body: '正文。' });
    cfg = tempConfig({
      'notify.yaml': `channels:\n  - id: ops-console\n    type: console\n    ops: true\n  - id: hook\n    type: webhook\n    url: ${receiver.url}\n`,
      'settings.yaml': 'failureThreshold: 3\noutbox:\n  initialBackoff: 100ms\n  maxBackoff: 300ms\n  downAfter: 1s\n',
      'watches/a.yaml': `watches:\n  - id: ministry\n    name: 部委文件\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    follow: false\n`,
    });
    expect(await once()).toEqual([]); // baseline
  });
  afterAll(async () => {
    await site.stop();
    await receiver.stop();
  });

  it(
    'a failing source: one alert after the third failure in a row, with the error and what to do; none after; one on recovery',
    { timeout: 180_000 },
    async () => {
      site.failure = 'challenge';
      expect(await once()).toEqual([]);
      expect(await once()).toEqual([]);
      const third = await once();
      expect(third).toHaveLength(1);
      expect(third[0]!.title).toContain('部委文件');
      expect(third[0]!.summary).toMatch(/challenge/);
      expect(third[0]!.summary).toMatch(/fetch: browser/);
      expect(await once()).toEqual([]);
      site.failure = 'none';
      const recovered = await once();
      expect(recovered).toHaveLength(1);
      expect(recovered[0]!.title).toMatch(/recover/i);
      expect(await once()).toEqual([]);
    },
  );

  it(
    'a destination down: reported to the ops channel while it fails, its queue delivered and the recovery reported when it comes back',
    { timeout: 180_000 },
    async () => {
      receiver.failNext = 1000;
      receiver.failStatus = 503;
      site.publish({ slug: 'b', title: '新通知', date: '2024-01-02', body: '正文。' });
      const down = await once('4s'); // past downAfter (1 s): the destination is reported down
      expect(down.map((a) => a.title).join('\n')).toMatch(/hook/);
      expect(down.some((a) => /down|fail/i.test(`${a.title} ${a.summary}`))).toBe(true);
      expect(receiver.accepted).toHaveLength(0);
      receiver.failNext = 0;
      const back = await once();
      expect(receiver.accepted.map((r) => (JSON.parse(r.body) as Alert).title)).toContain('新通知');
      expect(back.some((a) => /recover/i.test(`${a.title} ${a.summary}`))).toBe(true);
    },
  );
});
