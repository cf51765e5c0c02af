import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportsImage, quotaImage } from '../../src/charts/chart-images.js';
import { findCjkFont } from '../../src/charts/cjk-font.js';
import { DiscordDispatcher } from '../../src/chat/discord/discord-dispatch.js';
import { COMMANDS, runCommand } from '../../src/commands/index.js';
import type { CommandContext } from '../../src/commands/types.js';
import { loadHistory, readHistory } from '../../src/figures/history.js';
import { Store } from '../../src/store/store.js';
import type { Alert } from '../../src/types.js';
import { notifiers } from '../../notifiers/index.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { FakeSlack } from '../helpers/fake-slack.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height and how varied the pixels are (distinct byte values and the share of non-white bytes). */
function inspectPng(png: Buffer): { width: number; height: number; distinct: number; inked: number } {
  expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = raw.length / height;
  const seen = new Set<number>();
  let inked = 0;
  for (let row = 0; row < height; row++) {
    // First byte of a scanline is its filter type; with filters the bytes still differ only where the image does.
    for (let i = row * stride + 1; i < (row + 1) * stride; i++) {
      seen.add(raw[i]!);
      if (raw[i] !== 0 && raw[i] !== 255) inked++;
    }
  }
  return { width, height, distinct: seen.size, inked: inked / raw.length };
}

const ALERT: Alert = {
  id: 'a'.repeat(32),
  watch: { id: 'customs-stats-zh', name: 'GAC 统计数据', source: 'customs' },
  title: '（13）出口主要商品量值表（人民币值） 6月',
  url: 'https://www.customs.gov.cn/customs/302249/zfxxgk/2799825/302274/302277/index.html',
  publishedAt: '2025-07-20',
  detectedAt: '2025-07-20T08:00:00Z',
  categories: ['export_statistics'],
  figures: [
    {
      metric: 'magnet_exports',
      value: 3188,
      unit: 't',
      period: '2025-06',
      batch: null,
      change_pct: 157.5,
      change_basis: 'mom',
      evidence: '稀土永磁 3188吨',
    },
  ],
  summary: 'magnet exports 2025-06: 3,188 t, +157.5% m/m',
  severity: 'normal',
};

describe('chart PNGs', () => {
  const figures = readHistory();

  it('a chart is drawn once until its figures change', async () => {
    const first = await exportsImage(figures, 'rare_earth_exports');
    const second = await exportsImage(figures, 'rare_earth_exports');
    expect(second!.png).toBe(first!.png); // the very same buffer: no second rendering
    const changed = figures.map((f) => (f.metric === 'rare_earth_exports' ? { ...f, value: f.value * 2 } : f));
    const redrawn = await exportsImage(changed, 'rare_earth_exports');
    expect(redrawn!.png).not.toBe(first!.png);
    expect(redrawn!.png.equals(first!.png)).toBe(false);
  });

  it('the quota and exports charts are real images of the expected size, not blank', async () => {
    for (const image of [await quotaImage(figures), await exportsImage(figures, 'magnet_exports')]) {
      expect(image).not.toBeNull();
      const png = image!.png;
      expect(png.length).toBeGreaterThan(10_000);
      const { width, height, distinct, inked } = inspectPng(png);
      expect([width, height]).toEqual([900, 460]);
      expect(distinct).toBeGreaterThan(20);
      expect(inked).toBeGreaterThan(0.01);
    }
  });

  it('no chart without figures', async () => {
    expect(await quotaImage([])).toBeNull();
    expect(await exportsImage([], 'magnet_exports')).toBeNull();
  });

  it.skipIf(process.env.CI !== 'true' && !findCjkFont())('finds a CJK font for the Chinese labels', () => {
    expect(findCjkFont()?.path).toMatch(/\.(ttc|ttf|otf)$/);
  });
});

