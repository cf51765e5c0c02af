import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackNotifier } from '../../notifiers/slack.js';
import { DeliveryError, type Notifier } from '../../src/notify/notifier.js';
import { Store } from '../../src/store/store.js';
import type { Alert } from '../../src/types.js';
import { FakeSlack, type SlackRequest } from '../helpers/fake-slack.js';
import { FixtureSite } from '../helpers/fixture-site.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';

const TOKEN = 'xoxb-test-token';

type Block = {
  type: string;
  text?: { type: string; text: string; verbatim?: boolean };
  elements?: Array<{ text: string }>;
};
const blocksOf = (r: SlackRequest) => r.params.blocks as Block[];
/** Everything a person could see in a message: fallback text and every block's text. */
const visible = (r: SlackRequest) =>
  [
    String(r.params.text),
    ...blocksOf(r).flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)]),
  ].join('\n');

function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: `a-${Math.random().toString(36).slice(2)}`,
    watch: { id: 'miit-rare-earth', name: 'MIIT — 稀土', source: 'miit' },
    title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
    url: 'https://www.miit.gov.cn/doc/2024-1.html',
    publishedAt: '2024-02-06',
    detectedAt: '2024-02-06T08:01:12Z',
    categories: ['quota_batch'],
    figures: [
      {
        metric: 'mining_quota',
        value: 135000,
        unit: 't',
        period: '2024',
        batch: 1,
        change_pct: null,
        change_basis: null,
        evidence: '135000吨',
      },
    ],
    summary: 'MIIT issues the first batch of 2024 quotas',
    severity: 'high',
    ...overrides,
  };
}

