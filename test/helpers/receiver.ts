/**
 * A local webhook receiver that records what it gets and can be told to fail the next N requests. Given the
 * channel's secret it verifies each request as docs/security.md tells receivers to: a timestamp within 5 minutes,
 * the HMAC of "<timestamp>.<body>" compared in constant time (401 otherwise), and Idempotency-Key deduplication.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
  /** With a secret: true when the request passed verification and its Idempotency-Key was new. */
  fresh?: boolean;
}

/** Why a signed delivery is not genuine, or null (the verification docs/security.md shows, in TypeScript). */
export function webhookProblem(secret: string, headers: http.IncomingHttpHeaders, body: Buffer, nowMs = Date.now()) {
  const ts = String(headers['x-regwatch-timestamp'] ?? '');
  if (!/^\d+$/.test(ts) || Math.abs(nowMs / 1000 - Number(ts)) > 300) return 'timestamp missing or over 5 minutes off';
  const mac = createHmac('sha256', secret).update(`${ts}.`).update(body).digest('hex');
  const expected = Buffer.from(`sha256=${mac}`);
  const given = Buffer.from(String(headers['x-regwatch-signature'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature does not match';
}

export class Receiver {
  readonly requests: Received[] = [];
  failNext = 0;
  failStatus = 500;
  private readonly keys = new Set<string>();
  constructor(private readonly secret?: string) {}
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString('utf8');
      if (this.secret && webhookProblem(this.secret, req.headers, raw)) {
        this.requests.push({ headers: req.headers, body, status: 401 });
        return void res.writeHead(401).end('bad signature');
      }
      const status = this.failNext > 0 ? (this.failNext--, this.failStatus) : 200;
      const key = String(req.headers['idempotency-key'] ?? '');
      const fresh = status === 200 && !this.keys.has(key);
      if (status === 200) this.keys.add(key);
      this.requests.push({ headers: req.headers, body, status, ...(this.secret ? { fresh } : {}) });
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
