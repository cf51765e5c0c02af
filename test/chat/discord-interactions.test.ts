import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountDiscord, type DiscordChat } from '../../src/chat/discord/mount-discord.js';
import { startDaemon, type Daemon } from '../../src/daemon.js';
import { allFigures } from '../../src/figures/figures-store.js';
import { listSubscriptions } from '../../src/routing/subscriptions.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { LogTap } from '../helpers/log-tap.js';
import { tempConfig } from '../helpers/run-cli.js';

const GUILD = '500000000000000001';
const CHANNEL = '600000000000000001';
const ADMIN_ROLE = '700000000000000001';
/** A configured channel that was deleted on Discord. */
const DELETED_CHANNEL = '600000000000000404';
const MANAGE_CHANNELS = String(1 << 4);

interface Embed {
  title: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
}
interface InteractionReply {
  type: number;
  data?: {
    embeds?: Embed[];
    allowed_mentions?: unknown;
    flags?: number;
    choices?: Array<{ name: string; value: string | number }>;
  };
}

function keyPair(): { publicHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { publicHex: Buffer.from(x, 'base64url').toString('hex'), privateKey };
}

let seq = 0;
type Option = { name: string; type: number; value?: string | number; focused?: boolean };
const STRING = 3;
const INTEGER = 4;

