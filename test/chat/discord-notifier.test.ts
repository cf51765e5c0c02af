import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordNotifier } from '../../notifiers/discord.js';
import { alertEmbed, EMBED_LIMITS, embedLength } from '../../src/chat/discord/discord-embed.js';
import { DeliveryError, type NotifierContext } from '../../src/notify/notifier.js';
import { Store } from '../../src/store/store.js';
import type { Alert, Figure } from '../../src/types.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';

const CHANNEL = '300000000000000001';
const OTHER_CHANNEL = '300000000000000002';
const WEBHOOK_ID = '400000000000000001';

const quotaFigure: Figure = {
  metric: 'mining_quota',
  value: 135000,
  unit: 't',
  period: '2024',
  batch: 1,
  change_pct: null,
  change_basis: null,
  evidence: '稀土开采总量控制指标为135000吨',
};

function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    watch: { id: 'miit-rare-earth', name: 'MIIT — 稀土', source: 'miit' },
    title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
    url: 'https://www.miit.gov.cn/doc/2024-quota.html',
    publishedAt: '2024-02-06',
    detectedAt: '2024-02-06T08:01:12Z',
    categories: ['quota_batch'],
    figures: [quotaFigure],
    summary: 'mining quota 2024 batch 1: 135,000 t',
    severity: 'high',
    type: 'change',
    ...overrides,
  };
}

