/**
 * /healthz says the process is alive; /readyz says a Slack or Discord request would be served now: config loaded,
 * store open, chat endpoints mounted. While the chat integrations are still being mounted, /readyz is 503 with its
 * reason and a chat request gets 503 (retry), not 404.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { mountChat } from '../../src/chat/mount-chat.js';
import { startDaemon } from '../../src/daemon.js';
import { tempConfig } from '../helpers/run-cli.js';

describe('readiness', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  let n = 0;
  const ping = (port: number) => {
    const body = JSON.stringify({ id: `p${++n}`, application_id: '2', type: 1, token: 't', version: 1 });
    const ts = String(Math.floor(Date.now() / 1000));
    return fetch(`http://127.0.0.1:${port}/discord/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'),
        'x-signature-timestamp': ts,
      },
      body,
    });
  };

  it('is 503 with a reason until the chat endpoints are mounted, then 200; /healthz is 200 throughout', async () => {
    const cfg = tempConfig({
      'notify.yaml': 'channels:\n  - id: out\n    type: console\n',
      'watches/a.yaml': 'watches:\n  - id: a\n    kind: page\n    url: http://127.0.0.1:9/\n    every: 1d\n',
    });
    const env = {
      REGWATCH_STORE: cfg.store,
      REGWATCH_HISTORY: 'off',
      DISCORD_PUBLIC_KEY: publicHex,
      DISCORD_GATEWAY: 'off',
    };
    const logger = pino({ level: 'silent' });
    const during: Array<{ path: string; status: number; body: string }> = [];
    const daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      host: '127.0.0.1',
      // Requests that arrive while the chat integrations are still being mounted (a slow Slack auth.test, say).
      extend: async (d) => {
        for (const path of ['/healthz', '/readyz']) {
          const res = await fetch(`http://127.0.0.1:${d.port}${path}`);
          during.push({ path, status: res.status, body: await res.text() });
        }
        const early = await ping(d.port);
        during.push({ path: 'PING', status: early.status, body: await early.text() });
        await mountChat(d, env, logger);
      },
    });
    try {
      expect(during.map((r) => [r.path, r.status])).toEqual([
        ['/healthz', 200],
        ['/readyz', 503],
        ['PING', 503],
      ]);
      expect(JSON.parse(during[1]!.body)).toMatchObject({
        ready: false,
        reason: expect.stringMatching(/chat/) as unknown,
      });
      const ready = await fetch(`http://127.0.0.1:${daemon.port}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true });
      const pong = await ping(daemon.port);
      expect(pong.status).toBe(200);
      expect(await pong.json()).toEqual({ type: 1 });
      // Without its store the bot serves nothing: not ready, and says why; still alive.
      await daemon.runner.store.close();
      const noStore = await fetch(`http://127.0.0.1:${daemon.port}/readyz`);
      expect(noStore.status).toBe(503);
      expect(await noStore.json()).toMatchObject({ ready: false, reason: expect.stringMatching(/store/) as unknown });
      expect((await fetch(`http://127.0.0.1:${daemon.port}/healthz`)).status).toBe(200);
    } finally {
      await daemon.stop(200).catch(() => undefined);
    }
  });
});