/** A `/regwatch <sub>` interaction as Discord sends it (type 2 command, or 4 autocomplete). */
function command(
  sub: string,
  options: Option[] = [],
  member: { permissions?: string; roles?: string[] } = {},
  type = 2,
) {
  seq++;
  return {
    id: String(800000000000000000n + BigInt(seq)),
    application_id: '100000000000000001',
    type,
    token: `interaction-token-${seq}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '2147502080',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD },
    context: 0,
    guild_id: GUILD,
    channel_id: CHANNEL,
    member: {
      user: { id: '900000000000000001', username: 'analyst' },
      permissions: member.permissions ?? '0',
      roles: member.roles ?? [],
    },
    data: { id: '110000000000000001', name: 'regwatch', type: 1, options: [{ name: sub, type: 1, options }] },
  };
}

describe('Discord interactions endpoint on the daemon', () => {
  let site: FixtureSite;
  let fake: FakeDiscord;
  let daemon: Daemon;
  let chat: DiscordChat | undefined;
  const keys = keyPair();
  const stranger = keyPair();
  const logs = new LogTap();

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${daemon.port}/discord/interactions`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const signed = (payload: unknown, key = keys.privateKey, timestamp = String(Math.floor(Date.now() / 1000))) => {
    const body = JSON.stringify(payload);
    const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
    return post(body, { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp });
  };
  const ask = async (payload: unknown): Promise<InteractionReply> => {
    const res = await signed(payload);
    expect(res.status).toBe(200);
    return (await res.json()) as InteractionReply;
  };
  const embedText = (reply: InteractionReply) => JSON.stringify(reply.data?.embeds ?? []);
  const checkAll = async () => {
    for (const w of daemon.runner.config.watches) await daemon.runner.check(w);
  };

  beforeAll(async () => {
    site = await new FixtureSite().start();
    fake = await new FakeDiscord().start();
    fake.roles = [{ id: ADMIN_ROLE, name: 'Regwatch Admins' }];
    fake.missingChannels.add(DELETED_CHANNEL);
    site.publish({
      slug: 'old',
      title: '关于印发《原材料工业数字化转型工作方案》的通知',
      date: '2024-01-10',
      body: '数字化转型方案正文。',
    });
    site.publishFeed({
      slug: 'feed-old',
      title: 'Copper prices steady',
      date: '2024-01-09',
      body: 'Copper prices were steady on Tuesday.',
    });
    const cfg = tempConfig({
      'notify.yaml': `channels:\n  - id: deleted\n    type: discord\n    channel: "${DELETED_CHANNEL}"\n    categories: [quota_batch]\n`,
      'settings.yaml':
        'chat:\n  discordAdminRoles: ["Regwatch Admins"]\noutbox:\n  initialBackoff: 50ms\n  maxBackoff: 200ms\n',
      'watches/sites.yaml': [
        'watches:',
        '  - id: miit-list',
        '    name: MIIT 文件发布',
        '    source: miit',
        '    kind: list',
        `    url: ${site.base}/list.html`,
        '    items: "ul.zxxx_list li"',
        '    detail: div.article',
        '    every: 1h',
        '  - id: news',
        '    name: Rare earth news',
        '    source: news',
        '    kind: feed',
        `    url: ${site.base}/feed.xml`,
        '    every: 1h',
        '',
      ].join('\n'),
    });
    const env = {
      REGWATCH_STORE: cfg.store,
      // Only what the pipeline stored: no shipped figures history (config/history).
      REGWATCH_HISTORY: 'off',
      DISCORD_PUBLIC_KEY: keys.publicHex,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.api,
      DISCORD_GATEWAY: 'off',
    };
    const logger = pino({ level: 'info' }, logs.stream);
    daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      host: '127.0.0.1',
      extend: async (d) => {
        chat = await mountDiscord(d, env, logger);
        // An answer here is immediate whatever the machine's load (the first chart render can take seconds on a
        // busy CI runner); the switch to a deferred answer is tested on its own below.
        chat!.dispatcher.deferAfterMs = 60_000;
      },
    });
    // Fill the store through real pipeline runs: a baseline, then a quota notice and a customs news story.
    await checkAll();
    site.publish({
      slug: 'quota-2024-1',
      title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-02-06',
      body: '各省、自治区、直辖市工业和信息化主管部门：\n一、2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。\n二、各稀土集团要严格执行指标。',
    });
    site.publishFeed({
      slug: 'magnets-june',
      title: "China's rare earth magnet exports jump in June",
      date: '2025-07-20',
      body: "China's exports of rare earth magnets rose to 3,188 tons in June 2025, customs data showed.",
    });
    await checkAll();
  });
  afterAll(async () => {
    await daemon.stop(1000);
    await site.stop();
    await fake.stop();
  });

  it('the store was filled by the pipeline runs', async () => {
    const figures = await allFigures(daemon.runner.store);
    expect(figures.map((f) => f.metric)).toEqual(expect.arrayContaining(['mining_quota', 'magnet_exports']));
  });

  it('answers a signed PING with PONG', async () => {
    expect(chat?.gateway).toBe(false);
    expect(await ask({ id: '1', application_id: '1', type: 1, token: 't', version: 1 })).toEqual({ type: 1 });
  });

  it('refuses forged, unsigned and stale requests with 401, doing nothing', async () => {
    const admin = { permissions: MANAGE_CHANNELS };
    const forged = await signed(
      command('subscribe', [{ name: 'category', type: STRING, value: 'all' }], admin),
      stranger.privateKey,
    );
    expect(forged.status).toBe(401);
    expect((await post(JSON.stringify({ type: 1 }), {})).status).toBe(401);
    const stale = await signed({ type: 1 }, keys.privateKey, String(Math.floor(Date.now() / 1000) - 3600));
    expect(stale.status).toBe(401);
    // A valid signature over a different body does not carry over.
    const body = JSON.stringify({ type: 1 });
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = sign(null, Buffer.from(ts + body), keys.privateKey).toString('hex');
    expect((await post(`${body} `, { 'x-signature-ed25519': sig, 'x-signature-timestamp': ts })).status).toBe(401);
    expect(await listSubscriptions(daemon.runner.store)).toEqual([]);
    // Each refusal is logged with why, so an operator sees forged traffic (and a wrong DISCORD_PUBLIC_KEY).
    const refused = logs.lines.filter((l) => l.msg === 'refused a Discord interaction').map((l) => l.problem);
    expect(refused).toEqual([
      'signature does not match DISCORD_PUBLIC_KEY',
      'missing X-Signature-Ed25519 or X-Signature-Timestamp',
      'timestamp more than 5 minutes off (a replay?)',
      'signature does not match DISCORD_PUBLIC_KEY',
    ]);
  });

  it('answers each sub-command with an embed, mentions off', async () => {
    const quota = await ask(command('quota', [{ name: 'year', type: INTEGER, value: 2024 }]));
    expect(quota.type).toBe(4);
    expect(quota.data?.allowed_mentions).toEqual({ parse: [] });
    expect(quota.data?.embeds?.[0]?.title).toContain('2024');
    expect(embedText(quota)).toContain('135,000');
    expect(embedText(quota)).toContain(`${site.base}/art/quota-2024-1.html`);

    const exportsReply = await ask(command('exports', [{ name: 'series', type: STRING, value: 'magnets' }]));
    expect(embedText(exportsReply)).toContain('3,188');

    const watches = await ask(command('watches'));
    expect(embedText(watches)).toContain('miit-list');
    expect(embedText(watches)).toContain('news');

    // The deleted channel's failure (from the quota alert) shows in status with what to do.
    await expect
      .poll(async () => embedText(await ask(command('status'))), { timeout: 30_000 })
      .toContain('Unknown Channel');
    const status = await ask(command('status'));
    expect(status.data?.embeds?.[0]?.title).toBe('regwatch status: needs attention');
    expect(embedText(status)).toContain('deleted (discord): failing');
    expect(embedText(status)).toContain('fix it in notify.yaml');

    const latest = await ask(command('latest', [{ name: 'category', type: STRING, value: 'quota_batch' }]));
    expect(embedText(latest)).toContain('2024');

    const controls = await ask(command('controls'));
    expect(controls.data?.embeds?.[0]?.title).toMatch(/^Export controls/);

    const help = await ask(command('help'));
    for (const sub of ['quota', 'exports', 'controls', 'latest', 'status', 'watches', 'subscribe', 'unsubscribe'])
      expect(embedText(help)).toContain(sub);
    for (const reply of [quota, exportsReply, watches, status, latest, controls, help]) {
      expect(reply.type).toBe(4);
      expect(reply.data?.embeds).toHaveLength(1);
    }
  });

  it('autocompletes years and periods from the stored figures, and categories', async () => {
    const years = await ask(command('quota', [{ name: 'year', type: INTEGER, value: '20', focused: true }], {}, 4));
    expect(years).toEqual({ type: 8, data: { choices: [{ name: '2024', value: 2024 }] } });
    const periods = await ask(
      command(
        'exports',
        [
          { name: 'series', type: STRING, value: 'magnets' },
          { name: 'period', type: STRING, value: '2025', focused: true },
        ],
        {},
        4,
      ),
    );
    expect(periods.data?.choices?.map((c) => c.value)).toContain('2025-06');
    const categories = await ask(
      command('subscribe', [{ name: 'category', type: STRING, value: 'quota', focused: true }], {}, 4),
    );
    expect(categories.data?.choices).toEqual([{ name: 'quota_batch', value: 'quota_batch' }]);
  });

  it('refuses subscribe from a member without Manage Channels or an admin role', async () => {
    const reply = await ask(
      command('subscribe', [{ name: 'category', type: STRING, value: 'quota_batch' }], {
        permissions: '0',
        roles: ['700000000000000999'],
      }),
    );
    expect(reply.data?.flags).toBe(64);
    expect(embedText(reply)).toContain('not allowed');
    expect(await listSubscriptions(daemon.runner.store)).toEqual([]);
  });

  it('an admin (by role name) subscribes the channel, and the next alert reaches it on Discord', async () => {
    const reply = await ask(
      command(
        'subscribe',
        [
          { name: 'category', type: STRING, value: 'quota_batch' },
          { name: 'source', type: STRING, value: 'miit' },
        ],
        { roles: [ADMIN_ROLE] },
      ),
    );
    expect(reply.data?.flags).toBeUndefined();
    // Markdown is escaped in answers: quota\_batch renders as quota_batch.
    expect(reply.data?.embeds?.[0]?.description).toContain('quota\\_batch from MIIT');
    expect(await listSubscriptions(daemon.runner.store)).toEqual([
      expect.objectContaining({
        platform: 'discord',
        channelId: CHANNEL,
        categories: ['quota_batch'],
        sources: ['miit'],
      }),
    ]);
    site.publish({
      slug: 'quota-2024-2',
      title: '工业和信息化部 自然资源部关于下达2024年第二批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-08-20',
      body: '2024年第二批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。',
    });
    await checkAll();
    await expect.poll(() => fake.channelMessages(CHANNEL).length, { timeout: 30_000 }).toBe(1);
    const body = fake.channelMessages(CHANNEL)[0]!.body as {
      embeds: Array<{ url: string; title: string }>;
      allowed_mentions: unknown;
    };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]?.url).toBe(`${site.base}/art/quota-2024-2.html`);

    const off = await ask(command('unsubscribe', [], { permissions: MANAGE_CHANNELS }));
    expect(embedText(off)).toContain('no longer');
    expect(await listSubscriptions(daemon.runner.store)).toEqual([]);
  });

  it('defers a slow answer (type 5) and delivers it by editing the original response', async () => {
    const before = chat!.dispatcher.deferAfterMs;
    chat!.dispatcher.deferAfterMs = 0;
    try {
      const interaction = command('quota', [{ name: 'year', type: INTEGER, value: 2024 }]);
      expect(await ask(interaction)).toEqual({ type: 5 });
      const path = `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`;
      await expect.poll(() => fake.find('PATCH', new RegExp(`^${path}$`)).length, { timeout: 30_000 }).toBe(1);
      const edit = fake.find('PATCH', new RegExp(`^${path}$`))[0]!;
      expect(edit.headers.authorization).toBeUndefined();
      expect(JSON.stringify(edit.body)).toContain('135,000');
      expect((edit.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    } finally {
      chat!.dispatcher.deferAfterMs = before;
    }
  });
});

