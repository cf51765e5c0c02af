/** The ops endpoints stay private by default; chat endpoints can listen on their own public port. */
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDaemon, type Daemon } from '../../src/daemon.js';
import { tempConfig } from '../helpers/run-cli.js';

describe('the HTTP surface', () => {
  let daemon: Daemon;
  beforeAll(async () => {
    const cfg = tempConfig({
      'watches/a.yaml': 'watches:\n  - id: a\n    kind: page\n    url: http://127.0.0.1:9/\n    every: 1d\n',
    });
    const publicKey = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'der', type: 'spki' })
      .subarray(-32)
      .toString('hex');
    const env = {
      REGWATCH_STORE: cfg.store,
      REGWATCH_HISTORY: 'off',
      DISCORD_PUBLIC_KEY: publicKey,
      DISCORD_GATEWAY: 'off',
    };
    const { mountChat } = await import('../../src/chat/mount-chat.js');
    const logger = pino({ level: 'silent' });
    daemon = await startDaemon({
      configDir: cfg.dir,
      env,
      logger,
      port: 0,
      chatPort: 0,
      chatHost: '127.0.0.1',
      extend: (d) => mountChat(d, env, logger),
    });
  });
  afterAll(async () => daemon?.stop(100));

  it('binds the ops port to 127.0.0.1 unless told otherwise', () => {
    expect((daemon.server.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('serves chat endpoints only on the chat listener, and ops endpoints only on the ops port', async () => {
    expect(daemon.chatPort).not.toBe(daemon.port);
    const ops = `http://127.0.0.1:${daemon.port}`;
    const chat = `http://127.0.0.1:${daemon.chatPort}`;
    expect((await fetch(`${ops}/healthz`)).status).toBe(200);
    expect((await fetch(`${chat}/healthz`)).status).toBe(404);
    expect((await fetch(`${chat}/metrics`)).status).toBe(404);
    expect((await fetch(`${ops}/discord/interactions`, { method: 'POST', body: '{}' })).status).toBe(404);
    const unsigned = await fetch(`${chat}/discord/interactions`, { method: 'POST', body: '{"type":1}' });
    expect(unsigned.status).toBe(401);
    const text = await unsigned.text();
    expect(text).not.toMatch(/at .+\.(?:ts|js):\d+/);
  });
});
