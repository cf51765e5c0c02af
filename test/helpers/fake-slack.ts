/**
 * A local imitation of the Slack Web API on a real loopback port: `auth.test`, `chat.postMessage`, `users.info`,
 * `conversations.info`, incoming webhooks (`/hooks/…`) and a `response_url` sink (`/respond/…`). It accepts the wire
 * format web-api sends (form-encoded, `blocks` as a JSON string, token in `Authorization: Bearer`), checks Block Kit
 * limits like Slack does (`invalid_blocks`), records every request, and can be told to answer the next requests with
 * a 429 + Retry-After, a 5xx or a Slack error such as `channel_not_found`.
 *
 * Socket Mode: `apps.connections.open` (app token) hands out `ws://…/link`; the fake says hello and can push a
 * slash-command envelope, resolving with the bot's ack.
 *
 * File uploads (files.uploadV2): `files.getUploadURLExternal` hands out `http://…/upload/<file id>`, which records the
 * bytes (`uploads`), and `files.completeUploadExternal` shares them (its params are recorded like any call).
 *
 * Point the bot at it with `SLACK_API_URL = fake.api`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SlackRequest {
  /** Web API method (chat.postMessage), `hook` or `respond`. */
  method: string;
  path: string;
  /** Form fields or JSON body; `blocks` parsed from its JSON string. */
  params: Record<string, unknown>;
  token: string | null;
  status: number;
  /** What the fake answered in the JSON `error` field, if anything. */
  error?: string;
  /** The Web API answer (its `ts` for a post). */
  answer?: Record<string, unknown>;
  at: number;
}

/** A file that reached the upload URL (files.uploadV2 step 2), with the bytes as received. */
export interface SlackUploadedFile {
  fileId: string;
  filename: string;
  bytes: Buffer;
  contentType: string;
}

export interface ScriptedAnswer {
  /** HTTP status (default 200). */
  status?: number;
  /** Slack error code, sent as {ok:false,error} (HTTP 200 for the Web API, plain text for webhooks). */
  error?: string;
  headers?: Record<string, string>;
  /** Only for this method (`chat.postMessage`, `hook`, …); default any. */
  method?: string;
  /** Only for posts to this channel. */
  channel?: string;
  times?: number;
}

export interface SlackUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string }> };

/** Block Kit limits as Slack enforces them (https://docs.slack.dev/reference/block-kit/blocks). */
export function blockProblems(blocks: unknown): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const problems: string[] = [];
  if (blocks.length > 50) problems.push('more than 50 blocks');
  for (const b of blocks as Block[]) {
    if (b.type === 'header' && (b.text?.text.length ?? 0) > 150) problems.push('header text > 150');
    if (b.type === 'section' && ((b.text?.text.length ?? 0) > 3000 || (b.text?.text.length ?? 0) === 0))
      problems.push('section text not 1–3000');
    if (b.type === 'context' && (b.elements?.length ?? 0) > 10) problems.push('context > 10 elements');
  }
  if (JSON.stringify(blocks).length > 12_000) problems.push('msg_blocks_too_long');
  return problems;
}

export class FakeSlack {
  readonly requests: SlackRequest[] = [];
  /** Valid bot tokens. */
  readonly tokens = new Set<string>(['xoxb-test-token']);
  /** Channels the bot may post to; `channel_not_found` for others. */
  readonly channels = new Set<string>(['C0ALERTS']);
  readonly users = new Map<string, SlackUser>();
  /** Files whose bytes arrived at an upload URL, by file id. */
  readonly uploads = new Map<string, SlackUploadedFile>();
  private readonly pendingUploads = new Map<string, string>();
  private readonly script: ScriptedAnswer[] = [];
  private readonly waiters: Array<{ match: (r: SlackRequest) => boolean; resolve: (r: SlackRequest) => void }> = [];
  /** Valid app-level tokens (Socket Mode). */
  readonly appTokens = new Set<string>(['xapp-test-token']);
  private server = http.createServer((req, res) => this.handle(req, res));
  private readonly wss = new WebSocketServer({ server: this.server, path: '/link' });
  private sockets: WebSocket[] = [];
  private connected: Array<() => void> = [];
  private port = 0;
  private ts = 1_700_000_000;

