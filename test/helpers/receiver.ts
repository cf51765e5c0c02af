/** A local webhook receiver that records what it gets and can be told to fail the next N requests. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

export class Receiver {
  readonly requests: Received[] = [];
  failNext = 0;
  failStatus = 500;
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = this.failNext > 0 ? (this.failNext--, this.failStatus) : 200;
      this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, status === 429 ? { 'retry-after': '0' } : {}).end(status === 200 ? 'ok' : 'fail');
    });
  });
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/alerts`;
  }

  /** Bodies of the requests answered 200. */
  get accepted(): Received[] {
    return this.requests.filter((r) => r.status === 200);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
