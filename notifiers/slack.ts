/**
 * Slack notifier: `chat.postMessage` with a bot token to `channel`, or an incoming-webhook URL (`webhook`) for teams
 * that only allow those. Rendering is in slack-blocks.ts; this file sends, paces (about one message per second per
 * channel, https://docs.slack.dev/apis/web-api/rate-limits) and maps Slack's answers to DeliveryErrors the outbox
 * understands: 429 waits Retry-After, 5xx and network errors are retried, a deleted channel or a revoked token is a
 * permanent failure with what to do. The token is never logged.
 */
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import { slackLogger } from '../src/chat/slack/slack-logger.js';
import { channelBase } from '../src/config/channel-schema.js';
import { parseDuration } from '../src/config/duration.js';
import { KeyedLimiter } from '../src/limiter.js';
import { DeliveryError, type NotifierFactory } from '../src/notify/notifier.js';
import type { Alert } from '../src/types.js';
import { alertChartImage } from '../src/charts/chart-images.js';
import { escapeText, renderAlertBlocks, slackLink } from '../src/chat/slack/slack-blocks.js';
import { uploadToSlack } from '../src/chat/slack/slack-upload.js';

const interval = z
  .union([z.string(), z.number()])
  .default(1000)
  .transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `bad interval "${value}": use e.g. 1s or 500ms` });
      return z.NEVER;
    }
    return ms;
  });

const schema = z
  .strictObject({
    ...channelBase,
    type: z.literal('slack'),
    /** Channel id (C0123…) or #name, posted to with the bot token. */
    channel: z.string().min(1).optional(),
    /** Or an incoming-webhook URL (the channel is fixed by the URL). */
    webhook: z.url({ protocol: /^https?$/, error: 'slack webhook must be an absolute http(s) URL' }).optional(),
    /** Bot token (xoxb-…); default: the SLACK_BOT_TOKEN environment variable. */
    token: z.string().min(1).optional(),
    /** Let Slack unfurl the watched page's link (off: watched URLs never expand into previews). */
    unfurl: z.boolean().default(false),
    /** Least time between two messages to this channel. */
    minInterval: interval,
    timeout: z.number().int().positive().default(10_000),
    /** Alerts with a monthly figure get a small chart of its last 13 months in their thread (bot token only). */
    charts: z.boolean().default(false),
  })
  .refine((c) => (c.channel === undefined) !== (c.webhook === undefined), {
    error:
      'a slack channel needs either channel (posted with the bot token) or webhook (an incoming-webhook URL), not both',
  });

type SlackConfig = z.output<typeof schema>;

/** Slack errors that will not go away by retrying, with what an operator should do. */
const PERMANENT: Record<string, string> = {
  channel_not_found:
    'the channel does not exist or the bot cannot see it: check `channel` in notify.yaml (use the channel id, e.g. C0123ABCD) and invite the bot with /invite @regwatch',
  not_in_channel:
    'the bot is not a member of the channel: run /invite @regwatch in it, or add the chat:write.public scope',
  is_archived: 'the channel is archived: unarchive it or point `channel` at another one',
  channel_is_archived: 'the channel is archived: unarchive it or point `channel` at another one',
  invalid_auth: 'Slack rejected the bot token: check SLACK_BOT_TOKEN (an xoxb- token of the installed app)',
  not_authed: 'no bot token was sent: set SLACK_BOT_TOKEN',
  account_inactive:
    'the bot token belongs to a deleted user or a deactivated app: reinstall the app and update SLACK_BOT_TOKEN',
  token_revoked: 'the bot token was revoked: reinstall the app to the workspace and update SLACK_BOT_TOKEN',
  token_expired: 'the bot token expired: reinstall the app (or turn off token rotation) and update SLACK_BOT_TOKEN',
  missing_scope:
    'the app lacks a scope: add chat:write (and chat:write.public for channels the bot has not joined) and reinstall',
  restricted_action: 'the workspace does not let the bot post there: ask a workspace admin',
  no_service: 'the incoming webhook was disabled: create a new one and update `webhook` in notify.yaml',
  no_service_id: 'the incoming webhook URL is incomplete: copy it again from the app settings',
  no_team: 'the incoming webhook URL is incomplete: copy it again from the app settings',
  team_disabled: 'the workspace of this webhook is disabled',
  action_prohibited: 'an admin restricted posting to this channel',
  posting_to_general_channel_denied: 'only admins may post to this channel: choose another channel',
};

/** Slack answers that mean this message's blocks were refused: it goes out again as plain text, once. */
const BLOCKS_REFUSED = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_blocks_too_long',
  'msg_too_long',
  'too_many_attachments',
]);

/** Slack's own transient errors (HTTP 200 with ok:false). */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
]);

