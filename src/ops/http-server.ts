import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The bot's one HTTP server: /healthz, /metrics, and whatever the chat integrations mount (/slack/events,
 * /discord/interactions). Routes are matched by path prefix.
 */
export class HttpServer {
  private readonly routes: Array<{ prefix: string; handler: RouteHandler }> = [];
  readonly server: http.Server;

  constructor(private readonly logger: Logger) {
    this.server = http.createServer((req, res) => void this.dispatch(req, res));
    this.server.headersTimeout = 10_000;
    this.server.requestTimeout = 30_000;
  }

  /** Serve `prefix` (and paths below it) with `handler`; a later mount of the same prefix replaces the earlier one. */
  mount(prefix: string, handler: RouteHandler): void {
    const existing = this.routes.findIndex((r) => r.prefix === prefix);
    if (existing >= 0) this.routes.splice(existing, 1);
    this.routes.push({ prefix, handler });
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = this.routes.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
      return;
    }
    try {
      await route.handler(req, res);
    } catch (error) {
      this.logger.error({ path, err: (error as Error).message }, 'HTTP handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error\n');
    }
  }

  listen(port: number, host = '0.0.0.0'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }
}

/** Reply with JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body, null, 2)}\n`);
}

/** Bodies the chat endpoints accept: Slack and Discord requests are a few KB; anything near this is not from them. */
export const MAX_REQUEST_BODY = 1024 * 1024;

/**
 * Read a request body of at most `maxBytes` (a declared Content-Length over it is refused before reading). Resolves
 * undefined when the body is too large — the caller answers 413 — and stops reading; never buffers more than the cap.
 */
export function readLimitedBody(req: IncomingMessage, maxBytes = MAX_REQUEST_BODY): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Answer 413 for a body over the limit (and close the connection, so the rest of it is not read). */
export function refuseTooLarge(res: ServerResponse, maxBytes = MAX_REQUEST_BODY): void {
  res
    .writeHead(413, { 'content-type': 'text/plain', connection: 'close' })
    .end(`request body over ${maxBytes} bytes\n`);
}
