/**
 * Slack notifier: `chat.postMessage` with a bot token to `channel`, or an incoming-webhook URL (`webhook`) for teams
 * that only allow those. Slack's code lives in src/chat/slack/: rendering in slack-blocks.ts, its answers as
 * DeliveryErrors in slack-api.ts; this file sends and paces (about one message per second per channel,
 * https://docs.slack.dev/apis/web-api/rate-limits). The token is never logged.
 */
import type { webApi } from '@slack/bolt';
import * as z from 'zod';
import { slackLogger } from '../src/chat/slack/slack-logger.js';
import { builtOnce } from '../src/config/built-once.js';
import { channelBase } from '../src/config/channel-schema.js';
import { parseDuration } from '../src/config/duration.js';
import { KeyedLimiter } from '../src/limiter.js';
import { DeliveryError, type NotifierFactory } from '../src/notify/notifier.js';
import { postJson, retryAfterMs, type PostAnswer } from '../src/notify/post-json.js';
import type { Alert } from '../src/types.js';
import { alertChartImage } from '../src/charts/chart-images.js';
import {
  BLOCKS_REFUSED,
  ErrorCode,
  fromWebApiError,
  PERMANENT,
  slackApiUrl,
  slackError,
} from '../src/chat/slack/slack-api.js';
import { escapeText, renderAlertBlocks, slackLink } from '../src/chat/slack/slack-blocks.js';
import { uploadToSlack } from '../src/chat/slack/slack-upload.js';

const interval = () =>
  z
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

// Built on first use: a config without a Slack channel never builds it.
const schema = builtOnce(() =>
  z
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
      minInterval: interval(),
      timeout: z.number().int().positive().default(10_000),
      /** Alerts with a monthly figure get a small chart of its last 13 months in their thread (bot token only). */
      charts: z.boolean().default(false),
    })
    .refine((c) => (c.channel === undefined) !== (c.webhook === undefined), {
      error:
        'a slack channel needs either channel (posted with the bot token) or webhook (an incoming-webhook URL), not both',
    }),
);

type SlackConfig = z.output<ReturnType<typeof schema>>;

/** One pace per channel, shared by every notifier of the process (two channel entries posting to one channel). */
const paces = new KeyedLimiter({ concurrency: Infinity });

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
  get schema() {
    return schema();
  },
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
      let response: PostAnswer;
      try {
        response = await postJson(
          config.webhook ?? '',
          JSON.stringify({ ...payload, ...unfurl }),
          { 'content-type': 'application/json' },
          config.timeout,
        );
      } catch (error) {
        const reason = (error as Error).message;
        throw new DeliveryError(
          `slack webhook: ${reason === 'timed out' ? reason : `request failed (${reason})`}`,
          true,
        );
      }
      const body = response.text.trim();
      if (response.status >= 200 && response.status < 300) return 'ok';
      if (response.status === 429) {
        const wait = retryAfterMs(response.header('retry-after')) ?? 1000;
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
