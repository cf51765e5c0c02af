/**
 * What Discord's API answers, as DeliveryErrors the outbox understands: a rate limit waits its time, 408 and 5xx
 * are retried, a missing channel, missing permissions or a refused token are permanent with what to do. Used by
 * the notifier (notifiers/discord.ts); never includes request URLs (webhook tokens).
 */
import { DeliveryError } from '../../notify/notifier.js';

type DiscordJs = typeof import('discord.js');

/** https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes */
function hintFor(code: number | string, status: number, where: string, tokenEnv: string): string | undefined {
  switch (code) {
    case 10003:
      return `${where} does not exist (deleted, or a wrong id): fix it in notify.yaml, or run /regwatch unsubscribe in its replacement`;
    case 50001:
      return `the bot cannot see ${where}: invite it to that server (docs/discord.md) and allow it View Channel there`;
    case 50013:
      return `the bot lacks permissions in ${where}: allow it Send Messages and Embed Links there`;
    case 10015:
    case 50027:
      return `${where} was deleted or its token is wrong: create a new webhook and update notify.yaml`;
    case 50035:
      return 'Discord refused the message layout: this is a regwatch bug, please report it with the alert id';
  }
  if (status === 401)
    return `Discord refused the bot token: reset it (Developer Portal → Bot → Reset Token) and set ${tokenEnv}`;
  if (status === 403) return `Discord refused access to ${where}: check the bot's permissions there`;
  if (status === 404) return `${where} was not found: check notify.yaml`;
  return undefined;
}

/** Turn what discord.js throws into a DeliveryError the outbox understands. Never includes request URLs (webhook tokens). */
export function deliveryError(
  { DiscordAPIError, HTTPError, RateLimitError }: DiscordJs,
  error: unknown,
  where: string,
  tokenEnv: string,
): DeliveryError {
  if (error instanceof RateLimitError) {
    const waitMs = Math.max(error.retryAfter, error.timeToReset, error.sublimitTimeout);
    return new DeliveryError(`${where}: rate limited by Discord for ${Math.ceil(waitMs / 1000)} s`, true, waitMs);
  }
  if (error instanceof DiscordAPIError) {
    const retryable = error.status === 408 || error.status >= 500;
    const code = typeof error.code === 'number' && error.code > 0 ? ` (code ${error.code})` : '';
    return new DeliveryError(
      `${where}: HTTP ${error.status} ${error.message}${code}`,
      retryable,
      undefined,
      retryable ? undefined : hintFor(error.code, error.status, where, tokenEnv),
    );
  }
  if (error instanceof HTTPError) return new DeliveryError(`${where}: Discord answered HTTP ${error.status}`, true);
  const name = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
  return new DeliveryError(`${where}: request failed (${name === 'AbortError' ? 'timed out' : name})`, true);
}
