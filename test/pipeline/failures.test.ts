import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { FixtureSite, type Failure } from '../helpers/fixture-site.js';
import { jsonLines, runCli, tempConfig } from '../helpers/run-cli.js';
import type { Alert } from '../../src/types.js';

describe('fetch failures are failures, never content', () => {
  let site: FixtureSite;
  let cfg: { dir: string; store: string };
  const once = () => runCli(['once', '--config', cfg.dir, '--json'], { REGWATCH_STORE: cfg.store });
  /**
   * The check's time-out: short only where the case is the time-out itself; generous otherwise, so that a loaded machine
   * answering a local page slowly cannot turn another failure into a time-out.
   */
  const setTimeoutTo = (timeout: string) =>
    writeFileSync(join(cfg.dir, 'settings.yaml'), `timeout: ${timeout}\nconnectTimeout: 10s\nfailureThreshold: 100\n`);
  const health = async () => {
    const store = await Store.open(cfg.store);
    try {
      return await store.getHealth('list');
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    site = await new FixtureSite().start();
    site.publish({ slug: 'a1', title: '第一份通知', date: '2024-03-01', body: '正文一。' });
    site.publish({ slug: 'a2', title: '第二份通知', date: '2024-03-02', body: '正文二。' });
    cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/site.yaml': `watches:\n  - id: list\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n`,
    });
    setTimeoutTo('30s');
    const baseline = await once();
    expect(baseline.code).toBe(0);
  });
  afterAll(async () => site.stop());

  const cases: Array<[Failure, string]> = [
    ['500', 'http'],
    ['timeout', 'timeout'],
    ['challenge', 'challenge'],
    ['empty', 'empty'],
    ['truncated', 'truncated'],
    ['no-items', 'selector'],
  ];
  let failures = 0;
  for (const [failure, kind] of cases) {
    it(`${failure}: no alert, exit 1, health records a ${kind} failure`, async () => {
      site.failure = failure;
      setTimeoutTo(failure === 'timeout' ? '1500ms' : '30s');
      const r = await once();
      expect(jsonLines(r.stdout)).toEqual([]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`list: ${kind}:`);
      const h = await health();
      failures++;
      expect(h.consecutiveFailures).toBe(failures);
      expect(h.lastErrorKind).toBe(kind);
      expect(h.lastSuccess).not.toBeNull();
    });
  }

  it('the next good fetch compares with the last good snapshot: only the really new item alerts', async () => {
    site.failure = 'none';
    site.publish({ slug: 'a3', title: '第三份通知', date: '2024-03-03', body: '正文三。' });
    const r = await once();
    expect(r.code).toBe(0);
    const alerts = jsonLines<Alert>(r.stdout);
    expect(alerts.map((a) => a.title)).toEqual(['第三份通知']);
    const h = await health();
    expect(h.consecutiveFailures).toBe(0);
    expect(h.lastError).toBeNull();
  });
});
