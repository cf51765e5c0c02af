import { createHash } from 'node:crypto';
import * as z from 'zod';
import { builtOnce } from '../src/config/built-once.js';
import { channelBase } from '../src/config/channel-schema.js';
import { DeliveryError, type NotifierFactory } from '../src/notify/notifier.js';
import type { Alert } from '../src/types.js';
import { alertChartImage } from '../src/charts/chart-images.js';
import { alertEmbed, cut, isHttpUrl, plainText, withAttachedImage } from '../src/chat/discord/discord-embed.js';
import { deliveryError } from '../src/chat/discord/discord-errors.js';

/** Message flag: no link previews under the message (https://discord.com/developers/docs/resources/message#message-object-message-flags). */
const SUPPRESS_EMBEDS = 1 << 2;

type DiscordJs = typeof import('discord.js');
type DiscordRestModule = typeof import('../src/chat/discord/discord-rest.js');

let loading: Promise<[DiscordJs, DiscordRestModule]> | undefined;
/** discord.js is loaded on the first Discord delivery, so commands that never post to Discord do not pay for it. */
function loadDiscord(): Promise<[DiscordJs, DiscordRestModule]> {
  loading ??= Promise.all([import('discord.js'), import('../src/chat/discord/discord-rest.js')]);
  return loading;
}

/** A Discord id (snowflake): https://discord.com/developers/docs/reference#snowflakes */
const snowflake = () =>
  z
    .string()
    .regex(
      /^\d{17,20}$/,
      'a Discord channel id is 17–20 digits: turn on Developer Mode, right-click the channel, Copy Channel ID',
    );

