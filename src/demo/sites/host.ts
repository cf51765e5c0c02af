import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fixture host answers: status, headers, body. */
export interface Reply {
  status?: number;
  type?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export type Route = (req: http.IncomingMessage, url: URL) => Reply | undefined;

/** One imitated host (www.miit.gov.cn, news.google.com …) on a loopback port; routes tried in order, else 404. */
export class FixtureHost {
  requests = 0;
  readonly log: string[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private port = 0;

  constructor(
    readonly host: string,
    private readonly routes: Route[],
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests++;
    const url = new URL(req.url ?? '/', this.origin);
    this.log.push(`${req.method} ${url.pathname}${url.search}`);
    for (const route of this.routes) {
      const reply = route(req, url);
      if (!reply) continue;
      res.writeHead(reply.status ?? 200, {
        'content-type': reply.type ?? 'text/html; charset=utf-8',
        ...reply.headers,
      });
      res.end(reply.body);
      return;
    }
    res
      .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      .end('<html><body><h1>404 Not Found</h1></body></html>');
  }
}

export const html = (body: string): Reply => ({ body });
export const json = (value: unknown): Reply => ({
  type: 'application/json;charset=UTF-8',
  body: JSON.stringify(value),
});
export const rss = (xml: string): Reply => ({ type: 'application/rss+xml; charset=utf-8', body: xml });

/** Escape text for HTML/XML. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A stable 32-hex id for a slug, like the CMS's art_<hex>.html names. */
export function hexId(slug: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 32; round++) {
    for (const ch of `${slug}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}

/** Paragraphs as <p> elements. */
export const paragraphs = (body: string): string =>
  body
    .split('\n')
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
