/** A full run at debug level, with failures, never writes a secret value anywhere a person or a log system reads. */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureSite } from '../helpers/fixture-site.js';
import { Receiver } from '../helpers/receiver.js';
import { runCli, tempConfig } from '../helpers/run-cli.js';

describe('secrets in output', () => {
  let site: FixtureSite;
  let receiver: Receiver;
  // An API that redirects to itself: the failure message quotes the URL, token and all.
  const looping = http.createServer((req, res) => res.writeHead(302, { location: req.url ?? '/' }).end());
  let loopBase = '';
  beforeAll(async () => {
    site = await new FixtureSite().start();
    receiver = await new Receiver().start();
    await new Promise<void>((resolve) => looping.listen(0, '127.0.0.1', resolve));
    loopBase = `http://127.0.0.1:${(looping.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await site.stop();
    await receiver.stop();
    looping.closeAllConnections();
    looping.close();
  });

  it(
    'no secret value appears in stdout or stderr of a debug-level run with failing deliveries',
    { timeout: 180_000 },
    async () => {
      const secrets = {
        REGWATCH_WEBHOOK_SECRET: 'whsec-3f9a1c77d2b84e55',
        HOOK_KEY: 'hookkey-a81f0c2d9e',
        SLACK_BOT_TOKEN: 'xoxb-1111-2222-secretsecret',
        DISCORD_TOKEN: 'MTA5.discord.tokenvalue',
        SLACK_SIGNING_SECRET: 'signing-from-a-file-5521',
        FEED_ACCESS: 'feedaccess-0c41d2e8',
      };
      const cfg = tempConfig({
        'notify.yaml': `channels:\n  - id: hook\n    type: webhook\n    url: ${receiver.url}?key=\${HOOK_KEY}\n    secret: \${REGWATCH_WEBHOOK_SECRET}\n  - id: out\n    type: console\n`,
        'watches/a.yaml': `watches:\n  - id: list\n    kind: list\n    url: ${site.base}/list.html\n    items: "ul.zxxx_list li"\n    follow: false\n`,
        'watches/b.yaml': `watches:\n  - id: api\n    kind: page\n    url: ${loopBase}/loop?token=\${FEED_ACCESS}\n`,
        // A page behind an API key in its query string: its alert links to the page without the key.
        'watches/c.yaml': `watches:\n  - id: keyed\n    kind: page\n    url: ${site.base}/page.html?access_token=\${FEED_ACCESS}\n    select: "#main"\n`,
      });
      const secretFile = join(cfg.dir, 'signing-secret');
      writeFileSync(secretFile, `${secrets.SLACK_SIGNING_SECRET}\n`);
      // A secret with an ordinary name, mounted as a file and used only through ${HOOK_KEY} in notify.yaml.
      const hookKeyFile = join(cfg.dir, 'hook-key');
      writeFileSync(hookKeyFile, `${secrets.HOOK_KEY}\n`);
      const env = {
        REGWATCH_STORE: cfg.store,
        REGWATCH_LOG_LEVEL: 'debug',
        REGWATCH_HISTORY: 'off',
        REGWATCH_WEBHOOK_SECRET: secrets.REGWATCH_WEBHOOK_SECRET,
        HOOK_KEY_FILE: hookKeyFile,
        FEED_ACCESS: secrets.FEED_ACCESS,
        SLACK_BOT_TOKEN: secrets.SLACK_BOT_TOKEN,
        DISCORD_TOKEN: secrets.DISCORD_TOKEN,
        DISCORD_GATEWAY: 'off',
        SLACK_SIGNING_SECRET_FILE: secretFile,
      };
      site.publish({ slug: 'a', title: '旧通知', date: '2024-01-01', body: '正文。' });
      const outputs: string[] = [];
      const first = await runCli(['once', '--config', cfg.dir, '--json'], env);
      outputs.push(first.stdout, first.stderr);
      site.publish({ slug: 'b', title: '新通知', date: '2024-01-02', body: '正文。' });
      site.region = '国家统计：本月共发布文件4件。';
      receiver.failNext = 2;
      receiver.failStatus = 401;
      const second = await runCli(['once', '--config', cfg.dir, '--json', '--deliver-timeout', '2s'], env);
      outputs.push(second.stdout, second.stderr);
      const check = await runCli(['check', 'list', '--config', cfg.dir], env);
      outputs.push(check.stdout, check.stderr);
      const failing = await runCli(['check', 'api', '--config', cfg.dir], env);
      outputs.push(failing.stdout, failing.stderr);
      const failingJson = await runCli(['check', 'api', '--config', cfg.dir, '--json'], env);
      outputs.push(failingJson.stdout, failingJson.stderr);
      // The failure was reported, with the URL it is about, minus the token.
      expect(failing.stdout).toMatch(/redirect loop: .*\/loop\?token=\[redacted\]/);
      const validate = await runCli(['validate', '--config', cfg.dir], env);
      outputs.push(validate.stdout, validate.stderr);
      // The failing delivery was logged (so the scan looked at real error output) …
      expect(second.stderr).toContain('delivery failed');
      // … and no secret value was written anywhere.
      const all = outputs.join('\n');
      for (const [name, value] of Object.entries(secrets)) expect(all.includes(value), `${name} leaked`).toBe(false);
      // The keyed page's change was alerted, and the alert's link kept the page but not the key.
      const keyed = second.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { watch: { id: string }; url: string });
      const keyedAlert = keyed.find((a) => a.watch.id === 'keyed');
      expect(keyedAlert?.url).toBe(`${site.base}/page.html?access_token=[redacted]`);
      for (const r of receiver.requests) expect(r.body.includes(secrets.FEED_ACCESS)).toBe(false);
      // The receiver did get the signature made with the secret (so the secret was in use, not missing).
      expect(receiver.requests.some((r) => String(r.headers['x-regwatch-signature']).startsWith('sha256='))).toBe(true);
    },
  );
});
