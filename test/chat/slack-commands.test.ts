import { postSignedBySlack } from '../helpers/slack-signed.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountChat } from '../../src/chat/mount-chat.js';
import { startDaemon, type Daemon } from '../../src/daemon.js';
import { getSubscription } from '../../src/routing/subscriptions.js';
import { FakeSlack, type SlackRequest } from '../helpers/fake-slack.js';
import { LogTap } from '../helpers/log-tap.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { tempConfig } from '../helpers/run-cli.js';

const SECRET = 'signing-secret-for-tests';
const TOKEN = 'xoxb-test-token';

type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };
/** Everything the asker sees in an answer. */
const shown = (r: SlackRequest) =>
  [
    String(r.params.text),
    ...(r.params.blocks as Block[]).flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)]),
  ].join('\n');

describe('/regwatch over Slack: signed requests to the running bot, answered from a store filled by real checks', () => {
  let site: FixtureSite;
  let fake: FakeSlack;
  let daemon: Daemon;
  const logs = new LogTap();
  let n = 0;

  /** POST a slash command to /slack/events as Slack would; resolves with the HTTP status and, later, the answer. */
  async function slash(
    text: string,
    opts: { user?: string; channel?: string; ts?: number; secret?: string; noTimestamp?: boolean } = {},
  ) {
    const id = `r${++n}`;
    const body = new URLSearchParams({
      token: 'legacy',
      team_id: 'T0FAKE',
      channel_id: opts.channel ?? 'C0TEAM',
      user_id: opts.user ?? 'U0ADMIN',
      command: '/regwatch',
      text,
      response_url: fake.responseUrl(id),
      trigger_id: 't1',
      api_app_id: 'A0APP',
    }).toString();
    const res = await postSignedBySlack(`http://127.0.0.1:${daemon.port}/slack/events`, body, opts.secret ?? SECRET, {
      ...(opts.ts !== undefined ? { ts: opts.ts } : {}),
      ...(opts.noTimestamp ? { noTimestamp: true } : {}),
    });
    await res.text();
    return { status: res.status, id, answer: () => fake.waitFor((r) => r.path === `/respond/${id}`) };
  }

  beforeAll(async () => {
    site = await new FixtureSite().start();
    fake = await new FakeSlack().start();
    fake.channels.add('C0TEAM').add('C0GONE');
    fake.channels.delete('C0GONE');
    fake.users.set('U0OWNER', { id: 'U0OWNER', is_owner: true });
    fake.users.set('U0USER', { id: 'U0USER' });
    site.publish({ slug: 'old', title: '旧文件', date: '2024-01-01', body: '旧正文。' });
    const cfg = tempConfig({
      'notify.yaml':
        'channels:\n  - id: desk\n    type: slack\n    channel: C0ALERTS\n    categories: [control_list_addition]\n  - id: gone\n    type: slack\n    channel: C0GONE\n',
      'settings.yaml': 'outbox:\n  initialBackoff: 50ms\n  maxBackoff: 200ms\nchat:\n  slackAdmins: [U0ADMIN]\n',
      'watches/site.yaml': `watches:\n  - id: miit-rare-earth\n    name: MIIT 原材料工业司\n    source: miit\n    kind: list\n    every: 24h\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    detail: div.article\n`,
    });
    const env = {
      REGWATCH_STORE: cfg.store,
      // Only what the pipeline stored: no shipped figures history (config/history).
      REGWATCH_HISTORY: 'off',
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.api,
    };
    const logger = pino({ level: 'info' }, logs.stream);
    daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      host: '127.0.0.1',
      extend: (d) => mountChat(d, env, logger),
    });
    await daemon.runner.checkAll(); // baseline
    site.publish({
      slug: 'quota-2024-1',
      title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-02-06',
      body: '现将2024年第一批稀土开采、冶炼分离总量控制指标下达给你们，分别为135000吨、127000吨。',
    });
    site.publish({
      slug: 'ann-18',
      title: '商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定',
      date: '2025-04-04',
      body: '根据《中华人民共和国出口管制法》，决定对钐、钆、铽、镝、镥、钪、钇类相关物项实施出口管制。',
    });
    site.publish({
      slug: 'magnets-2025-06',
      title: '海关总署：6月稀土永磁出口量环比大增',
      date: '2025-07-20',
      body: '海关总署数据显示，2025年6月中国出口稀土永磁3188吨，环比增长157.5%，同比下降38.1%。',
    });
    await daemon.runner.checkAll();
    // the dead channel's first failure is recorded before status is asked
    await logs.waitFor((l) => l.destination === 'gone' && l.msg === 'delivery failed');
  });
  afterAll(async () => {
    await daemon?.stop(500);
    await site.stop();
    await fake.stop();
  });

  it('refuses a forged signature, a missing timestamp and replays older or newer than five minutes with 401, and does nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const attempts = await Promise.all([
      slash('subscribe quota_batch', { secret: 'not-the-secret' }),
      slash('subscribe quota_batch', { noTimestamp: true }),
      slash('subscribe quota_batch', { ts: now - 6 * 60 }),
      slash('subscribe quota_batch', { ts: now + 6 * 60 }),
    ]);
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    // a good request afterwards is answered; none of the refused ones was
    const good = await slash('help');
    expect(good.status).toBe(200);
    await good.answer();
    expect(fake.requests.filter((r) => attempts.some((a) => r.path === `/respond/${a.id}`))).toEqual([]);
    expect(await getSubscription(daemon.runner.store, 'slack', 'C0TEAM')).toBeUndefined();
  });

  it('quota answers from the figures the pipeline stored, naming the source and date, in the channel', async () => {
    const r = await slash('quota 2024');
    expect(r.status).toBe(200);
    const answer = await r.answer();
    expect(answer.params.response_type).toBe('in_channel');
    const text = shown(answer);
    expect(text).toContain('2024 mining quota: 135,000 t so far (batch 1), smelting 127,000 t so far (batch 1)');
    expect(text).toContain(
      `<${site.base}/art/quota-2024-1.html|MIIT: 工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知> — 2024-02-06`,
    );
  });

  it('exports magnets 2025-06, controls and latest answer with figures, dates and sources', async () => {
    const [exp, controls, latest] = await Promise.all([
      slash('exports magnets 2025-06'),
      slash('controls'),
      slash('latest quota_batch'),
    ]);
    const e = shown(await exp.answer());
    expect(e).toContain('Rare-earth magnet exports, 2025-06: 3,188 t (+157.5% m/m, −38.1% y/y)');
    expect(e).toContain('— 2025-07-20');
    const c = shown(await controls.answer());
    expect(c).toContain(
      '2025-04-04 · control list addition · MIIT: 商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定\n',
    );
    expect(c).not.toContain('总量控制指标的通知');
    const l = shown(await latest.answer());
    expect(l).toContain('2024-02-06 · quota batch · MIIT: 工业和信息化部 自然资源部关于下达2024年第一批');
    expect(l).not.toContain('出口管制');
  });

  it('status shows watch health and the dead channel with what to do; watches lists the watch; only the asker sees them', async () => {
    const [status, watches] = await Promise.all([slash('status'), slash('watches')]);
    const s = await status.answer();
    expect(s.params.response_type).toBe('ephemeral');
    const text = shown(s);
    expect(text).toMatch(/1 watch: 1 ok, 0 failing\. Last check \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./);
    expect(text).toContain('gone (slack): failing');
    expect(text).toContain('channel_not_found. What to do: the channel does not exist or the bot cannot see it');
    expect(text).toContain('desk (slack): ok');
    const w = shown(await watches.answer());
    expect(w).toMatch(/miit-rare-earth\s+MIIT\s+list\s+every 24h\s+MIIT 原材料工业司/);
  });

  it('unknown input gets the help text', async () => {
    const text = shown(await (await slash('make coffee')).answer());
    expect(text).toContain('I don\'t know "make". Here is what /regwatch can do:');
    expect(text).toContain('/regwatch quota [YEAR]');
    expect(text).toContain('/regwatch subscribe CATEGORY… [source:SOURCE]');
  });

  it('subscribe by a non-admin is refused and changes nothing', async () => {
    const r = await slash('subscribe quota_batch', { user: 'U0USER' });
    const answer = await r.answer();
    expect(answer.params.response_type).toBe('ephemeral');
    expect(shown(answer)).toContain('Only regwatch admins can change');
    expect(await getSubscription(daemon.runner.store, 'slack', 'C0TEAM')).toBeUndefined();
    expect(fake.calls('users.info').map((c) => c.params.user)).toContain('U0USER');
  });

  it('subscribe by a workspace owner changes where the next alert goes', async () => {
    const r = await slash('subscribe quota_batch source:miit', { user: 'U0OWNER' });
    expect(shown(await r.answer())).toContain('This channel now gets alerts about quota_batch from MIIT');
    expect(fake.posted.some((p) => p.params.channel === 'C0TEAM')).toBe(false);

    site.publish({
      slug: 'quota-2024-2',
      title: '工业和信息化部 自然资源部关于下达2024年第二批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-08-16',
      body: '现将2024年第二批稀土开采、冶炼分离总量控制指标下达给你们，分别为135000吨、127000吨。',
    });
    await daemon.runner.checkAll();
    const post = await fake.waitFor(
      (p) => p.method === 'chat.postMessage' && p.params.channel === 'C0TEAM' && p.status === 200 && !p.error,
    );
    expect(shown(post)).toContain('第二批稀土开采');
    expect(shown(post)).toMatch(/mining quota\s+2024\s+2\s+135,000 t/);
    // desk only takes control-list additions: the quota alert did not go there
    expect(
      fake.posted
        .filter((p) => p.params.channel === 'C0ALERTS')
        .map((p) => shown(p))
        .join('\n'),
    ).not.toContain('第二批');

    const quota = shown(await (await slash('quota')).answer());
    expect(quota).toContain('2024 mining quota: 270,000 t so far (sum of batches 1, 2: 135,000 + 135,000)');
  });

  it('never logs the token or the signing secret', () => {
    const all = JSON.stringify(logs.lines);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });
});

