/**
 * Slack admin rights looked up with users.info are trusted for at most 60 seconds: a workspace owner demoted in
 * Slack loses `subscribe` within a minute. The lookup cache runs on an injected clock, so the test moves time
 * instead of waiting for it.
 */
import { postSignedBySlack } from '../helpers/slack-signed.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountSlack } from '../../src/chat/slack/mount-slack.js';
import { startDaemon, type Daemon } from '../../src/daemon.js';
import { FakeSlack, type SlackRequest } from '../helpers/fake-slack.js';
import { tempConfig } from '../helpers/run-cli.js';

const SECRET = 'signing-secret-admin-cache';
const TOKEN = 'xoxb-admin-cache-token';

describe('Slack admin lookups', () => {
  let fake: FakeSlack;
  let daemon: Daemon;
  let clock = 1_000_000;
  let n = 0;

  async function subscribe(user: string): Promise<SlackRequest> {
    const id = `a${++n}`;
    const body = new URLSearchParams({
      team_id: 'T0FAKE',
      channel_id: 'C0TEAM',
      user_id: user,
      command: '/regwatch',
      text: 'subscribe quota_batch',
      response_url: fake.responseUrl(id),
      trigger_id: 't1',
      api_app_id: 'A0APP',
    }).toString();
    const res = await postSignedBySlack(`http://127.0.0.1:${daemon.port}/slack/events`, body, SECRET);
    expect(res.status).toBe(200);
    return fake.waitFor((r) => r.path === `/respond/${id}`);
  }
  const refused = (answer: SlackRequest) => String(answer.params.text).includes('Only regwatch admins');

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    fake.channels.add('C0TEAM');
    fake.tokens.add(TOKEN);
    fake.users.set('U0OWNER', { id: 'U0OWNER', is_owner: true });
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/a.yaml': 'watches:\n  - id: a\n    kind: page\n    url: http://127.0.0.1:9/\n    every: 1d\n',
    });
    const env = {
      REGWATCH_STORE: cfg.store,
      REGWATCH_HISTORY: 'off',
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.api,
    };
    const logger = pino({ level: 'silent' });
    daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      host: '127.0.0.1',
      extend: async (d) => void (await mountSlack(d, env, logger, { now: () => clock })),
    });
  });
  afterAll(async () => {
    await daemon?.stop(200);
    await fake?.stop();
  });

  it('a demoted owner loses subscribe within 60 seconds', async () => {
    expect(refused(await subscribe('U0OWNER'))).toBe(false);
    const lookups = () => fake.calls('users.info').filter((c) => c.params.user === 'U0OWNER').length;
    expect(lookups()).toBe(1);
    // Demoted in Slack. Within the minute the cached answer may still stand …
    fake.users.set('U0OWNER', { id: 'U0OWNER' });
    clock += 30_000;
    await subscribe('U0OWNER');
    expect(lookups()).toBe(1);
    // … past 60 seconds it is looked up again, and the demotion holds.
    clock += 31_000;
    expect(refused(await subscribe('U0OWNER'))).toBe(true);
    expect(lookups()).toBe(2);
  });
});
