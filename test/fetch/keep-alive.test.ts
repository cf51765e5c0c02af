import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/fetch/http-fetch.js';

/**
 * A server that drops a kept-alive connection when a second request arrives on it, as a server does whose idle
 * time-out ran out just as the client reused the connection: the client sees a reset before any answer.
 */
describe('a kept-alive connection the server has closed', () => {
  let server: http.Server;
  let base = '';
  const requestsOn = new WeakMap<Socket, number>();
  let dropped = 0;
  let dropAll = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const n = (requestsOn.get(req.socket) ?? 0) + 1;
      requestsOn.set(req.socket, n);
      if (n > 1 || dropAll) {
        dropped++;
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'keep-alive' });
      res.end(`<html><body><ul class="list"><li>${req.url}</li></ul></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('is asked again once on a new connection, so the check does not fail', async () => {
    const first = await httpFetch(`${base}/one`);
    expect(first.status).toBe(200);
    const second = await httpFetch(`${base}/two`);
    // The server really dropped the reused connection: the answer came from the new one.
    expect(dropped).toBe(1);
    expect(second.status).toBe(200);
    expect(second.text).toContain('/two');
  });

  it('still fails, with the host named, when the new connection is dropped too', async () => {
    dropAll = true;
    dropped = 0;
    const failure = await httpFetch(`${base}/three`).then(
      () => undefined,
      (error: unknown) => error as { kind: string; message: string },
    );
    expect(failure?.kind).toBe('network');
    expect(failure?.message).toContain('127.0.0.1');
    // At most one retry: the first try and the one on a new connection.
    expect(dropped).toBeLessThanOrEqual(2);
    dropAll = false;
  });
});