describe('Discord gateway', () => {
  it('with DISCORD_TOKEN set, npm start connects the gateway and answers /regwatch through the callback', async () => {
    const fake = await new FakeDiscord().start();
    const cfg = tempConfig({ 'notify.yaml': 'channels: []\n' });
    const env = {
      REGWATCH_STORE: cfg.store,
      REGWATCH_HISTORY: 'off',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.api,
    };
    const logger = pino({ level: 'silent' });
    let chat: DiscordChat | undefined;
    const daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      host: '127.0.0.1',
      extend: async (d) => void (chat = await mountDiscord(d, env, logger)),
    });
    try {
      expect(chat?.gateway).toBe(true);
      await expect.poll(() => fake.identifiedWith, { timeout: 30_000 }).toBe(fake.token);
      const interaction = command('help');
      fake.dispatchInteraction(interaction);
      const path = new RegExp(`^/interactions/${interaction.id}/${interaction.token}/callback$`);
      await expect.poll(() => fake.find('POST', path).length, { timeout: 30_000 }).toBe(1);
      const callback = fake.find('POST', path)[0]!.body as InteractionReply;
      expect(callback.type).toBe(4);
      expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(callback.data?.embeds)).toContain('subscribe');
      // No interactions endpoint without DISCORD_PUBLIC_KEY.
      expect(
        (await fetch(`http://127.0.0.1:${daemon.port}/discord/interactions`, { method: 'POST', body: '{}' })).status,
      ).toBe(404);
    } finally {
      await daemon.stop(1000);
      await fake.stop();
    }
  });
});
