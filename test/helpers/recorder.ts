/** A local site that records every request (path, method, headers, body) and answers from a route table. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A server that records every request and answers from a route table (default: a small article). */
export class Recorder {
  readonly seen: Seen[] = [];
  port = 0;
  routes: Record<string, (res: http.ServerResponse) => void> = {};
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.seen.push({ path, method: req.method ?? '', headers: req.headers, body });
      const route = this.routes[path];
      if (route) return route(res);
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><body><div class="article">稀土文件 ${path}</div></body></html>`);
    });
  });
  constructor(readonly host: string) {}
  get base(): string {
    return `http://${this.host}:${this.port}`;
  }
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, this.host, resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