describe('discord notifier', () => {
  let fake: FakeDiscord;
  let store: Store;
  let ctx: NotifierContext;

  beforeAll(async () => {
    fake = await new FakeDiscord().start();
    store = await Store.open('memory');
    ctx = { logger: pino({ level: 'silent' }), store, env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.api } };
  });
  afterAll(async () => {
    await fake.stop();
    await store.close();
  });

  const channelNotifier = (channel = CHANNEL, env = ctx.env) =>
    discordNotifier.create(discordNotifier.schema.parse({ id: 'traders', type: 'discord', channel }), { ...ctx, env });
  const webhookNotifier = (id = WEBHOOK_ID) =>
    discordNotifier.create(
      discordNotifier.schema.parse({ id: 'hook', type: 'discord', webhook: fake.webhookUrl(id) }),
      ctx,
    );
  const rejection = async (p: Promise<unknown>): Promise<DeliveryError> => {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    return error as DeliveryError;
  };

  it('renders an alert as one embed: linked title, source, categories, figures, timestamp, severity colour', () => {
    expect(alertEmbed(alert())).toEqual({
      title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
      url: 'https://www.miit.gov.cn/doc/2024-quota.html',
      author: { name: 'MIIT · MIIT — 稀土' },
      description: 'mining quota 2024 batch 1: 135,000 t',
      fields: [
        { name: 'Categories', value: '`quota_batch`', inline: false },
        {
          name: 'mining quota, 2024 · batch 1',
          value: '**135,000 t**\n> 稀土开采总量控制指标为135000吨',
          inline: true,
        },
      ],
      footer: { text: 'published 2024-02-06 · watch miit-rare-earth · alert a1b2c3d4e5f60718293a4b5c6d7e8f90' },
      timestamp: '2024-02-06T08:01:12Z',
      color: 0xd83c3e,
    });
    expect(alertEmbed(alert({ severity: 'low', categories: [] })).color).toBe(0x7f8c8d);
    expect(alertEmbed(alert({ severity: 'normal' })).color).toBe(0xe8a33d);
  });

  it('posts to a channel with the bot token, mentions off, and hostile text neutralised', async () => {
    const hostile = alert({
      id: 'hostile-1',
      title: '@everyone quota <@&123456> [click](https://evil.example) **now**',
      summary: '@here see <@987654321> and <#111>',
      diff: '- old line\n+ new ``` breakout @everyone\n+ `code`',
      type: 'change',
    });
    await channelNotifier().send(hostile);
    const [sent] = fake.channelMessages(CHANNEL);
    expect(sent?.headers.authorization).toBe(`Bot ${fake.token}`);
    const body = sent?.body as {
      embeds: Array<{ title: string; description: string }>;
      allowed_mentions: unknown;
      nonce: string;
      enforce_nonce: boolean;
    };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce).toMatch(/^[0-9a-f]{25}$/);
    const text = JSON.stringify(body.embeds);
    for (const live of ['@everyone', '@here', '<@&123456>', '<@987654321>', '<#111>']) expect(text).not.toContain(live);
    const [embed] = body.embeds;
    expect(embed?.title).toBe(
      '@\u200beveryone quota <\u200b@&123456> \\[click\\](https://evil.example) \\*\\*now\\*\\*',
    );
    // The diff stays inside one code block: the only fences are the opening and closing ones.
    const description = embed?.description ?? '';
    expect(description.match(/```/g)).toHaveLength(2);
    expect(description).toMatch(/```diff\n- old line\n\+ new `\u200b`\u200b`\u200b breakout @\u200beveryone\n/);
  });

  it('a later source of the same event is a reply to the alert, mentions and previews off; webhooks get none', async () => {
    const traders = channelNotifier();
    const a = alert({ id: 'sighted-1' });
    await traders.send(a);
    const first = fake.channelMessages(CHANNEL).at(-1);
    const firstId = (first?.answer as { id: string }).id;
    await traders.update?.(a, { url: 'https://news.example/r?id=1', source: 'Reuters @everyone <@&42>' });
    const reply = fake.channelMessages(CHANNEL).at(-1);
    expect(reply).not.toBe(first);
    expect(reply?.body).toEqual({
      content: 'Also reported by Reuters @\u200beveryone <\u200b@&42>: <https://news.example/r?id=1>',
      message_reference: { message_id: firstId, fail_if_not_exists: false },
      allowed_mentions: { parse: [], replied_user: false },
      flags: 4,
    });
    // An alert this destination never posted, and a webhook (which cannot reply): nothing is sent.
    const before = fake.requests.length;
    await traders.update?.(alert({ id: 'never-posted' }), { url: 'https://news.example/2', source: 'Xinhua' });
    await webhookNotifier().update?.(a, { url: 'https://news.example/3', source: 'Xinhua' });
    expect(fake.requests.length).toBe(before);
  });

  it('cuts oversized alerts to Discord’s limits with a note instead of being rejected', async () => {
    const figures = Array.from({ length: 40 }, (_, i): Figure => ({
      ...quotaFigure,
      metric: `metric_${i}`,
      evidence: '证据'.repeat(400),
    }));
    const big = alert({
      id: 'big-1',
      title: '稀土'.repeat(300),
      summary: 'S'.repeat(9000),
      diff: Array.from({ length: 3000 }, (_, i) => `+ line ${i} with \`backticks\``).join('\n'),
      figures,
    });
    const embed = alertEmbed(big);
    expect(embed.title?.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(embed.title?.endsWith('…')).toBe(true);
    expect(embed.description?.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embed.fields?.length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(embed.fields?.at(-1)).toMatchObject({
      name: 'More figures',
      value: expect.stringMatching(/^\d+ more figures in the document/) as unknown,
    });
    expect(embed.description).toContain('(cut to fit Discord)');
    // The fake enforces the same limits as Discord (400 / 50035): it accepts the message.
    await channelNotifier().send(big);
    expect(
      fake
        .channelMessages(CHANNEL)
        .some((r) =>
          (r.body as { embeds?: Array<{ footer: { text: string } }> }).embeds?.[0]?.footer.text.includes('big-1'),
        ),
    ).toBe(true);
  });

  it('webhooks honour a 429 retry_after: the message goes out once, after the wait', async () => {
    const before = fake.requests.length;
    fake.respondNext({
      path: /^\/webhooks\//,
      status: 429,
      // Only the body says how long: discord.js alone reads headers and would retry at once.
      body: { message: 'You are being rate limited.', retry_after: 0.4, global: false },
    });
    await webhookNotifier().send(alert({ id: 'rate-1' }));
    const tries = fake.requests.slice(before);
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(390);
    expect(tries[1]!.query.get('wait')).toBe('true');
    expect(tries[1]!.headers.authorization).toBeUndefined();
    expect((tries[1]!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('webhooks wait for an exhausted X-RateLimit bucket before the next message', async () => {
    const id = '400000000000000009';
    const bucket = (remaining: number) => ({
      path: new RegExp(`^/webhooks/${id}/`),
      status: 200,
      body: { id: '1', channel_id: '1' },
      headers: {
        'x-ratelimit-limit': '2',
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset-after': '0.5',
        'x-ratelimit-bucket': 'wh9',
      },
    });
    fake.respondNext(bucket(1));
    fake.respondNext(bucket(0));
    const notifier = webhookNotifier(id);
    for (const n of [1, 2, 3]) await notifier.send(alert({ id: `bucket-${n}` }));
    const sent = fake.find('POST', new RegExp(`^/webhooks/${id}/`));
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200]);
    // The second answer said the bucket is empty for 0.5 s: the third message waited for the reset.
    expect(sent[2]!.at - sent[1]!.at).toBeGreaterThanOrEqual(450);
  });

  it('a long rate limit is handed to the outbox with its wait, without sending twice', async () => {
    const id = '400000000000000010';
    fake.respondNext({
      path: new RegExp(`^/webhooks/${id}/`),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
    });
    const error = await rejection(webhookNotifier(id).send(alert({ id: 'long-1' })));
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(fake.find('POST', new RegExp(`^/webhooks/${id}/`))).toHaveLength(1);
  });

  it('retries 5xx: once at once, then as a retryable failure the outbox backs off from', async () => {
    const channel = '300000000000000005';
    fake.respondNext({
      path: new RegExp(`^/channels/${channel}/`),
      status: 503,
      body: { message: 'unavailable' },
      times: 3,
    });
    const notifier = channelNotifier(channel);
    const error = await rejection(notifier.send(alert({ id: 'flaky-1' })));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('503');
    await notifier.send(alert({ id: 'flaky-1' }));
    expect(fake.find('POST', new RegExp(`^/channels/${channel}/`)).map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect(fake.channelMessages(channel)).toHaveLength(1);
  });

  it('a missing channel, a hidden channel, a bad token or a deleted webhook fail for good, with a hint and no token', async () => {
    fake.missingChannels.add('300000000000000404');
    fake.hiddenChannels.add('300000000000000403');
    fake.missingWebhooks.add('400000000000000404');
    const missing = await rejection(channelNotifier('300000000000000404').send(alert()));
    expect([missing.retryable, missing.message]).toEqual([
      false,
      'discord channel 300000000000000404: HTTP 404 Unknown Channel (code 10003)',
    ]);
    expect(missing.hint).toContain('fix it in notify.yaml');
    const hidden = await rejection(channelNotifier('300000000000000403').send(alert()));
    expect([hidden.retryable, hidden.hint]).toEqual([false, expect.stringContaining('invite it') as unknown]);
    const badToken = 'revoked-token-SECRET';
    const refused = await rejection(channelNotifier(CHANNEL, { ...ctx.env, DISCORD_TOKEN: badToken }).send(alert()));
    expect([refused.retryable, refused.hint]).toEqual([false, expect.stringContaining('Reset Token') as unknown]);
    const gone = await rejection(webhookNotifier('400000000000000404').send(alert()));
    expect([gone.retryable, gone.hint]).toEqual([false, expect.stringContaining('create a new webhook') as unknown]);
    for (const e of [missing, hidden, refused, gone]) {
      expect(`${e.message} ${e.hint}`).not.toContain(badToken);
      expect(`${e.message} ${e.hint}`).not.toContain('Wh-token_abc');
    }
    const noToken = await rejection(channelNotifier(CHANNEL, { DISCORD_API_URL: fake.api }).send(alert()));
    expect([noToken.retryable, noToken.hint]).toEqual([false, expect.stringContaining('set DISCORD_TOKEN') as unknown]);
  });

  it('config: a channel id alone is enough (token from DISCORD_TOKEN); exactly one of channel or webhook', () => {
    expect(discordNotifier.schema.parse({ id: 'd', type: 'discord', channel: CHANNEL })).toMatchObject({
      channel: CHANNEL,
      token_env: 'DISCORD_TOKEN',
      categories: [],
    });
    expect(discordNotifier.schema.safeParse({ id: 'd', type: 'discord' }).success).toBe(false);
    expect(
      discordNotifier.schema.safeParse({ id: 'd', type: 'discord', channel: CHANNEL, webhook: fake.webhookUrl('1') })
        .success,
    ).toBe(false);
    expect(
      discordNotifier.schema.safeParse({ id: 'd', type: 'discord', channel: '#rare-earths' }).error?.issues[0]?.message,
    ).toContain('Copy Channel ID');
    expect(
      discordNotifier.schema.safeParse({ id: 'd', type: 'discord', webhook: 'https://example.com/hook' }).success,
    ).toBe(false);
  });

  it('end to end with `once`: a dead channel does not hold up the others, and no token reaches the output', async () => {
    const site = await new FixtureSite().start();
    try {
      fake.missingChannels.add(OTHER_CHANNEL);
      site.publish({ slug: 'old', title: '旧文件', date: '2025-01-01', body: '旧正文。' });
      const cfg = tempConfig({
        'notify.yaml': `channels:\n  - id: dead\n    type: discord\n    channel: "${OTHER_CHANNEL}"\n  - id: live\n    type: discord\n    channel: "${CHANNEL}"\n  - id: hook\n    type: discord\n    webhook: \${HOOK_URL}\n`,
        'watches/site.yaml': `watches:\n  - id: miit-list\n    name: MIIT 文件发布\n    source: miit\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    detail: div.article\n`,
      });
      const env = {
        REGWATCH_STORE: cfg.store,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.api,
        HOOK_URL: fake.webhookUrl('400000000000000077'),
        REGWATCH_LOG_LEVEL: 'info',
      };
      expect((await runCli(['once', '--config', cfg.dir], env)).code).toBe(0);
      site.publish({
        slug: 'quota-2024-1',
        title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
        date: '2024-02-06',
        body: '2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。',
      });
      const before = fake.channelMessages(CHANNEL).length;
      const r = await runCli(['once', '--config', cfg.dir, '--deliver-timeout', '20s'], env);
      expect(r.code).toBe(0);
      const delivered = fake.channelMessages(CHANNEL).slice(before);
      expect(delivered).toHaveLength(1);
      const embed = (delivered[0]!.body as { embeds: Array<{ url: string; fields: Array<{ name: string }> }> })
        .embeds[0]!;
      expect(embed.url).toBe(`${site.base}/art/quota-2024-1.html`);
      expect(embed.fields.map((f) => f.name)).toEqual(
        expect.arrayContaining(['Categories', 'mining quota, 2024 · batch 1']),
      );
      expect(fake.find('POST', /^\/webhooks\/400000000000000077\//).filter((q) => q.status === 200)).toHaveLength(1);
      expect(r.stdout + r.stderr).toContain('fix it in notify.yaml');
      expect(r.stdout + r.stderr).not.toContain(fake.token);
      expect(r.stdout + r.stderr).not.toContain('Wh-token_abc');
    } finally {
      await site.stop();
    }
  });
});