describe('charts in chat', () => {
  let dir: string;
  let store: Store;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'regwatch-charts-'));
    store = await Store.open(`sqlite://${join(dir, 's.sqlite')}`);
    await loadHistory(store, undefined, {});
    slack = await new FakeSlack().start();
    discord = await new FakeDiscord().start();
  });

  afterAll(async () => {
    await store.close();
    await slack.stop();
    await discord.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Slack: an alert with a monthly figure gets its 13-month chart uploaded into its thread (files.uploadV2)', async () => {
    const slackFactory = notifiers.slack!;
    const config = slackFactory.schema.parse({ id: 'desk', type: 'slack', channel: 'C0ALERTS', charts: true });
    const notifier = slackFactory.create(config, {
      logger,
      store,
      env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.api },
    });
    await notifier.send(ALERT);
    const post = slack.posted[0]!;
    const complete = await slack.waitFor((r) => r.method === 'files.completeUploadExternal' && !r.error);
    expect(complete.params.channel_id).toBe('C0ALERTS');
    expect(complete.params.thread_ts).toBe(post.answer?.ts);
    const [file] = JSON.parse(String(complete.params.files)) as Array<{ id: string }>;
    const bytes = slack.uploads.get(file!.id)!.bytes;
    const at = bytes.indexOf(PNG_MAGIC);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(inspectPng(bytes.subarray(at)).width).toBe(640);
  });

  it('Slack: without charts: true nothing is uploaded', async () => {
    const before = slack.calls('files.getUploadURLExternal').length;
    const slackFactory = notifiers.slack!;
    const notifier = slackFactory.create(
      slackFactory.schema.parse({ id: 'plain', type: 'slack', channel: 'C0ALERTS' }),
      {
        logger,
        store,
        env: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.api },
      },
    );
    await notifier.send({ ...ALERT, id: 'b'.repeat(32) });
    expect(slack.calls('files.getUploadURLExternal').length).toBe(before);
  });

  it('Discord: the alert embed shows its chart, sent as a multipart attachment', async () => {
    const factory = notifiers.discord!;
    const config = factory.schema.parse({
      id: 'traders',
      type: 'discord',
      channel: '123456789012345678',
      charts: true,
    });
    const notifier = factory.create(config, {
      logger,
      store,
      env: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.api },
    });
    await notifier.send(ALERT);
    const [sent] = discord.channelMessages('123456789012345678');
    expect(sent?.files?.[0]?.contentType).toBe('image/png');
    expect(sent!.files![0]!.bytes.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    const body = sent!.body as { embeds: Array<{ image?: { url: string } }>; attachments: Array<{ filename: string }> };
    expect(body.embeds[0]?.image?.url).toBe(`attachment://${sent!.files![0]!.filename}`);
    expect(body.attachments[0]?.filename).toBe(sent!.files![0]!.filename);
  });

  it('/regwatch exports magnets answers with text and a chart; Discord sends the chart on the follow-up', async () => {
    const context: CommandContext = {
      store,
      watches: () => [],
      destinations: () => Promise.resolve([]),
      refreshDestinations: () => Promise.resolve(),
      now: () => new Date('2026-12-01T00:00:00Z'),
    };
    const base = { platform: 'slack' as const, channelId: 'C0ALERTS', userId: 'U1', isAdmin: false };
    const quota = await runCommand({ ...base, name: 'quota', args: ['2024'] }, context);
    expect(quota.sections[0]?.lines[0]).toMatch(/2024 mining quota: 270,000 t/);
    expect((await quota.chart?.())?.data.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);

    const dispatcher = new DiscordDispatcher({
      context,
      specs: COMMANDS,
      run: runCommand,
      adminRoles: () => [],
      env: { DISCORD_API_URL: discord.api },
      logger,
    });
    const dispatched = await dispatcher.dispatch({
      id: '900000000000000001',
      application_id: discord.appId,
      type: 2,
      token: 'interaction-token',
      channel_id: '123456789012345678',
      member: { user: { id: '1' }, roles: [] },
      data: {
        name: 'regwatch',
        options: [{ name: 'exports', type: 1, options: [{ name: 'series', type: 3, value: 'magnets' }] }],
      },
    });
    // The text answers at once; the chart follows as a follow-up message with the PNG attached.
    expect(dispatched.response.type).toBe(4);
    expect(JSON.stringify(dispatched.response.data)).toMatch(/Rare-earth magnet exports/);
    await dispatched.later;
    const [followUp] = discord.find('POST', /^\/webhooks\/\d+\/interaction-token$/);
    expect(followUp?.files?.[0]?.bytes.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    expect(JSON.stringify(followUp?.body)).toMatch(/attachment:\/\/regwatch-magnet-exports/);
  });
});
