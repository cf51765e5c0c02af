/**
 * discord.js REST clients for regwatch: one per (API base, token), shared by the notifier, the interactions endpoint
 * and `discord register`, so Discord's per-bucket rate limits are tracked once per bot.
 */
import { DefaultRestOptions, REST, type RateLimitData, type RESTOptions, type ResponseLike } from 'discord.js';

/** The production API base, without version (discord.js appends /v10). */
export const DISCORD_API = 'https://discord.com/api';

/** Waits up to this long are done in-process by discord.js; longer ones are handed to the outbox (it persists them). */
export const MAX_INLINE_RATE_LIMIT_WAIT_MS = 10_000;

/** `DISCORD_API_URL` (a proxy or a local fake) or discord.com, without a trailing slash or a `/vN` suffix. */
export function discordApiBase(env: NodeJS.ProcessEnv): string {
  return (env.DISCORD_API_URL?.trim() || DISCORD_API).replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * A 429 whose body says `retry_after` (float seconds, the precise value) but whose `Retry-After` header is missing or
 * rounded: give discord.js the body's value, which it reads from the header only.
 */
const honourRetryAfterBody: RESTOptions['makeRequest'] = async (url, init): Promise<ResponseLike> => {
  const response = await DefaultRestOptions.makeRequest(url, init);
  if (response.status !== 429) return response;
  const text = await response.text();
  const headers = new Headers(response.headers);
  try {
    const body = JSON.parse(text) as { retry_after?: unknown; global?: unknown };
    if (typeof body.retry_after === 'number' && body.retry_after >= 0)
      headers.set('retry-after', String(body.retry_after));
    if (body.global === true && !headers.has('x-ratelimit-global')) headers.set('x-ratelimit-global', 'true');
  } catch {
    // Not JSON: keep whatever headers Discord (or the proxy) sent.
  }
  return new Response(text, { status: 429, statusText: response.statusText, headers });
};

/** Reject (to the outbox) when discord.js would otherwise sit on a long rate limit. */
function rejectLongWaits(info: RateLimitData): boolean {
  return Math.max(info.retryAfter, info.timeToReset, info.sublimitTimeout) > MAX_INLINE_RATE_LIMIT_WAIT_MS;
}

const clients = new Map<string, REST>();

/**
 * The shared REST client for this API base and bot token (none for webhook-only use: webhook routes carry their
 * token in the path). One immediate retry for 5xx and timeouts; further 5xx retries come from the outbox's back-off.
 */
export function discordRest(env: NodeJS.ProcessEnv, token?: string): REST {
  const api = discordApiBase(env);
  const key = `${api}\n${token ?? ''}`;
  let rest = clients.get(key);
  if (!rest) {
    rest = new REST({
      api,
      version: '10',
      retries: 1,
      timeout: 15_000,
      rejectOnRateLimit: rejectLongWaits,
      makeRequest: honourRetryAfterBody,
    });
    if (token) rest.setToken(token);
    clients.set(key, rest);
  }
  return rest;
}

/** Drop the shared client for this token (after Discord refused it: discord.js has already unset it). */
export function forgetDiscordRest(env: NodeJS.ProcessEnv, token?: string): void {
  clients.delete(`${discordApiBase(env)}\n${token ?? ''}`);
}
