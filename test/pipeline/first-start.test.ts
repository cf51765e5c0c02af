/**
 * `npm start` as a newcomer sees it: readable log lines on a terminal (forced here with REGWATCH_LOG_FORMAT=pretty),
 * one table saying which watch is checked when (local and Beijing time) and which have a baseline, the watches without
 * one checked at start, and a failing source's first failure already saying what it usually means. And with Slack and
 * Discord tokens set but their APIs unreachable, the watches run and each service is reported once, readably.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FixtureSite } from '../helpers/fixture-site.js';
import { closedPort, SpawnedDaemon } from '../helpers/spawn-daemon.js';
import { tempConfig } from '../helpers/run-cli.js';

describe('the first minutes of `regwatch run`', () => {
  let site: FixtureSite;
  let dead: number;
  beforeAll(async () => {
    site = await new FixtureSite().start();
    site.publish({ slug: 'a1', title: '关于稀土行业的通知', date: '2024-01-10', body: '稀土。' });
    dead = await closedPort();
  });
  afterAll(async () => site.stop());

  const config = () =>
    tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      // Office hours on Monday mornings, Beijing time: without a start check it would wait for days.
      'watches/w.yaml': `watches:
  - id: ministry
    source: miit
    kind: list
    url: ${site.base}/list.html
    items: "ul.zxxx_list li"
    follow: false
    cron: "0 9 * * 1"
  - id: broken
    source: mofcom
    kind: list
    url: http://127.0.0.1:${dead}/list.html
    items: "ul li"
    every: 6h
`,
    });

  it('prints a schedule table, checks watches without a baseline at start, and explains the first failure', async () => {
    const cfg = config();
    const before = site.requests;
    const daemon = new SpawnedDaemon(['--config', cfg.dir], {
      REGWATCH_STORE: cfg.store,
      REGWATCH_LOG_FORMAT: 'pretty',
      REGWATCH_LOG_LEVEL: 'info',
      TZ: 'Europe/Berlin',
    });
    try {
      await vi.waitFor(() => expect(daemon.stderr).toMatch(/check failed \(network\)/), { timeout: 60_000 });
      await vi.waitFor(() => expect(site.requests).toBeGreaterThan(before), { timeout: 60_000 });
      const err = daemon.stderr;
      // Readable lines, not JSON.
      expect(err).not.toMatch(/^\{"level"/m);
      expect(err).toMatch(/INFO.*regwatch running/);
      // The table: header, then one row per watch, Monday 09:00 in Beijing is Monday 02:00 in Berlin
      // (03:00 in summer).
      expect(err).toMatch(/watch +source +next check \(Europe\/Berlin\) +next check \(Beijing\) +baseline/);
      expect(err).toMatch(/ministry +miit +Mon \d\d \w{3} 0[23]:00 +Mon \d\d \w{3} 09:00 +no: checking now/);
      expect(err).toMatch(/broken +mofcom +\w{3} \d\d \w{3} \d\d:\d\d +\w{3} \d\d \w{3} \d\d:\d\d +no: checking now/);
      // The first failure names its watch first, then says what it usually means.
      expect(err).toMatch(/WARN.*: broken: check failed \(network\): .+ — .*(unreachable|connect|refused)/i);
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
  });

  it('with Slack and Discord unreachable, the watches run and each is reported once, with what to check', async () => {
    const cfg = config();
    const before = site.requests;
    const daemon = new SpawnedDaemon(['--config', cfg.dir], {
      REGWATCH_STORE: cfg.store,
      REGWATCH_LOG_FORMAT: 'json',
      REGWATCH_LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-not-a-real-token',
      SLACK_SIGNING_SECRET: 'not-a-real-secret',
      SLACK_API_URL: `http://127.0.0.1:${dead}/api/`,
      DISCORD_TOKEN: 'not.a.real-token',
      DISCORD_API_URL: `http://127.0.0.1:${dead}/api`,
    });
    try {
      await vi.waitFor(
        () => {
          const msgs = daemon.jsonLines().map((l) => String(l.msg));
          expect(msgs).toContain('regwatch running');
          expect(msgs.filter((m) => m.startsWith('Slack could not be reached'))).toHaveLength(1);
          expect(msgs.filter((m) => m.startsWith('Discord could not be reached'))).toHaveLength(1);
        },
        { timeout: 60_000, interval: 250 },
      );
      await vi.waitFor(() => expect(site.requests).toBeGreaterThan(before), { timeout: 60_000 });
      const lines = daemon.jsonLines();
      const slack = lines.find((l) => String(l.msg).startsWith('Slack could not be reached'))!;
      expect(slack.msg).toMatch(/ECONNREFUSED.*SLACK_API_URL.*Retrying in the background/);
      expect(String(lines.find((l) => String(l.msg).startsWith('Discord could not'))!.msg)).toMatch(/DISCORD_API_URL/);
      // No line carries a key twice (pino writes a child's bindings beside the parent's without merging them).
      for (const raw of daemon.stderr.split('\n').filter((l) => l.startsWith('{')))
        expect(raw.match(/"component":/g)?.length ?? 0, raw).toBeLessThanOrEqual(1);
      expect(daemon.stderr).not.toContain('xoxb-not-a-real-token');
    } finally {
      expect(await daemon.stop()).toBe(0);
    }
  });
});