describe('/regwatch over Slack Socket Mode (SLACK_APP_TOKEN set)', () => {
  let fake: FakeSlack;
  let daemon: Daemon;

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    const cfg = tempConfig({ 'notify.yaml': 'channels: []\n', 'watches/none.yaml': 'watches: []\n' });
    const env = {
      REGWATCH_STORE: cfg.store,
      // Only what the pipeline stored: no shipped figures history (config/history).
      REGWATCH_HISTORY: 'off',
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: fake.api,
    };
    const logger = pino({ level: 'silent' });
    daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      host: '127.0.0.1',
      extend: (d) => mountChat(d, env, logger),
    });
    await fake.socketConnected();
  });
  afterAll(async () => {
    await daemon?.stop(500);
    await fake.stop();
  });

  it('acks the envelope over the socket and answers through response_url; no HTTP endpoint is opened', async () => {
    const ack = await fake.pushSlashCommand({
      command: '/regwatch',
      text: 'help',
      user_id: 'U0USER',
      channel_id: 'C0TEAM',
      team_id: 'T0FAKE',
      response_url: fake.responseUrl('socket-1'),
      trigger_id: 't',
      api_app_id: 'A0APP',
    });
    expect(ack.envelope_id).toMatch(/^env-/);
    const answer = await fake.waitFor((r) => r.path === '/respond/socket-1');
    expect(shown(answer)).toContain('/regwatch quota [YEAR]');
    expect(fake.calls('apps.connections.open')[0]?.token).toBe('xapp-test-token');
    const res = await fetch(`http://127.0.0.1:${daemon.port}/slack/events`, { method: 'POST', body: '' });
    expect(res.status).toBe(404);
  });
});