/** `https://discord.com/api[/vN]/webhooks/{id}/{token}`; any host is accepted so a proxy or a local fake can stand in. */
const WEBHOOK_URL = /^(https?:\/\/[^/?#]+(?:\/[^?#]*?)?)\/webhooks\/(\d+)\/([\w-]+)\/?$/;
const DISCORD_HOSTS = /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\//;

// Built on first use: a config without a Discord channel never builds it.
const schema = builtOnce(() =>
  z
    .strictObject({
      ...channelBase,
      type: z.literal('discord'),
      /** A channel id; the bot (token from `token_env`) posts there. */
      channel: snowflake().optional(),
      /** A webhook URL (Channel settings → Integrations → Webhooks); no bot needed. */
      webhook: z
        .string()
        .regex(WEBHOOK_URL, 'webhook must look like https://discord.com/api/webhooks/ID/TOKEN')
        .optional(),
      /** The environment variable holding the bot token. */
      token_env: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'token_env names an environment variable')
        .default('DISCORD_TOKEN'),
      /** Alerts with a monthly figure carry a small chart of its last 13 months as an attachment. */
      charts: z.boolean().default(false),
    })
    .refine((c) => (c.channel === undefined) !== (c.webhook === undefined), {
      message:
        'a discord channel needs exactly one of channel (a channel id, posted by the bot) or webhook (a webhook URL)',
      path: ['channel'],
    }),
);

type DiscordChannelConfig = z.output<ReturnType<typeof schema>>;

/** Where a message goes: a channel through the bot, or a webhook. Tokens stay in here and are never logged. */
type Target =
  | { kind: 'channel'; channelId: string; tokenEnv: string }
  | { kind: 'webhook'; webhookId: string; webhookToken: string; apiBase: string | undefined };

function webhookTarget(url: string): Target {
  const m = WEBHOOK_URL.exec(url);
  if (!m) throw new Error('invalid Discord webhook URL');
  // Real Discord URLs follow DISCORD_API_URL (a proxy); any other host is used as given (a self-hosted fake).
  const apiBase = DISCORD_HOSTS.test(url) ? undefined : (m[1] ?? '').replace(/\/v\d+$/, '');
  return { kind: 'webhook', webhookId: m[2] ?? '', webhookToken: m[3] ?? '', apiBase };
}

/** Discord drops a message whose nonce it saw from us in the last few minutes: a retried POST is not posted twice. */
function nonceFor(channelId: string, alertId: string): string {
  return createHash('sha256').update(`${channelId}:${alertId}`).digest('hex').slice(0, 25);
}

/** Where an alert was posted with the bot token, so a later source of the same event can reply to it. */
type PostedAt = { channelId: string; messageId: string };
const postedKey = (destination: string, alertId: string) => `discord:posted:${destination}:${alertId}`;
/** Long enough for the reposts of an event (they come within days), short enough not to keep every message. */
const POSTED_TTL_MS = 60 * 24 * 3600_000;

/** The message body: one embed, and mentions switched off whatever the text says. */
export function discordMessage(alert: Alert): {
  embeds: [ReturnType<typeof alertEmbed>];
  allowed_mentions: { parse: [] };
} {
  return { embeds: [alertEmbed(alert)], allowed_mentions: { parse: [] } };
}

/** Posts one embed per alert to a channel (bot token) or a webhook; rate limits and 5xx are retried, never doubled. */
export const discordNotifier: NotifierFactory<DiscordChannelConfig> = {
  type: 'discord',
  get schema() {
    return schema();
  },
  create(config, ctx) {
    // Subscriptions made with /regwatch subscribe arrive unparsed: `{channel}` with no defaults applied.
    const tokenEnv = config.token_env ?? 'DISCORD_TOKEN';
    const target: Target = config.webhook
      ? webhookTarget(config.webhook)
      : { kind: 'channel', channelId: config.channel ?? '', tokenEnv };
    const where =
      target.kind === 'channel' ? `discord channel ${target.channelId}` : `discord webhook ${target.webhookId}`;
    /** The alert's 13-month chart, or undefined (no monthly figure, or drawing failed: the alert goes without). */
    async function chartFor(alert: Alert) {
      try {
        const image = await alertChartImage(ctx.store, alert, ctx.logger);
        return image
          ? { filename: image.filename, title: image.title, contentType: 'image/png', data: image.png }
          : undefined;
      } catch (error) {
        ctx.logger.warn({ destination: config.id, err: (error as Error).message }, 'could not draw the alert chart');
        return undefined;
      }
    }

    return {
      id: config.id,
      type: 'discord',
      async send(alert) {
        const [discord, { discordRest, forgetDiscordRest }] = await loadDiscord();
        const { DiscordAPIError, Routes } = discord;
        const message = discordMessage(alert);
        const chart = config.charts ? await chartFor(alert) : undefined;
        // With a chart the message is multipart: the embed shows the attached PNG.
        const withChart = chart ? withAttachedImage(message, chart) : undefined;
        const body = withChart?.body ?? message;
        const files = withChart ? { files: withChart.files } : {};
        if (target.kind === 'webhook') {
          const env = target.apiBase ? { ...ctx.env, DISCORD_API_URL: target.apiBase } : ctx.env;
          try {
            await discordRest(env).post(Routes.webhook(target.webhookId, target.webhookToken), {
              body,
              ...files,
              query: new URLSearchParams({ wait: 'true' }),
              auth: false,
            });
          } catch (error) {
            throw deliveryError(discord, error, where, tokenEnv);
          }
          return;
        }
        const token = ctx.env[target.tokenEnv];
        if (!token) {
          throw new DeliveryError(
            `${where}: no bot token`,
            false,
            undefined,
            `set ${target.tokenEnv} to the bot's token (docs/discord.md), or give this channel a webhook instead`,
          );
        }
        let posted: { id?: string; channel_id?: string };
        try {
          posted = (await discordRest(ctx.env, token).post(Routes.channelMessages(target.channelId), {
            body: { ...body, nonce: nonceFor(target.channelId, alert.id), enforce_nonce: true },
            ...files,
          })) as { id?: string; channel_id?: string };
        } catch (error) {
          // discord.js drops a token Discord refused; forget the client so a fixed token is picked up on the next try.
          if (error instanceof DiscordAPIError && error.status === 401) forgetDiscordRest(ctx.env, token);
          throw deliveryError(discord, error, where, tokenEnv);
        }
        if (posted?.id) {
          const at: PostedAt = { channelId: posted.channel_id ?? target.channelId, messageId: posted.id };
          // Only for replies later: the alert is delivered whether or not this is remembered.
          await ctx.store
            .set(postedKey(config.id, alert.id), at, POSTED_TTL_MS)
            .catch((error: unknown) =>
              ctx.logger.warn(
                { destination: config.id, alert: alert.id, err: (error as Error).message },
                'could not remember the post',
              ),
            );
        }
      },
      /** Another source of an alerted event: a reply to the alert (bot-token channels; webhooks cannot reply). */
      async update(alert, extra) {
        if (target.kind !== 'channel') return;
        const token = ctx.env[target.tokenEnv];
        const at = token ? await ctx.store.get<PostedAt>(postedKey(config.id, alert.id)) : undefined;
        if (!token || !at) return;
        const [discord, { discordRest }] = await loadDiscord();
        const link = isHttpUrl(extra.url) ? ` <${extra.url.replace(/[<>\s]/g, encodeURIComponent)}>` : '';
        try {
          await discordRest(ctx.env, token).post(discord.Routes.channelMessages(at.channelId), {
            body: {
              content: cut(`Also reported by ${plainText(extra.source)}:${link}`, 2000),
              message_reference: { message_id: at.messageId, fail_if_not_exists: false },
              allowed_mentions: { parse: [], replied_user: false },
              flags: SUPPRESS_EMBEDS,
            },
          });
        } catch (error) {
          throw deliveryError(discord, error, where, tokenEnv);
        }
      },
    };
  },
};