describe('Slack notifier against a fake Slack Web API', () => {
  let fake: FakeSlack;
  let store: Store;
  let logs = '';
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logs += chunk.toString();
        done();
      },
    }),
  );

  function notifier(config: Record<string, unknown>): Notifier {
    const parsed = slackNotifier.schema.parse({ id: 'desk', type: 'slack', minInterval: '0ms', ...config });
    return slackNotifier.create(parsed, { logger, store, env: { SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.api } });
  }

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    fake.channels.add('C0PACE');
    const dir = tempConfig({});
    store = await Store.open(dir.store);
  });
  afterAll(async () => {
    await store.close();
    await fake.stop();
  });

  it('posts the Block Kit layout: header, categories, summary, figures table, link, context; unfurling off; token only in the header', async () => {
    await notifier({ channel: 'C0ALERTS' }).send(
      alert({
        figures: [
          {
            metric: 'mining_quota',
            value: 135000,
            unit: 't',
            period: '2024',
            batch: 1,
            change_pct: 12.5,
            change_basis: 'yoy',
            evidence: '',
          },
          {
            metric: 'smelting_quota',
            value: 127000,
            unit: 't',
            period: '2024',
            batch: 1,
            change_pct: null,
            change_basis: null,
            evidence: '',
          },
        ],
      }),
    );
    const post = fake.posted.at(-1) as SlackRequest;
    expect(post.method).toBe('chat.postMessage');
    expect(post.token).toBe(TOKEN);
    expect(JSON.stringify(post.params)).not.toContain(TOKEN);
    expect(post.params.channel).toBe('C0ALERTS');
    expect(post.params.unfurl_links).toBe('false');
    expect(post.params.unfurl_media).toBe('false');
    const blocks = blocksOf(post);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'section', 'section', 'context']);
    expect(blocks[0]?.text?.text).toBe(
      'MIIT · 工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
    );
    expect(blocks[1]?.elements?.[0]?.text).toContain('`quota batch`');
    const table = blocks[3]?.text?.text ?? '';
    expect(table).toMatch(/Metric\s+Period\s+Batch\s+Value\s+Change/);
    expect(table).toMatch(/mining quota\s+2024\s+1\s+135,000 t\s+\+12\.5% y\/y/);
    expect(table).toMatch(/smelting\/separation quota\s+2024\s+1\s+127,000 t/);
    expect(blocks[4]?.text?.text).toBe(
      '<https://www.miit.gov.cn/doc/2024-1.html|Open the document> · published 2024-02-06',
    );
    expect(blocks[5]?.elements?.[0]?.text).toBe(
      'Detected 2024-02-06 08:01:12 UTC · watch `miit-rare-earth` · MIIT — 稀土',
    );
    expect(post.params.text).toContain('[MIIT] 工业和信息化部');
    expect(logs).not.toContain(TOKEN);
  });

  it('escapes and neutralises hostile watched text: no ping, no fake link, no escape from the code block', async () => {
    await notifier({ channel: 'C0ALERTS' }).send(
      alert({
        title: 'Notice <!channel> & <@U0ADMIN> @everyone',
        summary: 'see <https://evil.example|the real MIIT> <!here> @channel & more',
        url: 'https://example.gov/a?x=1&y=<b>|c',
        diff: '+ added line <!everyone>\n```\n*boom* <@U0ADMIN>\n- removed @here',
      }),
    );
    const post = fake.posted.at(-1) as SlackRequest;
    const text = visible(post);
    for (const bad of [
      '<!channel>',
      '<!here>',
      '<!everyone>',
      '<@U0ADMIN>',
      '<https://evil.example|',
      '@everyone',
      '@channel',
      '@here',
    ]) {
      expect(text).not.toContain(bad);
    }
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U0ADMIN&gt;');
    expect(text).toContain('@\u200beveryone');
    // the link cannot be split by | or closed by >
    expect(text).toContain('<https://example.gov/a?x=1&amp;y=%3Cb%3E%7Cc|Open the document>');
    // the diff stays inside one code block: exactly two fences
    const diffBlock = blocksOf(post).find((b) => b.text?.text.startsWith('*Changes*'))?.text?.text ?? '';
    expect(diffBlock.match(/```/g)).toHaveLength(2);
    // mrkdwn from watched pages is verbatim: Slack does not link-ify names in it
    expect(
      blocksOf(post)
        .filter((b) => b.type === 'section')
        .every((b) => b.text?.verbatim === true),
    ).toBe(true);
  });

  it('cuts a huge diff with a note and stays within Block Kit limits instead of being rejected', async () => {
    const diff = Array.from({ length: 5000 }, (_, i) => `+ 第${i}行：稀土出口管制相关物项清单调整说明`).join('\n');
    await notifier({ channel: 'C0ALERTS' }).send(alert({ diff, title: 'x'.repeat(400), summary: 's'.repeat(5000) }));
    const post = fake.posted.at(-1) as SlackRequest;
    const blocks = blocksOf(post);
    expect((blocks[0]?.text?.text ?? '').length).toBeLessThanOrEqual(150);
    const diffBlock = blocks.find((b) => b.text?.text.startsWith('*Changes*'))?.text?.text ?? '';
    expect(diffBlock.length).toBeLessThanOrEqual(3000);
    expect(diffBlock).toMatch(/… \d+ more line\(s\) cut\n```$/);
    expect(diffBlock).toContain('+ 第0行');
  });

  it('keeps about one message per second per channel', async () => {
    const paced = notifier({ channel: 'C0PACE', minInterval: '1s' });
    const asked = Date.now();
    await Promise.all([paced.send(alert()), paced.send(alert())]);
    const posted = fake.posted.filter((r) => r.params.channel === 'C0PACE');
    expect(posted).toHaveLength(2);
    // The second one left no sooner than a second after both were asked for (a loaded machine only delays it
    // further; comparing the two arrivals would also count how long the first one took to get there).
    expect(posted[1]!.at - asked).toBeGreaterThanOrEqual(1000);
  });

  it('channel_not_found and invalid_auth are permanent failures with what to do', async () => {
    const gone = notifier({ channel: 'C0GONE' }).send(alert());
    await expect(gone).rejects.toBeInstanceOf(DeliveryError);
    await expect(gone).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('channel_not_found') as string,
      hint: expect.stringContaining('/invite') as string,
    });

    const badToken = slackNotifier.create(
      slackNotifier.schema.parse({ id: 'x', type: 'slack', channel: 'C0ALERTS', minInterval: 0 }),
      {
        logger,
        store,
        env: { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_API_URL: fake.api },
      },
    );
    await expect(badToken.send(alert())).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('invalid_auth') as string,
      hint: expect.stringContaining('SLACK_BOT_TOKEN') as string,
    });
    expect(logs).not.toContain('xoxb-revoked');
  });

  it('a 429 is retryable after Retry-After and holds the channel back that long; a 5xx is retryable', async () => {
    fake.answerNext({ method: 'chat.postMessage', status: 429, headers: { 'retry-after': '1' } });
    await expect(notifier({ channel: 'C0ALERTS' }).send(alert())).rejects.toMatchObject({
      retryable: true,
      retryAfterMs: 1000,
    });
    fake.answerNext({ method: 'chat.postMessage', status: 503 });
    await expect(notifier({ channel: 'C0ALERTS' }).send(alert())).rejects.toMatchObject({
      retryable: true,
      message: expect.stringContaining('HTTP 503') as string,
    });
    const [limited, failed] = fake.calls('chat.postMessage').slice(-2);
    expect([limited?.status, failed?.status]).toEqual([429, 503]);
    expect(failed!.at - limited!.at).toBeGreaterThanOrEqual(950);
  });

  it('blocks refused by Slack: the alert still goes out as plain text', async () => {
    fake.answerNext({ method: 'chat.postMessage', error: 'invalid_blocks' });
    const a = alert();
    await notifier({ channel: 'C0ALERTS' }).send(a);
    const post = fake.posted.at(-1) as SlackRequest;
    expect(post.params.blocks).toBeUndefined();
    expect(post.params.text).toContain('[MIIT] 工业和信息化部');
    expect(post.params.text).toContain(`<${a.url}|Open the document>`);
  });

  it('incoming webhook: JSON with blocks and unfurling off; 429, gone webhook and 5xx mapped', async () => {
    const hook = notifier({ webhook: fake.hookUrl() });
    await hook.send(alert());
    const post = fake.posted.at(-1) as SlackRequest;
    expect(post.method).toBe('hook');
    expect(post.token).toBeNull();
    expect(post.params.unfurl_links).toBe(false);
    expect(blocksOf(post)[0]?.type).toBe('header');

    fake.answerNext({ method: 'hook', status: 429, headers: { 'retry-after': '1' } });
    await expect(hook.send(alert())).rejects.toMatchObject({ retryable: true, retryAfterMs: 1000 });
    fake.answerNext({ method: 'hook', status: 404, error: 'no_service' });
    await expect(hook.send(alert())).rejects.toMatchObject({
      retryable: false,
      hint: expect.stringContaining('webhook') as string,
    });
    fake.answerNext({ method: 'hook', status: 500 });
    await expect(hook.send(alert())).rejects.toMatchObject({ retryable: true });
  });

  it("a later source of the same event is a reply in the alert's thread, escaped; webhooks and unknown alerts get none", async () => {
    const desk = notifier({ channel: 'C0ALERTS' });
    const a = alert();
    await desk.send(a);
    const first = fake.posted.at(-1) as SlackRequest;
    const ts = first.answer?.ts;
    expect(ts).toMatch(/^\d+\.\d+$/);
    await desk.update?.(a, { url: 'https://news.example/r?id=1&x=<y>', source: 'Reuters <!channel>' });
    const reply = fake.posted.at(-1) as SlackRequest;
    expect(reply).not.toBe(first);
    expect(reply.params.thread_ts).toBe(ts);
    expect(reply.params.channel).toBe('C0ALERTS');
    expect(reply.params.text).toBe(
      'Also reported by Reuters &lt;!channel&gt;: <https://news.example/r?id=1&amp;x=%3Cy%3E|https://news.example/r?id=1&amp;x=&lt;y&gt;>',
    );
    expect(String(reply.params.unfurl_links)).toBe('false');
    // An alert this destination never posted, and a webhook destination (no thread to reply in): nothing is sent.
    const before = fake.requests.length;
    await desk.update?.(alert(), { url: 'https://news.example/2', source: 'Xinhua' });
    const hook = notifier({ webhook: fake.hookUrl() });
    const b = alert();
    await hook.send(b);
    await hook.update?.(b, { url: 'https://news.example/3', source: 'Xinhua' });
    expect(fake.requests.length).toBe(before + 1);
  });

  it('config needs exactly one of channel and webhook', () => {
    expect(slackNotifier.schema.safeParse({ id: 'd', type: 'slack' }).success).toBe(false);
    expect(
      slackNotifier.schema.safeParse({ id: 'd', type: 'slack', channel: 'C1', webhook: 'https://hooks.slack.com/x' })
        .success,
    ).toBe(false);
    expect(slackNotifier.schema.safeParse({ id: 'd', type: 'slack', channel: 'C1' }).success).toBe(true);
  });
});

