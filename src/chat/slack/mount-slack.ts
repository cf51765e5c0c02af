/**
 * `/regwatch` in Slack through Bolt. Two transports: Socket Mode when SLACK_APP_TOKEN is set (no public URL needed),
 * else Bolt's HTTPReceiver mounted on the daemon's own HTTP server at /slack/events, where every request must carry a
 * valid `X-Slack-Signature` (signing secret) and a timestamp within five minutes of now, either way (Bolt alone only
 * rejects old ones). Commands are acknowledged at once and answered through `response_url`.
 */
import { App, HTTPReceiver, webApi, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { renderAnswerBlocks } from './slack-blocks.js';
import { uploadToSlack } from './slack-upload.js';
import { COMMANDS, parseCommandText, runCommand } from '../../commands/index.js';
import { commandContext } from '../../commands/context.js';
import type { Daemon } from '../../daemon.js';
import type { Store } from '../../store/store.js';
import { atMost, connectInBackground, rootMessage } from '../reach-in-background.js';
import { firstSighting, readChatBody } from '../request-guard.js';
import { slackLogger } from './slack-logger.js';
import { slackApiUrl } from './slack-api.js';

/** Slack's replay window: https://docs.slack.dev/authentication/verifying-requests-from-slack */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;
export const SLACK_EVENTS_PATH = '/slack/events';
/** How long a workspace-admin lookup (users.info) is trusted: a demotion in Slack holds within this. */
export const ADMIN_CACHE_MS = 60_000;

export interface SlackChat {
  app: App;
  mode: 'http' | 'socket';
}

/** Why a request's timestamp is unacceptable (missing, malformed, or more than five minutes off), or null. */
export function timestampProblem(header: string | string[] | undefined, nowMs = Date.now()): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 'missing X-Slack-Request-Timestamp';
  if (!/^\d+$/.test(value)) return 'malformed X-Slack-Request-Timestamp';
  const skew = Math.abs(nowMs / 1000 - Number(value));
  return skew > SLACK_TIMESTAMP_WINDOW_S
    ? `X-Slack-Request-Timestamp is ${Math.round(skew)}s away from now (replay window is ${SLACK_TIMESTAMP_WINDOW_S}s)`
    : null;
}

/** Admins: the user ids in settings.chat.slackAdmins, and the workspace's admins and owners (users.info, cached). */
function adminCheck(daemon: Daemon, app: App, logger: Logger, now: () => number): (userId: string) => Promise<boolean> {
  const cache = new Map<string, { admin: boolean; until: number }>();
  return async (userId) => {
    if (daemon.runner.config.settings.chat.slackAdmins.includes(userId)) return true;
    const cached = cache.get(userId);
    if (cached && cached.until > now()) return cached.admin;
    try {
      const info = await app.client.users.info({ user: userId });
      const admin = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
      cache.set(userId, { admin, until: now() + ADMIN_CACHE_MS });
      return admin;
    } catch (error) {
      logger.warn(
        { user: userId, err: (error as Error).message },
        'could not look up the Slack user (users.info needs the users:read scope); treating as not an admin',
      );
      return false;
    }
  };
}

