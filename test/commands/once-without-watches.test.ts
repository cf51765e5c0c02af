import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureSite } from '../helpers/fixture-site.js';
import { Receiver } from '../helpers/receiver.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';
import type { Alert } from '../../src/types.js';

/**
 * `regwatch once` on a config without watches loads no watcher, fetch or metrics code (test/build), but it still
 * validates every file and still delivers what an earlier run left in the outbox.
 */
describe('`regwatch once` on a config without watches', () => {
  let site: FixtureSite;
  let receiver: Receiver;
  const notify = () => `channels:\n  - id: hook\n    type: webhook\n    url: ${receiver.url}\n`;

  beforeAll(async () => {
    site = await new FixtureSite().start();
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await site.stop();
    await receiver.stop();
  });

  it('delivers an alert an earlier run left pending in the outbox, and exits 0', async () => {
    site.publish({ slug: 'first', title: '稀土管理条例', date: '2026-01-05', body: '第一条 为了规范稀土开采。' });
    const withWatch = tempConfig({
      'notify.yaml': notify(),
      'settings.yaml': 'outbox:\n  initialBackoff: 50ms\n  maxBackoff: 200ms\n',
      'watches/site.yaml': `watches:\n  - id: site-list\n    source: miit\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    detail: div.article\n`,
    });
    const env = { REGWATCH_STORE: withWatch.store };
    expect((await runCli(['once', '--config', withWatch.dir], env)).code).toBe(0); // the baseline
    site.publish({ slug: 'second', title: '稀土开采总量控制指标', date: '2026-02-10', body: '下达第一批指标。' });
    receiver.failNext = 1000;
    const failing = await runCli(['once', '--config', withWatch.dir, '--deliver-timeout', '300ms'], env);
    expect(failing.stderr).toContain('1 delivery(ies) still pending in the outbox');
    const refused = receiver.requests.length;
    expect(receiver.accepted).toEqual([]);

    receiver.failNext = 0;
    const empty = tempConfig({ 'notify.yaml': notify() });
    mkdirSync(join(empty.dir, 'watches'));
    const r = await runCli(['once', '--config', empty.dir], env);

    expect(r.code).toBe(0);
    expect(r.stderr).toContain('checked 0 watch(es)');
    expect(r.stderr).not.toContain('still pending');
    expect(receiver.requests.length).toBeGreaterThan(refused);
    expect(receiver.accepted.map((q) => (JSON.parse(q.body) as Alert).url)).toEqual([`${site.base}/art/second.html`]);
  });

  it('still refuses a malformed settings or notify file, naming it, and exits 2', async () => {
    const cfg = tempConfig({ 'settings.yaml': 'concurrency: many\n' });
    mkdirSync(join(cfg.dir, 'watches'));
    const settings = await runCli(['once', '--config', cfg.dir], { REGWATCH_STORE: cfg.store });
    expect(settings.code).toBe(2);
    expect(settings.stderr).toMatch(/settings\.yaml:1:\d+: .*concurrency/);

    writeFileSync(join(cfg.dir, 'settings.yaml'), '');
    writeFileSync(join(cfg.dir, 'notify.yaml'), 'channels:\n  - id: hook\n    type: webhook\n    url: not a url\n');
    const channels = await runCli(['once', '--config', cfg.dir], { REGWATCH_STORE: cfg.store });
    expect(channels.code).toBe(2);
    expect(channels.stderr).toMatch(/notify\.yaml:4:\d+: .*url/);
  });
});
