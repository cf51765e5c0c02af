/**
 * What the webhook notifier makes of each kind of answer, against real local servers: a redirect is a config to fix
 * (never followed, not retried), a receiver that does not answer in time or is not listening is retried, a
 * Retry-After given as a date is honoured, and a success is a success.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookNotifier } from '../../notifiers/webhook.js';
import { DeliveryError, type NotifierContext } from '../../src/notify/notifier.js';
import type { Alert } from '../../src/types.js';
import { closedPort } from '../helpers/spawn-daemon.js';

const alert: Alert = {
  id: 'a-1',
  watch: { id: 'mofcom-list', name: 'MOFCOM', source: 'mofcom' },
  title: '商务部公告',
  url: 'https://www.mofcom.gov.cn/a.html',
  publishedAt: '2025-04-04',
  detectedAt: '2025-04-04T08:00:00Z',
  categories: ['control_list_addition'],
  figures: [],
  summary: '',
  severity: 'high',
};

describe('webhook notifier: answers and failures', () => {
  let server: http.Server;
  let base = '';
  const requests: string[] = [];
  const held: http.ServerResponse[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      req.resume();
      req.on('end', () => {
        if (req.url === '/moved') return void res.writeHead(301, { location: `${base}/new` }).end();
        if (req.url === '/busy')
          return void res.writeHead(503, { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }).end('busy');
        if (req.url === '/silent') return void held.push(res);
        if (req.url === '/endless') {
          // An answer that never ends: a 200 whose body keeps coming.
          res.writeHead(200);
          const drip = setInterval(() => res.write('x'.repeat(1024)), 5);
          res.on('close', () => clearInterval(drip));
          return void held.push(res);
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const ctx = { logger: pino({ level: 'silent' }), env: {} } as unknown as NotifierContext;
  const send = (url: string, timeout = 10_000) =>
    webhookNotifier
      .create(webhookNotifier.schema.parse({ id: 'hook', type: 'webhook', url, timeout }), ctx)
      .send(alert)
      .then(
        () => undefined,
        (error: unknown) => error as DeliveryError,
      );

  it('delivers on a 2xx', async () => {
    expect(await send(`${base}/ok`)).toBeUndefined();
    expect(requests).toContain('/ok');
  });

  it('does not follow a redirect: a permanent failure saying where the receiver moved', async () => {
    const error = await send(`${base}/moved`);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error!.retryable).toBe(false);
    expect(error!.message).toMatch(/HTTP 301/);
    expect(error!.hint).toContain(`${base}/new`);
    expect(requests).not.toContain('/new');
  });

  it('retries a 503 after the date its Retry-After gives', async () => {
    const error = await send(`${base}/busy`);
    expect(error!.retryable).toBe(true);
    expect(error!.retryAfterMs).toBeGreaterThan(100_000);
    expect(error!.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('retries a receiver that does not answer in time (silent, or an answer that never ends), and one that is not listening', async () => {
    const silent = await send(`${base}/silent`, 300);
    expect(silent!.retryable).toBe(true);
    expect(silent!.message).toMatch(/timed out/);
    const endless = await send(`${base}/endless`, 300);
    expect(endless!.retryable).toBe(true);
    expect(endless!.message).toMatch(/timed out/);
    const refused = await send(`http://127.0.0.1:${await closedPort()}/x`);
    expect(refused!.retryable).toBe(true);
    expect(refused!.message).toMatch(/request failed \(ECONNREFUSED\)/);
  });
});
