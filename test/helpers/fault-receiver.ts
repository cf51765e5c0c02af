/**
 * A local webhook receiver for fault tests. It records every request it gets (raw, with its Idempotency-Key), counts
 * what a deduplicating receiver would drop, and can be told to fail in each way a real one does: 5xx, 429 with
 * Retry-After, a reset connection, a hang, a refused connection (not listening), or to hold a request until the test
 * lets it go (to kill the sender while its request is in flight).
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the next request(s) fail. `hang` never answers (the sender times out); the request is not processed. */
export type ReceiverFault = '500' | '503' | '429' | 'reset' | 'hang';

export interface ReceivedRequest {
  key: string;
  title: string;
  type: string;
  late: boolean;
  /** 200, the failure status, or 0 for a reset/hang (not processed). */
  status: number;
  at: number;
}

/** Poll `condition` until it holds or `ms` pass; the error names what was awaited. */
export async function waitUntil(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export class FaultReceiver extends EventEmitter {
  readonly requests: ReceivedRequest[] = [];
  /** Fail this many next requests with `fault`. */
  failNext = 0;
  fault: ReceiverFault = '500';
  /** Seconds sent in Retry-After with a 429. */
  retryAfter = 0;
  /** Hold each processed request's answer until `releaseHeld()` (emits 'held' with the request). */
  hold = false;
  /** Faults answered so far (each failed request counts once). */
  faultsServed = 0;
  private readonly held = new Set<() => void>();
  private readonly sockets = new Set<Socket>();
  private server = this.createServer();
  private port = 0;
  private listening = false;

  get url(): string {
    return `http://127.0.0.1:${this.port}/alerts`;
  }

  /** Requests that were processed (answered 200, or held and then cut off by the sender's death). */
  get accepted(): ReceivedRequest[] {
    return this.requests.filter((r) => r.status === 200);
  }

  /** Distinct alert ids processed, in the order each was first processed. */
  get uniqueKeys(): string[] {
    return [...new Set(this.accepted.map((r) => r.key))];
  }

  /** Processed requests beyond the first per alert id: what a receiver without deduplication shows twice. */
  get duplicates(): number {
    return this.accepted.length - this.uniqueKeys.length;
  }

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.listening = true;
    return this;
  }

  /** Stop listening (connections are refused) until `up()`; the port is kept. */
  async down(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    this.releaseHeld();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server = this.createServer();
  }

  /** Listen again on the same port. */
  async up(): Promise<void> {
    if (this.listening) return;
    await this.start(this.port);
  }

  releaseHeld(): void {
    for (const release of this.held) release();
    this.held.clear();
  }

  async stop(): Promise<void> {
    await this.down();
  }

  private createServer(): http.Server {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return server;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: { title?: string; type?: string; late?: boolean } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        body = {};
      }
      const failing = this.failNext > 0;
      if (failing) {
        this.failNext--;
        this.faultsServed++;
      }
      const fault = failing ? this.fault : undefined;
      const status = fault === 'reset' || fault === 'hang' ? 0 : fault ? Number(fault) : 200;
      const record: ReceivedRequest = {
        key: String(req.headers['idempotency-key'] ?? ''),
        title: body.title ?? '',
        type: body.type ?? 'change',
        late: body.late === true,
        status,
        at: Date.now(),
      };
      this.requests.push(record);
      this.emit('request', record);
      if (fault === 'reset') return void req.socket.destroy();
      if (fault === 'hang') return;
      const answer = () => {
        if (res.destroyed) return;
        res
          .writeHead(status, status === 429 ? { 'retry-after': String(this.retryAfter) } : {})
          .end(status === 200 ? 'ok' : 'fail');
        res.once('finish', () => this.emit('answered', record));
      };
      if (this.hold && status === 200) {
        this.held.add(answer);
        this.emit('held', record);
      } else answer();
    });
  }
}