describe('Slack delivery through the pipeline (regwatch once)', () => {
  let site: FixtureSite;
  let fake: FakeSlack;
  let cfg: { dir: string; store: string };
  const env = () => ({
    REGWATCH_STORE: cfg.store,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_API_URL: fake.api,
    REGWATCH_LOG_LEVEL: 'info',
  });

  beforeAll(async () => {
    site = await new FixtureSite().start();
    fake = await new FakeSlack().start();
    fake.channels.add('C0OTHER');
    site.publish({ slug: 'old', title: '旧文件', date: '2024-01-01', body: '旧正文。' });
    cfg = tempConfig({
      'notify.yaml':
        'channels:\n  - id: desk\n    type: slack\n    channel: C0ALERTS\n  - id: gone\n    type: slack\n    channel: C0GONE\n  - id: other\n    type: slack\n    channel: C0OTHER\n',
      'settings.yaml': 'outbox:\n  initialBackoff: 50ms\n  maxBackoff: 200ms\n',
      'watches/miit.yaml': `watches:\n  - id: miit-rare-earth\n    name: MIIT 原材料工业司\n    source: miit\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    detail: div.article\n`,
    });
    expect((await runCli(['once', '--config', cfg.dir], env())).code).toBe(0);
  });
  afterAll(async () => {
    await site.stop();
    await fake.stop();
  });

  it('a 429 with Retry-After and a 503 delay the alert but it arrives once per channel; a missing channel is reported and blocks nothing', async () => {
    site.publish({
      slug: 'quota-2024-1',
      title: '工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知',
      date: '2024-02-06',
      body: '现将2024年第一批稀土开采、冶炼分离总量控制指标下达给你们，分别为135000吨、127000吨。',
    });
    fake.answerNext({ method: 'chat.postMessage', channel: 'C0ALERTS', status: 429, headers: { 'retry-after': '1' } });
    fake.answerNext({ method: 'chat.postMessage', channel: 'C0ALERTS', status: 503 });
    const r = await runCli(['once', '--config', cfg.dir, '--deliver-timeout', '3s'], env());
    expect(r.code).toBe(0);

    const posts = fake.calls('chat.postMessage');
    const ok = fake.posted;
    expect(ok.map((p) => p.params.channel).sort()).toEqual(['C0ALERTS', 'C0OTHER']);
    // the 429 was honoured: the next post to Slack waited for Retry-After
    const desk = posts.filter((p) => p.params.channel === 'C0ALERTS');
    expect(desk.map((p) => p.status)).toEqual([429, 503, 200]);
    expect(desk[1]!.at - desk[0]!.at).toBeGreaterThanOrEqual(950);
    // the quota figures reached Slack
    expect(visible(desk[2]!)).toMatch(/mining quota\s+2024\s+1\s+135,000 t/);
    // the dead channel: reported with what to do, tried without holding the others
    expect(posts.filter((p) => p.params.channel === 'C0GONE').every((p) => p.error === 'channel_not_found')).toBe(true);
    expect(r.stdout + r.stderr).toContain('channel_not_found');
    expect(r.stdout + r.stderr).toContain('/invite @regwatch');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });
});