/** One pace per channel, shared by every notifier of the process (two channel entries posting to one channel). */
const paces = new KeyedLimiter({ concurrency: Infinity });

function slackError(where: string, code: string, retryAfterMs?: number): DeliveryError {
  const hint = PERMANENT[code];
  if (hint) return new DeliveryError(`slack ${where}: ${code}`, false, undefined, hint);
  if (TRANSIENT.has(code)) return new DeliveryError(`slack ${where}: ${code}`, true, retryAfterMs);
  return new DeliveryError(
    `slack ${where}: ${code}`,
    true,
    retryAfterMs,
    `Slack answered ${code}: see https://docs.slack.dev/reference/methods/chat.postMessage#errors`,
  );
}

/** @slack/web-api's error codes (its ErrorCode enum), so this module does not load Bolt until a message is sent. */
const ErrorCode = {
  RequestError: 'slack_webapi_request_error',
  HTTPError: 'slack_webapi_http_error',
  PlatformError: 'slack_webapi_platform_error',
  RateLimitedError: 'slack_webapi_rate_limited_error',
} as const;

/** Slack's answer to a Web API call, as a DeliveryError. */
function fromWebApiError(error: unknown, where: string): DeliveryError {
  const e = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    original?: Error;
    message?: string;
  };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return new DeliveryError(
        `slack ${where}: rate limited (retry after ${e.retryAfter ?? 1}s)`,
        true,
        (e.retryAfter ?? 1) * 1000,
      );
    case ErrorCode.PlatformError:
      return slackError(where, e.data?.error ?? 'unknown_error');
    case ErrorCode.HTTPError:
      return new DeliveryError(`slack ${where}: HTTP ${e.statusCode ?? '?'}`, true);
    case ErrorCode.RequestError: {
      const cause =
        (e.original as { cause?: { code?: string } } | undefined)?.cause?.code ?? e.original?.name ?? 'network error';
      return new DeliveryError(`slack ${where}: request failed (${cause})`, true);
    }
    default:
      return new DeliveryError(`slack ${where}: ${e.message ?? String(error)}`, true);
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined;
}

/** The Web API base URL: SLACK_API_URL (a proxy, or a local fake in tests), else Slack's. */
export function slackApiUrl(env: NodeJS.ProcessEnv): string {
  return env.SLACK_API_URL || 'https://slack.com/api/';
}

type Payload = {
  text: string;
  blocks?: ReturnType<typeof renderAlertBlocks>['blocks'];
  channel?: string;
  thread_ts?: string;
};

/** Where an alert was posted with the bot token, so a later source of the same event can be added in its thread. */
type PostedAt = { channel: string; ts: string };
const postedKey = (destination: string, alertId: string) => `slack:posted:${destination}:${alertId}`;
/** Long enough for the reposts of an event (they come within days), short enough not to keep every message. */
const POSTED_TTL_MS = 60 * 24 * 3600_000;

