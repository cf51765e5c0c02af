/**
 * A local imitation of the Discord REST API v10, on a real loopback port: channel messages (bot token), webhooks,
 * interaction callbacks and follow-up edits, command registration, `applications/@me`, guild roles, and a minimal
 * gateway (`gateway/bot` + WebSocket: HELLO, READY, INTERACTION_CREATE). It records every
 * request and can be told to answer the next requests with a 429 (Retry-After, X-RateLimit-* headers and a
 * `retry_after` body, as Discord does), a 5xx, or a Discord error code.
 *
 * Messages with attachments arrive as multipart (payload_json + files): `body` is the JSON part, `files` the files.
 *
 * Point discord.js at it with `DISCORD_API_URL = fake.api` (discord.js appends /v10).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, decoded (e.g. /webhooks/1/tok/messages/@original). */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
  status: number;
  /** What the fake answered (a posted message with its id). */
  answer?: unknown;
  /** Files of a multipart request (the JSON part is `body`, from payload_json). */
  files?: Array<{ field: string; filename: string; contentType: string; bytes: Buffer }>;
  at: number;
}

/** A scripted answer for the next matching request(s). */
export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Only requests whose path matches; default every request. */
  path?: RegExp;
  /** How many requests it answers (default 1). */
  times?: number;
}

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}

/** Discord's embed limits, enforced like Discord does (400, code 50035). */
export function embedProblems(body: unknown): string[] {
  const embeds = (body as { embeds?: EmbedLike[] } | undefined)?.embeds ?? [];
  const problems: string[] = [];
  if (embeds.length > 10) problems.push('more than 10 embeds');
  for (const e of embeds) {
    const fields = e.fields ?? [];
    if ((e.title?.length ?? 0) > 256) problems.push('title > 256');
    if ((e.description?.length ?? 0) > 4096) problems.push('description > 4096');
    if (fields.length > 25) problems.push('more than 25 fields');
    if (fields.some((f) => f.name.length > 256 || f.value.length > 1024 || f.name.length === 0 || f.value.length === 0))
      problems.push('field size');
    if ((e.footer?.text.length ?? 0) > 2048) problems.push('footer > 2048');
    if ((e.author?.name.length ?? 0) > 256) problems.push('author > 256');
    const total =
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    if (total > 6000) problems.push(`total ${total} > 6000`);
  }
  return problems;
}