  /** Base URL for SLACK_API_URL. */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  hookUrl(id = 'T1/B1/secret'): string {
    return `http://127.0.0.1:${this.port}/hooks/${id}`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.wss.on('connection', (ws) => {
      this.sockets.push(ws);
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake', approximate_connection_time: 3600 },
          connection_info: { app_id: 'A0APP' },
        }),
      );
      for (const resolve of this.connected.splice(0)) resolve();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once a Socket Mode client has connected and been greeted. */
  socketConnected(): Promise<void> {
    if (this.sockets.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.connected.push(resolve));
  }

  /** Push a slash command over Socket Mode; resolves with the bot's ack (`{envelope_id, payload?}`). */
  pushSlashCommand(payload: Record<string, string>): Promise<{ envelope_id: string; payload?: unknown }> {
    const ws = this.sockets.at(-1);
    if (!ws) return Promise.reject(new Error('fake Slack: no Socket Mode client connected'));
    const envelopeId = `env-${++this.ts}`;
    return new Promise((resolve) => {
      const onMessage = (data: Buffer) => {
        const ack = JSON.parse(data.toString()) as { envelope_id: string; payload?: unknown };
        if (ack.envelope_id !== envelopeId) return;
        ws.off('message', onMessage);
        resolve(ack);
      };
      ws.on('message', onMessage);
      ws.send(
        JSON.stringify({ envelope_id: envelopeId, type: 'slash_commands', accepts_response_payload: true, payload }),
      );
    });
  }

  /** Answer the next matching request(s) this way instead of normally. */
  answerNext(answer: ScriptedAnswer): void {
    this.script.push({ times: 1, ...answer });
  }

  /** Successful posts (chat.postMessage and webhooks). */
  get posted(): SlackRequest[] {
    return this.requests.filter(
      (r) => (r.method === 'chat.postMessage' || r.method === 'hook') && r.status === 200 && !r.error,
    );
  }

  calls(method: string): SlackRequest[] {
    return this.requests.filter((r) => r.method === method);
  }

  /** Resolves with the first request (already made or coming) that matches; rejects after `timeoutMs`. */
  waitFor(match: (r: SlackRequest) => boolean, timeoutMs = 8000): Promise<SlackRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Slack: the expected request never came')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** The `n`th (1-based) successful post, waiting for it. */
  nthPost(n: number, timeoutMs?: number): Promise<SlackRequest> {
    let seen = 0;
    return this.waitFor(
      (r) => (r.method === 'chat.postMessage' || r.method === 'hook') && r.status === 200 && !r.error && ++seen === n,
      timeoutMs,
    );
  }

