/**
 * End to end: the shipped GAC watch against the local GAC site, the shipped `gac-rare-earth-exports` expectation,
 * and Slack and Discord channels on their local fakes. October's table does not come by 14 November: both channels
 * get the overdue alert; it comes on the 16th: both get the figure and the late notice. Time is a fake clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gacRelease } from '../../src/demo/documents.js';
import { createLogger } from '../../src/logger.js';
import { Runner } from '../../src/pipeline/runner.js';
import { Store } from '../../src/store/store.js';
import { TimedTasks } from '../../src/timed-tasks.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { shippedConfig, startSourceSites, type SourceSites } from '../helpers/source-sites.js';
import { FakeClock } from './harness.js';

const SLACK_CHANNEL = 'C0ALERTS';
const DISCORD_CHANNEL = '123456789012345678';

describe('an overdue GAC figure, end to end', () => {
  let sites: SourceSites;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let store: Store;
  let runner: Runner;
  let timed: TimedTasks;
  const clock = new FakeClock(Date.parse('2026-11-05T09:00:00+08:00'));

  beforeAll(async () => {
    sites = await startSourceSites();
    sites.customs.challenge = false; // plain HTTP (the browser path has its own tests)
    [slack, discord] = await Promise.all([new FakeSlack().start(), new FakeDiscord().start()]);
    store = await Store.open(`sqlite://${join(mkdtempSync(join(tmpdir(), 'regwatch-e2e-')), 'state.sqlite')}`);
    const shipped = shippedConfig();
    const logger = createLogger('silent');
    runner = new Runner({
      store,
      logger,
      now: clock.now,
      env: {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_API_URL: slack.api,
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.api,
      },
    });
    await runner.applyConfig({
      ...shipped,
      watches: shipped.watches
        .filter((w) => w.id === 'customs-stats-zh')
        .map((w) => ({ ...w, fetch: 'http' as const })),
      channels: [
        {
          id: 'desk',
          type: 'slack',
          channel: SLACK_CHANNEL,
          categories: ['export_statistics', 'overdue'],
          sources: [],
          ops: false,
          enabled: true,
        },
        { id: 'ops', type: 'discord', channel: DISCORD_CHANNEL, categories: [], sources: [], ops: true, enabled: true },
      ],
      expectations: shipped.expectations.filter((e) => e.id === 'gac-rare-earth-exports'),
    });
    timed = new TimedTasks({ runner, logger, now: clock.now });
    for (let m = 1; m <= 9; m++)
      sites.customs.release(gacRelease(m, { quantity: 4000 + m * 111.1, quantityYoy: m - 5 }));
  });
  afterAll(async () => {
    await timed.stop();
    await runner.close();
    await store.close();
    await Promise.all([slack.stop(), discord.stop(), sites.stop()]);
  });

  const check = async () => {
    const outcome = await runner.check(runner.config.watches[0]!);
    await runner.drain(Date.now() + 10_000);
    return outcome;
  };
  const tick = async () => {
    await timed.tick();
    await runner.drain(Date.now() + 10_000);
  };
  const slackTexts = () => slack.posted.map((r) => String(r.params.text));
  const discordTitles = () =>
    discord
      .channelMessages(DISCORD_CHANNEL)
      .map((r) => (r.body as { embeds: Array<{ title: string }> }).embeds[0]!.title);

  it('reports the missing October figure once on both channels, then the figure and how late it was', async () => {
    expect((await check()).status).toBe('baseline');
    await tick();
    expect(slack.posted).toHaveLength(0);

    clock.set('2026-11-15T00:00:40+08:00');
    await tick();
    await tick();
    expect(slackTexts()).toEqual([expect.stringContaining('Overdue: GAC monthly rare-earth exports (2026-10)')]);
    const blocks = JSON.stringify(slack.posted[0]!.params.blocks);
    expect(blocks).toContain('No rare_earth_exports figure for 2026-10 by end of 14 Nov 2026 (Asia/Shanghai)');
    expect(discordTitles()).toEqual(['Overdue: GAC monthly rare-earth exports (2026-10)']);

    clock.set('2026-11-16T09:30:00+08:00');
    sites.customs.release(gacRelease(10, { quantity: 4821.6, quantityYoy: 8.6 }));
    const outcome = await check();
    expect(outcome.alerts[0]?.figures).toContainEqual(
      expect.objectContaining({ metric: 'rare_earth_exports', period: '2026-10', value: 4821.6 }),
    );
    await tick();
    await tick();
    expect(slackTexts()).toHaveLength(3);
    expect(slackTexts()[2]).toContain('Arrived late: GAC monthly rare-earth exports (2026-10)');
    expect(JSON.stringify(slack.posted[2]!.params.blocks)).toContain('was published 1d 9h late');
    expect(discordTitles()).toHaveLength(3);
    expect(discordTitles()[2]).toBe('Arrived late: GAC monthly rare-earth exports (2026-10)');
  });
});