let messageSeq = 1_000_000_000_000_000_000n;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** The only bot token accepted (`Authorization: Bot <token>`). */
  token = 'fake-bot-token';
  appId = '100000000000000001';
  /** Channel ids that answer 404 Unknown Channel (10003). */
  readonly missingChannels = new Set<string>();
  /** Channel ids that answer 403 Missing Access (50001). */
  readonly hiddenChannels = new Set<string>();
  /** Webhook ids that answer 404 Unknown Webhook (10015). */
  readonly missingWebhooks = new Set<string>();
  /** Guild roles served by GET /guilds/{id}/roles. */
  roles: Array<{ id: string; name: string }> = [];
  private readonly script: ScriptedResponse[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private port = 0;
  /** The gateway (WebSocket on /gateway): HELLO, heartbeat ACKs, READY after IDENTIFY. */
  private readonly gateway = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<WebSocket>();
  private sequence = 0;
  /** Set once a client has identified (its token). */
  identifiedWith: string | undefined;

  constructor() {
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return void socket.destroy();
      this.gateway.handleUpgrade(req, socket, head, (ws) => this.session(ws));
    });
  }

  /** Send an INTERACTION_CREATE to every identified gateway session. */
  dispatchInteraction(interaction: unknown): void {
    for (const ws of this.sessions)
      ws.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++this.sequence, d: interaction }));
  }

  private session(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    ws.on('message', (raw: Buffer) => {
      const packet = JSON.parse(raw.toString('utf8')) as { op: number; d?: { token?: string } };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) {
        this.identifiedWith = packet.d?.token;
        this.sessions.add(ws);
        const ready = {
          v: 10,
          user: { id: '100000000000000001', username: 'regwatch', discriminator: '0', bot: true },
          guilds: [],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          application: { id: this.appId, flags: 0 },
        };
        ws.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.sequence, d: ready }));
      }
    });
    ws.on('close', () => this.sessions.delete(ws));
  }

  /** Base URL for discord.js's `api` option / DISCORD_API_URL. */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** A webhook URL (the shape Discord hands out) pointing at this fake. */
  webhookUrl(id: string, token = 'Wh-token_abc'): string {
    return `${this.api}/webhooks/${id}/${token}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.gateway.clients) ws.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answer the next matching request(s) with this instead of the normal reply. */
  respondNext(response: ScriptedResponse): void {
    this.script.push({ times: 1, ...response });
  }

  /** Requests with this method whose path matches. */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Messages the fake accepted (2xx) on a channel. */
  channelMessages(channelId: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status < 300,
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void this.answer(req, res, Buffer.concat(chunks)));
  }

  /** Multipart (files + payload_json) as Discord accepts it for messages with attachments. */
  private async multipart(
    bytes: Buffer,
    contentType: string,
  ): Promise<{ body: unknown; files: NonNullable<RecordedRequest['files']> }> {
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    const files: NonNullable<RecordedRequest['files']> = [];
    let body: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value) as unknown;
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type,
          bytes: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, bytes: Buffer): Promise<void> {
    {
      const url = new URL(req.url ?? '/', 'http://fake');
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
      const contentType = String(req.headers['content-type'] ?? '');
      let body: unknown;
      let files: RecordedRequest['files'];
      if (contentType.startsWith('multipart/form-data')) {
        ({ body, files } = await this.multipart(bytes, contentType));
      } else {
        const raw = bytes.toString('utf8');
        try {
          body = raw ? (JSON.parse(raw) as unknown) : undefined;
        } catch {
          body = raw;
        }
      }
      const method = req.method ?? 'GET';
      const answer = this.scripted(path) ?? this.route(method, path, req.headers, body);
      this.requests.push({
        method,
        path,
        query: url.searchParams,
        headers: req.headers,
        body,
        status: answer.status,
        answer: answer.body,
        ...(files ? { files } : {}),
        at: Date.now(),
      });
      const headers = { 'content-type': 'application/json', ...answer.headers };
      res.writeHead(answer.status, headers).end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    }
  }

  private scripted(path: string): ScriptedResponse | undefined {
    const i = this.script.findIndex((s) => !s.path || s.path.test(path));
    if (i < 0) return undefined;
    const s = this.script[i]!;
    s.times = (s.times ?? 1) - 1;
    if (s.times <= 0) this.script.splice(i, 1);
    return s;
  }

  private route(method: string, path: string, headers: http.IncomingHttpHeaders, body: unknown): ScriptedResponse {
    const botAuth = headers.authorization === `Bot ${this.token}`;
    const unauthorized: ScriptedResponse = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    const message = (channelId: string) => ({ id: String(messageSeq++), channel_id: channelId, ...(body as object) });
    const invalid = embedProblems(body);
    if (invalid.length > 0 && (method === 'POST' || method === 'PATCH')) {
      return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { embeds: invalid } } };
    }
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (!botAuth) return unauthorized;
      const id = m[1]!;
      if (this.missingChannels.has(id)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      if (this.hiddenChannels.has(id)) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      return { status: 200, body: message(id) };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      if (this.missingWebhooks.has(m[1]!)) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      if (method === 'POST' || method === 'PATCH') return { status: 200, body: message('0') };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (method === 'GET' && path === '/gateway/bot') {
      if (!botAuth) return unauthorized;
      const url = `ws://127.0.0.1:${this.port}/gateway`;
      return {
        status: 200,
        body: {
          url,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/applications/@me')
      return botAuth ? { status: 200, body: { id: this.appId, name: 'regwatch' } } : unauthorized;
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (!botAuth) return unauthorized;
      const commands = Array.isArray(body) ? (body as object[]) : [];
      return {
        status: 200,
        body: commands.map((c, i) => ({
          id: String(200000000000000000n + BigInt(i)),
          application_id: this.appId,
          version: '1',
          ...c,
        })),
      };
    }
    if (method === 'GET' && /^\/guilds\/\d+\/roles$/.test(path))
      return botAuth ? { status: 200, body: this.roles } : unauthorized;
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }
}
