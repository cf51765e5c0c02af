/**
 * The chat endpoints, as someone on the internet sees them: on the public chat listener, only requests signed by
 * Slack or Discord within five minutes (either way) of now get through; forged, replayed, future-dated and oversized
 * requests are refused without running anything, and no answer carries a stack trace or a secret.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { postSignedBySlack } from '../helpers/slack-signed.js';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountChat } from '../../src/chat/mount-chat.js';
import { startDaemon, type Daemon } from '../../src/daemon.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { tempConfig } from '../helpers/run-cli.js';

const SLACK_SECRET = 'slack-signing-secret-7d1e20';
const SLACK_TOKEN = 'xoxb-chat-requests-test-token';
const SIX_MINUTES = 6 * 60;

function discordKeys(): { publicHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { publicHex, privateKey };
}

describe('chat requests from the internet', () => {
  let daemon: Daemon;
  let replica: Daemon; // a second replica on the same store
  let replicaChat = '';
  let fake: FakeSlack;
  let chat = '';
  const logLines: string[] = [];
  const keys = discordKeys();
  const stranger = discordKeys();
  const now = () => Math.floor(Date.now() / 1000);

  const slack = (body: string, opts: { ts?: number; secret?: string; to?: string } = {}) => {
    return postSignedBySlack(`${opts.to ?? chat}/slack/events`, body, opts.secret ?? SLACK_SECRET, {
      ts: opts.ts ?? now(),
    });
  };
  const slashBody = (text: string, channel = 'C0TEAM') =>
    new URLSearchParams({
      team_id: 'T0FAKE',
      channel_id: channel,
      user_id: 'U0ADMIN',
      command: '/regwatch',
      text,
      response_url: fake.responseUrl(`r-${text}-${channel}`),
      trigger_id: 't1',
      api_app_id: 'A0APP',
    }).toString();

  const discord = (body: string, opts: { ts?: number; key?: KeyObject; to?: string } = {}) => {
    const ts = String(opts.ts ?? now());
    const signature = sign(null, Buffer.from(ts + body), opts.key ?? keys.privateKey).toString('hex');
    return fetch(`${opts.to ?? chat}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
      body,
    });
  };
  const ping = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 't', version: 1 });

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    fake.channels.add('C0TEAM');
    fake.tokens.add(SLACK_TOKEN);
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'settings.yaml': 'chat:\n  slackAdmins: [U0ADMIN]\n',
      'watches/a.yaml': 'watches:\n  - id: a\n    kind: page\n    url: http://127.0.0.1:9/\n    every: 1d\n',
    });
    const env = {
      REGWATCH_STORE: cfg.store,
      REGWATCH_HISTORY: 'off',
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: fake.api,
      DISCORD_PUBLIC_KEY: keys.publicHex,
      DISCORD_GATEWAY: 'off',
    };
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const logger = pino({ level: 'debug' }, stream);
    daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      chatPort: 0,
      chatHost: '127.0.0.1',
      extend: (d) => mountChat(d, env, logger),
    });
    chat = `http://127.0.0.1:${daemon.chatPort}`;
    replica = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      chatPort: 0,
      chatHost: '127.0.0.1',
      extend: (d) => mountChat(d, env, logger),
    });
    replicaChat = `http://127.0.0.1:${replica.chatPort}`;
  });
  afterAll(async () => {
    await replica?.stop(200);
    await daemon?.stop(200);
    await fake?.stop();
  });

  it('Slack: forged, replayed (6 minutes old) and future-dated (6 minutes ahead) requests get 401 and run nothing', async () => {
    const statuses = [
      (await slack(slashBody('help', 'C0FORGED'), { secret: 'guessed-secret' })).status,
      (await slack(slashBody('help', 'C0PAST'), { ts: now() - SIX_MINUTES })).status,
      (await slack(slashBody('help', 'C0FUTURE'), { ts: now() + SIX_MINUTES })).status,
    ];
    expect(statuses).toEqual([401, 401, 401]);
    // A well-signed request is answered, so the refusals were the signature and the clock, not a broken endpoint.
    const good = await slack(slashBody('help'));
    expect(good.status).toBe(200);
    await fake.waitFor((r) => r.path === `/respond/r-help-C0TEAM`);
    expect(fake.requests.filter((r) => /C0(?:FORGED|PAST|FUTURE)/.test(r.path))).toEqual([]);
  });

  it('Discord: forged, unsigned, replayed and future-dated interactions get 401; a signed PING gets PONG', async () => {
    const statuses = [
      (await discord(ping, { key: stranger.privateKey })).status,
      (await fetch(`${chat}/discord/interactions`, { method: 'POST', body: ping })).status,
      (await discord(ping, { ts: now() - SIX_MINUTES })).status,
      (await discord(ping, { ts: now() + SIX_MINUTES })).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401]);
    const good = await discord(ping);
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ type: 1 });
  });

  it('Discord: a body over the limit gets 413 and a log line, declared or streamed', async () => {
    const huge = JSON.stringify({ type: 1, padding: 'x'.repeat(2 * 1024 * 1024) });
    expect((await discord(huge)).status).toBe(413);
    // Streamed (chunked, no Content-Length): refused once the cap is passed, still with an answer.
    const ts = String(now());
    const streamed = await fetch(`${chat}/discord/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': sign(null, Buffer.from(ts + huge), keys.privateKey).toString('hex'),
        'x-signature-timestamp': ts,
      },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
    expect(logLines.filter((l) => l.includes('request body over the limit') && l.includes('/discord/'))).toHaveLength(
      2,
    );
  });

  it('Slack: a signed body over the limit gets 413 and a log line', async () => {
    const huge = slashBody('x'.repeat(8 * 1024 * 1024));
    expect((await slack(huge)).status).toBe(413);
    expect(logLines.some((l) => l.includes('request body over the limit') && l.includes('/slack/'))).toBe(true);
  });

  it('Slack: the same signed request sent again is refused and runs nothing', async () => {
    const body = slashBody('help', 'C0REPLAY');
    const ts = now();
    expect((await slack(body, { ts })).status).toBe(200);
    await fake.waitFor((r) => r.path === '/respond/r-help-C0REPLAY');
    expect((await slack(body, { ts })).status).toBe(401);
    // The replica sharing the store refuses it too.
    expect((await slack(body, { ts, to: replicaChat })).status).toBe(401);
    expect(fake.requests.filter((r) => r.path === '/respond/r-help-C0REPLAY')).toHaveLength(1);
    expect(logLines.some((l) => l.includes('replayed'))).toBe(true);
  });

  it('Discord: the same interaction sent again is refused, on this replica and on the one sharing the store', async () => {
    const interaction = JSON.stringify({ id: '98765', application_id: '2', type: 1, token: 't', version: 1 });
    const ts = now();
    expect((await discord(interaction, { ts })).status).toBe(200);
    expect((await discord(interaction, { ts })).status).toBe(401);
    expect((await discord(interaction, { ts, to: replicaChat })).status).toBe(401);
    // Signed afresh with a later timestamp, the same interaction id is still a replay.
    expect((await discord(interaction, { ts: ts + 1 })).status).toBe(401);
  });

  it('no refusal answer carries a stack trace or a secret', async () => {
    const answers = await Promise.all([
      slack('x', { secret: 'nope' }).then((r) => r.text()),
      discord(ping, { key: stranger.privateKey }).then((r) => r.text()),
      fetch(`${chat}/nothing-here`).then((r) => r.text()),
      fetch(`${chat}/metrics`).then((r) => r.text()),
    ]);
    for (const text of answers) {
      expect(text).not.toMatch(/at .+\.(?:ts|js):\d+|node_modules/);
      expect(text).not.toContain(SLACK_SECRET);
      expect(text).not.toContain(SLACK_TOKEN);
    }
    expect(logLines.join('\n')).not.toContain(SLACK_SECRET);
  });
});