/** Mount Slack on the daemon: Socket Mode with SLACK_APP_TOKEN, else the HTTP endpoint. Returns undefined when not configured. */
export async function mountSlack(
  daemon: Daemon,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  opts: { now?: () => number } = {},
): Promise<SlackChat | undefined> {
  const token = env.SLACK_BOT_TOKEN;
  const signingSecret = env.SLACK_SIGNING_SECRET;
  const appToken = env.SLACK_APP_TOKEN;
  if (!token || (!signingSecret && !appToken)) return undefined;
  const log = logger.child({ component: 'slack' });
  const clientOptions = { slackApiUrl: slackApiUrl(env), allowAbsoluteUrls: false };
  // The root logger: its own `component` names Bolt, not a second `component` key beside "slack".
  const boltLogger = slackLogger(logger, 'slack-bolt');
  let connected = false;

  let app: App;
  let mode: SlackChat['mode'];
  if (appToken) {
    mode = 'socket';
    app = new App({
      token,
      appToken,
      socketMode: true,
      clientOptions,
      installerOptions: { clientOptions },
      logger: boltLogger,
      deferInitialization: true,
    });
  } else {
    mode = 'http';
    const receiver = new HTTPReceiver({
      signingSecret: signingSecret ?? '',
      endpoints: [SLACK_EVENTS_PATH],
      logger: boltLogger,
      processBeforeResponse: false,
    });
    app = new App({ token, receiver, clientOptions, logger: boltLogger, deferInitialization: true });
    const guard = { secret: signingSecret ?? '', store: daemon.runner.store };
    daemon.chatServer.mount('/slack', (req, res) => handleHttp(req, res, receiver, guard, log, () => connected));
  }

  const context = commandContext(daemon);
  const isAdmin = adminCheck(daemon, app, log, opts.now ?? Date.now);
  app.command(/^\/regwatch/, async ({ command, ack, respond }: SlackCommandMiddlewareArgs) => {
    // Slack waits 3 s for the ack: nothing touches the store or the network before it.
    await ack();
    const { name, args } = parseCommandText(command.text ?? '');
    const spec = COMMANDS.find((c) => c.name === name);
    try {
      const answer = await runCommand(
        {
          name,
          args,
          platform: 'slack',
          channelId: command.channel_id,
          userId: command.user_id,
          isAdmin: spec?.adminOnly ? await isAdmin(command.user_id) : false,
        },
        context,
      );
      const { text, blocks } = renderAnswerBlocks(answer);
      await respond({ response_type: answer.ephemeral ? 'ephemeral' : 'in_channel', text, blocks });
      // The chart goes to the channel as a file (a response_url cannot carry one).
      const file = answer.ephemeral ? null : ((await answer.chart?.().catch(() => null)) ?? null);
      if (file)
        await uploadToSlack(slackApiUrl(env), { token, channelId: command.channel_id, file }, log).catch(
          (error: unknown) =>
            log.warn(
              { command: name, err: (error as Error).message },
              'could not upload the chart: the app needs the files:write scope and the bot must be in the channel',
            ),
        );
      log.info(
        { command: name, channel: command.channel_id, user: command.user_id, error: answer.error ?? false },
        'answered /regwatch',
      );
    } catch (error) {
      log.error({ command: name, err: (error as Error).message }, 'could not answer /regwatch');
    }
  });
  app.error((error) => {
    log.error({ err: error.message }, 'Slack handler failed');
    return Promise.resolve();
  });

  // auth.test once without the client's own retries (they would hold the start for half an hour): an unreachable
  // Slack is retried in the background while the watches run; a refused token is said once, clearly.
  // Its own failures are said once below, not by web-api on every retry.
  const quiet = slackLogger(logger.child({}, { level: 'silent' }), 'slack-probe');
  const probe = new webApi.WebClient(token, { ...clientOptions, retryConfig: { retries: 0 }, logger: quiet });
  const connecting = connectInBackground({
    service: 'Slack',
    address: slackApiUrl(env),
    check: 'check this machine can reach it (firewall, proxy: HTTPS_PROXY), and SLACK_API_URL if set',
    log,
    attempt: async () => {
      await probe.auth.test();
      await app.init();
      if (mode === 'socket') {
        await app.start();
        daemon.onStop(() => app.stop().then(() => undefined));
      }
      connected = true;
      log.info({ mode, endpoint: mode === 'http' ? SLACK_EVENTS_PATH : undefined }, 'Slack /regwatch ready');
    },
    onRefused: (error) =>
      log.error(
        { err: rootMessage(error) },
        `Slack did not accept the bot token (${rootMessage(error)}): check SLACK_BOT_TOKEN (and SLACK_APP_TOKEN for ` +
          'Socket Mode); /regwatch stays off until the daemon restarts with a good token',
      ),
  });
  daemon.onStop(() => Promise.resolve(connecting.stop()));
  // A reachable Slack is ready before the daemon says it is running; an unreachable one holds the start 10 s at most.
  await atMost(connecting.firstAttempt, 10_000);
  return { app, mode };
}

/** Whether `signature` is Slack's v0 HMAC of `v0:<timestamp>:<body>` with the signing secret (constant time). */
export function slackSignatureValid(secret: string, timestamp: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Only signed POSTs to /slack/events with a fresh timestamp, a body within the cap, and never seen before reach Bolt
 * (which checks the signature again and answers).
 */
async function handleHttp(
  req: IncomingMessage,
  res: ServerResponse,
  receiver: HTTPReceiver,
  guard: { secret: string; store: Store },
  log: Logger,
  connected: () => boolean,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== SLACK_EVENTS_PATH) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: Slack requests go to ${SLACK_EVENTS_PATH}\n`);
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Slack requests are POSTs\n');
    return;
  }
  const timestamp = req.headers['x-slack-request-timestamp'];
  const problem = timestampProblem(timestamp);
  if (problem) {
    log.warn({ problem }, 'refused a Slack request');
    req.resume();
    res.writeHead(401).end();
    return;
  }
  const body = await readChatBody(req, res, log);
  if (!body) return;
  const signature = String(req.headers['x-slack-signature'] ?? '');
  if (!slackSignatureValid(guard.secret, String(timestamp), body, signature)) {
    log.warn({ from: req.socket.remoteAddress }, 'refused a Slack request: invalid signature');
    res.writeHead(401).end();
    return;
  }
  // The same signed request again (captured and replayed within the window) is answered once, by one replica.
  if (!(await firstSighting(guard.store, `slack:${String(timestamp)}:${signature}`))) {
    log.warn({ from: req.socket.remoteAddress }, 'refused a replayed Slack request');
    res.writeHead(401).end();
    return;
  }
  if (!connected()) {
    res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '30' }).end('Slack is not connected yet\n');
    return;
  }
  // Bolt reads an already-read body from `rawBody`.
  Object.assign(req, { rawBody: body });
  receiver.requestListener(req, res);
}