  private record(r: SlackRequest): void {
    this.requests.push(r);
    for (const w of [...this.waiters]) {
      if (w.match(r)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
  }

  private scripted(method: string, params: Record<string, unknown>): ScriptedAnswer | undefined {
    const i = this.script.findIndex(
      (s) => (!s.method || s.method === method) && (!s.channel || s.channel === params.channel),
    );
    if (i < 0) return undefined;
    const s = this.script[i] as ScriptedAnswer;
    s.times = (s.times ?? 1) - 1;
    if (s.times <= 0) this.script.splice(i, 1);
    return s;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const upload = /^\/upload\/(F\w+)$/.exec(path);
      if (upload) {
        const fileId = upload[1]!;
        this.uploads.set(fileId, {
          fileId,
          filename: this.pendingUploads.get(fileId) ?? '',
          bytes,
          contentType: String(req.headers['content-type'] ?? ''),
        });
        this.record({ method: 'upload', path, params: { file_id: fileId }, token: null, status: 200, at: Date.now() });
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
        return;
      }
      const params = parseBody(raw, req.headers['content-type'] ?? '');
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ')
        ? auth.slice(7)
        : typeof params.token === 'string'
          ? params.token
          : null;
      const method = path.startsWith('/api/')
        ? path.slice(5)
        : path.startsWith('/hooks/')
          ? 'hook'
          : path.startsWith('/respond/')
            ? 'respond'
            : path;
      const base = { method, path, params, token, at: Date.now() };

      const scripted = this.scripted(method, params);
      if (scripted) {
        const status = scripted.status ?? 200;
        this.record({ ...base, status, ...(scripted.error ? { error: scripted.error } : {}) });
        const body =
          method === 'hook'
            ? (scripted.error ?? 'error')
            : JSON.stringify(scripted.error ? { ok: false, error: scripted.error } : { ok: false });
        res
          .writeHead(status, {
            'content-type': method === 'hook' ? 'text/plain' : 'application/json',
            ...scripted.headers,
          })
          .end(body);
        return;
      }
      if (method === 'hook' || method === 'respond') {
        const problems = blockProblems(params.blocks);
        const error = problems.length ? 'invalid_blocks' : undefined;
        this.record({ ...base, status: error ? 400 : 200, ...(error ? { error } : {}) });
        res.writeHead(error ? 400 : 200, { 'content-type': 'text/plain' }).end(error ?? 'ok');
        return;
      }
      const answer = this.webApi(method, params, token);
      this.record({ ...base, status: 200, answer, ...(answer.ok ? {} : { error: String(answer.error) }) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  }

  private webApi(method: string, params: Record<string, unknown>, token: string | null): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      return token && this.appTokens.has(token)
        ? { ok: true, url: `ws://127.0.0.1:${this.port}/link` }
        : { ok: false, error: 'invalid_auth' };
    }
    if (!token || !this.tokens.has(token)) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'regwatch',
          team_id: 'T0FAKE',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage': {
        const channel = str(params.channel);
        if (!this.channels.has(channel)) return { ok: false, error: 'channel_not_found' };
        if (typeof params.text !== 'string' && params.blocks === undefined) return { ok: false, error: 'no_text' };
        const problems = blockProblems(params.blocks);
        if (problems.length)
          return {
            ok: false,
            error: problems.includes('msg_blocks_too_long') ? 'msg_blocks_too_long' : 'invalid_blocks',
            errors: problems,
          };
        return { ok: true, channel, ts: `${this.ts++}.000100` };
      }
      case 'files.getUploadURLExternal': {
        if (!str(params.filename) || !Number(params.length)) return { ok: false, error: 'invalid_arguments' };
        const fileId = `F${this.ts++}`;
        this.pendingUploads.set(fileId, str(params.filename));
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = JSON.parse(str(params.files) || '[]') as Array<{ id: string; title?: string }>;
        if (files.some((f) => !this.uploads.has(f.id))) return { ok: false, error: 'file_not_found' };
        const channel = str(params.channel_id);
        if (channel && !this.channels.has(channel)) return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          files: files.map((f) => ({ id: f.id, title: f.title ?? '', name: this.uploads.get(f.id)?.filename })),
        };
      }
      case 'users.info': {
        const user = this.users.get(str(params.user));
        return user
          ? { ok: true, user: { is_admin: false, is_owner: false, is_primary_owner: false, ...user } }
          : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.info': {
        const channel = str(params.channel);
        return this.channels.has(channel)
          ? { ok: true, channel: { id: channel, name: channel.toLowerCase() } }
          : { ok: false, error: 'channel_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  let params: Record<string, unknown>;
  if (contentType.includes('application/json')) {
    try {
      params = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  } else {
    params = Object.fromEntries(new URLSearchParams(raw));
  }
  if (typeof params.blocks === 'string') {
    try {
      params.blocks = JSON.parse(params.blocks) as unknown;
    } catch {
      /* left as the string Slack would refuse */
    }
  }
  return params;
}
