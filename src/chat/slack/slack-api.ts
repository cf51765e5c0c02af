/**
 * Slack's Web API as regwatch speaks it, shared by the notifier (notifiers/slack.ts) and the slash-command receiver
 * (mount-slack.ts): the base URL and Slack's answers mapped to DeliveryErrors the outbox understands —
 * 429 waits Retry-After, 5xx and network errors are retried, a deleted channel or a revoked token is permanent with
 * what to do. Errors: https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
import { DeliveryError } from '../../notify/notifier.js';

/** Slack errors that will not go away by retrying, with what an operator should do. */
export const PERMANENT: Record<string, string> = {
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
export const BLOCKS_REFUSED = new Set([
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

export function slackError(where: string, code: string, retryAfterMs?: number): DeliveryError {
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
export const ErrorCode = {
  RequestError: 'slack_webapi_request_error',
  HTTPError: 'slack_webapi_http_error',
  PlatformError: 'slack_webapi_platform_error',
  RateLimitedError: 'slack_webapi_rate_limited_error',
} as const;

/** Slack's answer to a Web API call, as a DeliveryError. */
export function fromWebApiError(error: unknown, where: string): DeliveryError {
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

/** The Web API base URL: SLACK_API_URL (a proxy, or a local fake in tests), else Slack's. */
export function slackApiUrl(env: NodeJS.ProcessEnv): string {
  return env.SLACK_API_URL || 'https://slack.com/api/';
}