/** Posts alerts to a Slack channel (bot token) or an incoming webhook, paced per channel. */
export const slackNotifier: NotifierFactory<SlackConfig> = {
  type: 'slack',
  schema,
  create(config, ctx) {
    const log = ctx.logger.child({ destination: config.id });
    const token = config.token ?? ctx.env.SLACK_BOT_TOKEN;
    const paceKey = config.webhook ? `webhook:${config.webhook}` : `channel:${config.channel ?? ''}`;
    const unfurl = { unfurl_links: config.unfurl, unfurl_media: config.unfurl };
    // The Web API client is built on the first message: Bolt is only loaded by processes that post to Slack.
    let client: Promise<webApi.WebClient> | undefined;
    const getClient = (t: string) =>
      (client ??= import('@slack/bolt').then(
        ({ webApi: api }) =>
          new api.WebClient(t, {
            slackApiUrl: slackApiUrl(ctx.env),
            allowAbsoluteUrls: false,
            rejectRateLimitedCalls: true,
            retryConfig: { retries: 0 },
            timeout: config.timeout,
            logger: slackLogger(log, 'slack-web-api'),
          }),
      ));

    /** Post once; 'refused' when Slack rejected the blocks themselves (the alert then goes out as plain text). */
    async function postWithToken(payload: Payload, alertId?: string): Promise<'ok' | 'refused'> {
      if (!token)
        throw new DeliveryError(
          'slack: no bot token',
          false,
          undefined,
          'set SLACK_BOT_TOKEN (or token: in notify.yaml) to post with chat.postMessage, or use webhook: instead',
        );
      let answer: { channel?: string; ts?: string };
      try {
        answer = await (
          await getClient(token)
        ).chat.postMessage({ channel: config.channel ?? '', ...payload, ...unfurl, link_names: false });
      } catch (error) {
        const code =
          (error as { code?: string; data?: { error?: string } }).code === ErrorCode.PlatformError
            ? (error as { data?: { error?: string } }).data?.error
            : undefined;
        if (code && BLOCKS_REFUSED.has(code)) return 'refused';
        throw fromWebApiError(error, `chat.postMessage to ${config.channel ?? ''}`);
      }
      if (alertId && answer.channel && answer.ts) {
        const at: PostedAt = { channel: answer.channel, ts: answer.ts };
        // Only for thread replies later: the alert is delivered whether or not this is remembered.
        await ctx.store
          .set(postedKey(config.id, alertId), at, POSTED_TTL_MS)
          .catch((error: unknown) =>
            log.warn({ alert: alertId, err: (error as Error).message }, 'could not remember the post'),
          );
      }
      return 'ok';
    }

    async function postToWebhook(payload: Payload): Promise<'ok' | 'refused'> {
      let response: Response;
      try {
        response = await fetch(config.webhook ?? '', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...payload, ...unfurl }),
          signal: AbortSignal.timeout(config.timeout),
          redirect: 'error',
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        throw new DeliveryError(
          `slack webhook: ${cause === 'TimeoutError' ? 'timed out' : `request failed (${cause})`}`,
          true,
        );
      }
      const body = (await response.text().catch(() => '')).trim();
      if (response.ok) return 'ok';
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers.get('retry-after')) ?? 1000;
        throw new DeliveryError(`slack webhook: rate limited (retry after ${wait / 1000}s)`, true, wait);
      }
      if (response.status >= 500) throw new DeliveryError(`slack webhook: HTTP ${response.status}`, true);
      const code = /^[a-z_]+$/.test(body) ? body : `http_${response.status}`;
      if (BLOCKS_REFUSED.has(code) || code === 'invalid_payload') return 'refused';
      if (PERMANENT[code] || [403, 404, 410].includes(response.status)) {
        throw new DeliveryError(
          `slack webhook: ${code}`,
          false,
          undefined,
          PERMANENT[code] ??
            'the webhook URL no longer works: create a new incoming webhook and update `webhook` in notify.yaml',
        );
      }
      throw slackError('webhook', code);
    }

    const post = config.webhook ? postToWebhook : postWithToken;

    /** One paced post; a Retry-After also holds back this channel's next message. */
    async function deliver(payload: Payload, alertId?: string): Promise<'ok' | 'refused'> {
      try {
        return await paces.run(paceKey, () => post(payload, alertId), { spacingMs: config.minInterval });
      } catch (error) {
        if (error instanceof DeliveryError && error.retryAfterMs !== undefined)
          paces.pauseFor(paceKey, error.retryAfterMs);
        throw error;
      }
    }

    /** The 13-month chart in the alert's thread; a failure is logged, never retried (the alert went out). */
    async function attachChart(alert: Alert): Promise<void> {
      if (!config.charts || config.webhook || !token) return;
      try {
        const image = await alertChartImage(ctx.store, alert, log);
        const at = image ? await ctx.store.get<PostedAt>(postedKey(config.id, alert.id)) : undefined;
        if (!image || !at) return;
        const file = {
          filename: image.filename,
          title: image.title,
          contentType: 'image/png' as const,
          data: image.png,
        };
        await uploadToSlack(slackApiUrl(ctx.env), { token, channelId: at.channel, threadTs: at.ts, file }, log);
      } catch (error) {
        log.warn({ alert: alert.id, err: (error as Error).message }, 'could not attach the chart (needs files:write)');
      }
    }

    return {
      id: config.id,
      type: 'slack',
      async send(alert: Alert) {
        const rendered = renderAlertBlocks(alert);
        if ((await deliver(rendered, alert.id)) === 'ok') return attachChart(alert);
        log.warn({ alert: alert.id }, 'slack refused the blocks; sending the alert as plain text');
        const fallback = await deliver(
          { text: `${rendered.text}\n${slackLink(alert.url, 'Open the document')}` },
          alert.id,
        );
        if (fallback === 'refused')
          throw new DeliveryError(
            'slack: the message was refused even as plain text',
            false,
            undefined,
            'see the logs for the alert; report it as a bug',
          );
      },
      /** Another source of an alerted event: a reply in the alert's thread (bot-token channels; webhooks cannot thread). */
      async update(alert: Alert, extra: { url: string; source: string }) {
        if (config.webhook) return;
        const at = await ctx.store.get<PostedAt>(postedKey(config.id, alert.id));
        if (!at) return;
        const text = `Also reported by ${escapeText(extra.source)}: ${slackLink(extra.url, extra.url)}`;
        await deliver({ text, channel: at.channel, thread_ts: at.ts });
      },
    };
  },
};
